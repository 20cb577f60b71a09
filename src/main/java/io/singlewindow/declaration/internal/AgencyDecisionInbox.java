package io.singlewindow.declaration.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.declaration.internal.AgencySystemsMessages.DeadLetter;
import io.singlewindow.declaration.internal.AgencySystemsMessages.DecisionMessage;
import io.singlewindow.declaration.internal.Declarations.Decision;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.KeyedActors;
import io.singlewindow.platform.BusinessTime;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions from agencies' systems, applied exactly as a decision through the API ({@link Declarations#decide}): the
 * same rights (the message carries an officer's API key of the task's agency in its {@code Authorization} header, or
 * comes without one on the agency's own decisions topic, which only its configured principal may write:
 * {@link AgencyPrincipals}), the same refusals. A message that cannot be applied goes to the dead-letter topic with the
 * refusal's stable code and is acknowledged, so it never blocks its partition. A redelivered decision — same task,
 * same version, already recorded by the same officer — changes nothing and is not a dead letter. Customs' system also
 * reports the payment of duties the bank reported ({@code payment}).
 */
@Component
@Conditional(AgencySystemsConfiguration.BootstrapServersConfigured.class)
class AgencyDecisionInbox {

	private static final Logger log = LoggerFactory.getLogger(AgencyDecisionInbox.class);

	private final Declarations declarations;
	private final DeclarationStore store;
	private final KeyedActors keyedActors;
	private final KafkaTemplate<String, String> kafka;
	private final AgencySystemsTopics topics;
	private final AgencySystemsProperties properties;
	private final JsonMapper json;
	private final BusinessTime time;
	private final AgencyPrincipals principals;
	private final DeclarationCorrections corrections;
	private final DutyPayments payments;
	private final SummaryStatements statements;

	AgencyDecisionInbox(Declarations declarations, DeclarationStore store, KeyedActors keyedActors,
			KafkaTemplate<String, String> kafka, AgencySystemsTopics topics, AgencySystemsProperties properties,
			JsonMapper json, BusinessTime time, AgencyPrincipals principals, DeclarationCorrections corrections,
			DutyPayments payments, SummaryStatements statements) {
		this.payments = payments;
		this.statements = statements;
		this.principals = principals;
		this.corrections = corrections;
		this.declarations = declarations;
		this.store = store;
		this.keyedActors = keyedActors;
		this.kafka = kafka;
		this.topics = topics;
		this.properties = properties;
		this.json = json;
		this.time = time;
	}

	@KafkaListener(topics = "#{@agencySystemsTopics.decisionTopics()}", groupId = "${singlewindow.kafka.group:singlewindow}")
	void on(ConsumerRecord<String, String> record) throws Exception {
		Optional<Refusal> refusal;
		try {
			refusal = apply(record);
		} catch (RuntimeException unexpected) {
			// Never let one message stop the partition: it goes aside with what went wrong.
			log.warn("event=agency_decision_failed offset={} partition={} error={}", record.offset(),
					record.partition(), unexpected.toString());
			refusal = Optional.of(new Refusal("DECISION_NOT_APPLIED", unexpected.getClass().getSimpleName()));
		}
		if (refusal.isPresent()) {
			deadLetter(record, refusal.get());
		}
	}

