package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.permit.WriteOffRequest;
import io.singlewindow.risk.Channel;
import io.singlewindow.risk.RiskDecision;
import io.singlewindow.routing.RoutingDecision;

/**
 * The automatic decision policies, the permit checks they rest on and what an amendment compares, without a
 * database: routing, the risk channel and the permit ledger's answers are given.
 */
class AutomaticDecisionUnitTests {

	static final Uscc DECLARANT = Uscc.parse("91110000802100433B");
	static final UUID DECLARATION = UUID.fromString("00000000-0000-0000-0000-000000000001");
	static final RiskDecision GREEN = new RiskDecision(Channel.GREEN, "NO_RISK", null, "no profile matched");
	static final RiskDecision RED = new RiskDecision(Channel.RED, "PROFILE_MATCH", "P-1", "coffee from X");

	static final RoutingDecision CUSTOMS_ALWAYS = new RoutingDecision(AgencyCode.CUSTOMS, "CUSTOMS_ALWAYS", "every line");
	static final RoutingDecision CIQ_INSPECTION = new RoutingDecision(AgencyCode.CIQ, "CIQ_SUPERVISION_AB", "condition A");
	static final RoutingDecision CIQ_PERMIT = new RoutingDecision(AgencyCode.CIQ, "PERMIT_REQUIRED", "needs a permit",
			"CIQ-QUARANTINE");

	/** The ledger writes every permit off. */
	static final Function<WriteOffRequest, Optional<String>> EVERY_PERMIT_FITS = r -> Optional.empty();

	@Test
	void customsClearsAGreenChannelByRuleAndSendsEveryOtherChannelToItsOfficer() {
		var work = AgencyWork.of(List.of(List.of(CUSTOMS_ALWAYS))).get(AgencyCode.CUSTOMS);

		var green = AutomaticDecision.decide(work, GREEN, Optional.empty());
		var red = AutomaticDecision.decide(work, RED, Optional.empty());

		assertThat(green).isEqualTo(new AutomaticDecision.Outcome(TaskStatus.AUTO_APPROVED,
				AutomaticDecision.CUSTOMS_GREEN_CHANNEL, "GREEN NO_RISK"));
		assertThat(green.automatic()).isTrue();
		assertThat(red).isEqualTo(new AutomaticDecision.Outcome(TaskStatus.PENDING,
				AutomaticDecision.CUSTOMS_CHANNEL_CHECK, "RED PROFILE_MATCH"));
		assertThat(red.automatic()).isFalse();
	}

	@Test
	void anAgencyWhosePermitIsWrittenOffForEveryLineItSeesHasAnsweredAlready() {
		var declaration = coffee(line(1, "P-100"), line(2, "P-100"));
		var routes = List.of(List.of(CIQ_PERMIT), List.of(CIQ_PERMIT, CIQ_INSPECTION));

		var outcome = decide(AgencyCode.CIQ, declaration, routes, EVERY_PERMIT_FITS);

		assertThat(outcome.status()).isEqualTo(TaskStatus.AUTO_APPROVED);
		assertThat(outcome.policy()).isEqualTo(AutomaticDecision.PERMIT_WRITTEN_OFF);
		assertThat(outcome.note()).isEqualTo("line 1: PERMIT_WRITTEN_OFF P-100; line 2: PERMIT_WRITTEN_OFF P-100");
	}

	@Test
	void aLineTheAgencySeesWithoutItsPermitLeavesTheTaskToItsOfficer() {
		var declaration = coffee(line(1, "P-100"), line(2, null));
		var routes = List.of(List.of(CIQ_PERMIT), List.of(CIQ_INSPECTION));

		var outcome = decide(AgencyCode.CIQ, declaration, routes, EVERY_PERMIT_FITS);

		assertThat(outcome.status()).isEqualTo(TaskStatus.PENDING);
		assertThat(outcome.policy()).isEqualTo(AutomaticDecision.OFFICER_REVIEW);
	}

