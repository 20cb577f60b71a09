/**
 * The standards channel: declarations from brokers' and traders' own software as UN/EDIFACT CUSDEC messages in an
 * interchange, answered with CONTRL (syntax and structure) and CUSRES (each declaration's outcome). Each message goes
 * through the declaration module's batch model ({@code DeclarationBatches}), so it is validated, assessed, routed
 * and decided exactly like a declaration submitted through the REST API; a cancellation (CUSDEC BGM 1225 = 1, WCO DM
 * function code 13) goes through {@code DeclarationCancellationRequests}. It needs identity (who sends), core (its
 * problems), platform (time) and declaration, nothing else.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity",
		"declaration" })
package io.singlewindow.interchange;
