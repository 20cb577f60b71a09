package io.singlewindow.tariff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.CountryCode;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;
import io.singlewindow.platform.TransactionLock;
import io.singlewindow.reference.ReferenceData;

/**
 * The origins listed without most-favoured-nation treatment ({@code origin_without_mfn}): administrators record them as
 * the Tariff Commission's notices list them and set the day an origin is given MFN treatment; the assessment asks
 * about an item's origin, kept per node for the current {@link ReferenceRevision} (a trigger gives every change a new
 * revision).
 */
@Component
class JdbcOriginsWithoutMfn implements OriginsWithoutMfn {

	private static final Logger log = LoggerFactory.getLogger(JdbcOriginsWithoutMfn.class);

	private final JdbcClient jdbc;
	private final ReferenceData reference;
	private final AuditTrail auditTrail;
	private final ReferenceCache<CountryCode, List<OriginWithoutMfn>> byOrigin;

	JdbcOriginsWithoutMfn(JdbcClient jdbc, ReferenceData reference, AuditTrail auditTrail, ReferenceRevision revision) {
		this.jdbc = jdbc;
		this.reference = reference;
		this.auditTrail = auditTrail;
		this.byOrigin = revision.cache(1_000);
	}

	@Override
	public Optional<OriginWithoutMfn> on(CountryCode origin, LocalDate day) {
		if (origin == null) {
			return Optional.empty();
		}
		return byOrigin.get(origin, o -> jdbc.sql("SELECT * FROM origin_without_mfn WHERE origin = ? ORDER BY id")
			.param(o.value()).query(JdbcOriginsWithoutMfn::map).list())
			.stream().filter(l -> l.inForceOn(day)).findFirst();
	}

	/** One listing, in force or ended: what an administrator's {@code Location} names. */
	OriginWithoutMfn find(long id) {
		return jdbc.sql("SELECT * FROM origin_without_mfn WHERE id = ?").param(id).query(JdbcOriginsWithoutMfn::map)
			.optional().orElseThrow(() -> Problem.notFound("ORIGIN_WITHOUT_MFN_NOT_FOUND", id));
	}

	/** Every listing recorded, in force or ended, the latest first. */
	List<OriginWithoutMfn> all() {
		return jdbc.sql("SELECT * FROM origin_without_mfn ORDER BY first_day DESC, origin, id")
			.query(JdbcOriginsWithoutMfn::map).list();
	}

	/** A listing as an administrator enters it; strings as typed, checked all at once by {@link #add}. */
	record Entry(String origin, String notice, String firstDay, String lastDay) {
	}

