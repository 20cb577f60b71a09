package io.singlewindow.risk.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.MultiRowInsert;
import io.singlewindow.platform.TransactionScope;
import io.singlewindow.risk.Channel;
import io.singlewindow.risk.RiskAssessment;
import io.singlewindow.risk.RiskAssessments;
import io.singlewindow.risk.RiskAssessor;
import io.singlewindow.risk.RiskDecision;
import io.singlewindow.risk.RiskHit;
import io.singlewindow.risk.RiskRequest;
import io.singlewindow.risk.internal.RiskEvaluation.Declarant;
import io.singlewindow.risk.internal.RiskEvaluation.Observation;
import io.singlewindow.risk.internal.RiskEvaluation.PriceKey;

/**
 * Assesses declarations against the profiles stored in PostgreSQL and records every assessment, its hits and the
 * declared unit values (as a running aggregate per HS code and unit, updated atomically).
 *
 * <p>
 * The first assessment of a declaration is final: assessing the same declaration id again returns the recorded
 * decision without drawing, matching or adding to the price history again, so retries and re-routing neither change
 * the channel nor count a price twice. Concurrent first assessments of one id are settled by the primary key.
 */
@Component
public class JdbcRiskAssessor implements RiskAssessor, RiskAssessments {

	private static final Logger log = LoggerFactory.getLogger(JdbcRiskAssessor.class);
	private static final String ASSESSMENT_COLUMNS =
			"declaration_id, declarant, channel, reason_code, profile_code, reason, aeo_certified, assessed_at";

	private final JdbcClient jdbc;
	private final RiskProfiles profiles;
	private final Enterprises enterprises;
	private final BusinessTime time;
	private final RiskEvaluation evaluation;
	/** What assessments of the current thread's {@link #holding} call assessed; none outside one. */
	private final ThreadLocal<Holding> held = new ThreadLocal<>();

