package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.tariff.ExchangeRates;
import io.singlewindow.tariff.TariffSchedule;

/**
 * Reference data kept by a node follows every committed change, however it was made (here: plain SQL, as another
 * node, a migration or a database administrator would), and a transaction asks for the revision only once.
 */
@SingleWindowIntegrationTest
class ReferenceRevisionIntegrationTests {

	@Autowired
	ReferenceRevision revision;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	TariffSchedule schedule;
	@Autowired
	ExchangeRates rates;
	@Autowired
	PermitLedger permits;
	@Autowired
	BusinessTime time;
	@Autowired
	io.singlewindow.risk.internal.RiskProfiles riskProfiles;

	@Test
	void aTariffLineChangedBySqlIsSeenAtOnce() {
		HsCode coffee = HsCode.of("0901110000");
		BigDecimal before = schedule.line(coffee).orElseThrow().vatRate();
		assertThat(schedule.line(coffee).orElseThrow().vatRate()).isEqualByComparingTo(before);
		try {
			jdbc.sql("UPDATE tariff_line SET vat_rate = 0.11 WHERE code = ?").param(coffee.value()).update();
			assertThat(schedule.line(coffee).orElseThrow().vatRate()).isEqualByComparingTo("0.11");
		}
		finally {
			jdbc.sql("UPDATE tariff_line SET vat_rate = ? WHERE code = ?").params(before, coffee.value()).update();
		}
		assertThat(schedule.line(coffee).orElseThrow().vatRate()).isEqualByComparingTo(before);
	}

	@Test
	void anExchangeRateAddedBySqlIsSeenAtOnceAndAMissingOneIsNotKeptMissing() {
		YearMonth month = YearMonth.of(2031, 7);
		assertThat(rates.rate(CurrencyCode.USD, month)).isEmpty();
		try {
			jdbc.sql("INSERT INTO exchange_rate (currency, month, rate, demo, updated_at, updated_by) "
					+ "VALUES ('USD', ?, 6.5, FALSE, now(), 'test')").param(month.atDay(1)).update();
			assertThat(rates.rate(CurrencyCode.USD, month)).contains(new BigDecimal("6.5"));
		}
		finally {
			jdbc.sql("DELETE FROM exchange_rate WHERE month = ?").param(month.atDay(1)).update();
		}
		assertThat(rates.rate(CurrencyCode.USD, month)).isEmpty();
	}

	@Test
	void aPermitCatalogueScopeWithdrawnBySqlIsSeenAtOnce() {
		HsCode coffee = HsCode.of("0901110000");
		List<?> before = permits.requirementsFor(coffee, TradeFlow.IMPORT);
		try {
			jdbc.sql("INSERT INTO permit_catalogue_scope (catalogue_code, flow, hs_prefix) "
					+ "SELECT code, 'IMPORT', '09011100' FROM permit_catalogue WHERE active ORDER BY code LIMIT 1").update();
			assertThat(permits.requirementsFor(coffee, TradeFlow.IMPORT)).hasSizeGreaterThan(before.size());
		}
		finally {
			jdbc.sql("DELETE FROM permit_catalogue_scope WHERE hs_prefix = '09011100'").update();
		}
		assertThat(permits.requirementsFor(coffee, TradeFlow.IMPORT)).hasSameSizeAs(before);
	}

	@Test
	void aRiskProfileDeactivatedBySqlIsSeenAtOnce() {
		var today = time.today();
		var before = riskProfiles.inForceOn(today);
		assertThat(before).as("risk profiles in force").isNotEmpty();
		String code = before.getFirst().code();
		try {
			jdbc.sql("UPDATE risk_profile SET active = FALSE WHERE code = ?").param(code).update();
			assertThat(riskProfiles.inForceOn(today)).extracting(p -> p.code()).doesNotContain(code);
		}
		finally {
			jdbc.sql("UPDATE risk_profile SET active = TRUE WHERE code = ?").param(code).update();
		}
		assertThat(riskProfiles.inForceOn(today)).extracting(p -> p.code()).contains(code);
	}

	@Test
	void everyChangeGetsANewNumberAndARolledBackOneNeverReappears() {
		long first = revision.current();
		long[] inside = new long[1];
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("UPDATE routing_rule SET priority = priority WHERE false").update();
			inside[0] = jdbc.sql("SELECT revision FROM reference_revision").query(Long.class).single();
			tx.setRollbackOnly();
		});
		assertThat(inside[0]).isNotEqualTo(first);
		assertThat(revision.current()).isEqualTo(first);
		jdbc.sql("UPDATE routing_rule SET priority = priority WHERE false").update();
		assertThat(revision.current()).isNotIn(first, inside[0]);
	}

	@Test
	void aTransactionAsksForTheRevisionOnceAndLooksUpAKeptValueOnce() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		ReferenceCache<String, String> cache = revision.cache(10);
		long[] seen = new long[2];
		transactions.executeWithoutResult(tx -> {
			seen[0] = revision.current();
			for (int i = 0; i < 5; i++) {
				assertThat(cache.get("key", k -> "value " + lookups.incrementAndGet())).isEqualTo("value 1");
			}
			// Another transaction commits a change meanwhile: this one keeps the revision it first read.
			Thread other = Thread.ofVirtual().start(
					() -> jdbc.sql("UPDATE routing_rule SET priority = priority WHERE false").update());
			try {
				other.join();
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
			seen[1] = revision.current();
		});
		assertThat(seen[1]).isEqualTo(seen[0]);
		assertThat(lookups).hasValue(1);
		assertThat(revision.current()).isNotEqualTo(seen[0]);
		assertThat(cache.get("key", k -> "value " + lookups.incrementAndGet())).isEqualTo("value 2");
	}
}
