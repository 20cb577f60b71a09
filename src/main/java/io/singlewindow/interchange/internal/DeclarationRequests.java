package io.singlewindow.interchange.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.declaration.DeclarationAmendmentRequests;
import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.declaration.DeclarationCancellationRequests;
import io.singlewindow.identity.Actor;
import io.singlewindow.interchange.internal.ReceivedInterchange.Message;

/**
 * CUSDEC messages about a declaration sent before, named by the number the platform gave it (RFF+ABT): a cancellation
 * (BGM 1225 = 1) and a replacement (5), each done by the declaration module as the declarant's own act through the API
 * is — withdrawn or applied for; amended. They are acted on when their interchange is received: the platform numbers a
 * declaration only once it is submitted, so such a message never names one of its own interchange.
 */
@Component
class DeclarationRequests {

	private static final Logger log = LoggerFactory.getLogger(DeclarationRequests.class);

	private final DeclarationCancellationRequests cancellations;
	private final DeclarationAmendmentRequests amendments;
	private final MessageSource messages;

	DeclarationRequests(DeclarationCancellationRequests cancellations, DeclarationAmendmentRequests amendments,
			MessageSource messages) {
		this.cancellations = cancellations;
		this.amendments = amendments;
		this.messages = messages;
	}

	/**
	 * What was done with one message: the declaration and the act ({@code WITHDRAWN}, {@code CANCELLATION_APPLIED},
	 * {@code AMENDED}, {@code CORRECTION_APPLIED}), or the refusal's problems (nothing changed).
	 */
	record Answer(String reference, UUID declarationId, String act, List<EdifactAnswer.Refusal> refusals) {
	}

	/**
	 * @param replacementsAnswered whether a replacement may be done while its sender waits: an amendment costs what a
	 *     submission does, so an interchange holding replacements answers at most
	 *     {@link Interchanges#SYNCHRONOUS_UP_TO} declarations and replacements together
	 */
	Answer act(Actor actor, Message message, boolean replacementsAnswered) {
		return message.cancellation() ? cancel(actor, message) : replace(actor, message, replacementsAnswered);
	}

	/**
	 * A cancellation, done as its WCO DM twin does it: withdrawn while the agencies decide the declaration, an
	 * application customs decides once cleared; sent again, the same answer and nothing changed. Refused with the
	 * stable code at the segment concerned when it names no declaration or one not found or not the sender's, gives no
	 * reason, or the declaration can no longer be cancelled.
	 */
	private Answer cancel(Actor actor, Message message) {
		CusdecCancellation request = CusdecCancellation.of(message.declaration()).orElseThrow();
		List<EdifactAnswer.Refusal> refusals;
		if (request.problems().isEmpty()) {
			try {
				DeclarationCancellationRequests.Outcome outcome = cancellations.request(actor, request.number(),
						request.reason());
				log.info("event=cusdec_cancellation_answered message={} declaration={} act={} repeated={}",
						request.reference(), outcome.declarationId(), outcome.act(), outcome.repeated());
				return new Answer(request.reference(), outcome.declarationId(), outcome.act().name(), List.of());
			}
			catch (Problem refused) {
				refusals = EdifactAnswer.Refusal.of(refused, request::source, request.source(CusdecCancellation.NUMBER),
						messages);
			}
		}
		else {
			refusals = request.problems().stream().map(p -> refusal(p.code(), p.field(), p.arguments())).toList();
		}
		return refused(message, "cancellation", refusals);
	}

	/**
	 * A replacement: the declaration named is amended with the message's content, validated like a new declaration's,
	 * as of the version in RFF+ZVN when it gives one; of a cleared or released declaration, it is an application for a
	 * correction of the lines' values that differ, for the reason in FTX+ACD, refused where anything else differs. An
	 * interchange sent again (the same control reference) is answered as the first time; the same replacement in another
	 * interchange amends again, unless its version refuses it.
	 */
	private Answer replace(Actor actor, Message message, boolean answered) {
		BatchedDeclaration read = message.declaration();
		String function = read.sources().get(CusdecCancellation.FUNCTION);
		if (!answered) {
			return refused(message, "replacement", List.of(refusal("INTERCHANGE_REPLACEMENTS_TOO_MANY", function,
					new Object[] { Interchanges.SYNCHRONOUS_UP_TO })));
		}
		String number = read.fields().get(CusdecCancellation.NUMBER);
		if (number == null || number.isBlank()) {
			return refused(message, "replacement",
					List.of(refusal("DECLARATION_NUMBER_REQUIRED", function, new Object[0])));
		}
		String version = read.fields().get("version");
		if (version != null && !version.strip().matches("\\d{1,9}")) {
			return refused(message, "replacement",
					List.of(refusal("INTEGER_REQUIRED", read.sources().get("version"), new Object[0])));
		}
		Map<String, String> fields = new LinkedHashMap<>(read.fields());
		String reason = fields.get(CusdecCancellation.REASON);
		fields.keySet().removeAll(List.of(CusdecCancellation.FUNCTION, CusdecCancellation.NUMBER, "version",
				CusdecCancellation.REASON));
		Map<String, String> sources = new LinkedHashMap<>(read.sources());
		// Without a reason, its refusal is named at the message function that made it an application.
		sources.putIfAbsent(DeclarationAmendmentRequests.REASON, function);
		DeclarationAmendmentRequests.Outcome outcome = amendments.amend(actor, number.strip(),
				version == null ? null : Integer.valueOf(version.strip()), reason,
				new BatchedDeclaration(read.reference(), read.source(), fields, sources, read.problems()));
		DeclarationBatch.Entry entry = outcome.entry();
		if (entry.state() != DeclarationBatch.State.SUBMITTED) {
			return refused(message, "replacement", EdifactAnswer.Refusal.of(entry, messages));
		}
		log.info("event=cusdec_replacement_answered message={} declaration={} act={} status={}", message.reference(),
				entry.declarationId(), outcome.act(), entry.status());
		return new Answer(message.reference(), entry.declarationId(), outcome.act().name(), List.of());
	}

	private Answer refused(Message message, String kind, List<EdifactAnswer.Refusal> refusals) {
		log.info("event=cusdec_request_refused kind={} message={} code={}", kind, message.reference(),
				refusals.getFirst().code());
		return new Answer(message.reference(), null, null, refusals);
	}

	private EdifactAnswer.Refusal refusal(String code, String source, Object[] arguments) {
		return EdifactAnswer.Refusal.of(code, source, arguments, messages);
	}
}
