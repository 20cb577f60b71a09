package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.DeclarationFixtures.aDeclaration;
import static io.singlewindow.declaration.internal.DeclarationFixtures.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.reference.HsEntry;
import io.singlewindow.reference.ReferenceData;
import io.singlewindow.tariff.TariffLine;

class DeclarationValidationUnitTests {

	static final Uscc DECLARANT = Uscc.issue("91350200MA2Y00001");

	/** A small world: a few HS subheadings, tariff lines, countries, currencies, units and locations. */
	static final ReferenceData REFERENCE = new ReferenceData() {
		@Override
		public boolean isHsSubheading(String six) {
			return Set.of("090121", "854231", "847130", "330300", "100199", "999999").contains(six)
					&& !six.equals("999999");
		}

		@Override
		public Optional<HsEntry> hs(String code) {
			return Optional.empty();
		}

		@Override
		public boolean isCountry(CountryCode code) {
			return Set.of("CN", "US", "DE", "BR").contains(code.value());
		}

		@Override
		public boolean isCurrentCurrency(CurrencyCode code) {
			return Set.of("CNY", "USD", "EUR", "BRL").contains(code.value());
		}

		@Override
		public boolean isUnit(UnitCode code) {
			return Set.of("KGM", "C62").contains(code.value());
		}

		@Override
		public LocationCheck location(LoCode code) {
			return code.value().equals("CNXMN") ? LocationCheck.KNOWN
					: code.country().value().equals("CN") ? LocationCheck.UNKNOWN : LocationCheck.NOT_COVERED;
		}

		@Override
		public java.util.List<Map.Entry<String, String>> locations(String query, int limit) {
			return java.util.List.of(Map.entry("CNXMN", "Xiamen"));
		}

		@Override
		public java.util.SortedMap<String, String> countries() {
			return new java.util.TreeMap<>(Map.of("CN", "China", "US", "United States", "DE", "Germany", "BR", "Brazil"));
		}

		@Override
		public java.util.SortedMap<String, String> currencies() {
			return new java.util.TreeMap<>(Map.of("CNY", "Yuan Renminbi", "USD", "US Dollar", "EUR", "Euro", "BRL",
					"Brazilian Real"));
		}

		@Override
		public java.util.SortedMap<String, String> units() {
			return new java.util.TreeMap<>(Map.of("KGM", "kilogram", "C62", "one"));
		}
	};

	final DeclarationValidation validation = new DeclarationValidation(REFERENCE,
			code -> Set.of("0901210000", "8542319000").contains(code.value()) ? Optional.of(line(code))
					: code.value().equals(PERFUME) ? Optional.of(new TariffLine(code, "香水", "Perfume",
							new BigDecimal("0.03"), Map.of(), null, new BigDecimal("0.13"), Set.of(), Set.of(), true,
							UnitCode.of("KGM"), null))
					: code.value().equals(WHEAT) ? Optional.of(new TariffLine(code, "小麦", "Wheat",
							new BigDecimal("0.65"), Map.of(), null, new BigDecimal("0.09"), Set.of(), Set.of(), true,
							UnitCode.of("KGM"), null, null, null, null, new BigDecimal("0.01")))
					: Optional.empty(),
			(currency, month) -> currency.value().equals("BRL") ? Optional.empty() : Optional.of(BigDecimal.TEN));

	/** A tariff line counted in kilograms (its legal unit). */
	static final String PERFUME = "3303000000";

	/** A tariff line under a tariff-rate quota (关税配额): 1 % in quota against 65 %. */
	static final String WHEAT = "1001990000";

	static TariffLine line(HsCode code) {
		return new TariffLine(code, "zh", "en", new BigDecimal("0.08"), Map.of(), null, new BigDecimal("0.13"),
				Set.of(), Set.of(), true);
	}

	@Test
	void acceptsAValidDeclarationAndDefaultsTheConsigneeFromTheRegistration() {
		ValidDeclaration d = validate(aDeclaration().withItem(anItem().hs("0901210000")).withItem(anItem()));

		assertThat(d.items()).hasSize(2);
		assertThat(d.items().get(0).lineNo()).isEqualTo(1);
		assertThat(d.items().get(0).tariffLine().code().value()).isEqualTo("0901210000");
		assertThat(d.consignee()).isEqualTo("示例企业");
		assertThat(d.warnings()).isEmpty();
	}