	private Optional<Refusal> apply(ConsumerRecord<String, String> record) {
		DecisionMessage message;
		try {
			message = json.readValue(record.value() == null ? "" : record.value(), DecisionMessage.class);
		} catch (JacksonException malformed) {
			return Optional.of(new Refusal("MALFORMED_MESSAGE", malformed.getOriginalMessage()));
		}
		if (message == null) {
			// The JSON literal null: read without complaint, and nothing in it (it failed with a NullPointerException).
			return Optional.of(new Refusal("MALFORMED_MESSAGE", "null: a JSON object is expected"));
		}
		if (message.schemaVersion() == null || message.schemaVersion() != AgencySystemsMessages.SCHEMA_VERSION) {
			return Optional.of(new Refusal("UNSUPPORTED_SCHEMA_VERSION", String.valueOf(message.schemaVersion())));
		}
		long kinds = Stream.of(message.decision(), message.cancellation(), message.correction(), message.payment(),
				message.guarantee(), message.refund(), message.statementPayment()).filter(Objects::nonNull).count();
		if (kinds > 1) {
			// Which one was meant cannot be told: none is applied rather than a guess.
			return Optional.of(new Refusal("MALFORMED_MESSAGE", "one of decision, cancellation, correction, payment, "
					+ "guarantee, refund and statementPayment, not " + kinds));
		}
		if (message.statementPayment() != null) {
			return applyStatementPayment(record, message.statementPayment());
		}
		if (message.cancellation() != null) {
			return applyCancellationDecision(record, message);
		}
		if (message.payment() != null || message.guarantee() != null || message.refund() != null) {
			return applyPayment(record, message);
		}
		return message.correction() != null ? applyCorrectionDecision(record, message)
				: applyTaskDecision(record, message);
	}

