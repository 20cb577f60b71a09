package io.singlewindow.risk;

import static io.singlewindow.risk.RiskFixtures.aLine;
import static io.singlewindow.risk.RiskFixtures.aProfile;
import static io.singlewindow.risk.RiskFixtures.aRiskRequest;
import static io.singlewindow.risk.RiskFixtures.anIdNotRandomlySelected;
import static io.singlewindow.risk.RiskFixtures.anUnusedHsCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.risk.internal.JdbcRiskAssessor;
import io.singlewindow.risk.internal.PriceHistory;
import io.singlewindow.risk.internal.RiskProfiles;

/**
 * The JDBC risk assessor on PostgreSQL: profiles as data, recorded assessments and hits, the price history, the
 * new-enterprise condition against the enterprise register, and idempotence under retries and races.
 */
@SingleWindowIntegrationTest
class RiskAssessorIntegrationTests {

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RiskAssessor assessor;

	@Autowired
	RiskAssessments assessments;

	@Autowired
	JdbcRiskAssessor jdbcAssessor;

	@Autowired
	RiskProfiles profiles;

	@Autowired
	BusinessTime time;

	@Autowired
	JdbcClient jdbc;

	/** Long after the demo enterprises registered, so that no new-enterprise profile fires. */
	Instant later() {
		return time.now().plus(Duration.ofDays(400));
	}

	static String code(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** The codes of {@link #threeProfilesOn}'s profiles. */
	record ThreeProfiles(String yellow, String red, String notSelected) {
	}

	/** A yellow profile on the HS code's first six digits, a red one on the code from France, one never selecting. */
	ThreeProfiles threeProfilesOn(String hs) {
		var codes = new ThreeProfiles(code("IT_YELLOW"), code("IT_RED"), code("IT_RARE"));
		profiles.insert(aProfile(codes.yellow()).hs(hs.substring(0, 6)).build());
		profiles.insert(aProfile(codes.red()).hs(hs).origin("FR").channel(Channel.RED).build());
		profiles.insert(aProfile(codes.notSelected()).hs(hs).rate("0").build());
		return codes;
	}

	@Test
	void recordsTheDecisionWithEveryHitForOfficers() {
		String hs = anUnusedHsCode();
		ThreeProfiles three = threeProfilesOn(hs);
		String yellow = three.yellow();
		String red = three.red();
		String notSelected = three.notSelected();
		var request = aRiskRequest().id(anIdNotRandomlySelected())
			.withLine(aLine().hs("8542319000"))
			.withLine(aLine().hs(hs).origin("FR"))
			.build();

		RiskAssessment assessment = jdbcAssessor.assess(request, later());

		assertThat(assessment.channel()).isEqualTo(Channel.RED);
		assertThat(assessment.profileCode()).isEqualTo(red);
		assertThat(assessment.automaticRelease()).isFalse();
		RiskAssessment recorded = assessments.find(request.declarationId()).orElseThrow();
		assertThat(recorded.decision()).isEqualTo(assessment.decision());
		assertThat(recorded.declarant()).isEqualTo(request.declarant());
		assertThat(recorded.hits()).extracting(RiskHit::profileCode, RiskHit::selected, RiskHit::lineNo)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(yellow, true, 2),
					org.assertj.core.groups.Tuple.tuple(red, true, 2),
					org.assertj.core.groups.Tuple.tuple(notSelected, false, 2));
		assertThat(recorded.selectedHits()).hasSize(2);
	}

	@Test
	void aHeldAssessmentIsWrittenWithItsHitsWhenTheHolderSaysAndNeverOverAnEarlierOne() {
		String hs = anUnusedHsCode();
		String red = code("IT_HELD_RED");
		profiles.insert(aProfile(red).hs(hs).channel(Channel.RED).build());
		var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(hs)).build();

		RiskAssessment decided = transactions.execute(tx -> {
			var held = assessor.holding(() -> jdbcAssessor.assess(request, later()));
			assertThat(assessments.find(request.declarationId())).as("written before the holder writes").isEmpty();
			assessor.write(List.of(held.assessments()));
			return held.result();
		});

		RiskAssessment recorded = assessments.find(request.declarationId()).orElseThrow();
		assertThat(recorded.decision()).isEqualTo(decided.decision());
		assertThat(recorded.channel()).isEqualTo(Channel.RED);
		assertThat(recorded.hits()).extracting(RiskHit::profileCode).containsExactly(red);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			var again = assessor.holding(() -> jdbcAssessor.assess(request, later()));
			assessor.write(List.of(again.assessments()));
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("assessed before");
		assertThat(assessments.find(request.declarationId()).orElseThrow().hits()).hasSize(1);
	}

