package io.singlewindow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The shared kernel's value types as the wire and the error responses see them: how each is written (its JSON is its
 * {@code toString}), how codes sort, and which status and code each kind of problem carries.
 */
class CoreValuesUnitTests {

	@Test
	void codesAreWrittenAsTheyAreStored() {
		assertThat(AgencyCode.of(" ciq ")).hasToString("CIQ").isEqualTo(AgencyCode.CIQ);
		assertThat(CountryCode.of(" de")).hasToString("DE");
		assertThat(CurrencyCode.of("usd ")).hasToString("USD").isEqualTo(CurrencyCode.USD);
		assertThat(UnitCode.of(" kgm")).hasToString("KGM");
		assertThat(LoCode.of("cn xmn")).hasToString("CNXMN");
		assertThat(HsCode.of("8542.31.90.00")).hasToString("8542319000");
		assertThat(Uscc.parse("91110000802100433b")).hasToString("91110000802100433B");
	}

	@Test
	void quantitiesConvertExactlyBetweenUnitsOfOneMeasureOnly() {
		UnitCode kg = UnitCode.of("KGM");

		assertThat(UnitCode.of("TNE").convert(new BigDecimal("5"), kg)).hasValueSatisfying(
				q -> assertThat(q).isEqualByComparingTo("5000"));
		assertThat(UnitCode.of("GRM").convert(new BigDecimal("0.5"), kg)).hasValueSatisfying(
				q -> assertThat(q).isEqualByComparingTo("0.0005"));
		assertThat(kg.convert(new BigDecimal("1234.5"), UnitCode.of("TNE"))).hasValueSatisfying(
				q -> assertThat(q).isEqualByComparingTo("1.2345"));
		assertThat(UnitCode.of("MTQ").convert(new BigDecimal("2"), UnitCode.of("LTR"))).hasValueSatisfying(
				q -> assertThat(q).isEqualByComparingTo("2000"));
		assertThat(UnitCode.of("C62").convert(BigDecimal.TEN, UnitCode.of("C62"))).contains(BigDecimal.TEN);
		// Another measure, or pieces of something: no conversion, never a guess.
		assertThat(kg.convert(BigDecimal.ONE, UnitCode.of("LTR"))).isEmpty();
		assertThat(UnitCode.of("C62").convert(BigDecimal.ONE, UnitCode.of("H87"))).isEmpty();
		assertThat(UnitCode.of("SET").convert(BigDecimal.ONE, kg)).isEmpty();
	}

	@Test
	void aMissingAgencyIsAnInvalidValueNotANullPointer() {
		assertThatThrownBy(() -> AgencyCode.of(null)).isInstanceOf(InvalidValue.class)
			.extracting(e -> ((InvalidValue) e).code()).isEqualTo("AGENCY_CODE_FORMAT");
		InvalidValue invalid = (InvalidValue) org.assertj.core.api.Assertions.catchThrowable(() -> CurrencyCode.of("US"));
		assertThat(invalid.code()).isEqualTo("CURRENCY_CODE_FORMAT");
		assertThat(invalid.value()).isEqualTo("US");
	}

	@Test
	void anHsCodeNamesItsChapterHeadingAndSubheadingAndSortsNumerically() {
		HsCode processors = HsCode.of("8542319000");
		assertThat(processors.chapter()).isEqualTo("85");
		assertThat(processors.heading()).isEqualTo("8542");
		assertThat(processors.subheading()).isEqualTo("854231");
		assertThat(new TreeSet<>(List.of(HsCode.of("8542319000"), HsCode.of("0901110000"), HsCode.of("8471300000"))))
			.extracting(HsCode::value).containsExactly("0901110000", "8471300000", "8542319000");
		assertThat(HsCode.of("0901110000").compareTo(HsCode.of("0901110000"))).isZero();
	}

	@Test
	void usccsSortAndHashByTheirCharacters() {
		Uscc a = Uscc.parse("91110000802100433B");
		Uscc b = Uscc.parse("914403001922038216");
		assertThat(a.compareTo(b)).isNegative();
		assertThat(b.compareTo(a)).isPositive();
		assertThat(a.hashCode()).isEqualTo(Uscc.parse(" 91110000802100433b ").hashCode()).isEqualTo(a.value().hashCode());
		assertThat(a).isNotEqualTo(b).isNotEqualTo("91110000802100433B");
	}

	@Test
	void issuingRefusesAnythingButSeventeenCodeCharacters() {
		assertThatThrownBy(() -> Uscc.issue("9111000080210043I")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> Uscc.issue("911100008021004")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> Uscc.issue(null)).isInstanceOf(InvalidValue.class);
		assertThat(Uscc.issue("91110000802100433").value()).endsWith("B");
	}

