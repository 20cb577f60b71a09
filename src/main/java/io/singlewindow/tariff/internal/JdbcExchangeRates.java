package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.platform.ReferenceCache;
import io.singlewindow.platform.ReferenceRevision;
import io.singlewindow.tariff.ExchangeRates;

/** Customs monthly exchange rates kept in {@code exchange_rate}; administrators set them per currency and month. */
@Component
public class JdbcExchangeRates implements ExchangeRates {

	private static final Logger log = LoggerFactory.getLogger(JdbcExchangeRates.class);

	/** One stored rate. */
	public record MonthlyRate(String currency, YearMonth month, BigDecimal rate, boolean demo, Instant updatedAt,
			String updatedBy) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail auditTrail;
	/** By currency and month; kept for the current reference revision (every submission asks up to three times). */
	private final ReferenceCache<String, Optional<BigDecimal>> rates;

	JdbcExchangeRates(JdbcClient jdbc, AuditTrail auditTrail, ReferenceRevision revision) {
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.rates = revision.cache(10_000);
	}

	@Override
	public Optional<BigDecimal> rate(CurrencyCode currency, YearMonth month) {
		if (CurrencyCode.CNY.equals(currency)) {
			return Optional.of(BigDecimal.ONE);
		}
		return rates.get(currency.value() + "/" + month,
				key -> jdbc.sql("SELECT rate FROM exchange_rate WHERE currency = ? AND month = ?")
					.params(currency.value(), month.atDay(1)).query(BigDecimal.class).optional()
					.map(BigDecimal::stripTrailingZeros));
	}

	/** Sets (or replaces) the rate of one currency and month. */
	@Transactional
	MonthlyRate set(CurrencyCode currency, YearMonth month, BigDecimal rate, boolean demo, String by, Instant now) {
		if (CurrencyCode.CNY.equals(currency)) {
			throw Problem.invalidField("currency", "EXCHANGE_RATE_CNY_FIXED");
		}
		if (rate == null || rate.signum() <= 0 || rate.scale() > 8 || rate.precision() - rate.scale() > 10) {
			throw Problem.invalidField("rate", "EXCHANGE_RATE_INVALID", rate);
		}
		BigDecimal before = rate(currency, month).orElse(null);
		jdbc.sql("""
				INSERT INTO exchange_rate (currency, month, rate, demo, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (currency, month) DO UPDATE SET rate = EXCLUDED.rate, demo = EXCLUDED.demo,
				  updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
				.params(currency.value(), month.atDay(1), rate, demo, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), by)
				.update();
		auditTrail.record(AuditRecord.of("EXCHANGE_RATE_SET", "EXCHANGE_RATE", currency.value() + "/" + month)
			.change(before == null ? null : AuditRecord.state("rate", before), AuditRecord.state("rate", rate, "demo",
					demo)));
		log.info("event=exchange_rate_set currency={} month={} rate={} by={}", currency, month, rate, by);
		return new MonthlyRate(currency.value(), month, rate, demo, now, by);
	}

	/** Inserts a rate unless one exists for that currency and month; for demo data. */
	boolean setIfAbsent(CurrencyCode currency, YearMonth month, BigDecimal rate, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO exchange_rate (currency, month, rate, demo, updated_at, updated_by) VALUES (?, ?, ?, TRUE, ?, ?)
				ON CONFLICT (currency, month) DO NOTHING""")
				.params(currency.value(), month.atDay(1), rate, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), by)
				.update() > 0;
	}

	/** The rates of {@code month}, by currency. */
	List<MonthlyRate> of(YearMonth month) {
		return jdbc.sql("SELECT * FROM exchange_rate WHERE month = ? ORDER BY currency").param(month.atDay(1))
				.query((rs, n) -> new MonthlyRate(rs.getString("currency"),
						YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getBigDecimal("rate").stripTrailingZeros(),
						rs.getBoolean("demo"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
						rs.getString("updated_by")))
				.list();
	}
}