	@Test
	void reportsEveryProblemAtOnceWithItsJsonPath() {
		Problem problem = rejected(aDeclaration().currency("XXX").tradingCountry("ZZ").incoterm("FOO")
			.port("CNZZZ").weights("100", "200")
			.withItem(anItem().hs("9999990000"))
			.withItem(anItem().hs("0901219999"))
			.withItem(anItem().hs("0901").quantity("0", "XYZ").value("-5").origin("QQ")));

		assertThat(problem.code()).isEqualTo("INVALID_INPUT");
		assertThat(problem.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code)
			.contains(org.assertj.core.groups.Tuple.tuple("currency", "CURRENCY_UNKNOWN"),
					org.assertj.core.groups.Tuple.tuple("tradingCountry", "COUNTRY_UNKNOWN"),
					org.assertj.core.groups.Tuple.tuple("incoterm", "INCOTERM_UNKNOWN"),
					org.assertj.core.groups.Tuple.tuple("port", "LOCODE_UNKNOWN"),
					org.assertj.core.groups.Tuple.tuple("netWeight", "NET_WEIGHT_ABOVE_GROSS"),
					org.assertj.core.groups.Tuple.tuple("items[0].hsCode", "HS_CODE_UNKNOWN"),
					org.assertj.core.groups.Tuple.tuple("items[1].hsCode", "TARIFF_LINE_UNKNOWN"),
					org.assertj.core.groups.Tuple.tuple("items[2].hsCode", "HS_CODE_FORMAT"),
					org.assertj.core.groups.Tuple.tuple("items[2].quantity", "QUANTITY_NOT_POSITIVE"),
					org.assertj.core.groups.Tuple.tuple("items[2].unit", "UNIT_UNKNOWN"),
					org.assertj.core.groups.Tuple.tuple("items[2].value", "VALUE_NOT_POSITIVE"),
					org.assertj.core.groups.Tuple.tuple("items[2].origin", "COUNTRY_UNKNOWN"));
	}

	@Test
	void aLineInAnotherUnitThanItsLegalUnitGivesItsStatisticalQuantity() {
		Problem missing = rejected(aDeclaration().withItem(anItem().hs(PERFUME).quantity("40", "C62")));
		Problem contradicting = rejected(
				aDeclaration().withItem(anItem().hs(PERFUME).quantity("310", "KGM").statisticalQuantity("300")));

		assertThat(missing.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("items[0].statisticalQuantity", "STATISTICAL_QUANTITY_REQUIRED"));
		assertThat(contradicting.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("items[0].statisticalQuantity", "STATISTICAL_QUANTITY_DIFFERS"));
		assertThat(validate(aDeclaration().withItem(anItem().hs(PERFUME).quantity("40", "C62")
			.statisticalQuantity("310"))).items().getFirst().statisticalQuantity()).isEqualByComparingTo("310");
		assertThat(validate(aDeclaration().withItem(anItem().hs(PERFUME).quantity("310", "KGM"))).items())
			.hasSize(1);
	}

	@Test
	void refusesAnEmptyDeclarationAndMissingFields() {
		Problem problem = rejected(aDeclaration().incoterm(null));

		assertThat(problem.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("incoterm", "REQUIRED"),
					org.assertj.core.groups.Tuple.tuple("items", "ITEMS_REQUIRED"));
	}

	@Test
	void refusesACurrencyWithoutACustomsRateAndAHalfCertificate() {
		Problem problem = rejected(aDeclaration().currency("BRL")
			.withItem(anItem().certificate("RCEP", null)));

		assertThat(problem.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("currency", "EXCHANGE_RATE_MISSING"),
					org.assertj.core.groups.Tuple.tuple("items[0].certificateNumber", "CERTIFICATE_INCOMPLETE"));
	}

	@Test
	void acceptsAPortInACountryTheLocodeListDoesNotCoverWithAWarning() {
		ValidDeclaration d = validate(aDeclaration().port("USLAX").withItem(anItem()));

		assertThat(d.port().value()).isEqualTo("USLAX");
		assertThat(d.warnings()).containsExactly("LOCODE_NOT_COVERED:USLAX");
	}