	@Test
	void theOrganisationCodeCheckCountsLettersFromTen() {
		// GB 11714: A = 10 … ; weights 3 7 9 10 5 8 4 2. "MA31C001": 22·3 + 10·7 + 3·9 + 1·10 + 12·5 + 0 + 0 + 1·2 = 235;
		// 235 mod 11 = 4, 11 − 4 = 7.
		assertThat(Uscc.organisationCodeCheckOf("MA31C001")).isEqualTo('7');
		assertThatThrownBy(() -> Uscc.organisationCodeCheckOf("ma31c001")).isInstanceOf(InvalidValue.class)
			.extracting(e -> ((InvalidValue) e).code()).isEqualTo("ORGANISATION_CODE_FORMAT");
	}

	@Test
	void eachKindOfProblemCarriesItsStatusAndCode() {
		assertThat(Problem.conflict("PERMIT_QUOTA_EXCEEDED", "AIL-1", 3)).satisfies(p -> {
			assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(p.code()).isEqualTo("PERMIT_QUOTA_EXCEEDED");
			assertThat(p.arguments()).containsExactly("AIL-1", 3);
			assertThat(p.fieldProblems()).isEmpty();
			assertThat(p.getMessage()).isEqualTo("PERMIT_QUOTA_EXCEEDED");
		});
		assertThat(Problem.notFound("DECLARATION_NOT_FOUND", "x").status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(Problem.forbidden("ROLE_REQUIRED").status()).isEqualTo(HttpStatus.FORBIDDEN);
		Problem unauthenticated = Problem.unauthenticated();
		assertThat(unauthenticated.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(unauthenticated.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(unauthenticated.arguments()).isEmpty();

		Problem invalid = Problem.invalidField("items[0].hsCode", "HS_CODE_UNKNOWN", "9999990000");
		assertThat(invalid.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(invalid.fieldProblems()).singleElement().satisfies(f -> {
			assertThat(f.field()).isEqualTo("items[0].hsCode");
			assertThat(f.code()).isEqualTo("HS_CODE_UNKNOWN");
			assertThat(f.arguments()).containsExactly("9999990000");
		});
		// Like every invalid input the top-level code is INVALID_INPUT; the field's own code is in the field problem.
		assertThat(invalid.code()).isEqualTo("INVALID_INPUT");
		assertThat(invalid.getMessage()).isEqualTo("INVALID_INPUT [items[0].hsCode:HS_CODE_UNKNOWN[9999990000]]");
	}

	@Test
	void aProblemsArgumentsCannotBeChangedFromOutside() {
		Problem p = Problem.conflict("X", "a");
		p.arguments()[0] = "changed";
		assertThat(p.arguments()).containsExactly("a");
	}

	@Test
	void violationsCollectEveryProblemAndThrowThemTogether() {
		Violations v = new Violations();
		assertThat(v.isEmpty()).isTrue();
		assertThat(v.required(null, "a")).isSameAs(v);
		assertThat(v.required("  ", "b")).isSameAs(v);
		assertThat(v.required("x", "c")).isSameAs(v);
		assertThat(v.required(0, "d")).isSameAs(v);
		assertThat(v.check(true, "e", "NEVER")).isSameAs(v);
		assertThat(v.check(false, "f", "TOO_SMALL", 1)).isSameAs(v);
		assertThat(v.add("g", "CUSTOM")).isSameAs(v);
		assertThat(v.read("h", () -> CountryCode.of("XYZ"))).isNull();
		assertThat(v.read("i", () -> CountryCode.of("cn"))).isEqualTo(CountryCode.of("CN"));

		assertThat(v.isEmpty()).isFalse();
		assertThat(v.problems()).extracting(FieldProblem::field).containsExactly("a", "b", "f", "g", "h");
		assertThat(v.problems()).extracting(FieldProblem::code)
			.containsExactly("REQUIRED", "REQUIRED", "TOO_SMALL", "CUSTOM", "COUNTRY_CODE_FORMAT");
		assertThat(v.problems().get(2)).hasToString("f:TOO_SMALL[1]");
		assertThat(v.problems().get(0)).hasToString("a:REQUIRED");
		assertThatThrownBy(v::throwIfAny).isInstanceOf(Problem.class)
			.satisfies(e -> assertThat(((Problem) e).fieldProblems()).hasSize(5))
			.extracting(e -> ((Problem) e).code()).isEqualTo("INVALID_INPUT");
		new Violations().throwIfAny();
	}
}