	private Optional<Refusal> applyTaskDecision(ConsumerRecord<String, String> record, DecisionMessage message) {
		if (message.taskId() == null || message.taskVersion() == null || message.decision() == null) {
			return Optional.of(new Refusal("MALFORMED_MESSAGE", "taskId, taskVersion and decision are required"));
		}
		Decision decision;
		try {
			decision = Decision.valueOf(message.decision().strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException unknown) {
			return Optional.of(new Refusal("UNKNOWN_DECISION", message.decision()));
		}
		Sender sender = sender(record);
		if (sender.refusal() != null) {
			return Optional.of(sender.refusal());
		}
		Actor actor = sender.actor();
		try {
			var view = declarations.decide(actor, message.taskId(), decision, message.reason(), message.taskVersion());
			log.info("event=agency_decision_applied source=kafka task={} declaration={} decision={} officer={}",
					message.taskId(), view.number(), decision, actor.username());
			return Optional.empty();
		} catch (Problem refused) {
			if (alreadyRecorded(message, decision, actor)) {
				log.info("event=agency_decision_redelivered task={} version={} officer={}", message.taskId(),
						message.taskVersion(), actor.username());
				return Optional.empty();
			}
			return Optional.of(Refusal.of(refused));
		}
	}

	/** What customs' system decides on a declarant's application for a cancellation, or of its own finding. */
	enum CancellationDecision {
		/** Cancels the declaration ({@link Declarations#cancel}). */
		CANCEL,
		/** Refuses the application that {@code appliedAt} names ({@link Declarations#refuseCancellation}). */
		REFUSE
	}

	/**
	 * A cancellation, or the refusal of an application for one, from customs' system: the same rights and refusals as
	 * through the API. A refusal names the application it refuses by its {@code appliedAt} (as the
	 * {@code CANCELLATION_APPLIED} message gave it), so that a refusal delivered again after the declarant applied anew
	 * does not refuse the new application unread.
	 */
	private Optional<Refusal> applyCancellationDecision(ConsumerRecord<String, String> record, DecisionMessage message) {
		return applyDeclarationDecision(record, message, "cancellation", CancellationDecision.class,
				message.cancellation(), decision -> decision == CancellationDecision.REFUSE,
				(actor, decision) -> switch (decision) {
					case CANCEL -> declarations.cancel(actor, message.declarationId(), message.reason(), null);
					case REFUSE -> declarations.refuseCancellation(actor, message.declarationId(), message.reason(),
							message.appliedAt());
				}, (actor, decision) -> alreadyRecorded(message, decision, actor));
	}

	/** Does customs' decision on a declaration as the API does, answering the declaration. */
	@FunctionalInterface
	private interface DeclarationAct<D> {

		DeclarationView of(Actor actor, D decision);
	}

	/**
	 * Customs' decision on a declaration ({@code kind}: a cancellation, a correction), {@code written} as one of
	 * {@code decisions}: read, applied with the sender's rights by {@code act}, and when refused, recognised as a
	 * redelivery by {@code alreadyRecorded} (then nothing is a dead letter).
	 *
	 * @param onAnApplication the decisions that name an application by {@code appliedAt}
	 */
	private <D extends Enum<D>> Optional<Refusal> applyDeclarationDecision(ConsumerRecord<String, String> record,
			DecisionMessage message, String kind, Class<D> decisions, String written,
			Predicate<D> onAnApplication, DeclarationAct<D> act,
			BiPredicate<Actor, D> alreadyRecorded) {
		D decision;
		try {
			decision = Enum.valueOf(decisions, written.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException unknown) {
			return Optional.of(new Refusal("UNKNOWN_DECISION", written));
		}
		if (message.declarationId() == null || (onAnApplication.test(decision) && message.appliedAt() == null)) {
			return Optional.of(new Refusal("MALFORMED_MESSAGE", "declarationId is required with a " + kind
					+ ", and appliedAt (the application decided) with a " + decision));
		}
		Sender sender = sender(record);
		if (sender.refusal() != null) {
			return Optional.of(sender.refusal());
		}
		Actor actor = sender.actor();
		try {
			var view = act.of(actor, decision);
			log.info("event={}_decision_applied source=kafka declaration={} decision={} officer={}", kind,
					view.number(), decision, actor.username());
			return Optional.empty();
		} catch (Problem refused) {
			if (alreadyRecorded.test(actor, decision)) {
				log.info("event={}_decision_redelivered declaration={} decision={} officer={}", kind,
						message.declarationId(), decision, actor.username());
				return Optional.empty();
			}
			return Optional.of(Refusal.of(refused));
		}
	}

	/**
	 * The same officer's same decision is on the declaration's timeline already: cancelled by them, or the application
	 * made at {@code appliedAt} refused by them.
	 */
	private boolean alreadyRecorded(DecisionMessage message, CancellationDecision decision, Actor actor) {
		var timeline = timeline(message.declarationId());
		if (decision == CancellationDecision.CANCEL) {
			return timeline.stream().anyMatch(e -> "CANCELLED".equals(e.event()) && actor.username().equals(e.actor()));
		}
		return decidedBy(timeline, "CANCELLATION_APPLIED", message.appliedAt(),
				List.of("CANCELLATION_REFUSED", "CANCELLED"), "CANCELLATION_REFUSED", actor);
	}

	/** What customs' system decides on a declarant's application for a correction of its values. */
	enum CorrectionDecision {
		/** Corrects the values as the application asked ({@link DeclarationCorrections#correctAsApplied}). */
		CORRECT,
		/** Refuses the application ({@link DeclarationCorrections#refuseCorrection}). */
		REFUSE
	}

	/**
	 * Customs' system decides an application for a correction, named by its {@code appliedAt} (as the
	 * {@code CORRECTION_APPLIED} message gave it): corrects the values as it asked, or refuses it. The same rights and
	 * refusals as through the API; a decision delivered again is recognised on the timeline and changes nothing.
	 */
	private Optional<Refusal> applyCorrectionDecision(ConsumerRecord<String, String> record, DecisionMessage message) {
		return applyDeclarationDecision(record, message, "correction", CorrectionDecision.class, message.correction(),
				decision -> true, (actor, decision) -> switch (decision) {
					case CORRECT -> corrections.correctAsApplied(actor, message.declarationId(), message.reason(),
							message.appliedAt());
					case REFUSE -> corrections.refuseCorrection(actor, message.declarationId(), message.reason(),
							message.appliedAt());
				}, (actor, decision) -> decidedBy(timeline(message.declarationId()), "CORRECTION_APPLIED",
						message.appliedAt(), List.of("CORRECTED", "CORRECTION_REFUSED"),
						decision == CorrectionDecision.CORRECT ? "CORRECTED" : "CORRECTION_REFUSED", actor));
	}

	/**
	 * Customs' system reports the payment of a declaration's duties as the bank reported it (of its first notice, with
	 * {@code correctionId} of a correction's own notice, with {@code fromGuarantee} what it took from the guarantee),
	 * a guarantee it accepted for them, or the refund of a cancelled declaration's duties: recorded as through the API,
	 * with the same rights and refusals. The same record delivered again is recognised by the recording
	 * itself (the same amount, day and reference change nothing), so it is no dead letter.
	 */
	private Optional<Refusal> applyPayment(ConsumerRecord<String, String> record, DecisionMessage message) {
		if (message.declarationId() == null) {
			return Optional.of(new Refusal("MALFORMED_MESSAGE",
					"declarationId is required with a payment, guarantee or refund"));
		}
		Sender sender = sender(record);
		if (sender.refusal() != null) {
			return Optional.of(sender.refusal());
		}
		AgencySystemsMessages.PaymentMessage paid = message.payment();
		AgencySystemsMessages.GuaranteeMessage guarantee = message.guarantee();
		AgencySystemsMessages.PaymentMessage refund = message.refund();
		if (paid != null && paid.takenFromGuarantee() && paid.correctionId() != null) {
			return Optional.of(new Refusal("MALFORMED_MESSAGE",
					"a payment is taken from the guarantee for the first notice, not with a correctionId"));
		}
		if (refund != null && (refund.correctionId() != null || refund.takenFromGuarantee())) {
			return Optional.of(new Refusal("MALFORMED_MESSAGE",
					"a refund gives back what a cancelled declaration paid: neither correctionId nor fromGuarantee"));
		}
		String kind = guarantee != null ? "guarantee" : refund != null ? "refund" : paid.takenFromGuarantee()
				? "enforcement" : paid.correctionId() != null ? "settlement" : "payment";
		try {
			DeclarationView view;
			if (guarantee != null) {
				view = payments.guarantee(sender.actor(), message.declarationId(), guarantee.kind(), guarantee.amount(),
						guarantee.validUntil(), guarantee.reference());
			} else if (refund != null) {
				view = payments.refund(sender.actor(), message.declarationId(), refund.amount(), refund.paidOn(),
						refund.reference());
			} else if (paid.takenFromGuarantee()) {
				view = payments.enforceGuarantee(sender.actor(), message.declarationId(), paid.amount(), paid.paidOn(),
						paid.reference());
			} else if (paid.correctionId() != null) {
				view = payments.settle(sender.actor(), message.declarationId(), paid.correctionId(), paid.amount(),
						paid.paidOn(), paid.reference());
			} else {
				view = payments.record(sender.actor(), message.declarationId(), paid.amount(), paid.paidOn(),
						paid.reference());
			}
			log.info("event=duty_payment_applied source=kafka declaration={} kind={} reference={} officer={}",
					view.number(), kind, guarantee != null ? guarantee.reference()
							: refund != null ? refund.reference() : paid.reference(), sender.actor().username());
			return Optional.empty();
		} catch (Problem refused) {
			return Optional.of(Refusal.of(refused));
		}
	}

	/**
	 * Customs' system reports the bank's payment of a general guarantee's monthly statement (汇总缴税): recorded as
	 * through the API, with the same rights and refusals; the same payment delivered again changes nothing and is no
	 * dead letter.
	 */
	private Optional<Refusal> applyStatementPayment(ConsumerRecord<String, String> record,
			AgencySystemsMessages.StatementPaymentMessage paid) {
		if (paid.generalGuaranteeId() == null || paid.month() == null) {
			return Optional.of(new Refusal("MALFORMED_MESSAGE",
					"generalGuaranteeId and month are required with a statementPayment"));
		}
		Sender sender = sender(record);
		if (sender.refusal() != null) {
			return Optional.of(sender.refusal());
		}
		try {
			SummaryStatementView statement = statements.pay(sender.actor(), paid.generalGuaranteeId(), paid.month(),
					paid.amount(), paid.paidOn(), paid.reference());
			log.info("event=summary_statement_payment_applied source=kafka guarantee={} month={} state={} reference={} "
					+ "officer={}", paid.generalGuaranteeId(), statement.month(), statement.state(), paid.reference(),
					sender.actor().username());
			return Optional.empty();
		} catch (Problem refused) {
			return Optional.of(Refusal.of(refused));
		}
	}

	private List<DeclarationView.Event> timeline(UUID declarationId) {
		return store.find(declarationId).map(DeclarationView::timeline).orElse(List.of());
	}

	/**
	 * Whether the application made at {@code appliedAt} was decided first by {@code decided} of this actor: the first
	 * of {@code decisions} after it, before any application after it.
	 */
	private static boolean decidedBy(List<DeclarationView.Event> timeline, String applied, Instant appliedAt,
			List<String> decisions, String decided, Actor actor) {
		boolean afterTheApplication = false;
		for (var entry : timeline) {
			if (!afterTheApplication) {
				afterTheApplication = applied.equals(entry.event()) && Declaration.sameInstant(entry.at(), appliedAt);
			} else if (decisions.contains(entry.event())) {
				return decided.equals(entry.event()) && actor.username().equals(entry.actor());
			} else if (applied.equals(entry.event())) {
				return false; // applied anew before any decision on that application
			}
		}
		return false;
	}

	/**
	 * Who sent it: the officer whose API key the {@code Authorization} header carries, or, without one on an agency's
	 * own decisions topic, that agency's system — provided only its principal may write the topic.
	 */
	private Sender sender(ConsumerRecord<String, String> record) {
		String key = bearer(record);
		Optional<AgencyCode> agencysOwnTopic = principals.agencyOf(record.topic());
		if (key == null && agencysOwnTopic.isPresent()) {
			AgencyTopicProtection protection = principals.protection(agencysOwnTopic.get());
			if (!protection.enforced()) {
				return new Sender(null, new Refusal("AGENCY_TOPIC_UNPROTECTED", protection.detail()));
			}
			return new Sender(principals.system(agencysOwnTopic.get()), null);
		}
		return keyedActors.actorFor(key).map(a -> new Sender(a, null))
			.orElseGet(() -> new Sender(null, new Refusal("INVALID_API_KEY", key == null
					? "no Authorization header with an API key, and not the decisions topic of an agency's principal"
					: "the Authorization header has no valid API key")));
	}

	private record Sender(Actor actor, Refusal refusal) {
	}

	/** The same officer's same decision on the same version of the task is already there: a redelivery. */
	private boolean alreadyRecorded(DecisionMessage message, Decision decision, Actor actor) {
		return store.task(message.taskId()).map(DeclarationStore.TaskRow::task)
			.filter(t -> t.version() == message.taskVersion() + 1)
			.filter(t -> actor.username().equals(t.decidedBy()))
			.filter(t -> t.status() == switch (decision) {
				case APPROVE -> TaskStatus.APPROVED;
				case REJECT -> TaskStatus.REJECTED;
				case QUERY -> TaskStatus.QUERIED;
			})
			.isPresent();
	}

	private static String bearer(ConsumerRecord<String, String> record) {
		Header header = record.headers().lastHeader("Authorization");
		if (header == null || header.value() == null) {
			return null;
		}
		String value = new String(header.value(), StandardCharsets.UTF_8).strip();
		return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7) : null;
	}

	private void deadLetter(ConsumerRecord<String, String> record, Refusal refusal) throws Exception {
		String value = record.value() == null ? null
				: record.value().length() > 10_000 ? record.value().substring(0, 10_000) : record.value();
		var letter = new DeadLetter(AgencySystemsMessages.SCHEMA_VERSION, refusal.code(), refusal.detail(),
				record.key(), value, record.partition(), record.offset(), time.now());
		var out = new ProducerRecord<>(topics.deadLetters(), record.key(), json.writeValueAsString(letter));
		out.headers().add("singlewindow-refusal", refusal.code().getBytes(StandardCharsets.UTF_8));
		kafka.send(out).get(properties.sendTimeout().toMillis() + AgencySystemsPublication.SEND_MARGIN_MILLIS,
				TimeUnit.MILLISECONDS);
		log.warn("event=agency_decision_dead_letter code={} partition={} offset={}", refusal.code(),
				record.partition(), record.offset());
	}

	private record Refusal(String code, String detail) {

		/** The API's refusal, with its stable code and the fields it names. */
		static Refusal of(Problem refused) {
			String detail = refused.fieldProblems().isEmpty() ? String.valueOf(refused.getMessage())
					: refused.fieldProblems().stream().map(p -> p.field() + ": " + p.code()).toList().toString();
			return new Refusal(refused.code(), detail);
		}
	}
}