	@Test
	void aPermitNotReferencedIsNamedAsSuchAndOneThatDoesNotFitAsAFailedWriteOff() {
		var routes = List.of(List.of(CIQ_PERMIT));

		var missing = decide(AgencyCode.CIQ, coffee(line(1, null)), routes, EVERY_PERMIT_FITS);
		var exhausted = decide(AgencyCode.CIQ, coffee(line(1, "P-100")), routes,
				r -> Optional.of("PERMIT_QUOTA_EXCEEDED"));

		assertThat(missing).isEqualTo(new AutomaticDecision.Outcome(TaskStatus.PENDING,
				AutomaticDecision.PERMIT_NOT_REFERENCED, "line 1: PERMIT_NOT_REFERENCED CIQ-QUARANTINE"));
		assertThat(exhausted).isEqualTo(new AutomaticDecision.Outcome(TaskStatus.PENDING,
				AutomaticDecision.PERMIT_WRITE_OFF_FAILED, "line 1: PERMIT_QUOTA_EXCEEDED P-100"));
	}

	@Test
	void linesUnderOnePermitAreCheckedForWhatTheyTakeTogether() {
		// The permit holds 10 units: each line's 6 fits, both together do not.
		var declaration = coffee(line(1, "P-100"), line(2, "P-100"));
		var routes = List.of(List.of(CIQ_PERMIT), List.of(CIQ_PERMIT));
		Function<WriteOffRequest, Optional<String>> tenUnits = r -> r.quantity().compareTo(BigDecimal.TEN) > 0
				? Optional.of("PERMIT_QUOTA_EXCEEDED") : Optional.empty();

		var checks = PermitChecks.check(DECLARATION, DECLARANT, declaration, routes, n -> BigDecimal.ONE, tenUnits);

		assertThat(checks.writeOffs()).extracting(WriteOffRequest::lineNo).containsExactly(1);
		assertThat(checks.of(AgencyCode.CIQ).orElseThrow().notes())
			.containsExactly("line 1: PERMIT_WRITTEN_OFF P-100", "line 2: PERMIT_QUOTA_EXCEEDED P-100");
		assertThat(decide(AgencyCode.CIQ, declaration, routes, tenUnits).policy())
			.isEqualTo(AutomaticDecision.PERMIT_WRITE_OFF_FAILED);
	}

	@Test
	void aPermitAnswersOnlyForTheEntryItIsOfNotForASecondEntryTheLineNeeds() {
		// The line needs CIQ's quarantine permit and commerce's licence; it names the quarantine permit, which the
		// ledger accepts as what it is and refuses as a licence: commerce's officer decides.
		RoutingDecision licence = new RoutingDecision(AgencyCode.COMMERCE, "PERMIT_REQUIRED", "needs a licence", "AIL");
		var routes = List.of(List.of(CIQ_PERMIT, licence));
		Function<WriteOffRequest, Optional<String>> quarantinePermit = r -> "CIQ-QUARANTINE".equals(r.presentedAs())
				? Optional.empty() : Optional.of("PERMIT_CATALOGUE_MISMATCH");

		var checks = PermitChecks.check(DECLARATION, DECLARANT, coffee(line(1, "P-100")), routes, n -> BigDecimal.ONE,
				quarantinePermit);

		assertThat(checks.writeOffs()).extracting(WriteOffRequest::presentedAs).containsExactly("CIQ-QUARANTINE");
		assertThat(checks.of(AgencyCode.CIQ).orElseThrow().notes()).containsExactly("line 1: PERMIT_WRITTEN_OFF P-100");
		assertThat(checks.of(AgencyCode.COMMERCE).orElseThrow().notes())
			.containsExactly("line 1: PERMIT_CATALOGUE_MISMATCH P-100");
		assertThat(checks.of(AgencyCode.COMMERCE).orElseThrow().allWrittenOff()).isFalse();
	}