	/**
	 * Records one origin without MFN treatment.
	 *
	 * @throws Problem {@code INVALID_INPUT} naming each field wrong: {@code REQUIRED}, {@code COUNTRY_CODE_FORMAT},
	 *     {@code COUNTRY_UNKNOWN}, {@code ORIGIN_WITHOUT_MFN_CHINA} (goods of China's own origin pay MFN),
	 *     {@code DATE_FORMAT}, {@code ORIGIN_WITHOUT_MFN_DAYS_INVALID}; {@code 409 ORIGIN_WITHOUT_MFN_DUPLICATE} when the
	 *     origin is already listed on one of these days
	 */
	@Transactional
	OriginWithoutMfn add(Entry entry, String by, Instant now) {
		Violations v = new Violations();
		CountryCode origin = null;
		if (entry.origin() == null || entry.origin().isBlank()) {
			v.add("origin", "REQUIRED");
		} else {
			origin = v.read("origin", () -> CountryCode.of(entry.origin()));
			if (origin != null && !reference.isCountry(origin)) {
				v.add("origin", "COUNTRY_UNKNOWN", origin.value());
				origin = null;
			}
			// 关税法: goods originating in China itself that are imported pay the MFN rate
			if (origin != null && origin.value().equals("CN")) {
				v.add("origin", "ORIGIN_WITHOUT_MFN_CHINA");
			}
		}
		String notice = v.read("notice", () -> FreeText.line(entry.notice(), InputLimits.REFERENCE));
		notice = notice == null || notice.isBlank() ? null : notice.strip();
		v.required(notice, "notice");
		LocalDate first = TypedDay.read(entry.firstDay(), "firstDay", true, v);
		LocalDate last = TypedDay.read(entry.lastDay(), "lastDay", false, v);
		v.check(first == null || last == null || !last.isBefore(first), "lastDay", "ORIGIN_WITHOUT_MFN_DAYS_INVALID",
				first, last);
		v.throwIfAny();
		queueForOrigin(origin);
		if (overlapping(origin, first, last, null)) {
			throw Problem.conflict("ORIGIN_WITHOUT_MFN_DUPLICATE", origin.value());
		}
		long id = jdbc.sql("""
				INSERT INTO origin_without_mfn (origin, notice, first_day, last_day, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(origin.value(), notice, first, last, by, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.query(Long.class).single();
		auditTrail.record(AuditRecord.of("ORIGIN_WITHOUT_MFN_ADDED", "ORIGIN_WITHOUT_MFN", id).change(null,
				AuditRecord.state("origin", origin.value(), "notice", notice, "firstDay", first, "lastDay",
						last == null ? "" : last)));
		log.info("event=origin_without_mfn_added id={} origin={} first_day={} by={}", id, origin, first, by);
		return new OriginWithoutMfn(id, origin, notice, first, last);
	}

	/**
	 * Sets the last day an origin is without MFN treatment (it is given MFN from the day after).
	 *
	 * @throws Problem {@code 404 ORIGIN_WITHOUT_MFN_NOT_FOUND}; {@code REQUIRED}, {@code DATE_FORMAT} or
	 *     {@code ORIGIN_WITHOUT_MFN_DAYS_INVALID} at {@code lastDay}; {@code 409 ORIGIN_WITHOUT_MFN_DUPLICATE} when a
	 *     later last day would reach into a later listing of the origin
	 */
	@Transactional
	OriginWithoutMfn end(long id, String lastDay, String by, Instant now) {
		OriginWithoutMfn before = jdbc.sql("SELECT * FROM origin_without_mfn WHERE id = ? FOR UPDATE").param(id)
			.query(JdbcOriginsWithoutMfn::map).optional()
			.orElseThrow(() -> Problem.notFound("ORIGIN_WITHOUT_MFN_NOT_FOUND", id));
		Violations v = new Violations();
		LocalDate last = TypedDay.read(lastDay, "lastDay", true, v);
		v.check(last == null || !last.isBefore(before.firstDay()), "lastDay", "ORIGIN_WITHOUT_MFN_DAYS_INVALID",
				before.firstDay(), last);
		v.throwIfAny();
		queueForOrigin(before.origin());
		if (overlapping(before.origin(), before.firstDay(), last, id)) {
			throw Problem.conflict("ORIGIN_WITHOUT_MFN_DUPLICATE", before.origin().value());
		}
		jdbc.sql("UPDATE origin_without_mfn SET last_day = ? WHERE id = ?").params(last, id).update();
		auditTrail.record(AuditRecord.of("ORIGIN_WITHOUT_MFN_ENDED", "ORIGIN_WITHOUT_MFN", id).change(
				AuditRecord.state("lastDay", before.lastDay() == null ? "" : before.lastDay()),
				AuditRecord.state("lastDay", last)));
		log.info("event=origin_without_mfn_ended id={} origin={} last_day={} by={}", id, before.origin(), last, by);
		return new OriginWithoutMfn(id, before.origin(), before.notice(), before.firstDay(), last);
	}

	/**
	 * Adds and ends of one origin's listings queue up here until their transaction ends, so that two at one instant
	 * cannot both find the days free (the check reads committed rows only).
	 */
	private void queueForOrigin(CountryCode origin) {
		TransactionLock.take(jdbc, "origin-without-mfn:" + origin.value());
	}

	/** Whether another listing of the origin than {@code except} (none if null) is in force on one of the days. */
	private boolean overlapping(CountryCode origin, LocalDate first, LocalDate last, Long except) {
		return jdbc.sql("""
				SELECT count(*) FROM origin_without_mfn
				WHERE origin = ? AND id IS DISTINCT FROM ?
				  AND first_day <= COALESCE(?, DATE '9999-12-31') AND COALESCE(last_day, DATE '9999-12-31') >= ?""")
			.params(origin.value(), except, last, first).query(Integer.class).single() > 0;
	}

	private static OriginWithoutMfn map(ResultSet rs, int n) throws SQLException {
		return new OriginWithoutMfn(rs.getLong("id"), CountryCode.of(rs.getString("origin")), rs.getString("notice"),
				rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class));
	}
}
