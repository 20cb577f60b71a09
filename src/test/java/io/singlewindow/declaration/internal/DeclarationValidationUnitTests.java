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
			return Set.of("090121", "854231", "847130", "330300", "999999").contains(six) && !six.equals("999999");
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
					: Optional.empty(),
			(currency, month) -> currency.value().equals("BRL") ? Optional.empty() : Optional.of(BigDecimal.TEN));

	/** A tariff line counted in kilograms (its legal unit). */
	static final String PERFUME = "3303000000";

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

	private ValidDeclaration validate(DeclarationFixtures.DeclarationBuilder builder) {
		return validation.validate(builder.build(), DECLARANT, "示例企业", YearMonth.of(2026, 11));
	}

	private Problem rejected(DeclarationFixtures.DeclarationBuilder builder) {
		return catchThrowableOfType(Problem.class, () -> validate(builder));
	}
}
