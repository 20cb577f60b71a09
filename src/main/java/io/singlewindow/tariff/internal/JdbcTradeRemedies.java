package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.CountryCode;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;
import io.singlewindow.platform.TransactionLock;
import io.singlewindow.tariff.TariffSchedule;

/**
 * The trade remedies in force and ended ({@code trade_remedy}): administrators record a notice's rates as the
 * Ministry of Commerce publishes them and set the day a measure ends; the assessment reads a line's rates, kept per
 * node for the current {@link ReferenceRevision} (a trigger gives every change a new revision).
 */
@Component
class JdbcTradeRemedies implements TradeRemedies {

	private static final Logger log = LoggerFactory.getLogger(JdbcTradeRemedies.class);

	private final JdbcClient jdbc;
	private final TariffSchedule schedule;
	private final AuditTrail auditTrail;
	private final ReferenceCache<HsCode, List<TradeRemedy>> byLine;

	JdbcTradeRemedies(JdbcClient jdbc, TariffSchedule schedule, AuditTrail auditTrail, ReferenceRevision revision) {
		this.jdbc = jdbc;
		this.schedule = schedule;
		this.auditTrail = auditTrail;
		this.byLine = revision.cache(20_000);
	}

	@Override
	public List<TradeRemedy> onLine(HsCode code) {
		return byLine.get(code, c -> jdbc.sql("SELECT * FROM trade_remedy WHERE hs_code = ? ORDER BY id")
			.param(c.value()).query(JdbcTradeRemedies::map).list());
	}

	/** Every rate recorded, in force or ended, the latest first. */
	List<TradeRemedy> all() {
		return jdbc.sql("SELECT * FROM trade_remedy ORDER BY first_day DESC, hs_code, notice, origin, producer NULLS FIRST, id")
			.query(JdbcTradeRemedies::map).list();
	}

	/** One rate recorded, in force or ended: what an administrator's {@code Location} names. */
	TradeRemedy find(long id) {
		return jdbc.sql("SELECT * FROM trade_remedy WHERE id = ?").param(id).query(JdbcTradeRemedies::map).optional()
			.orElseThrow(() -> Problem.notFound("TRADE_REMEDY_NOT_FOUND", id));
	}

	/**
	 * One rate of a notice as an administrator enters it; strings as typed, checked all at once by {@link #add}.
	 *
	 * @param rate a fraction ({@code 0.349}); the page converts its percentage
	 */
	record Entry(String kind, String notice, String hsCode, String origin, String producer, BigDecimal rate,
			String firstDay, String lastDay) {
	}

