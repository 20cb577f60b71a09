package io.singlewindow.interchange.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.declaration.DeclarationAmendmentRequests;
import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.declaration.DeclarationBatches;
import io.singlewindow.declaration.DeclarationCancellationRequests;
import io.singlewindow.declaration.DeclarationResponses;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * Receives WCO Data Model declarations: each is read safely as a stream, submitted at once through the declaration
 * module's batch model like a CUSDEC message, and answered with a WCO DM Response. Its functional reference (the
 * LRN) is its idempotency key under its declarant, the same key the REST API takes from {@code clientReference}: sent
 * again with the same content it is answered with the declaration stored the first time, with other content it is
 * refused ({@code IDEMPOTENCY_KEY_REUSED}). A cancellation of a declaration sent before ({@link #cancel}) and an
 * amendment of one ({@link #amend}) are read by the same reader and answered the same way.
 */
@Component
class XmlInterchanges {

	private static final Logger log = LoggerFactory.getLogger(XmlInterchanges.class);

	private final WcoDeclarationReader reader;
	private final DeclarationBatches batches;
	private final DeclarationResponses responses;
	private final DeclarationCancellationRequests cancellations;
	private final DeclarationAmendmentRequests amendments;
	private final BusinessTime time;
	private final MessageSource messages;

	XmlInterchanges(WcoDeclarationReader reader, DeclarationBatches batches, DeclarationResponses responses,
			DeclarationCancellationRequests cancellations, DeclarationAmendmentRequests amendments, BusinessTime time,
			MessageSource messages) {
		this.reader = reader;
		this.amendments = amendments;
		this.cancellations = cancellations;
		this.batches = batches;
		this.responses = responses;
		this.time = time;
		this.messages = messages;
	}

	/**
	 * What the platform answers a declaration with.
	 *
	 * @param declarationId the declaration submitted, {@literal null} when it was refused
	 * @param created a new declaration (not one stored before under the same functional reference)
	 * @param body the WCO DM Response
	 */
	record Answer(UUID declarationId, boolean created, byte[] body) {
	}

	/**
	 * @throws io.singlewindow.core.Problem 403 {@code ROLE_REQUIRED} unless a trader or broker; 422 when the body is
	 *     no safe, well-formed WCO DM declaration ({@link WcoDeclarationReader#read})
	 */
	Answer receive(Actor actor, InputStream body) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		actor.requireRight(OperatorRight.DECLARE);
		WcoDeclaration document = reader.readDocument(body);
		if (document.amends()) {
			return amend(actor, document.amendment());
		}
		if (document.requests()) {
			return cancel(actor, document.cancellation());
		}
		BatchedDeclaration declaration = document.declaration();
		String reference = declaration.reference();
		DeclarationBatch.Entry entry = batches.submitNow(actor, reference.isBlank() ? null : reference, declaration);
		Instant now = time.now();
		if (entry.state() == DeclarationBatch.State.SUBMITTED) {
			ConsolidatedResponse response = responses.find(actor, entry.declarationId()).orElseThrow();
			log.info("event=wco_declaration_answered reference={} declaration={} number={} repeated={} status={}",
					reference, entry.declarationId(), response.number(), entry.repeated(), response.status());
			return new Answer(entry.declarationId(), !entry.repeated(),
					WcoResponseWriter.accepted(reference, response, now));
		}
		log.info("event=wco_declaration_refused reference={} code={} problems={}", reference, entry.code(),
				entry.problems().size());
		return new Answer(null, false,
				WcoResponseWriter.refused(reference, EdifactAnswer.Refusal.of(entry, messages), now));
	}

	/**
	 * A declarant's cancellation of a declaration it sent before (function code 13, type INV): withdrawn at once while
	 * the agencies decide it (answered like any withdrawn declaration, function code 10), an application customs
	 * decides once cleared (function code 11). Refused (function code 03, the refusal's stable code at the element
	 * concerned, nothing changed) when the request names no declaration, one not found or not the sender's, gives no
	 * reason, or the declaration can no longer be cancelled. The Response carries the request's own functional
	 * reference, so that the sender pairs it with its request, or the declaration's when the request has none.
	 */
	private Answer cancel(Actor actor, WcoDeclaration.Cancellation request) {
		Instant now = time.now();
		if (!request.problems().isEmpty()) {
			return cancellationRefused(request, refusals(request.problems(), request.sources()), now);
		}
		DeclarationCancellationRequests.Outcome outcome;
		try {
			outcome = cancellations.request(actor, request.number(), request.reason());
		}
		catch (Problem refused) {
			List<EdifactAnswer.Refusal> problems = EdifactAnswer.Refusal.of(refused,
					field -> request.sources().getOrDefault(field, WcoDeclaration.ROOT), request.sources().get("number"),
					messages);
			return cancellationRefused(request, problems, now);
		}
		ConsolidatedResponse response = responses.find(actor, outcome.declarationId()).orElseThrow();
		String reference = request.reference().isBlank() ? response.clientReference() : request.reference();
		log.info("event=wco_cancellation_answered reference={} number={} act={} repeated={} status={}", reference,
				response.number(), outcome.act(), outcome.repeated(), response.status());
		return new Answer(outcome.declarationId(), false,
				outcome.act() == DeclarationCancellationRequests.Act.WITHDRAWN
						? WcoResponseWriter.accepted(reference, response, now)
						: WcoResponseWriter.requestAccepted(reference, response, now));
	}

	/**
	 * A declarant's amendment of a declaration it sent before (function code 13, type COR, the declaration again as
	 * amended): done as its CUSDEC twin (a replacement) does it — while the agencies decide it, amended (answered as any
	 * declaration, with its new status and version); once cleared or released, an application for a correction of the
	 * lines' values that alone differ, for the reason its statements give, which customs decides (function code 11).
	 * Refused (function code 03, the stable code at the element concerned, nothing changed) as the declaration module
	 * refuses it. The Response carries the request's own functional reference.
	 */
	private Answer amend(Actor actor, WcoDeclaration.Amendment request) {
		Instant now = time.now();
		String reference = request.reference();
		if (!request.problems().isEmpty()) {
			return amendmentRefused(request, refusals(request.problems(), request.sources()), now);
		}
		// Its sources name where the number and the reason were read, under the names the declaration module gives them.
		BatchedDeclaration read = request.declaration();
		DeclarationAmendmentRequests.Outcome outcome = amendments.amend(actor, request.number().strip(), null,
				request.reason(), new BatchedDeclaration(read.reference(), read.source(), read.fields(),
						request.sources(), read.problems()));
		DeclarationBatch.Entry entry = outcome.entry();
		if (entry.state() != DeclarationBatch.State.SUBMITTED) {
			return amendmentRefused(request, EdifactAnswer.Refusal.of(entry, messages), now);
		}
		ConsolidatedResponse response = responses.find(actor, entry.declarationId()).orElseThrow();
		log.info("event=wco_amendment_answered reference={} number={} act={} status={}", reference, response.number(),
				outcome.act(), response.status());
		return new Answer(entry.declarationId(), false,
				outcome.act() == DeclarationAmendmentRequests.Act.AMENDED
						? WcoResponseWriter.accepted(reference, response, now)
						: WcoResponseWriter.requestAccepted(reference, response, now));
	}

	private Answer amendmentRefused(WcoDeclaration.Amendment request, List<EdifactAnswer.Refusal> problems,
			Instant now) {
		log.info("event=wco_amendment_refused reference={} number={} code={}", request.reference(), request.number(),
				problems.getFirst().code());
		return new Answer(null, false, WcoResponseWriter.refused(request.reference(), problems, now));
	}

	private Answer cancellationRefused(WcoDeclaration.Cancellation request, List<EdifactAnswer.Refusal> problems,
			Instant now) {
		log.info("event=wco_cancellation_refused reference={} number={} code={}", request.reference(),
				request.number(), problems.getFirst().code());
		return new Answer(null, false, WcoResponseWriter.refused(request.reference(), problems, now));
	}

	/** Each problem at the element its field was read from (the declaration itself when none). */
	private List<EdifactAnswer.Refusal> refusals(List<FieldProblem> problems, Map<String, String> sources) {
		return problems.stream().map(p -> EdifactAnswer.Refusal.of(p.code(),
				sources.getOrDefault(p.field(), WcoDeclaration.ROOT), p.arguments(), messages)).toList();
	}

	/** A declaration's consolidated response as a WCO DM Response, whatever channel it came by. */
	byte[] response(ConsolidatedResponse response) {
		return WcoResponseWriter.accepted(response.clientReference(), response, time.now());
	}
}
