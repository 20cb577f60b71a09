package io.singlewindow.declaration.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Cursor;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.declaration.DeclarationCancellationApplied;
import io.singlewindow.declaration.DeclarationCorrected;
import io.singlewindow.declaration.DeclarationCancellationRefused;
import io.singlewindow.declaration.ResponseWriter;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;
import io.singlewindow.platform.RunApart;
import io.singlewindow.platform.SealedColumn;
import io.singlewindow.platform.SealedSecrets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed status events to enterprises' webhooks. {@link #enqueue} writes to the outbox inside the caller's
 * transaction, so an event exists exactly when its status change committed. {@link #deliverDue} claims due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so several nodes deliver without sending one event twice at the same time. A
 * delivery is retried with exponential back-off (5 s, 10 s, 20 s … at most one hour) until the receiver answers 2xx;
 * a receiver that got nothing of a batch through is paused with the same back-off, and a batch takes only a few events
 * of each receiver, so that one dead receiver's backlog holds up no one else's events.
 * <p>
 * Signature: header {@code X-SingleWindow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * The secret is stored sealed ({@link SealedSecrets}): signing needs it itself, so it cannot be hashed.
 */
@Component
class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	static final Duration FIRST_RETRY = Duration.ofSeconds(5);
	static final Duration LAST_RETRY = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final BusinessTime time;
	private final WebhookTargets targets;
	private final WebhookSender sender;
	private final SecureRandom random = new SecureRandom();
	private final SealedSecrets secrets;

	private final org.springframework.transaction.support.TransactionTemplate transaction;
	private final ConsolidatedResponses responses;
	private final Map<String, ResponseWriter> writers;
	private final JsonMapper json;
	private final RunApart deliveryRuns = new RunApart("webhook-deliveries",
			WebhookSender.Limits.STANDARD.deadline(), this::deliverDueNow);

	/**
	 * The formats of each enterprise's active webhooks, kept for one revision of the reference data: every status
	 * change asks, and subscriptions change rarely (a trigger on {@code webhook_subscription} gives the revision a new
	 * number, migration {@code V11_4_1}).
	 */
	private final ReferenceCache<String, List<String>> formats;

	Webhooks(JdbcClient jdbc, BusinessTime time, org.springframework.transaction.PlatformTransactionManager transactions,
			WebhookTargets targets, WebhookSender sender, ConsolidatedResponses responses,
			List<ResponseWriter> writers, JsonMapper json, ReferenceRevision revision, SealedSecrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.formats = revision.cache(10_000);
		this.time = time;
		this.targets = targets;
		this.sender = sender;
		this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.responses = responses;
		this.writers = writers.stream().collect(Collectors.toUnmodifiableMap(ResponseWriter::format, w -> w));
		this.json = json;
	}

	/** Where a subscription's signing secret is sealed for ({@link SealedSecrets}). */
	static String sealedFor(UUID subscription) {
		return SEALED_FOR + subscription;
	}

	static final String SEALED_FOR = "webhook/";

	/** The subscriptions' signing secrets, sealed at start where stored before sealing. */
	@Configuration(proxyBeanMethods = false)
	static class Sealed {

		@Bean
		SealedColumn webhookSecret() {
			return new SealedColumn("webhook_subscription", "id", "secret", SEALED_FOR);
		}
	}

	/** What a status event carries by default: the address of the response, not the response. */
	static final String JSON_FORMAT = "JSON";

	/**
	 * @param format {@code JSON}: status events carry the address of the declaration's response; a standard's name
	 *     ({@code EDIFACT}): they carry the response itself in that standard too
	 * @param pausedUntil while its receiver is paused, having taken none of its events of a batch: when it is tried
	 *     again ({@literal null}: not paused)
	 * @param failuresInARow the batches in a row in which its receiver took none of its events (0 once it took one)
	 */
	record Subscription(UUID id, String enterprise, String url, String secret, boolean active, Instant createdAt,
			String format, Instant pausedUntil, int failuresInARow) {
	}

	/** The formats a subscription may ask for: JSON and every standard a channel writes responses in. */
	Set<String> formats() {
		var formats = new java.util.TreeSet<>(writers.keySet());
		formats.add(JSON_FORMAT);
		return formats;
	}

	Subscription register(String enterprise, String url, String actor) {
		return register(enterprise, url, actor, JSON_FORMAT);
	}

	/** @param format one of {@link #formats()}, checked by the caller */
	Subscription register(String enterprise, String url, String actor, String format) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		var s = new Subscription(UUID.randomUUID(), enterprise, url, "whsec_" + HexFormat.of().formatHex(bytes), true,
				time.now(), format, null, 0);
		jdbc.sql("""
				INSERT INTO webhook_subscription (id, enterprise, url, secret, created_by, created_at, format)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), enterprise, url, secrets.seal(s.secret(), sealedFor(s.id())), actor,
					Timestamp.from(s.createdAt()), format)
			.update();
		log.info("event=webhook_registered enterprise={} url={} format={}", enterprise, url, format);
		return s;
	}

	List<Subscription> of(List<String> enterprises) {
		if (enterprises.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT s.id, s.enterprise, s.url, s.active, s.created_at, s.format,
				       CASE WHEN p.paused_until > :now THEN p.paused_until END AS paused_until,
				       coalesce(p.failures, 0) AS failures
				FROM webhook_subscription s LEFT JOIN webhook_receiver_pause p ON p.subscription_id = s.id
				WHERE s.enterprise IN (:e) ORDER BY s.created_at""")
			.param("e", enterprises)
			.param("now", Timestamp.from(time.now()))
			.query((rs, n) -> new Subscription(rs.getObject("id", UUID.class), rs.getString("enterprise"),
					rs.getString("url"), null, rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("format"), rs.getTimestamp("paused_until") == null ? null
							: rs.getTimestamp("paused_until").toInstant(), rs.getInt("failures")))
			.list();
	}

	/** One event sent (or still being tried) to a webhook, as its owner sees it. */
	record Delivery(UUID id, UUID subscriptionId, String url, String payload, int attempts, Instant createdAt,
			Instant deliveredAt, Integer lastStatus, String lastError, Instant nextAttemptAt) {

		public boolean delivered() {
			return deliveredAt != null;
		}
	}

	/** The latest events for the enterprises' webhooks, newest first. */
	List<Delivery> recentDeliveries(List<String> enterprises, int limit) {
		return deliveries(enterprises, PageRequest.first(limit)).rows();
	}

	/** One page of the events for the enterprises' webhooks, newest first (keyset on the event's time, id). */
	ListPage<Delivery> deliveries(List<String> enterprises, PageRequest page) {
		if (enterprises.isEmpty()) {
			return new ListPage<>(List.of(), null);
		}
		Cursor after = page.after();
		var query = jdbc.sql("""
				SELECT d.id, d.subscription_id, s.url, d.payload, d.attempts, d.created_at, d.delivered_at,
				       d.last_status, d.last_error, d.next_attempt_at
				FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
				WHERE s.enterprise IN (:e)""" + (after == null ? "" : " AND (d.created_at, d.id) < (:at, :id)")
				+ " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit")
			.param("e", enterprises).param("limit", page.rows());
		if (after != null) {
			query = query.param("at", after.atUtc()).param("id", after.id());
		}
		return page.page(query
			.query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
					rs.getString("url"), rs.getString("payload"), rs.getInt("attempts"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(),
					(Integer) rs.getObject("last_status"), rs.getString("last_error"),
					rs.getTimestamp("next_attempt_at").toInstant()))
			.list(), d -> new Cursor(d.createdAt(), d.id().toString()));
	}

	/** One webhook of the enterprises, as {@link #of} lists it (without its secret). */
	Optional<Subscription> find(UUID id, List<String> enterprises) {
		return of(enterprises).stream().filter(subscription -> subscription.id().equals(id)).findFirst();
	}

	int deactivate(UUID id, List<String> enterprises) {
		return jdbc.sql("UPDATE webhook_subscription SET active = FALSE WHERE id = :id AND enterprise IN (:e)")
			.param("id", id).param("e", enterprises).update();
	}

	/**
	 * Writes the event for every active webhook of {@code enterprise}: in one statement for those that take the
	 * address of the new response (JSON), and per standard for those that asked for the response itself, written
	 * now, inside the status change's transaction, so that it carries this status and version and no later one.
	 */
	void enqueue(String enterprise, UUID declarationId, String number, String status, Instant at) {
		String event = "{\"type\":\"declaration.status\",\"declarationId\":\"" + declarationId
				+ "\",\"number\":\"" + number + "\",\"status\":\"" + status + "\",\"at\":\"" + at
				+ "\",\"response\":\"/api/v1/declarations/" + declarationId + "/response\"";
		// Most declarants have no webhook: nothing looked up (kept per revision) and nothing written then.
		List<String> formats = this.formats.get(enterprise, e -> List.copyOf(jdbc
			.sql("SELECT DISTINCT format FROM webhook_subscription WHERE enterprise = ? AND active ORDER BY format")
			.param(e)
			.query(String.class)
			.list()));
		if (formats.contains(JSON_FORMAT)) {
			enqueue(enterprise, JSON_FORMAT, declarationId, null, "declaration.status", event + "}", at);
		}
		for (String format : formats) {
			if (format.equals(JSON_FORMAT)) {
				continue;
			}
			ResponseWriter writer = writers.get(format);
			var response = writer == null ? null : responses.asDeclarantSees(declarationId).orElse(null);
			if (response == null) {
				continue; // a format no channel writes any more: nothing to carry, the address is enough
			}
			String payload = event + ",\"format\":\"" + format + "\",\"document\":"
					+ json.writeValueAsString(writer.write(response)) + "}";
			enqueue(enterprise, format, declarationId, null, "declaration.status", payload, at);
		}
	}

	/** An application for a cancellation and its refusal, as the declarant's webhooks receive them. */
	record CancellationEvent(String type, UUID declarationId, String number, String by, String reason, String at,
			String declaration) {
	}

	/**
	 * The declarant's webhooks hear of an application for a cancellation (its broker's, say, or its own from another
	 * system) and of customs' refusal with its reason, in the transaction that recorded them. The status does not move,
	 * so {@link #enqueue status events} say nothing of them; every webhook gets the JSON event, whatever its format, as
	 * for a batch: there is no new response to carry.
	 */
	@EventListener
	void on(DeclarationCancellationApplied applied) {
		enqueue(applied.declarant().value(), applied.declarationId(), applied.declarationNumber(),
				"declaration.cancellation.applied", applied.appliedBy(), applied.reason(), applied.appliedAt());
	}

	@EventListener
	void on(DeclarationCancellationRefused refused) {
		enqueue(refused.declarant().value(), refused.declarationId(), refused.declarationNumber(),
				"declaration.cancellation.refused", refused.refusedBy(), refused.reason(), refused.refusedAt());
	}

	/** A change of an agency agreement, as the webhooks of the party told receive it. */
	record AgreementEvent(String type, String number, String broker, String principal, String by, String reason,
			String declaration, String at, String agreement) {
	}

	/**
	 * The principal's webhooks hear that an agency agreement is proposed to it or withdrawn, the broker's that it was
	 * confirmed, declined (with why) or given back by a declaration that ended ({@code reason} how it ended), in the
	 * transaction that changed it: a principal's system may confirm from there, a broker's knows when to declare.
	 */
	@EventListener
	void on(AgencyAgreementChanged changed) {
		String type = changed.change().type();
		String payload = json.writeValueAsString(new AgreementEvent(type, changed.number(), changed.broker().value(),
				changed.principal().value(), changed.by(), changed.reason(), changed.declaration(),
				changed.at().toString(), "/api/v1/agency-agreements/" + changed.number()));
		enqueue(changed.told().value(), (String) null, null, null, type, payload, changed.at());
	}

	/**
	 * A correction customs made after the clearance, as the declarant's webhooks receive it: who, why, and the duties
	 * and taxes before and after with their difference (positive collected, negative refunded), in CNY.
	 */
	record CorrectionEvent(String type, UUID declarationId, String number, String by, String reason, String at,
			java.math.BigDecimal taxesBefore, java.math.BigDecimal taxesAfter, java.math.BigDecimal taxDifference,
			String declaration) {
	}

	/**
	 * The declarant's webhooks hear of a correction customs made, in the transaction that made it: its status does
	 * not move, and what it owes or is owed may.
	 */
	@EventListener
	void on(DeclarationCorrected corrected) {
		String payload = json.writeValueAsString(new CorrectionEvent("declaration.corrected",
				corrected.declarationId(), corrected.declarationNumber(), corrected.correctedBy(), corrected.reason(),
				corrected.correctedAt().toString(), corrected.taxesBefore(), corrected.taxesAfter(),
				corrected.taxDifference(), "/api/v1/declarations/" + corrected.declarationId()));
		enqueue(corrected.declarant().value(), null, corrected.declarationId(), null, "declaration.corrected", payload,
				corrected.correctedAt());
	}

	/** An application for a correction and its refusal, as for a cancellation's (the values are on the declaration). */
	@EventListener
	void on(io.singlewindow.declaration.DeclarationCorrectionApplied applied) {
		enqueue(applied.declarant().value(), applied.declarationId(), applied.declarationNumber(),
				"declaration.correction.applied", applied.appliedBy(), applied.reason(), applied.appliedAt());
	}

	@EventListener
	void on(io.singlewindow.declaration.DeclarationCorrectionRefused refused) {
		enqueue(refused.declarant().value(), refused.declarationId(), refused.declarationNumber(),
				"declaration.correction.refused", refused.refusedBy(), refused.reason(), refused.refusedAt());
	}

	/** The payment of its duties and taxes as customs recorded it, as the declarant's webhooks receive it. */
	record DutiesPaidEvent(String type, UUID declarationId, String number, java.math.BigDecimal amount, String paidOn,
			String reference, String by, String at, String declaration) {
	}

	/** The declarant hears that customs recorded the payment (its status does not move; release may now follow). */
	@EventListener
	void on(io.singlewindow.declaration.DeclarationDutiesPaid paid) {
		String payload = json.writeValueAsString(new DutiesPaidEvent("declaration.duties.paid", paid.declarationId(),
				paid.declarationNumber(), paid.amount(), paid.paidOn().toString(), paid.reference(), paid.recordedBy(),
				paid.recordedAt().toString(), "/api/v1/declarations/" + paid.declarationId()));
		enqueue(paid.declarant().value(), null, paid.declarationId(), null, "declaration.duties.paid", payload,
				paid.recordedAt());
	}

	/** The declarant hears that customs paid back what it had paid for a declaration since cancelled (退税). */
	@EventListener
	void on(io.singlewindow.declaration.DeclarationDutiesRefunded refunded) {
		String payload = json.writeValueAsString(new DutiesPaidEvent("declaration.duties.refunded",
				refunded.declarationId(), refunded.declarationNumber(), refunded.amount(), refunded.paidOn().toString(),
				refunded.reference(), refunded.recordedBy(), refunded.recordedAt().toString(),
				"/api/v1/declarations/" + refunded.declarationId()));
		enqueue(refunded.declarant().value(), null, refunded.declarationId(), null, "declaration.duties.refunded",
				payload, refunded.recordedAt());
	}

	/** A guarantee customs accepted for the duties, as the declarant's webhooks receive it. */
	record DutiesGuaranteedEvent(String type, UUID declarationId, String number, String kind,
			java.math.BigDecimal amount, String validUntil, String reference, String by, String at, String declaration) {
	}

	/** The declarant hears that customs accepted its guarantee: the goods may be released before the payment. */
	@EventListener
	void on(io.singlewindow.declaration.DeclarationDutiesGuaranteed guaranteed) {
		String payload = json.writeValueAsString(new DutiesGuaranteedEvent("declaration.duties.guaranteed",
				guaranteed.declarationId(), guaranteed.declarationNumber(), guaranteed.kind(), guaranteed.amount(),
				guaranteed.validUntil() == null ? null : guaranteed.validUntil().toString(), guaranteed.reference(),
				guaranteed.recordedBy(), guaranteed.recordedAt().toString(),
				"/api/v1/declarations/" + guaranteed.declarationId()));
		enqueue(guaranteed.declarant().value(), null, guaranteed.declarationId(), null, "declaration.duties.guaranteed",
				payload, guaranteed.recordedAt());
	}

	/** What customs took from the guarantee once the last day passed unpaid, as the declarant's webhooks receive it. */
	record GuaranteeEnforcedEvent(String type, UUID declarationId, String number, String kind,
			java.math.BigDecimal amount, String paidOn, String reference, String by, String at, String declaration) {
	}

	/**
	 * The declarant hears that its duties were taken from the guarantee (从担保中抵缴): paid, and — under a bank's
	 * letter — owed to its bank now.
	 */
	@EventListener
	void on(io.singlewindow.declaration.DeclarationGuaranteeEnforced enforced) {
		String payload = json.writeValueAsString(new GuaranteeEnforcedEvent("declaration.guarantee.enforced",
				enforced.declarationId(), enforced.declarationNumber(), enforced.kind(), enforced.amount(),
				enforced.paidOn().toString(), enforced.reference(), enforced.recordedBy(), enforced.recordedAt().toString(),
				"/api/v1/declarations/" + enforced.declarationId()));
		enqueue(enforced.declarant().value(), null, enforced.declarationId(), null, "declaration.guarantee.enforced",
				payload, enforced.recordedAt());
	}

	/** The settlement of a correction's own notice as customs recorded it, as the declarant's webhooks receive it. */
	record DifferenceSettledEvent(String type, UUID declarationId, String number, UUID correctionId, String kind,
			java.math.BigDecimal amount, String paidOn, String reference, String by, String at, String declaration) {
	}

	/**
	 * The declarant hears that customs recorded the collection of what a correction added (kind {@code COLLECT}) or the
	 * refund of what it took off ({@code REFUND}).
	 */
	@EventListener
	void on(io.singlewindow.declaration.DeclarationDifferenceSettled settled) {
		String payload = json.writeValueAsString(new DifferenceSettledEvent("declaration.difference.settled",
				settled.declarationId(), settled.declarationNumber(), settled.correctionId(), settled.kind(),
				settled.amount(), settled.paidOn().toString(), settled.reference(), settled.recordedBy(),
				settled.recordedAt().toString(), "/api/v1/declarations/" + settled.declarationId()));
		enqueue(settled.declarant().value(), null, settled.declarationId(), null, "declaration.difference.settled",
				payload, settled.recordedAt());
	}

	private void enqueue(String enterprise, UUID declarationId, String number, String type, String by, String reason,
			Instant at) {
		String payload = json.writeValueAsString(new CancellationEvent(type, declarationId, number, by, reason,
				at.toString(), "/api/v1/declarations/" + declarationId));
		enqueue(enterprise, null, declarationId, null, type, payload, at);
	}

	/**
	 * Writes "this batch finished" for every active webhook of {@code enterprise}: how many declarations it had, how many
	 * were submitted and refused; the receiver reads each one's result from the batch's address.
	 */
	void enqueueBatchFinished(String enterprise, UUID batchId, int total, long submitted, long refused, Instant at) {
		String payload = "{\"type\":\"declaration.batch.finished\",\"batchId\":\"" + batchId + "\",\"location\":\""
				+ "/api/v1/declarations/workbooks/" + batchId + "\",\"total\":" + total + ",\"submitted\":" + submitted
				+ ",\"refused\":" + refused + ",\"at\":\"" + at + "\"}";
		enqueue(enterprise, null, null, batchId, "declaration.batch.finished", payload, at);
	}

	/** @param format only the webhooks of this format ({@literal null}: all) */
	private void enqueue(String enterprise, String format, UUID declarationId, UUID batchId, String type,
			String payload, Instant at) {
		jdbc.sql("""
				INSERT INTO webhook_delivery (id, subscription_id, declaration_id, batch_id, event_type, payload,
				    next_attempt_at, created_at)
				SELECT gen_random_uuid(), id, ?, ?, ?, ?, ?, ? FROM webhook_subscription
				WHERE enterprise = ? AND active AND (CAST(? AS TEXT) IS NULL OR format = ?)""")
			.params(declarationId, batchId, type, payload, Timestamp.from(at), Timestamp.from(at), enterprise, format,
					format)
			.update();
	}

	/**
	 * Delivers what is due on a thread of its own, not the scheduler's: a receiver that never answers kept that thread
	 * for a read timeout (10 s), holding up the statistics and price-history folds and the audit seal meanwhile. (A pool
	 * of scheduler threads instead let the folds run apart, more often and each on fewer declarations: about a fifth
	 * more CPU a declaration in {@code bench/e2e}.)
	 */
	@Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT10S")
	void poll() {
		deliveryRuns.startUnlessRunning();
	}

	private void deliverDueNow() {
		deliverAllDue(time.now());
	}

	/** Lets a delivery under way finish (at most the sender's deadline, 20 s) before the database goes. */
	@PreDestroy
	void stop() throws InterruptedException {
		deliveryRuns.stop();
	}

	/**
	 * Delivers what is due at {@code now}, batch after batch until nothing is left (or the run has taken a minute, or
	 * the application stops): a receiver's backlog is worked off in one run rather than one batch every poll.
	 *
	 * @return how many events were acknowledged
	 */
	int deliverAllDue(Instant now) {
		long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		int delivered = 0;
		Batch batch;
		do {
			batch = deliverBatch(now);
			delivered += batch.delivered();
		} while (batch.claimed() > 0 && !deliveryRuns.stopping() && System.nanoTime() < until);
		return delivered;
	}

	/**
	 * Delivers one batch of due events; returns how many were acknowledged. The claimed rows stay locked until their
	 * outcome is written, so no other node sends them meanwhile (an explicit transaction: the scheduler calls this
	 * from inside the bean, where an annotation would not apply).
	 */
	public int deliverDue(Instant now) {
		return deliverBatch(now).delivered();
	}

	/** Events a batch takes at most, and of one receiver at most. */
	static final int BATCH = 100;
	static final int EACH_RECEIVER = 10;

	private record Batch(int claimed, int delivered) {
	}

	private Batch deliverBatch(Instant now) {
		Batch batch = transaction.execute(status -> deliverClaimed(now));
		return batch == null ? new Batch(0, 0) : batch;
	}

	/**
	 * Claims a batch fairly: at most {@link #EACH_RECEIVER} events of one receiver, each receiver's first before
	 * anyone's second, none of a paused receiver; so a dead receiver with a backlog of thousands holds up nobody else's
	 * events (it had taken every batch, oldest first, while everyone else waited). The limit counts the rows locked, so
	 * that another node claiming at the same moment takes the next ones rather than nothing; the outer conditions are
	 * checked again on a row another node changed meanwhile.
	 */
	private Batch deliverClaimed(Instant now) {
		record Due(UUID id, UUID subscription, String url, String sealedSecret, String payload, int attempts,
				String type) {
		}
		Timestamp at = Timestamp.from(now);
		List<Due> due = jdbc.sql("""
				SELECT d.id, d.subscription_id, s.url, s.secret, d.payload, d.attempts, d.event_type
				FROM (SELECT w.id,
				             row_number() OVER (PARTITION BY w.subscription_id ORDER BY w.next_attempt_at, w.id) AS place
				      FROM webhook_delivery w JOIN webhook_subscription ws ON ws.id = w.subscription_id
				      LEFT JOIN webhook_receiver_pause p ON p.subscription_id = w.subscription_id
				      WHERE w.delivered_at IS NULL AND w.next_attempt_at <= :now AND ws.active
				        AND (p.paused_until IS NULL OR p.paused_until <= :now)) receivers_due
				JOIN webhook_delivery d ON d.id = receivers_due.id
				JOIN webhook_subscription s ON s.id = d.subscription_id
				WHERE receivers_due.place <= :each AND d.delivered_at IS NULL AND d.next_attempt_at <= :now AND s.active
				ORDER BY receivers_due.place, d.next_attempt_at, d.id
				LIMIT :batch FOR UPDATE OF d SKIP LOCKED""")
			.param("now", at)
			.param("each", EACH_RECEIVER)
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
					rs.getString("url"), rs.getString("secret"), rs.getString("payload"), rs.getInt("attempts"),
					rs.getString("event_type")))
			.list();
		// Sent side by side: one receiver that never answers costs the batch one timeout, not one per event queued
		// behind it (20 events of a dead receiver held everyone else's for minutes).
		long t = now.getEpochSecond();
		List<java.util.concurrent.Future<Sent>> sending = new ArrayList<>();
		try (var senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (Due d : due) {
				sending.add(senders.submit(() -> send(d.id(), d.subscription(), d.url(), d.sealedSecret(), d.payload(),
						d.type(), t)));
			}
		}
		int delivered = 0;
		Set<UUID> through = new HashSet<>();
		Set<UUID> failing = new HashSet<>();
		for (int i = 0; i < due.size(); i++) {
			Due d = due.get(i);
			Sent sent = sending.get(i).resultNow();
			boolean ok = sent.status() != null && sent.status() / 100 == 2;
			if (ok) {
				delivered++;
				through.add(d.subscription());
				jdbc.sql("UPDATE webhook_delivery SET delivered_at = ?, attempts = attempts + 1, last_status = ? WHERE id = ?")
					.params(at, sent.status(), d.id()).update();
			} else {
				failing.add(d.subscription());
				Instant next = now.plus(backoff(d.attempts() + 1));
				jdbc.sql("""
						UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?,
						    next_attempt_at = ? WHERE id = ?""")
					.params(sent.status(), sent.error(), Timestamp.from(next), d.id()).update();
				log.info("event=webhook_failed delivery={} attempt={} status={} next={}", d.id(), d.attempts() + 1,
						sent.status(), next);
			}
		}
		failing.removeAll(through);
		pause(failing, now);
		resume(through);
		return new Batch(due.size(), delivered);
	}

	/**
	 * Pauses the receivers that got none of their events of a batch through, for the back-off of their failures in a
	 * row (5 s doubling, at most an hour): their events wait, and are tried again a few at a time when it ends.
	 */
	private void pause(Collection<UUID> receivers, Instant now) {
		for (UUID receiver : receivers) {
			// backoff(failures) counted in the row: FIRST_RETRY after the first failure, doubling, at most LAST_RETRY.
			var paused = jdbc.sql("""
					INSERT INTO webhook_receiver_pause AS p (subscription_id, failures, paused_until)
					VALUES (:receiver, 1, CAST(:now AS TIMESTAMPTZ) + make_interval(secs => :first))
					ON CONFLICT (subscription_id) DO UPDATE SET failures = p.failures + 1,
					    paused_until = CAST(:now AS TIMESTAMPTZ)
					        + make_interval(secs => LEAST(:first * power(2, LEAST(p.failures, 20)), :last))
					RETURNING failures, paused_until""")
				.param("receiver", receiver)
				.param("now", Timestamp.from(now))
				.param("first", FIRST_RETRY.toSeconds())
				.param("last", LAST_RETRY.toSeconds())
				.query((rs, n) -> rs.getInt("failures") + " until=" + rs.getTimestamp("paused_until").toInstant())
				.single();
			log.info("event=webhook_receiver_paused subscription={} failures_in_a_row={}", receiver, paused);
		}
	}

	/** A receiver that took an event is no longer paused. */
	private void resume(Collection<UUID> receivers) {
		if (!receivers.isEmpty()) {
			jdbc.sql("DELETE FROM webhook_receiver_pause WHERE subscription_id = ANY(?)")
				.param(receivers.toArray(UUID[]::new)).update();
		}
	}

	/** What one attempt got: the receiver's status, or why there was none. */
	private record Sent(Integer status, String error) {
	}

	/**
	 * Sends one event, signed with the subscription's secret ({@code sealed} as stored: opened here, so that a secret
	 * that does not open fails this receiver's delivery, retried with back-off, not everyone's batch).
	 */
	private Sent send(UUID id, UUID subscription, String url, String sealed, String payload, String type, long t) {
		try {
			String secret = secrets.open(sealed, sealedFor(subscription));
			// Checked again now, after resolving: the host may point elsewhere than at registration.
			WebhookTargets.Target target = targets.target(url);
			var headers = new java.util.LinkedHashMap<String, String>();
			headers.put("Content-Type", "application/json");
			headers.put("X-SingleWindow-Event", type);
			headers.put("X-SingleWindow-Delivery", id.toString());
			headers.put("X-SingleWindow-Signature", "t=" + t + ",v1=" + sign(secret, t, payload));
			return new Sent(sender.post(target, headers, payload), null);
		} catch (WebhookTargets.Refused e) {
			log.warn("event=webhook_refused delivery={} reason={}", id, e.code());
			return new Sent(null, e.code());
		} catch (java.io.IOException | RuntimeException e) {
			return new Sent(null, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	/** The wait after the {@code attempt}-th failed attempt: 5 s doubling, at most an hour. */
	static Duration backoff(int attempt) {
		long seconds = FIRST_RETRY.toSeconds() << Math.min(attempt - 1, 20);
		return seconds > LAST_RETRY.toSeconds() ? LAST_RETRY : Duration.ofSeconds(seconds);
	}

	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