	@Test
	void anImportGoesToChinaUnlessSaidOtherwise() {
		var request = aDeclaration().withItem(anItem()).build();
		var withoutDestination = new DeclarationRequest(null, null, "IMPORT", "0110", "1", "CNXMN", "US", null, "US",
				"USD", "CIF", null, null, 1, BigDecimal.TEN, BigDecimal.ONE, null, null, request.items());

		assertThat(validation.validate(withoutDestination, DECLARANT, "x", YearMonth.of(2026, 11))
			.destinationCountry().value()).isEqualTo("CN");
	}

	@Test
	void asksForTheTenDigitNationalCode() {
		Problem problem = rejected(aDeclaration().withItem(anItem().hs("090121")));

		assertThat(problem.fieldProblems()).extracting(FieldProblem::code).containsExactly("HS_CODE_NOT_NATIONAL");
	}

	@Test
	void aTariffQuotaCertificateIsNamedOnlyForAnImportOfALineUnderAQuota() {
		ValidDeclaration wheat = validate(aDeclaration()
			.withItem(anItem().hs(WHEAT).quantity("50000", "KGM").tariffQuotaCertificate(" TQ2026-0001 ")));
		assertThat(wheat.items().getFirst().tariffQuotaCertificate()).isEqualTo("TQ2026-0001");
		assertThat(validate(aDeclaration().withItem(anItem().hs(WHEAT).quantity("50000", "KGM"))).items().getFirst()
			.tariffQuotaCertificate()).as("none named, the out-of-quota rate").isNull();

		assertThat(problems(aDeclaration().withItem(anItem().hs("0901210000").tariffQuotaCertificate("TQ2026-0001"))
			.build())).containsExactly("items[0].tariffQuotaCertificate TARIFF_QUOTA_NOT_APPLICABLE");
		assertThat(problems(aDeclaration().export()
			.withItem(anItem().hs(WHEAT).quantity("50000", "KGM").origin("CN").tariffQuotaCertificate("TQ2026-0001"))
			.build())).containsExactly("items[0].tariffQuotaCertificate TARIFF_QUOTA_IMPORT_ONLY");
	}

	@Test
	void goodsWhoseOriginCannotBeEstablishedAreImportedAsSuchNeverExported() {
		ValidDeclaration imported = validate(aDeclaration().withItem(anItem().origin(" zz ")));
		assertThat(imported.items().getFirst().origin()).isEqualTo(CountryCode.UNKNOWN);
		assertThat(validate(aDeclaration().withItem(anItem().origin("de"))).items().getFirst().origin())
			.isEqualTo(CountryCode.of("DE"));

		assertThat(problems(aDeclaration().export().withItem(anItem().origin("ZZ")).build()))
			.containsExactly("items[0].origin COUNTRY_UNKNOWN");
	}

	@Test
	void aLineKeepsItsCertificateOfOriginAndProducerAsReadAndTheDeclarationItsCurrencyAndModes() {
		ValidDeclaration d = validate(aDeclaration().currency("eur")
			.withItem(anItem().certificate("rcep", " R2026-77 ").producer("  Acme   Steel    Co  ")));

		var line = d.items().getFirst();
		assertThat(line.certificateAgreement()).as("the agreement's code in capitals").isEqualTo("RCEP");
		assertThat(line.certificateNumber()).isEqualTo("R2026-77");
		assertThat(line.producer()).as("as the notices name producers").isEqualTo("Acme Steel Co");
		assertThat(d.currency()).isEqualTo(CurrencyCode.of("EUR"));
		assertThat(d.tradeMode()).isEqualTo("0110");
		assertThat(d.transportMode()).isEqualTo("1");
	}