	@Test
	void theHitsOfAssessmentsWrittenTogetherAreStoredAsAssessedEveryFieldInTheirOrder() {
		String hs = anUnusedHsCode();
		ThreeProfiles three = threeProfilesOn(hs);
		var twoLines = aRiskRequest().id(anIdNotRandomlySelected())
			.withLine(aLine().hs(hs).origin("FR"))
			.withLine(aLine().hs(hs))
			.build();
		var oneLine = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(hs)).build();
		var noHit = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(anUnusedHsCode())).build();

		List<RiskAssessment> assessed = transactions.execute(tx -> {
			List<RiskAssessor.HeldAssessments> held = new ArrayList<>();
			List<RiskAssessment> results = new ArrayList<>();
			for (var request : List.of(twoLines, noHit, oneLine)) {
				var one = assessor.holding(() -> jdbcAssessor.assess(request, later()));
				held.add(one.assessments());
				results.add(one.result());
			}
			assessor.write(held);
			return results;
		});

		assertThat(assessed.get(0).hits()).as("each profile once, at the first line it matches")
			.extracting(RiskHit::profileCode, RiskHit::lineNo)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(three.red(), 1),
					org.assertj.core.groups.Tuple.tuple(three.yellow(), 1),
					org.assertj.core.groups.Tuple.tuple(three.notSelected(), 1));
		assertThat(assessed.get(1).hits()).isEmpty();
		assertThat(assessed.get(2).hits()).extracting(RiskHit::profileCode)
			.containsExactlyInAnyOrder(three.yellow(), three.notSelected());
		for (RiskAssessment one : assessed) {
			assertThat(assessments.find(one.declarationId()).orElseThrow().hits())
				.usingRecursiveFieldByFieldElementComparator(org.assertj.core.api.recursive.comparison
					.RecursiveComparisonConfiguration.builder()
					.withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
					.build())
				.containsExactlyElementsOf(one.hits());
		}
	}

	@Test
	void onlyActiveProfilesValidOnTheDayOfAssessmentApply() {
		String hs = anUnusedHsCode();
		LocalDate today = LocalDate.ofInstant(later(), BusinessTime.ZONE);
		String expired = code("IT_EXPIRED");
		String future = code("IT_FUTURE");
		String inactive = code("IT_OFF");
		String current = code("IT_CURRENT");
		profiles.insert(aProfile(expired).hs(hs).channel(Channel.RED).validTo(today.minusDays(1)).build());
		profiles.insert(aProfile(future).hs(hs).channel(Channel.RED).validFrom(today.plusDays(1)).build());
		profiles.insert(aProfile(inactive).hs(hs).channel(Channel.RED).build());
		profiles.deactivate(inactive);
		profiles.insert(aProfile(current).hs(hs).validFrom(today).validTo(today).build());
		var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(hs)).build();

		RiskAssessment assessment = jdbcAssessor.assess(request, later());

		assertThat(assessment.channel()).isEqualTo(Channel.YELLOW);
		assertThat(assessment.hits()).extracting(RiskHit::profileCode).containsExactly(current);
	}

	@Test
	void aGreenDeclarationIsReleasedAutomaticallyWithReasonNoRisk() {
		var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(anUnusedHsCode())).build();

		RiskAssessment assessment = jdbcAssessor.assess(request, later());

		assertThat(assessment.decision().channel()).isEqualTo(Channel.GREEN);
		assertThat(assessment.decision().reasonCode()).isEqualTo("NO_RISK");
		assertThat(assessments.find(request.declarationId()).orElseThrow().hits()).isEmpty();
	}

	@Test
	void reassessingADeclarationReturnsTheRecordedDecision() {
		String hs = anUnusedHsCode();
		var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(hs)).build();
		RiskDecision first = assessor.assess(request);

		// A profile added afterwards does not change the channel of a retried declaration, nor is its price counted twice.
		profiles.insert(aProfile(code("IT_LATE")).hs(hs).channel(Channel.RED).build());
		RiskDecision again = assessor.assess(request);

		assertThat(again).isEqualTo(first);
		assertThat(jdbcAssessor.priceHistory(hs, "C62")).get().extracting(PriceHistory::observations).isEqualTo(1L);
	}

	@Test
	void flagsAUnitPriceFarFromTheZonesHistoryAndKeepsItOutOfTheHistory() {
		String hs = anUnusedHsCode();
		String anomaly = code("IT_PRICE");
		profiles.insert(aProfile(anomaly).hs(hs).unitPriceDeviatingMoreThan("50").channel(Channel.RED).build());
		for (String value : List.of("9000", "10000", "11000", "10000", "10000", "9500", "10500")) {
			var normal = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny(value)).build();
			assertThat(jdbcAssessor.assess(normal, later()).channel()).isEqualTo(Channel.GREEN);
		}
		assertThat(jdbcAssessor.priceHistory(hs, "KGM")).get().satisfies(h -> {
			assertThat(h.observations()).isEqualTo(7);
			assertThat(h.mean()).isEqualByComparingTo("100");
		});
		// Assessments compare with the history as folded (every 250 ms in the background): fold now.
		foldEverythingOf(hs);

		var underValued = aRiskRequest().id(anIdNotRandomlySelected())
			.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny("3000")).build();
		RiskAssessment assessment = jdbcAssessor.assess(underValued, later());

		assertThat(assessment.channel()).isEqualTo(Channel.RED);
		assertThat(assessment.reasonCode()).isEqualTo("UNIT_PRICE_ANOMALY");
		assertThat(assessment.profileCode()).isEqualTo(anomaly);
		// The demo data's own unit-price profile may fire too; ours is the strictest.
		assertThat(assessment.hits()).filteredOn(hit -> hit.profileCode().equals(anomaly)).singleElement().satisfies(hit -> {
			assertThat(hit.unitValueCny()).isEqualByComparingTo("30");
			assertThat(hit.historyMeanCny()).isEqualByComparingTo("100");
			assertThat(hit.deviationPercent()).isEqualByComparingTo("70");
		});
		assertThat(jdbcAssessor.priceHistory(hs, "KGM")).get().satisfies(h -> {
			assertThat(h.observations()).isEqualTo(7);
			assertThat(h.mean()).isEqualByComparingTo("100");
		});
		foldEverythingOf(hs);
		assertThat(jdbcAssessor.priceHistory(hs, "KGM")).get().extracting(PriceHistory::observations).isEqualTo(7L);
		assertThat(jdbc.sql("SELECT rejected_observations FROM risk_price_history WHERE hs_code = ? AND unit = 'KGM'")
			.param(hs).query(Long.class).single()).isEqualTo(1L);
		// The same HS code in another unit has a history of its own.
		var perPiece = aRiskRequest().id(anIdNotRandomlySelected())
			.withLine(aLine().hs(hs).quantity("100", "C62").valueCny("3000")).build();
		assertThat(jdbcAssessor.assess(perPiece, later()).channel()).isEqualTo(Channel.GREEN);
	}

	@Test
	void anAssessmentComparesWithTheHistoryAsFoldedNotWithPricesAQuarterOfASecondOld() {
		String hs = anUnusedHsCode();
		String anomaly = aPriceProfileOverSevenUsualPricesFolded(hs);
		// Three more usual prices, not folded yet (written in this test's transaction, which no fold sees), then one a
		// tenth of the usual: judged against the seven folded.
		transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < 3; i++) {
				jdbcAssessor.assess(aRiskRequest().id(anIdNotRandomlySelected())
					.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny("10000")).build(), later());
			}
			assertThat(jdbcAssessor.priceHistory(hs, "KGM")).get().extracting(PriceHistory::observations)
				.as("the officers' view counts the pending ones too").isEqualTo(10L);
			var underValued = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny("1000")).build();
			assertThat(jdbcAssessor.assess(underValued, later()).hits())
				.filteredOn(hit -> hit.profileCode().equals(anomaly)).singleElement()
				.satisfies(hit -> assertThat(hit.historyObservations()).isEqualTo(7L));
		});
	}

	@Test
	void aTransactionReadsAGoodsPriceHistoryOnceAndTheNextSeesAFoldCommittedMeanwhile() {
		String hs = anUnusedHsCode();
		String anomaly = aPriceProfileOverSevenUsualPricesFolded(hs);
		java.util.function.Supplier<Long> observationsJudgedAgainst = () -> jdbcAssessor
			.assess(aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny("1000")).build(), later())
			.hits().stream().filter(hit -> hit.profileCode().equals(anomaly)).findFirst().orElseThrow()
			.historyObservations();

		transactions.executeWithoutResult(tx -> {
			assertThat(observationsJudgedAgainst.get()).isEqualTo(7L);
			// Another transaction commits a history ten times as long, at the same mean (as a fold would).
			java.util.concurrent.CompletableFuture.runAsync(() -> jdbc.sql("""
					UPDATE risk_price_history SET observations = observations * 10, sum_value = sum_value * 10,
					       sum_squares = sum_squares * 10 WHERE hs_code = ? AND unit = 'KGM'""").param(hs).update())
				.join();
			assertThat(observationsJudgedAgainst.get()).as("read once in this transaction").isEqualTo(7L);
		});
		assertThat(observationsJudgedAgainst.get()).as("the next transaction reads it afresh").isEqualTo(70L);
	}

	@Test
	void assessmentsWrittenTogetherAppendTheirPricesSummedOneRowPerCommodityCodeAndUnit() {
		String hs = anUnusedHsCode();
		var twoLines = aRiskRequest().id(anIdNotRandomlySelected())
			.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny("9000"))
			.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny("11000")).build();
		var oneLine = aRiskRequest().id(anIdNotRandomlySelected())
			.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny("10000")).build();
		var perPiece = aRiskRequest().id(anIdNotRandomlySelected())
			.withLine(aLine().hs(hs).quantity("10", "C62").valueCny("500")).build();

		transactions.executeWithoutResult(tx -> {
			List<RiskAssessor.HeldAssessments> held = new java.util.ArrayList<>();
			for (var request : List.of(twoLines, oneLine, perPiece)) {
				held.add(assessor.holding(() -> jdbcAssessor.assess(request, later())).assessments());
			}
			assessor.write(held);

			// Read in the writing transaction, which no background fold sees.
			assertThat(jdbc.sql("SELECT count(*) FROM risk_price_observation WHERE hs_code = ?").param(hs)
				.query(Long.class).single()).as("one row per HS code and unit, not per line").isEqualTo(2L);
			assertThat(jdbcAssessor.priceHistory(hs, "KGM")).get().satisfies(h -> {
				assertThat(h.observations()).isEqualTo(3);
				assertThat(h.mean()).isEqualByComparingTo("100");
			});
			assertThat(jdbcAssessor.priceHistory(hs, "C62")).get().satisfies(h -> {
				assertThat(h.observations()).isEqualTo(1);
				assertThat(h.mean()).isEqualByComparingTo("50");
			});
		});
		foldEverythingOf(hs);
		assertThat(jdbc.sql("SELECT observations, sum_value, sum_squares FROM risk_price_history WHERE hs_code = ? AND unit = 'KGM'")
			.param(hs).query().singleRow())
			.containsEntry("observations", 3L)
			.hasEntrySatisfying("sum_value", v -> assertThat((java.math.BigDecimal) v).isEqualByComparingTo("300"))
			.hasEntrySatisfying("sum_squares", v -> assertThat((java.math.BigDecimal) v).isEqualByComparingTo("30200"));
	}

	/**
	 * A profile that sends {@code hs} red at a unit price more than 50 % from the history, and a history of seven usual
	 * prices of it (100 CNY a kilogram), folded; returns the profile's code.
	 */
	private String aPriceProfileOverSevenUsualPricesFolded(String hs) {
		String anomaly = code("IT_PRICE");
		profiles.insert(aProfile(anomaly).hs(hs).unitPriceDeviatingMoreThan("50").channel(Channel.RED).build());
		for (String value : List.of("9000", "10000", "11000", "10000", "10000", "9500", "10500")) {
			jdbcAssessor.assess(aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs(hs).quantity("100", "KGM").valueCny(value)).build(), later());
		}
		foldEverythingOf(hs);
		return anomaly;
	}

	/**
	 * Folds until no observation of {@code hs} is left. The background fold (every 250 ms) may be folding them and not
	 * have committed yet: this one then folds nothing, and waits for that commit rather than read too early.
	 */
	private void foldEverythingOf(String hs) {
		long giveUp = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		while (jdbcAssessor.foldObservations() >= 0 && System.nanoTime() < giveUp && jdbc
			.sql("SELECT count(*) FROM risk_price_observation WHERE hs_code = ?").param(hs)
			.query(Long.class).single() > 0) {
			Thread.onSpinWait();
		}
	}

	@Test
	void selectsANewEnterpriseFromTheRegistersRegistrationDate() {
		String hs = anUnusedHsCode();
		String newcomers = code("IT_NEW");
		profiles.insert(aProfile(newcomers).hs(hs).newEnterpriseWithin(30).channel(Channel.RED).build());
		var justRegistered = aRiskRequest().id(anIdNotRandomlySelected()).by(EnterpriseFixtures.demo("TUNGSTEN"))
			.withLine(aLine().hs(hs)).build();
		var established = aRiskRequest().id(anIdNotRandomlySelected()).by(EnterpriseFixtures.demo("TUNGSTEN"))
			.withLine(aLine().hs(hs)).build();

		// The demo enterprises registered when the application started.
		RiskAssessment now = jdbcAssessor.assess(justRegistered, time.now());
		RiskAssessment inAYear = jdbcAssessor.assess(established, later());

		assertThat(now.channel()).isEqualTo(Channel.RED);
		assertThat(now.profileCode()).isEqualTo(newcomers);
		assertThat(now.reasonCode()).isEqualTo("NEW_ENTERPRISE");
		assertThat(inAYear.channel()).isEqualTo(Channel.GREEN);
	}

	@Test
	void anAeoEnterpriseIsSelectedLessOften() {
		String hs = anUnusedHsCode();
		String profile = code("IT_AEO");
		profiles.insert(aProfile(profile).hs(hs).rate("40").aeoFactor("0.25").build());
		// Both draws fall between the AEO rate (40 % × 0.25 = 10 %) and the full rate (40 %).
		var byAeo = aRiskRequest().id(anIdNotRandomlySelected(profile, d -> d >= 0.10 && d < 0.40))
			.by(EnterpriseFixtures.demo("CHIP")).withLine(aLine().hs(hs)).build();
		var byOther = aRiskRequest().id(anIdNotRandomlySelected(profile, d -> d >= 0.10 && d < 0.40))
			.by(EnterpriseFixtures.demo("COFFEE")).withLine(aLine().hs(hs)).build();

		RiskAssessment aeo = jdbcAssessor.assess(byAeo, later());
		RiskAssessment other = jdbcAssessor.assess(byOther, later());

		assertThat(aeo.aeoCertified()).isTrue();
		assertThat(aeo.channel()).isEqualTo(Channel.GREEN);
		assertThat(aeo.hits()).singleElement().satisfies(hit -> {
			assertThat(hit.selected()).isFalse();
			assertThat(hit.ratePercent()).isEqualByComparingTo("10");
		});
		assertThat(other.aeoCertified()).isFalse();
		assertThat(other.channel()).isEqualTo(Channel.YELLOW);
	}

	@Test
	void concurrentAssessmentsOfOneDeclarationRecordOneDecisionAndOnePrice() throws Exception {
		String hs = anUnusedHsCode();
		var request = aRiskRequest().withLine(aLine().hs(hs)).build();
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<RiskDecision>> futures = new ArrayList<>();
		try (var executor = Executors.newFixedThreadPool(threads)) {
			for (int i = 0; i < threads; i++) {
				Callable<RiskDecision> task = () -> {
					start.await();
					return assessor.assess(request);
				};
				futures.add(executor.submit(task));
			}
			start.countDown();
			RiskDecision first = futures.getFirst().get();
			for (Future<RiskDecision> future : futures) {
				assertThat(future.get()).isEqualTo(first);
			}
		}
		assertThat(jdbc.sql("SELECT count(*) FROM risk_assessment WHERE declaration_id = ?")
			.param(request.declarationId()).query(Long.class).single()).isEqualTo(1L);
		assertThat(jdbcAssessor.priceHistory(hs, "C62")).get().extracting(PriceHistory::observations).isEqualTo(1L);
	}
}