	/**
	 * Records one rate.
	 *
	 * @throws Problem {@code INVALID_INPUT} naming each field wrong: {@code TRADE_REMEDY_KIND_UNKNOWN},
	 *     {@code TARIFF_LINE_UNKNOWN}, {@code TRADE_REMEDY_ORIGIN_REQUIRED} (anti-dumping and countervailing rates are
	 *     for an origin; a producer's rate too), {@code TRADE_REMEDY_RATE_INVALID}, {@code DATE_FORMAT},
	 *     {@code TRADE_REMEDY_DAYS_INVALID}; {@code 409 TRADE_REMEDY_DUPLICATE} when the notice already sets a rate for
	 *     that line, origin and producer on any of the same days (an import would not know which to pay)
	 */
	@Transactional
	TradeRemedy add(Entry entry, String by, Instant now) {
		Violations v = new Violations();
		TradeRemedy.Kind kind = null;
		if (entry.kind() == null || entry.kind().isBlank()) {
			v.add("kind", "REQUIRED");
		} else {
			try {
				kind = TradeRemedy.Kind.valueOf(entry.kind().strip().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				v.add("kind", "TRADE_REMEDY_KIND_UNKNOWN", entry.kind());
			}
		}
		String notice = v.read("notice", () -> FreeText.line(entry.notice(), InputLimits.REFERENCE));
		if (notice != null) {
			notice = notice.strip();
		}
		v.required(blankAsNull(notice), "notice");
		HsCode hs = v.read("hsCode", () -> HsCode.of(entry.hsCode()));
		if (hs != null) {
			v.check(hs.value().length() == 10 && schedule.line(hs).isPresent(), "hsCode", "TARIFF_LINE_UNKNOWN",
					hs.value());
		}
		CountryCode origin = blankAsNull(entry.origin()) == null ? null
				: v.read("origin", () -> CountryCode.of(entry.origin()));
		String producer = blankAsNull(entry.producer()) == null ? null
				: v.read("producer", () -> FreeText.line(entry.producer(), InputLimits.ADDRESS));
		producer = TradeRemedy.asNamed(producer);
		// a safeguard is on every origin; a notice's rate for a producer is always for the producer's origin
		v.check(kind == null || blankAsNull(entry.origin()) != null
				|| (kind == TradeRemedy.Kind.SAFEGUARD && producer == null), "origin", "TRADE_REMEDY_ORIGIN_REQUIRED",
				kind);
		BigDecimal rate = entry.rate();
		if (rate == null) {
			v.add("rate", "REQUIRED");
		} else {
			// 0 only for a named producer: one whose price undertaking was accepted pays none
			v.check((rate.signum() > 0 || rate.signum() == 0 && producer != null) && rate.compareTo(BigDecimal.TEN) < 0
					&& rate.stripTrailingZeros().scale() <= 6,
					"rate", "TRADE_REMEDY_RATE_INVALID",
					// as typed: a message formats a number argument in full, and 1e999999999 has a billion digits
					rate.toString());
		}
		LocalDate first = TypedDay.read(entry.firstDay(), "firstDay", true, v);
		LocalDate last = TypedDay.read(entry.lastDay(), "lastDay", false, v);
		v.check(first == null || last == null || !last.isBefore(first), "lastDay", "TRADE_REMEDY_DAYS_INVALID", first,
				last);
		v.throwIfAny();
		queueForGoods(kind, notice, hs);
		if (overlapping(kind, notice, hs, origin, producer, first, last, null)) {
			throw Problem.conflict("TRADE_REMEDY_DUPLICATE", notice, hs.value(),
					origin == null ? "" : origin.value(), producer == null ? "" : producer);
		}
		long id = jdbc.sql("""
				INSERT INTO trade_remedy (kind, notice, hs_code, origin, producer, rate, first_day, last_day, created_by,
				                          created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(kind.name(), notice, hs.value(), origin == null ? null : origin.value(), producer,
					rate, first, last, by, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query(Long.class).single();
		TradeRemedy added = new TradeRemedy(id, kind, notice, hs, origin, producer,
				rate.stripTrailingZeros(), first, last);
		auditTrail.record(AuditRecord.of("TRADE_REMEDY_ADDED", "TRADE_REMEDY", id).change(null,
				AuditRecord.state("kind", kind, "notice", added.notice(), "hsCode", hs.value(), "origin",
						origin == null ? "" : origin.value(), "producer", producer == null ? "" : producer, "rate", rate,
						"firstDay", first, "lastDay", last == null ? "" : last)));
		log.info("event=trade_remedy_added id={} kind={} hs={} origin={} rate={} by={}", id, kind, hs, origin, rate, by);
		return added;
	}

	/**
	 * Sets the last day a rate is in force (a measure expires or is revoked).
	 *
	 * @throws Problem {@code 404 TRADE_REMEDY_NOT_FOUND}; {@code DATE_FORMAT} or {@code TRADE_REMEDY_DAYS_INVALID} at
	 *     {@code lastDay}; {@code 409 TRADE_REMEDY_DUPLICATE} when a later last day would reach into a later rate the
	 *     notice sets for the same goods
	 */
	@Transactional
	TradeRemedy end(long id, String lastDay, String by, Instant now) {
		TradeRemedy before = jdbc.sql("SELECT * FROM trade_remedy WHERE id = ? FOR UPDATE").param(id)
			.query(JdbcTradeRemedies::map).optional().orElseThrow(() -> Problem.notFound("TRADE_REMEDY_NOT_FOUND", id));
		Violations v = new Violations();
		LocalDate last = TypedDay.read(lastDay, "lastDay", true, v);
		v.check(last == null || !last.isBefore(before.firstDay()), "lastDay", "TRADE_REMEDY_DAYS_INVALID",
				before.firstDay(), last);
		v.throwIfAny();
		queueForGoods(before.kind(), before.notice(), before.hsCode());
		if (overlapping(before.kind(), before.notice(), before.hsCode(), before.origin(), before.producer(),
				before.firstDay(), last, id)) {
			throw Problem.conflict("TRADE_REMEDY_DUPLICATE", before.notice(), before.hsCode().value(),
					before.origin() == null ? "" : before.origin().value(),
					before.producer() == null ? "" : before.producer());
		}
		jdbc.sql("UPDATE trade_remedy SET last_day = ? WHERE id = ?").params(last, id).update();
		auditTrail.record(AuditRecord.of("TRADE_REMEDY_ENDED", "TRADE_REMEDY", id).change(
				AuditRecord.state("lastDay", before.lastDay() == null ? "" : before.lastDay()),
				AuditRecord.state("lastDay", last)));
		log.info("event=trade_remedy_ended id={} last_day={} by={}", id, last, by);
		return new TradeRemedy(id, before.kind(), before.notice(), before.hsCode(), before.origin(), before.producer(),
				before.rate(), before.firstDay(), last);
	}

	/**
	 * Adds and ends of one notice's rates for one line queue up here until their transaction ends, so that two at one
	 * instant cannot both find the days free (the check reads committed rows only).
	 */
	private void queueForGoods(TradeRemedy.Kind kind, String notice, HsCode hs) {
		TransactionLock.take(jdbc, "trade-remedy:" + kind.name() + ":" + hs.value() + ":" + notice);
	}

	/** Whether another rate than {@code except} (none if null) is set for the same goods on one of the days. */
	private boolean overlapping(TradeRemedy.Kind kind, String notice, HsCode hs, CountryCode origin, String producer,
			LocalDate first, LocalDate last, Long except) {
		return jdbc.sql("""
				SELECT count(*) FROM trade_remedy
				WHERE kind = ? AND notice = ? AND hs_code = ? AND origin IS NOT DISTINCT FROM ? AND id IS DISTINCT FROM ?
				  AND lower(producer) IS NOT DISTINCT FROM lower(?)
				  AND first_day <= COALESCE(?, DATE '9999-12-31') AND COALESCE(last_day, DATE '9999-12-31') >= ?""")
			.params(kind.name(), notice, hs.value(), origin == null ? null : origin.value(), except, producer, last,
					first)
			.query(Integer.class).single() > 0;
	}

	private static String blankAsNull(String raw) {
		return raw == null || raw.isBlank() ? null : raw;
	}

	private static TradeRemedy map(ResultSet rs, int n) throws SQLException {
		String origin = rs.getString("origin");
		return new TradeRemedy(rs.getLong("id"), TradeRemedy.Kind.valueOf(rs.getString("kind")), rs.getString("notice"),
				new HsCode(rs.getString("hs_code")), origin == null ? null : CountryCode.of(origin),
				rs.getString("producer"), rs.getBigDecimal("rate").stripTrailingZeros(),
				rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class));
	}
}
