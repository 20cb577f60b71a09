/**
 * The international trade single window: a trader submits one goods declaration once; it is validated, assessed,
 * routed to every agency that must act, each agency decides (by rule or by an officer) and one consolidated answer
 * returns.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity", "audit", "calendar",
		"enterprise", "permit", "reference", "tariff", "risk", "routing" })
package io.singlewindow.declaration;
