package io.singlewindow.risk;

import static io.singlewindow.risk.RiskFixtures.aLine;
import static io.singlewindow.risk.RiskFixtures.aProfile;
import static io.singlewindow.risk.RiskFixtures.aRiskRequest;
import static io.singlewindow.risk.RiskFixtures.anIdNotRandomlySelected;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.risk.internal.PriceHistory;
import io.singlewindow.risk.internal.RiskEvaluation;
import io.singlewindow.risk.internal.RiskEvaluation.Declarant;
import io.singlewindow.risk.internal.RiskEvaluation.PriceKey;
import io.singlewindow.risk.internal.RiskEvaluation.Result;
import io.singlewindow.risk.internal.RiskProfile;
import io.singlewindow.risk.internal.RiskProperties;

/** Each risk policy on its own, and how their hits make the channel. */
class RiskPoliciesUnitTests {

	static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
	static final Declarant ESTABLISHED = new Declarant(false, NOW.minus(Duration.ofDays(400)));
	static final Declarant ESTABLISHED_AEO = new Declarant(true, NOW.minus(Duration.ofDays(400)));

	final RiskEvaluation evaluation = new RiskEvaluation(RiskProperties.defaults());

	Result evaluate(RiskRequest request, Declarant declarant, RiskProfile... profiles) {
		return evaluation.evaluate(request, declarant, List.of(profiles), Map.of(), NOW);
	}

	@Test
	void aDeclarationNoPolicyFiresOnIsReleasedAutomatically() {
		var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs("8542319000")).build();

		Result result = evaluate(request, ESTABLISHED, aProfile("PERFUME").hs("3303").build());