	@Test
	void linesUnderOnePermitInTonnesAndKilogramsAreAddedUpInOneUnit() {
		// 6 kg, then 0.005 t: together the permit must hold 0.011 t, asked under the second line's unit.
		List<WriteOffRequest> asked = askedOfTheLedger(coffee(line(1, "P-100"), line(2, "P-100").in("0.005", "TNE")));

		assertThat(asked).extracting(WriteOffRequest::quantity, r -> r.unit().value())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("6"), "KGM"),
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.011"), "TNE"));
		assertThat(asked.get(1).valueCny()).isEqualByComparingTo("2");
	}

	@Test
	void aLineCountedInItsLegalUnitIsWrittenOffByItsStatisticalQuantity() {
		// 40 bags of green coffee weighing 310 kg: a quota counted in kilograms takes 310, not 40.
		var bags = new ValidDeclaration.Item(1, HsCode.of("0901110000"), new io.singlewindow.tariff.TariffLine(
				HsCode.of("0901110000"), "生咖啡豆", "Green coffee", new BigDecimal("0.08"), Map.of(), null,
				new BigDecimal("0.09"), java.util.Set.of(), java.util.Set.of(), true, UnitCode.of("KGM"), null),
				"green coffee beans", new BigDecimal("40"), UnitCode.of("C62"), new BigDecimal("310"),
				new BigDecimal("1200.00"), CountryCode.of("BR"), "P-100", null, null);
		var declaration = coffee();
		declaration = new ValidDeclaration(declaration.declarant(), null, declaration.flow(), declaration.tradeMode(),
				declaration.transportMode(), declaration.port(), declaration.originCountry(),
				declaration.destinationCountry(), declaration.tradingCountry(), declaration.currency(),
				declaration.incoterm(), null, null, 10, declaration.grossWeight(), declaration.netWeight(),
				declaration.consignor(), declaration.consignee(), List.of(bags), List.of());

		List<WriteOffRequest> asked = askedOfTheLedger(declaration);

		assertThat(asked).singleElement().satisfies(r -> {
			assertThat(r.quantity()).isEqualByComparingTo("310");
			assertThat(r.unit()).isEqualTo(UnitCode.of("KGM"));
		});
	}

	@Test
	void aLineInAUnitOfAnotherMeasureIsAskedForAlone() {
		// Kilograms and pieces do not add up: the second line is asked on its own (a quota in kg refuses pieces).
		List<WriteOffRequest> asked = askedOfTheLedger(coffee(line(1, "P-100"), line(2, "P-100").in("3", "C62")));

		assertThat(asked.get(1).quantity()).isEqualByComparingTo("3");
		assertThat(asked.get(1).unit()).isEqualTo(UnitCode.of("C62"));
		assertThat(asked.get(1).quantityIn(UnitCode.of("KGM"))).isEmpty();
		assertThat(asked.get(1).valueCny()).as("values still add up").isEqualByComparingTo("2");
	}

	@Test
	void writeOffsComeInPermitOrderSoThatTwoDeclarationsLockPermitsInOneOrder() {
		var declaration = coffee(line(1, "P-300"), line(2, "P-100"), line(3, "P-200"));
		var routes = List.of(List.of(CIQ_PERMIT), List.of(CIQ_PERMIT), List.of(CIQ_PERMIT));

		var checks = PermitChecks.check(DECLARATION, DECLARANT, declaration, routes, n -> null, EVERY_PERMIT_FITS);

		assertThat(checks.writeOffs()).extracting(WriteOffRequest::permitNumber)
			.containsExactly("P-100", "P-200", "P-300");
	}

	@Test
	void anAgencyWithoutPermitLinesIsReviewedByItsOfficer() {
		var outcome = decide(AgencyCode.CIQ, coffee(line(1, null)), List.of(List.of(CIQ_INSPECTION)),
				EVERY_PERMIT_FITS);

		assertThat(outcome).isEqualTo(new AutomaticDecision.Outcome(TaskStatus.PENDING,
				AutomaticDecision.OFFICER_REVIEW, null));
	}

	@Test
	void customsSeesTheWholeDeclarationAndItsChannelAnotherAgencyOnlyItsLines() {
		var routes = List.of(List.of(CUSTOMS_ALWAYS, CIQ_INSPECTION), List.of(CUSTOMS_ALWAYS));
		Map<AgencyCode, AgencyWork> work = AgencyWork.of(routes);
		var before = coffee(line(1, null), line(2, null));
		var secondLineChanged = coffee(line(1, null), line(2, null).withQuantity(new BigDecimal("7")));

		assertThat(work.get(AgencyCode.CIQ).lines()).containsExactly(1);
		assertThat(work.get(AgencyCode.CUSTOMS).lines()).containsExactly(1, 2);
		assertThat(work.get(AgencyCode.CIQ).fingerprint(secondLineChanged, Channel.GREEN))
			.isEqualTo(work.get(AgencyCode.CIQ).fingerprint(before, Channel.GREEN));
		assertThat(work.get(AgencyCode.CUSTOMS).fingerprint(secondLineChanged, Channel.GREEN))
			.isNotEqualTo(work.get(AgencyCode.CUSTOMS).fingerprint(before, Channel.GREEN));
		assertThat(work.get(AgencyCode.CUSTOMS).fingerprint(before, Channel.RED))
			.isNotEqualTo(work.get(AgencyCode.CUSTOMS).fingerprint(before, Channel.GREEN));
		assertThat(work.get(AgencyCode.CUSTOMS).linesText()).isEqualTo("lines [1, 2]");
	}

	@Test
	void anAgencyRoutedForPermitsAndForAnotherRuleIsNotRoutedOnlyForPermits() {
		var work = AgencyWork.of(List.of(List.of(CIQ_PERMIT), List.of(CIQ_INSPECTION))).get(AgencyCode.CIQ);
		var onlyPermits = AgencyWork.of(List.of(List.of(CIQ_PERMIT), List.of(CIQ_PERMIT))).get(AgencyCode.CIQ);

		assertThat(work.onlyPermits()).isFalse();
		assertThat(work.rules()).containsExactly("PERMIT_REQUIRED", "CIQ_SUPERVISION_AB");
		assertThat(onlyPermits.onlyPermits()).isTrue();
	}

	/** What the permit checks ask the ledger of a declaration whose every line needs the CIQ permit, one line each. */
	private static List<WriteOffRequest> askedOfTheLedger(ValidDeclaration d) {
		List<WriteOffRequest> asked = new java.util.ArrayList<>();
		PermitChecks.check(DECLARATION, DECLARANT, d, d.items().stream().map(i -> List.of(CIQ_PERMIT)).toList(),
				n -> BigDecimal.ONE, r -> {
					asked.add(r);
					return Optional.empty();
				});
		return asked;
	}

	private static AutomaticDecision.Outcome decide(AgencyCode agency, ValidDeclaration d,
			List<List<RoutingDecision>> routes, Function<WriteOffRequest, Optional<String>> ledger) {
		var checks = PermitChecks.check(DECLARATION, DECLARANT, d, routes, n -> new BigDecimal("100.00"), ledger);
		return AutomaticDecision.decide(AgencyWork.of(routes).get(agency), GREEN, checks.of(agency));
	}

	private static ValidDeclaration coffee(Line... lines) {
		return new ValidDeclaration(DECLARANT, null, TradeFlow.IMPORT, "0110", "2", LoCode.of("CNXMN"),
				CountryCode.of("BR"), CountryCode.of("CN"), CountryCode.of("BR"), CurrencyCode.of("USD"), "CIF",
				null, null, 10, new BigDecimal("600.000"), new BigDecimal("580.000"), "Fazenda", "Xiamen Roasters",
				java.util.Arrays.stream(lines).map(Line::item).toList(), List.of());
	}

	private static Line line(int lineNo, String permit) {
		return new Line(lineNo, permit, new BigDecimal("6"), "KGM");
	}

	private record Line(int lineNo, String permit, BigDecimal quantity, String unit) {

		Line withQuantity(BigDecimal q) {
			return new Line(lineNo, permit, q, unit);
		}

		Line in(String q, String u) {
			return new Line(lineNo, permit, new BigDecimal(q), u);
		}

		ValidDeclaration.Item item() {
			return new ValidDeclaration.Item(lineNo, HsCode.of("0901210000"), null, "roasted coffee beans", quantity,
					UnitCode.of(unit), quantity, new BigDecimal("1200.00"), CountryCode.of("BR"), permit, null, null);
		}
	}

}
