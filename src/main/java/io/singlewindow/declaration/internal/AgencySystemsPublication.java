package io.singlewindow.declaration.internal;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.singlewindow.declaration.AgencyDecisionRecorded;
import io.singlewindow.declaration.AgencyTaskOpened;
import io.singlewindow.declaration.DeclarationCancellationApplied;
import io.singlewindow.declaration.DeclarationCancellationRefused;
import io.singlewindow.declaration.DeclarationCancelled;
import io.singlewindow.declaration.DeclarationCorrected;
import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.declaration.DeclarationReleased;
import io.singlewindow.declaration.DeclarationSubmitted;
import io.singlewindow.declaration.DeclarationWithdrawn;
import io.singlewindow.declaration.SupportingDocumentAttached;
import io.singlewindow.platform.BusinessTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends agencies' tasks and declarations' status changes to Kafka. Each send is an event listener backed by the event
 * publication registry: the event is stored in the transaction that opened the task, so a task is published if and
 * only if that transaction committed, and a send that failed (broker down, node killed) stays incomplete and is sent
 * again — by {@link #retryUnsent()} on a running node, on restart otherwise. At least once, therefore: consumers
 * recognise a repeated task by its id and version.
 */
@Component
@Conditional(AgencySystemsConfiguration.BootstrapServersConfigured.class)
class AgencySystemsPublication {

	private static final Logger log = LoggerFactory.getLogger(AgencySystemsPublication.class);

	static final long SEND_MARGIN_MILLIS = 5_000;

	private final KafkaTemplate<String, String> kafka;
	private final AgencySystemsTopics topics;
	private final AgencySystemsProperties properties;
	private final DeclarationStore store;
	private final JsonMapper json;
	private final IncompleteEventPublications incomplete;
	private final BusinessTime time;

	AgencySystemsPublication(KafkaTemplate<String, String> kafka, AgencySystemsTopics topics,
			AgencySystemsProperties properties, DeclarationStore store, JsonMapper json,
			IncompleteEventPublications incomplete, BusinessTime time) {
		this.kafka = kafka;
		this.topics = topics;
		this.properties = properties;
		this.store = store;
		this.json = json;
		this.incomplete = incomplete;
		this.time = time;
	}

	@ApplicationModuleListener
	void on(AgencyTaskOpened opened) throws Exception {
		DeclarationView view = store.find(opened.declarationId()).orElseThrow();
		var task = view.tasks().stream().filter(t -> t.agency().equals(opened.agency().value())).findFirst();
		if (task.isEmpty()) {
			log.info("event=agency_task_not_published reason=unrouted declaration={} agency={}", opened.declarationNumber(),
					opened.agency());
			return; // an amendment removed the agency's lines since: nothing to decide
		}
		var message = AgencySystemsMessages.TaskMessage.of(view, task.get(), opened.openedAt(), opened.policyCode());
		send(topics.tasks(opened.agency()), opened.declarationId(), message);
		log.info("event=agency_task_published declaration={} agency={} task={} version={}", view.number(),
				opened.agency(), message.taskId(), message.taskVersion());
	}

	@ApplicationModuleListener
	void on(DeclarationSubmitted submitted) throws Exception {
		status("SUBMITTED", submitted.declarationId(), null, null, submitted.submittedAt());
	}

	@ApplicationModuleListener
	void on(AgencyDecisionRecorded decided) throws Exception {
		status("AGENCY_DECIDED", decided.declarationId(), decided.agency().value(), decided.decision(),
				decided.decidedAt());
	}

	@ApplicationModuleListener
	void on(DeclarationCleared cleared) throws Exception {
		status("CLEARED", cleared.declarationId(), null, null, cleared.clearedAt());
	}

	@ApplicationModuleListener
	void on(DeclarationReleased released) throws Exception {
		status("RELEASED", released.declarationId(), null, null, released.releasedAt());
	}

	/** An agency's system drops the declaration's open tasks from its own queue when it hears this. */
	@ApplicationModuleListener
	void on(DeclarationWithdrawn withdrawn) throws Exception {
		reasoned("WITHDRAWN", withdrawn.declarationId(), withdrawn.withdrawnBy(), withdrawn.reason(),
				withdrawn.withdrawnAt());
	}

	/** An agency's system hears that customs cancelled a cleared or released declaration: its goods are not declared. */
	@ApplicationModuleListener
	void on(DeclarationCancelled cancelled) throws Exception {
		reasoned("CANCELLED", cancelled.declarationId(), cancelled.cancelledBy(), cancelled.reason(),
				cancelled.cancelledAt());
	}

	/**
	 * An agency's system hears that customs corrected a cleared or released declaration's values (its lines, as
	 * assessed again, are read from the declaration's address).
	 */
	@ApplicationModuleListener
	void on(DeclarationCorrected corrected) throws Exception {
		reasoned("CORRECTED", corrected.declarationId(), corrected.correctedBy(), corrected.reason(),
				corrected.correctedAt());
	}

	/**
	 * Customs' own system hears that a declarant applied for a correction of a cleared declaration's values (the values
	 * asked for are on the declaration, {@code correctionApplication}), and of its refusal.
	 */
	@ApplicationModuleListener
	void on(io.singlewindow.declaration.DeclarationCorrectionApplied applied) throws Exception {
		reasoned("CORRECTION_APPLIED", applied.declarationId(), applied.appliedBy(), applied.reason(),
				applied.appliedAt());
	}

	/** Customs' and the other agencies' systems hear that the duties were paid, with the bank's reference. */
	@ApplicationModuleListener
	void on(io.singlewindow.declaration.DeclarationDutiesPaid paid) throws Exception {
		reasoned("DUTIES_PAID", paid.declarationId(), paid.recordedBy(), paid.reference(), paid.recordedAt());
	}

	/** Customs' and the other agencies' systems hear that what a cancelled declaration paid was refunded (退税). */
	@ApplicationModuleListener
	void on(io.singlewindow.declaration.DeclarationDutiesRefunded refunded) throws Exception {
		reasoned("DUTIES_REFUNDED", refunded.declarationId(), refunded.recordedBy(), refunded.reference(),
				refunded.recordedAt());
	}

	/** Customs' and the other agencies' systems hear that customs accepted a guarantee for the duties (担保放行). */
	@ApplicationModuleListener
	void on(io.singlewindow.declaration.DeclarationDutiesGuaranteed guaranteed) throws Exception {
		reasoned("DUTIES_GUARANTEED", guaranteed.declarationId(), guaranteed.recordedBy(), guaranteed.reference(),
				guaranteed.recordedAt());
	}

	/**
	 * Customs' and the other agencies' systems hear that the duties were taken from the guarantee once the last day to
	 * pay passed unpaid (从担保中抵缴), with the reference of the taking.
	 */
	@ApplicationModuleListener
	void on(io.singlewindow.declaration.DeclarationGuaranteeEnforced enforced) throws Exception {
		reasoned("GUARANTEE_ENFORCED", enforced.declarationId(), enforced.recordedBy(), enforced.reference(),
				enforced.recordedAt());
	}

	/**
	 * Customs' and the other agencies' systems hear that what a correction changed was collected (补税) or refunded
	 * (退税), with the bank's reference (the amounts are on the declaration, {@code corrections[].difference}).
	 */
	@ApplicationModuleListener
	void on(io.singlewindow.declaration.DeclarationDifferenceSettled settled) throws Exception {
		reasoned("COLLECT".equals(settled.kind()) ? "DIFFERENCE_COLLECTED" : "DIFFERENCE_REFUNDED",
				settled.declarationId(), settled.recordedBy(), settled.reference(), settled.recordedAt());
	}

	@ApplicationModuleListener
	void on(io.singlewindow.declaration.DeclarationCorrectionRefused refused) throws Exception {
		reasoned("CORRECTION_REFUSED", refused.declarationId(), refused.refusedBy(), refused.reason(),
				refused.refusedAt());
	}

	/**
	 * Customs' own system hears that a declarant applied for a cancellation, so that it can be decided there (on the
	 * decisions topics, {@link AgencyDecisionInbox}, or through the API) as well as in customs' work list; the
	 * declaration's status does not move. Its {@code at} is what a refusal names.
	 */
	@ApplicationModuleListener
	void on(DeclarationCancellationApplied applied) throws Exception {
		reasoned("CANCELLATION_APPLIED", applied.declarationId(), applied.appliedBy(), applied.reason(),
				applied.appliedAt());
	}

	/** Customs' own system hears that an officer refused the application (in the platform's pages or by the API). */
	@ApplicationModuleListener
	void on(DeclarationCancellationRefused refused) throws Exception {
		reasoned("CANCELLATION_REFUSED", refused.declarationId(), refused.refusedBy(), refused.reason(),
				refused.refusedAt());
	}

	/**
	 * An agency's system hears that the declarant attached a document (often what its officer's question asked for),
	 * and where to fetch it.
	 */
	@ApplicationModuleListener
	void on(SupportingDocumentAttached attached) throws Exception {
		DeclarationView view = store.find(attached.declarationId()).orElseThrow();
		send(topics.declarations(), attached.declarationId(), new AgencySystemsMessages.DeclarationMessage(
				AgencySystemsMessages.SCHEMA_VERSION, "DOCUMENT_ATTACHED", attached.declarationId(), view.number(),
				view.status().name(), null, null, attached.attachedAt(),
				new AgencySystemsMessages.AttachedDocument(attached.documentId(), attached.kind(), attached.fileName(),
						attached.sha256(), "/api/v1/declarations/" + attached.declarationId() + "/documents/"
								+ attached.documentId()),
				null, null));
	}

	/**
	 * Sends again what a broker outage left unsent, once it is old enough not to be still on its way. The registry
	 * does not say which listener a publication is for, so a failed publication of another listener of the same
	 * events (the statistics' clearance listener, which is idempotent) is retried too — as a restart would.
	 */
	@Scheduled(fixedDelayString = "${singlewindow.kafka.retry-every:15s}", initialDelayString = "${singlewindow.kafka.retry-every:15s}")
	void retryUnsent() {
		// The registry dated the publication with the platform's clock; its age is read on the same clock.
		Instant before = time.now().minus(properties.retryAfter());
		incomplete.resubmitIncompletePublications(p -> p.getStatus() == EventPublication.Status.FAILED
				&& p.getPublicationDate().isBefore(before) && (p.getEvent() instanceof AgencyTaskOpened
						|| p.getEvent() instanceof DeclarationSubmitted || p.getEvent() instanceof AgencyDecisionRecorded
						|| p.getEvent() instanceof DeclarationCleared || p.getEvent() instanceof DeclarationReleased
						|| p.getEvent() instanceof DeclarationWithdrawn || p.getEvent() instanceof DeclarationCancelled
						|| p.getEvent() instanceof DeclarationCancellationApplied
						|| p.getEvent() instanceof DeclarationCancellationRefused
						|| p.getEvent() instanceof SupportingDocumentAttached));
	}

	private void status(String event, UUID declarationId, String agency, String decision, Instant at)
			throws Exception {
		declarationEvent(event, declarationId, agency, decision, at, null, null);
	}

	/** A withdrawal, a cancellation, an application for one or its refusal: who did it and why. */
	private void reasoned(String event, UUID declarationId, String by, String reason, Instant at) throws Exception {
		declarationEvent(event, declarationId, null, null, at, by, reason);
	}

	private void declarationEvent(String event, UUID declarationId, String agency, String decision, Instant at,
			String by, String reason) throws Exception {
		DeclarationView view = store.find(declarationId).orElseThrow();
		send(topics.declarations(), declarationId, new AgencySystemsMessages.DeclarationMessage(
				AgencySystemsMessages.SCHEMA_VERSION, event, declarationId, view.number(), view.status().name(), agency,
				decision, at == null ? time.now() : at, null, by, reason));
	}

	private void send(String topic, UUID declarationId, Object message) throws Exception {
		// Waits for the broker's acknowledgement: only then may the publication count as done. The producer gives up
		// the record by itself after the send timeout (AgencySystemsConfiguration), so the margin only guards a hang.
		kafka.send(topic, declarationId.toString(), json.writeValueAsString(message))
			.get(properties.sendTimeout().toMillis() + SEND_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
	}
}