		assertThat(result.decision().channel()).isEqualTo(Channel.GREEN);
		assertThat(result.decision().reasonCode()).isEqualTo("NO_RISK");
		assertThat(result.decision().profileCode()).isNull();
		assertThat(result.hits()).isEmpty();
	}

	@Nested
	class ProfileMatch {

		@Test
		void matchesWhenEveryConditionHoldsOnOneLine() {
			var request = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs("8542319000").origin("US"))
				.withLine(aLine().hs("3303000000").origin("FR"))
				.build();
			RiskProfile perfumeFromFrance = aProfile("PERFUME_FR").hs("3303").origin("FR", "IT").flow(TradeFlow.IMPORT)
				.tradeMode("0110").build();

			Result result = evaluate(request, ESTABLISHED, perfumeFromFrance);

			assertThat(result.decision()).isEqualTo(new RiskDecision(Channel.YELLOW, "PROFILE_MATCH", "PERFUME_FR",
					result.hits().getFirst().detail()));
			assertThat(result.hits()).singleElement().satisfies(hit -> {
				assertThat(hit.lineNo()).isEqualTo(2);
				assertThat(hit.selected()).isTrue();
				assertThat(hit.detail()).contains("PERFUME_FR", "line 2", "YELLOW");
			});
		}

		@Test
		void aProfileSelectsGoodsOfUnknownOriginByTheirCode() {
			// 原产地不明: a line declared of origin ZZ (CountryCode.UNKNOWN) pays the general rate; customs may target it
			var request = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs("3303000000").origin("FR"))
				.withLine(aLine().hs("3303000000").origin("ZZ"))
				.build();

			Result result = evaluate(request, ESTABLISHED, aProfile("ORIGIN_UNKNOWN").origin("ZZ").build());

			assertThat(result.hits()).singleElement().satisfies(hit -> assertThat(hit.lineNo()).isEqualTo(2));
			assertThat(result.decision().channel()).isEqualTo(Channel.YELLOW);
		}

		@Test
		void conditionsMustHoldOnTheSameLine() {
			// Perfume from the US and chips from France: neither line is perfume from France.
			var request = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs("3303000000").origin("US"))
				.withLine(aLine().hs("8542319000").origin("FR"))
				.build();

			Result result = evaluate(request, ESTABLISHED, aProfile("PERFUME_FR").hs("3303").origin("FR").build());

			assertThat(result.hits()).isEmpty();
			assertThat(result.decision().channel()).isEqualTo(Channel.GREEN);
		}

		@Test
		void flowAndTradeModeRestrictTheProfile() {
			var export = aRiskRequest().id(anIdNotRandomlySelected()).flow(TradeFlow.EXPORT).tradeMode("0110")
				.withLine(aLine().hs("8101940000")).build();
			var processingTrade = aRiskRequest().id(anIdNotRandomlySelected()).flow(TradeFlow.EXPORT).tradeMode("0615")
				.withLine(aLine().hs("8101940000")).build();
			var tungsten = aProfile("TUNGSTEN").hs("810194").flow(TradeFlow.EXPORT).tradeMode("0110")
				.channel(Channel.RED).build();
			var tungstenImports = aProfile("TUNGSTEN_IN").hs("810194").flow(TradeFlow.IMPORT).build();

			assertThat(evaluate(export, ESTABLISHED, tungsten, tungstenImports).decision().channel())
				.isEqualTo(Channel.RED);
			assertThat(evaluate(processingTrade, ESTABLISHED, tungsten, tungstenImports).hits()).isEmpty();
		}

		@Test
		void aProfileWithoutConditionsOnLinesMatchesTheWholeDeclaration() {
			var request = aRiskRequest().id(anIdNotRandomlySelected()).tradeMode("9610").withLine(aLine()).build();

			Result result = evaluate(request, ESTABLISHED, aProfile("CROSS_BORDER").tradeMode("9610").build());

			assertThat(result.hits()).singleElement().satisfies(hit -> assertThat(hit.lineNo()).isNull());
		}
	}

	@Nested
	class SelectionRate {

		RiskProfile perfume = aProfile("PERFUME").hs("3303").rate("30").aeoFactor("0.5").build();

		@Test
		void selectsTheDeclarationsWhoseDrawIsBelowTheRate() {
			var selected = aRiskRequest().id(anIdNotRandomlySelected("PERFUME", d -> d < 0.30))
				.withLine(aLine().hs("3303000000")).build();
			var notSelected = aRiskRequest().id(anIdNotRandomlySelected("PERFUME", d -> d >= 0.30))
				.withLine(aLine().hs("3303000000")).build();

			assertThat(evaluate(selected, ESTABLISHED, perfume).decision().channel()).isEqualTo(Channel.YELLOW);
			Result result = evaluate(notSelected, ESTABLISHED, perfume);
			assertThat(result.decision().channel()).isEqualTo(Channel.GREEN);
			assertThat(result.decision().reasonCode()).isEqualTo("NO_RISK");
			// Officers still see that the profile matched.
			assertThat(result.hits()).singleElement().satisfies(hit -> {
				assertThat(hit.selected()).isFalse();
				assertThat(hit.ratePercent()).isEqualByComparingTo("30");
				assertThat(hit.draw()).isGreaterThanOrEqualTo(new BigDecimal("0.3"));
			});
		}

		@Test
		void anAeoEnterpriseIsSelectedAtTheReducedRate() {
			var request = aRiskRequest().id(anIdNotRandomlySelected("PERFUME", d -> d >= 0.15 && d < 0.30))
				.withLine(aLine().hs("3303000000")).build();

			assertThat(evaluate(request, ESTABLISHED, perfume).decision().channel()).isEqualTo(Channel.YELLOW);
			Result aeo = evaluate(request, ESTABLISHED_AEO, perfume);
			assertThat(aeo.decision().channel()).isEqualTo(Channel.GREEN);
			assertThat(aeo.hits().getFirst().ratePercent()).isEqualByComparingTo("15");
			assertThat(aeo.hits().getFirst().detail()).contains("AEO");
		}

		@Test
		void theSameDeclarationAlwaysGetsTheSameAnswer() {
			var request = aRiskRequest().withLine(aLine().hs("3303000000")).build();

			Result first = evaluate(request, ESTABLISHED, perfume);
			for (int i = 0; i < 20; i++) {
				assertThat(evaluate(request, ESTABLISHED, perfume)).isEqualTo(first);
			}
		}
	}

	@Nested
	class NewEnterprise {

		RiskProfile newcomers = aProfile("NEW_30D").newEnterpriseWithin(30).build();

		@Test
		void firesForAnEnterpriseRegisteredWithinTheDays() {
			var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine()).build();

			Result result = evaluate(request, new Declarant(false, NOW.minus(Duration.ofDays(29))), newcomers);

			assertThat(result.decision().reasonCode()).isEqualTo("NEW_ENTERPRISE");
			assertThat(result.decision().channel()).isEqualTo(Channel.YELLOW);
		}

		@Test
		void doesNotFireForAnEstablishedEnterprise() {
			var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine()).build();

			assertThat(evaluate(request, new Declarant(false, NOW.minus(Duration.ofDays(31))), newcomers).hits())
				.isEmpty();
		}

		@Test
		void treatsAnEnterpriseTheRegisterDoesNotKnowAsNew() {
			var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine()).build();

			assertThat(evaluate(request, Declarant.UNKNOWN, newcomers).decision().reasonCode())
				.isEqualTo("NEW_ENTERPRISE");
		}
	}

	@Nested
	class UnitPriceAnomaly {

		RiskProfile anomaly = aProfile("PRICE_50").unitPriceDeviatingMoreThan("50").build();
		PriceKey chips = new PriceKey("8542319000", "C62");

		/** {@code n} observations of 100 CNY per piece. */
		Map<PriceKey, PriceHistory> history(int n) {
			BigDecimal sum = BigDecimal.valueOf(100L * n);
			return Map.of(chips, new PriceHistory(n, sum, BigDecimal.valueOf(10_000L * n)));
		}

		Result evaluate(String valueCnyOfHundredPieces, int observations) {
			var request = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs("8542319000").quantity("100", "C62").valueCny(valueCnyOfHundredPieces)).build();
			return evaluation.evaluate(request, ESTABLISHED, List.of(anomaly), history(observations), NOW);
		}

		@Test
		void firesWhenTheUnitValueIsFarFromTheZonesMean() {
			Result underValued = evaluate("4000", 10); // 40 CNY a piece against a mean of 100: 60 % below

			assertThat(underValued.decision().reasonCode()).isEqualTo("UNIT_PRICE_ANOMALY");
			assertThat(underValued.hits()).singleElement().satisfies(hit -> {
				assertThat(hit.unitValueCny()).isEqualByComparingTo("40");
				assertThat(hit.historyMeanCny()).isEqualByComparingTo("100");
				assertThat(hit.historyObservations()).isEqualTo(10);
				assertThat(hit.deviationPercent()).isEqualByComparingTo("60");
				assertThat(hit.lineNo()).isEqualTo(1);
			});
			assertThat(evaluate("16000", 10).decision().reasonCode()).isEqualTo("UNIT_PRICE_ANOMALY");
		}

		@Test
		void doesNotFireWithinTheTolerance() {
			assertThat(evaluate("14900", 10).hits()).isEmpty();
			assertThat(evaluate("5100", 10).hits()).isEmpty();
		}

		@Test
		void exactlyAtTheToleranceIsNoAnomalyButIsStillRecorded() {
			// 150 CNY a piece against a mean of 100 is exactly 50 % away: "more than 50 %" it is not.
			Result atTheEdge = evaluate("15000", 10);

			assertThat(atTheEdge.hits()).isEmpty();
			assertThat(atTheEdge.observations()).singleElement().satisfies(o -> assertThat(o.accepted()).isTrue());
			assertThat(evaluate("15001", 10).hits()).hasSize(1);
		}

		@Test
		void aFreeLineCountsAtZeroAndANegativeValueIsIgnored() {
			var free = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs("8542319000").quantity("100", "C62").valueCny("0")).build();
			var negative = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs("8542319000").quantity("100", "C62").valueCny("-1")).build();

			assertThat(evaluation.evaluate(free, ESTABLISHED, List.of(anomaly), history(10), NOW).observations())
				.singleElement().satisfies(o -> assertThat(o.unitValue()).isEqualByComparingTo("0"));
			assertThat(evaluation.evaluate(negative, ESTABLISHED, List.of(anomaly), history(10), NOW).observations())
				.isEmpty();
		}

		@Test
		void doesNotJudgeWithTooFewObservations() {
			assertThat(evaluate("1000", 4).hits()).isEmpty();
			assertThat(evaluate("1000", 5).hits()).hasSize(1);
		}

		@Test
		void keepsOutliersOutOfTheHistory() {
			Result outlier = evaluate("1000", 10);
			Result normal = evaluate("11000", 10);
			Result coldStart = evaluate("1000", 2);

			assertThat(outlier.observations()).singleElement().satisfies(o -> {
				assertThat(o.accepted()).isFalse();
				assertThat(o.unitValue()).isEqualByComparingTo("10");
			});
			assertThat(normal.observations()).singleElement().satisfies(o -> assertThat(o.accepted()).isTrue());
			assertThat(coldStart.observations()).singleElement().satisfies(o -> assertThat(o.accepted()).isTrue());
		}

		@Test
		void aLineWithoutQuantityIsNeitherJudgedNorRecorded() {
			var request = aRiskRequest().id(anIdNotRandomlySelected())
				.withLine(aLine().hs("8542319000").quantity("0", "C62").valueCny("4000")).build();

			Result result = evaluation.evaluate(request, ESTABLISHED, List.of(anomaly), history(10), NOW);

			assertThat(result.hits()).isEmpty();
			assertThat(result.observations()).isEmpty();
		}

		@Test
		void historyComputesMeanAndStandardDeviation() {
			PriceHistory history = new PriceHistory(0, BigDecimal.ZERO, BigDecimal.ZERO);
			for (String v : List.of("2", "4", "4", "4", "5", "5", "7", "9")) {
				BigDecimal value = new BigDecimal(v);
				history = new PriceHistory(history.observations() + 1, history.sum().add(value),
						history.sumOfSquares().add(value.multiply(value)));
			}
			assertThat(history.mean()).isEqualByComparingTo("5");
			assertThat(history.standardDeviation()).isEqualByComparingTo("2");
			assertThat(history.deviationPercent(new BigDecimal("10"), 5)).isEqualByComparingTo("100");
		}
	}

	@Test
	void theStrictestSelectedChannelWinsAndEveryReasonIsListed() {
		var request = aRiskRequest().id(anIdNotRandomlySelected())
			.withLine(aLine().hs("3303000000").origin("FR"))
			.build();
		RiskProfile yellow = aProfile("A_PERFUME").hs("3303").build();
		RiskProfile red = aProfile("B_FRANCE").origin("FR").channel(Channel.RED).build();

		Result result = evaluate(request, ESTABLISHED, yellow, red);

		assertThat(result.decision().channel()).isEqualTo(Channel.RED);
		assertThat(result.decision().profileCode()).isEqualTo("B_FRANCE");
		assertThat(result.decision().reason()).contains("A_PERFUME", "B_FRANCE");
		assertThat(result.hits()).extracting(RiskHit::profileCode).containsExactly("A_PERFUME", "B_FRANCE");
	}
}