	JdbcRiskAssessor(JdbcClient jdbc, RiskProfiles profiles, Enterprises enterprises, BusinessTime time,
			RiskProperties properties) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.enterprises = enterprises;
		this.time = time;
		this.evaluation = new RiskEvaluation(properties);
	}

	@Override
	@Transactional
	public RiskDecision assess(RiskRequest request) {
		return assess(request, time.now()).decision();
	}

	/** Assesses as at {@code at} (profile validity, enterprise age); for tests and replays. */
	@Transactional
	public RiskAssessment assess(RiskRequest request, Instant at) {
		Declarant declarant = enterprises.find(request.declarant())
			.map(e -> new Declarant(e.aeoCertified(), e.registeredAt()))
			.orElse(Declarant.UNKNOWN);
		LocalDate date = LocalDate.ofInstant(at, BusinessTime.ZONE);
		RiskEvaluation.Result result = evaluation.evaluate(request, declarant, profiles.inForceOn(date),
				history(request), at);
		RiskDecision decision = result.decision();
		Holding holding = held.get();
		if (holding != null) {
			holding.assessments().add(new Assessed(request, decision, declarant.aeoCertified(), at, result));
			return assessment(request, decision, declarant, at, result);
		}
		int inserted = jdbc.sql("""
				INSERT INTO risk_assessment (declaration_id, declarant, channel, reason_code, profile_code, reason,
				    aeo_certified, assessed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (declaration_id) DO NOTHING""")
			.params(request.declarationId(), request.declarant().value(), decision.channel().name(),
					decision.reasonCode(), decision.profileCode(), decision.reason(), declarant.aeoCertified(),
					Timestamp.from(at))
			.update();
		if (inserted == 0) {
			// Assessed before (a retry, re-routing) or concurrently by another node that committed first: the recorded
			// decision stands, and this evaluation is dropped without touching the price history. Checking afterwards
			// rather than first saves a query on the common path.
			return find(request.declarationId()).orElseThrow();
		}
		List<Assessed> assessed = List.of(new Assessed(request, decision, declarant.aeoCertified(), at, result));
		recordHits(assessed);
		recordObservations(assessed);
		return assessment(request, decision, declarant, at, result);
	}

	private static RiskAssessment assessment(RiskRequest request, RiskDecision decision, Declarant declarant, Instant at,
			RiskEvaluation.Result result) {
		log.info("event=risk_assessed declaration={} declarant={} channel={} reason={} profile={} hits={}",
				request.declarationId(), request.declarant(), decision.channel(), decision.reasonCode(),
				decision.profileCode(), result.hits().size());
		return new RiskAssessment(request.declarationId(), request.declarant(), decision.channel(),
				decision.reasonCode(), decision.profileCode(), decision.reason(), declarant.aeoCertified(), at,
				result.hits());
	}

	/** An assessment held back, with what it is to write. */
	private record Assessed(RiskRequest request, RiskDecision decision, boolean aeoCertified, Instant at,
			RiskEvaluation.Result result) {
	}

	/** What the work of one {@link #holding} call assessed. */
	private record Holding(List<Assessed> assessments) implements HeldAssessments {
	}

	@Override
	public <T> Held<T> holding(Supplier<T> work) {
		Holding outer = held.get();
		Holding holding = new Holding(new ArrayList<>());
		held.set(holding);
		try {
			return new Held<>(work.get(), holding);
		} finally {
			held.set(outer);
		}
	}

	/**
	 * Writes held assessments: one statement for all the assessments and the prices they observed, one for all their
	 * hits.
	 * A declaration assessed already (which a first assessment cannot be) fails the caller's transaction rather than
	 * leave two decisions.
	 */
	@Override
	public void write(List<HeldAssessments> heldAssessments) {
		List<Assessed> all = new ArrayList<>();
		heldAssessments.forEach(h -> all.addAll(((Holding) h).assessments()));
		if (all.isEmpty()) {
			return;
		}
		// unnest of arrays: one statement text whatever the number of declarations, prepared once per connection.
		String[][] columns = new String[8][all.size()];
		for (int i = 0; i < all.size(); i++) {
			Assessed a = all.get(i);
			String[] row = { a.request().declarationId().toString(), a.request().declarant().value(),
					a.decision().channel().name(), a.decision().reasonCode(), a.decision().profileCode(),
					a.decision().reason(), Boolean.toString(a.aeoCertified()), a.at().toString() };
			for (int c = 0; c < row.length; c++) {
				columns[c][i] = row[c];
			}
		}
		// The prices they observed go in with them, a WITH query of the same statement (one round trip, not two).
		List<Object> params = new ArrayList<>(Arrays.asList((Object[]) observationColumns(all)));
		params.addAll(Arrays.asList((Object[]) columns));
		int inserted = jdbc.sql(INSERT_HELD).params(params).update();
		if (inserted != all.size()) {
			throw new IllegalStateException("held " + all.size() + " first assessments, " + (all.size() - inserted)
					+ " of them assessed before");
		}
		recordHits(all);
	}

	@Override
	public Optional<RiskAssessment> find(UUID declarationId) {
		return jdbc.sql("SELECT " + ASSESSMENT_COLUMNS + " FROM risk_assessment WHERE declaration_id = ?")
			.param(declarationId)
			.query(JdbcRiskAssessor::mapAssessment)
			.optional()
			.map(a -> new RiskAssessment(a.declarationId(), a.declarant(), a.channel(), a.reasonCode(), a.profileCode(),
					a.reason(), a.aeoCertified(), a.assessedAt(), hitsOf(declarationId)));
	}

	/**
	 * The price history of the request's (HS code, unit) pairs as folded, read with one query: at most one fold
	 * ({@link PriceHistoryFolding}, 250 ms) behind. Adding the observations not folded yet as well cost the database
	 * more than anything else a submission did under load (issue 16: up to 0.9 ms per declaration, summing hundreds
	 * of pending rows of a popular code and stepping over the dead ones folding leaves), for a baseline of thousands
	 * of prices that a quarter of a second of them does not move. The officers' view ({@link #priceHistory}) is exact.
	 * <p>
	 * A pair is read once per transaction, as it stood at its first read there: the members of a submission group, or
	 * the declarations of a batch's chunk, that declare the same goods share one read, as they share the enterprise's
	 * ({@code Enterprises.find}). A fold committed meanwhile is seen by the next transaction, as by a submission that
	 * started a moment earlier.
	 */
	Map<PriceKey, PriceHistory> history(RiskRequest request) {
		TreeSet<PriceKey> keys = new TreeSet<>();
		request.lines().stream().filter(line -> RiskEvaluation.unitValue(line) != null)
			.forEach(line -> keys.add(PriceKey.of(line)));
		if (keys.isEmpty()) {
			return Map.of();
		}
		Map<PriceKey, Optional<PriceHistory>> readBefore = readInThisTransaction();
		Map<PriceKey, PriceHistory> history = new HashMap<>();
		List<PriceKey> unread = new ArrayList<>();
		for (PriceKey key : keys) {
			Optional<PriceHistory> known = readBefore == null ? null : readBefore.get(key);
			if (known == null) {
				unread.add(key);
			} else {
				known.ifPresent(h -> history.put(key, h));
			}
		}
		if (unread.isEmpty()) {
			return history;
		}
		List<Object> params = new ArrayList<>();
		StringBuilder tuples = new StringBuilder();
		for (PriceKey key : unread) {
			tuples.append(tuples.isEmpty() ? "(?, ?)" : ", (?, ?)");
			params.add(key.hsCode());
			params.add(key.unit());
		}
		jdbc.sql("SELECT hs_code, unit, observations, sum_value, sum_squares FROM risk_price_history"
				+ " WHERE (hs_code, unit) IN (" + tuples + ")")
			.params(params)
			.query((ResultSet rs) -> {
				history.put(new PriceKey(rs.getString("hs_code"), rs.getString("unit")),
						new PriceHistory(rs.getLong("observations"), rs.getBigDecimal("sum_value"),
								rs.getBigDecimal("sum_squares")));
			});
		if (readBefore != null) {
			// Pairs without a history are kept too: a code first declared today is not looked for again.
			unread.forEach(key -> readBefore.put(key, Optional.ofNullable(history.get(key))));
		}
		return history;
	}

	/** The key of the price history a transaction read (see {@link #history}). */
	private static final Object HISTORY_READ_IN_TRANSACTION = JdbcRiskAssessor.class.getName() + ".historyRead";

	private static Map<PriceKey, Optional<PriceHistory>> readInThisTransaction() {
		return TransactionScope.ofCurrentTransaction(HISTORY_READ_IN_TRANSACTION, HashMap::new);
	}

	/**
	 * Inserts the hits of {@code assessed}, all in one statement (none when there are none). A profile that matched but
	 * was not selected is a hit too, so in a young zone, where the new-enterprise profile matches most declarants, most
	 * declarations carry one; an insert per hit cost a group or a batch's chunk a statement per declaration.
	 */
	private void recordHits(List<Assessed> assessed) {
		List<Object[]> rows = new ArrayList<>();
		for (Assessed a : assessed) {
			int seq = 0;
			for (RiskHit hit : a.result().hits()) {
				rows.add(new Object[] { a.request().declarationId(), ++seq, hit.reasonCode(), hit.profileCode(),
						hit.channel().name(), hit.lineNo(), hit.selected(), hit.ratePercent(), hit.draw(),
						hit.unitValueCny(), hit.historyMeanCny(), hit.historyObservations(), hit.deviationPercent(),
						hit.detail() });
			}
		}
		HITS.write(jdbc, rows);
	}

	private static final MultiRowInsert HITS = new MultiRowInsert("risk_hit", List.of("declaration_id uuid", "seq int",
			"reason_code text", "profile_code text", "channel text", "line_no int", "selected boolean",
			"rate_percent numeric", "draw numeric", "unit_value_cny numeric", "history_mean_cny numeric",
			"history_observations bigint", "deviation_percent numeric", "detail text"), "");

	/** Appends the unit values observed by {@code assessed} ({@link #observationColumns}); nothing when there are none. */
	private void recordObservations(List<Assessed> assessed) {
		String[][] columns = observationColumns(assessed);
		if (columns[0].length > 0) {
			jdbc.sql(INSERT_OBSERVATIONS).params((Object[]) columns).update();
		}
	}

	/** Unit values observed, as the columns {@link #observationColumns} gives. */
	private static final String INSERT_OBSERVATIONS = """
			INSERT INTO risk_price_observation (hs_code, unit, observations, sum_value, sum_squares,
			    rejected_observations, observed_at)
			SELECT hs_code, unit, observations::bigint, sum_value::numeric, sum_squares::numeric,
			       rejected::bigint, observed_at::timestamptz
			  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			    AS o(hs_code, unit, observations, sum_value, sum_squares, rejected, observed_at)""";

	/** Held assessments, with the prices they observed ({@link #INSERT_OBSERVATIONS}) as a WITH query. */
	private static final String INSERT_HELD = "WITH observed AS (" + INSERT_OBSERVATIONS + ")\n" + """
			INSERT INTO risk_assessment (declaration_id, declarant, channel, reason_code, profile_code, reason,
			    aeo_certified, assessed_at)
			SELECT id::uuid, declarant, channel, reason_code, profile_code, reason, aeo::boolean, at::timestamptz
			  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			    AS a(id, declarant, channel, reason_code, profile_code, reason, aeo, at)
			ON CONFLICT (declaration_id) DO NOTHING""";

	/**
	 * The unit values observed, summed per HS code and unit for all the assessments written together, as the columns
	 * of their rows (arrays of none when nothing was observed): plain inserts, which never wait for one another, one
	 * row per key rather than per line. {@link #foldObservations()} adds them to the running aggregates in the
	 * background, where assessments read them.
	 */
	private static String[][] observationColumns(List<Assessed> assessed) {
		Map<PriceKey, Observed> byKey = new java.util.TreeMap<>();
		for (Assessed a : assessed) {
			a.result().observations().forEach(o -> byKey.computeIfAbsent(o.key(), k -> new Observed()).add(o, a.at()));
		}
		List<Map.Entry<PriceKey, Observed>> rows = List.copyOf(byKey.entrySet());
		String[][] columns = new String[7][];
		columns[0] = rows.stream().map(r -> r.getKey().hsCode()).toArray(String[]::new);
		columns[1] = rows.stream().map(r -> r.getKey().unit()).toArray(String[]::new);
		columns[2] = rows.stream().map(r -> Long.toString(r.getValue().accepted.observations())).toArray(String[]::new);
		columns[3] = rows.stream().map(r -> r.getValue().accepted.sum().toPlainString()).toArray(String[]::new);
		columns[4] = rows.stream().map(r -> r.getValue().accepted.sumOfSquares().toPlainString()).toArray(String[]::new);
		columns[5] = rows.stream().map(r -> Long.toString(r.getValue().rejected)).toArray(String[]::new);
		columns[6] = rows.stream().map(r -> r.getValue().lastAt.toString()).toArray(String[]::new);
		return columns;
	}

	/** What the assessments written together observed under one key: accepted values summed, outliers counted. */
	private static final class Observed {

		PriceHistory accepted = PriceHistory.EMPTY;
		long rejected;
		Instant lastAt;

		void add(Observation o, Instant at) {
			if (o.accepted()) {
				accepted = accepted.plus(o.unitValue());
			} else {
				rejected++;
			}
			lastAt = lastAt == null || at.isAfter(lastAt) ? at : lastAt;
		}
	}

	/**
	 * Folds every appended observation into the running aggregates, in key order and in one statement. Returns how many
	 * observations it folded, 0 when another node is folding: one node folds at a time (a transaction-scoped advisory
	 * lock, tried, not waited for), so the rows need no lock of their own. Taking them {@code FOR UPDATE SKIP LOCKED},
	 * as before, wrote every row once more before deleting it; taking the first 50,000 by id walked the id index over
	 * every row deleted since the last vacuum, on each fold (up to 8 % of the database's CPU under load, issue 16),
	 * where a plain scan of the table reads a few pages and prunes them as it goes.
	 */
	@Transactional
	public int foldObservations() {
		boolean alone = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('risk_price_observation:fold'))")
			.query(Boolean.class).single();
		if (!alone) {
			return 0;
		}
		return jdbc.sql("""
				WITH taken AS (
				    DELETE FROM risk_price_observation
				    RETURNING hs_code, unit, observations, sum_value, sum_squares, rejected_observations, observed_at),
				folded AS (
				    INSERT INTO risk_price_history (hs_code, unit, observations, sum_value, sum_squares,
				        rejected_observations, updated_at)
				    SELECT hs_code, unit, sum(observations), sum(sum_value), sum(sum_squares),
				           sum(rejected_observations), max(observed_at)
				      FROM taken GROUP BY hs_code, unit ORDER BY hs_code, unit
				    ON CONFLICT (hs_code, unit) DO UPDATE SET
				        observations = risk_price_history.observations + EXCLUDED.observations,
				        sum_value = risk_price_history.sum_value + EXCLUDED.sum_value,
				        sum_squares = risk_price_history.sum_squares + EXCLUDED.sum_squares,
				        rejected_observations = risk_price_history.rejected_observations + EXCLUDED.rejected_observations,
				        updated_at = greatest(risk_price_history.updated_at, EXCLUDED.updated_at)
				    RETURNING 1)
				SELECT coalesce(sum(observations + rejected_observations), 0)::int FROM taken""")
			.query(Integer.class)
			.single();
	}

	/** The aggregates plus the observations not folded yet, as rows of (hs_code, unit, observations, sums). */
	private static final String HISTORY_WITH_PENDING = """
			SELECT hs_code, unit, observations, sum_value, sum_squares FROM risk_price_history
			 WHERE (hs_code, unit) IN (%s)
			UNION ALL
			SELECT hs_code, unit, sum(observations)::bigint, sum(sum_value), sum(sum_squares)
			  FROM risk_price_observation WHERE (hs_code, unit) IN (%s) GROUP BY hs_code, unit""";

	private List<RiskHit> hitsOf(UUID declarationId) {
		return jdbc.sql("""
				SELECT reason_code, profile_code, channel, line_no, selected, rate_percent, draw, unit_value_cny,
				       history_mean_cny, history_observations, deviation_percent, detail
				  FROM risk_hit WHERE declaration_id = ? ORDER BY seq""")
			.param(declarationId)
			.query(JdbcRiskAssessor::mapHit)
			.list();
	}

	private static RiskHit mapHit(ResultSet rs, int row) throws SQLException {
		return new RiskHit(rs.getString("reason_code"), rs.getString("profile_code"),
				Channel.valueOf(rs.getString("channel")), (Integer) rs.getObject("line_no"), rs.getBoolean("selected"),
				rs.getBigDecimal("rate_percent"), rs.getBigDecimal("draw"), rs.getBigDecimal("unit_value_cny"),
				rs.getBigDecimal("history_mean_cny"), (Long) rs.getObject("history_observations"),
				rs.getBigDecimal("deviation_percent"), rs.getString("detail"));
	}

	/** The latest assessments, newest first, optionally of one channel only (for officers' overview). */
	public List<RiskAssessment> recent(Channel channel, int limit) {
		return jdbc.sql("SELECT " + ASSESSMENT_COLUMNS + """
				 FROM risk_assessment
				WHERE (CAST(:channel AS VARCHAR) IS NULL OR channel = CAST(:channel AS VARCHAR))
				ORDER BY assessed_at DESC, declaration_id LIMIT :limit""")
			.param("channel", channel == null ? null : channel.name())
			.param("limit", limit)
			.query(JdbcRiskAssessor::mapAssessment)
			.list();
	}

	/** Without its hits. */
	private static RiskAssessment mapAssessment(ResultSet rs, int row) throws SQLException {
		return new RiskAssessment(rs.getObject("declaration_id", UUID.class), Uscc.parse(rs.getString("declarant")),
				Channel.valueOf(rs.getString("channel")), rs.getString("reason_code"), rs.getString("profile_code"),
				rs.getString("reason"), rs.getBoolean("aeo_certified"), rs.getTimestamp("assessed_at").toInstant(),
				List.of());
	}

	/** The price history of one HS code and unit (for officers' pages and tests). */
	public Optional<PriceHistory> priceHistory(String hsCode, String unit) {
		return jdbc.sql("SELECT sum(observations) AS observations, sum(sum_value) AS sum_value, sum(sum_squares) AS sum_squares"
				+ " FROM (" + HISTORY_WITH_PENDING.formatted("(?, ?)", "(?, ?)") + ") h HAVING count(*) > 0")
			.params(hsCode, unit, hsCode, unit)
			.query((rs, row) -> new PriceHistory(rs.getLong("observations"), rs.getBigDecimal("sum_value"),
					rs.getBigDecimal("sum_squares")))
			.optional();
	}
}