	@Test
	void anExportLeavesFromChinaAndItsExporterIsTheDeclarantUnlessNamed() {
		ValidDeclaration export = validation.validate(request("EXPORT", null, "US", 3, "cif", null, "Acme Inc"),
				DECLARANT, "示例企业", YearMonth.of(2026, 11));

		assertThat(export.originCountry().value()).as("an export's origin defaults to China").isEqualTo("CN");
		assertThat(export.destinationCountry().value()).isEqualTo("US");
		assertThat(export.consignor()).as("the exporter defaults to the declarant").isEqualTo("示例企业");
		assertThat(export.consignee()).as("the buyer abroad as named").isEqualTo("Acme Inc");
		assertThat(export.incoterm()).as("codes are read in capitals").isEqualTo("CIF");
		assertThat(export.tradeMode()).isEqualTo("0110");
		assertThat(export.transportMode()).isEqualTo("1");
		assertThat(export.clientReference()).isEqualTo("PO-7");
		assertThat(export.packages()).isEqualTo(3);
	}

	@Test
	void anImportKeepsTheConsigneeAndTheSupplierItNames() {
		ValidDeclaration imported = validation.validate(request("IMPORT", "US", null, 3, "CIF", "Supplier GmbH",
				"厦门收货人"), DECLARANT, "示例企业", YearMonth.of(2026, 11));

		assertThat(imported.consignee()).isEqualTo("厦门收货人");
		assertThat(imported.consignor()).isEqualTo("Supplier GmbH");
		assertThat(imported.items().getFirst().description()).isEqualTo("Green coffee");
		assertThat(imported.items().getFirst().permitNumber()).isEqualTo("AIL-1");
	}

	@Test
	void goodsImportedArriveInChinaAndGoodsExportedLeaveFromIt() {
		assertThat(problems(request("IMPORT", "US", "DE", 3, "CIF", null, null)))
			.containsExactly("destinationCountry DESTINATION_NOT_CHINA");
		assertThat(problems(request("EXPORT", "US", "DE", 3, "CIF", null, null)))
			.containsExactly("originCountry ORIGIN_NOT_CHINA");
		assertThat(problems(request("IMPORT", null, null, 3, "CIF", null, null)))
			.as("an import's origin is the declarant's to say").containsExactly("originCountry REQUIRED");
	}

	@Test
	void aDeclarationHasOneToTheLimitOfPackages() {
		assertThat(problems(request("IMPORT", "US", null, null, "CIF", null, null))).containsExactly("packages REQUIRED");
		assertThat(problems(request("IMPORT", "US", null, 0, "CIF", null, null)))
			.containsExactly("packages QUANTITY_NOT_POSITIVE");
		assertThat(problems(request("IMPORT", "US", null, 1, "CIF", null, null))).isEmpty();
		assertThat(problems(request("IMPORT", "US", null, io.singlewindow.core.InputLimits.PACKAGES, "CIF", null,
				null))).isEmpty();
		assertThat(problems(request("IMPORT", "US", null, io.singlewindow.core.InputLimits.PACKAGES + 1, "CIF", null,
				null))).containsExactly("packages TOO_LARGE");
	}

	@Test
	void theNetWeightMayEqualTheGrossAndAValueOrQuantityMustBeAboveZero() {
		assertThat(validate(aDeclaration().weights("100", "100").withItem(anItem())).netWeight())
			.isEqualByComparingTo("100");
		assertThat(rejected(aDeclaration().withItem(anItem().value("0")).withItem(anItem().quantity("0", "KGM")))
			.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
					org.assertj.core.groups.Tuple.tuple("items[0].value", "VALUE_NOT_POSITIVE"),
					org.assertj.core.groups.Tuple.tuple("items[1].quantity", "QUANTITY_NOT_POSITIVE"));
		assertThat(validate(aDeclaration().withItem(anItem().value("0.01"))).items().getFirst().value())
			.isEqualByComparingTo("0.01");
	}

	@Test
	void freightMayBeNothingButNotLessThanNothing() {
		DeclarationRequest free = withFreight(BigDecimal.ZERO);
		DeclarationRequest negative = withFreight(new BigDecimal("-1"));

		assertThat(validation.validate(free, DECLARANT, "x", YearMonth.of(2026, 11)).freight()).isEqualByComparingTo("0");
		assertThat(problems(negative)).containsExactly("freight AMOUNT_NEGATIVE");
	}

	@Test
	void aLineNeedsAWordOfDescription() {
		assertThat(rejected(aDeclaration().withItem(anItem().description(" "))).fieldProblems())
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("items[0].description", "REQUIRED"));
	}

	@Test
	void fiftyLinesAreADeclarationAndFiftyOneAreRefusedBeforeAnyIsLookedUp() {
		java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
		DeclarationValidation counting = new DeclarationValidation(REFERENCE, code -> {
			lookups.incrementAndGet();
			return Optional.of(line(code));
		}, (currency, month) -> Optional.of(BigDecimal.TEN));
		var fifty = aDeclaration();
		var fiftyOne = aDeclaration().withItem(anItem());
		for (int i = 0; i < DeclarationValidation.MAX_ITEMS; i++) {
			fifty.withItem(anItem());
			fiftyOne.withItem(anItem());
		}

		assertThat(counting.validate(fifty.build(), DECLARANT, "x", YearMonth.of(2026, 11)).items()).hasSize(50);
		assertThat(lookups).as("one look-up for fifty lines of one code").hasValue(1);
		Problem tooMany = catchThrowableOfType(Problem.class,
				() -> counting.validate(fiftyOne.build(), DECLARANT, "x", YearMonth.of(2026, 11)));
		assertThat(tooMany.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("items", "TOO_MANY_ITEMS"));
		assertThat(lookups).as("nothing looked up for the refused one").hasValue(1);
	}

	@Test
	void anUnreadableValueIsRefusedWithEveryOtherProblemButNotAlsoAsMissing() {
		// A spreadsheet's packages cell read "three": the draft carries no packages and says why.
		DeclarationDraft draft = new DeclarationDraft(request("IMPORT", "US", "DE", null, "CIF", null, null),
				java.util.List.of(new FieldProblem("packages", "MALFORMED_VALUE", "three")));
		DeclarationDraft readable = new DeclarationDraft(request("IMPORT", "US", null, 3, "CIF", null, null),
				java.util.List.of());

		Problem problem = catchThrowableOfType(Problem.class,
				() -> validation.refuseUnreadable(draft, DECLARANT, "x", YearMonth.of(2026, 11)));
		validation.refuseUnreadable(readable, DECLARANT, "x", YearMonth.of(2026, 11));

		assertThat(problem.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("packages", "MALFORMED_VALUE"),
				org.assertj.core.groups.Tuple.tuple("destinationCountry", "DESTINATION_NOT_CHINA"));
	}

	/** An import or export of one line of green coffee under the automatic import licence AIL-1. */
	private static DeclarationRequest request(String flow, String origin, String destination, Integer packages,
			String incoterm, String consignor, String consignee) {
		return new DeclarationRequest(null, " PO-7 ", flow, "0110", "1", "CNXMN", origin, destination, "US", "USD",
				incoterm, null, null, packages, new BigDecimal("120"), new BigDecimal("100"), consignor, consignee,
				java.util.List.of(new DeclarationRequest.Item("0901210000", "Green coffee", new BigDecimal("100"), "KGM",
						null, null, new BigDecimal("10000"), "BR", "AIL-1", null, null)),
				null);
	}

	private static DeclarationRequest withFreight(BigDecimal freight) {
		DeclarationRequest r = request("IMPORT", "US", null, 3, "CIF", null, null);
		return new DeclarationRequest(r.declarant(), r.clientReference(), r.flow(), r.tradeMode(), r.transportMode(),
				r.port(), r.originCountry(), r.destinationCountry(), r.tradingCountry(), r.currency(), r.incoterm(),
				freight, r.insurance(), r.packages(), r.grossWeight(), r.netWeight(), r.consignor(), r.consignee(),
				r.items(), r.version());
	}

	/** The problems of a request as "field CODE", none when it is valid. */
	private java.util.List<String> problems(DeclarationRequest request) {
		try {
			validation.validate(request, DECLARANT, "x", YearMonth.of(2026, 11));
			return java.util.List.of();
		}
		catch (Problem p) {
			return p.fieldProblems().stream().map(f -> f.field() + " " + f.code()).toList();
		}
	}

	private ValidDeclaration validate(DeclarationFixtures.DeclarationBuilder builder) {
		return validation.validate(builder.build(), DECLARANT, "示例企业", YearMonth.of(2026, 11));
	}

	private Problem rejected(DeclarationFixtures.DeclarationBuilder builder) {
		return catchThrowableOfType(Problem.class, () -> validate(builder));
	}
}
