package io.singlewindow.enterprise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Uscc;

/** How the platform composes the codes it issues, and how strictly it reads codes typed in by hand. */
class UsccIssuanceUnitTests {

	@Test
	void composesAuthorityTypeRegionOrganisationCodeAndCheckCharacter() {
		Uscc uscc = UsccIssuer.compose('9', '1', "350200", 286_291_510L);
		assertThat(uscc.value()).hasSize(18).startsWith("91350200MAA00000");
		assertThat(uscc.value().charAt(16)).isEqualTo(Uscc.organisationCodeCheckOf("MAA00000"));
		assertThat(uscc.hasValidCheckCharacter()).isTrue();
		assertThat(uscc.regionCode()).isEqualTo("350200");
	}

	@ParameterizedTest(name = "serial {0} is written {1}")
	@CsvSource({ "0, 000000", "1, 000001", "30, 00000Y", "31, 000010", "887503680, YYYYYY", "286291510, A00000" })
	void writesSerialsInTheUsccAlphabet(long serial, String written) {
		assertThat(UsccIssuer.base31(serial)).isEqualTo(written);
	}

	@ParameterizedTest
	@ValueSource(longs = { -1, 887_503_681L })
	void refusesSerialsBeyondSixCharacters(long serial) {
		assertThatThrownBy(() -> UsccIssuer.base31(serial)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theEntityTypeDecidesTheSecondCharacter() {
		assertThat(UsccIssuer.compose('9', EntityType.LIMITED_LIABILITY_COMPANY.usccType(), "350200", 286_291_511L)
			.value()).startsWith("91");
		assertThat(UsccIssuer.compose('9', EntityType.INDIVIDUAL_BUSINESS.usccType(), "350200", 286_291_511L).value())
			.startsWith("92");
		assertThat(UsccIssuer.compose('9', EntityType.FARMERS_COOPERATIVE.usccType(), "350200", 286_291_511L).value())
			.startsWith("93");
	}

	/**
	 * GB 32100-2015 as the standard states it, written out here rather than taken from the production code, so that a
	 * wrong weight or character value there fails this test: the 31 code characters with their values (Table 2 — no
	 * I, O, Z, S, V), the weights W_i = 3^(i-1) mod 31 of positions 1–17 (Table 3), and C18 = 31 − (Σ C_i × W_i mod 31),
	 * where 31 is written 0.
	 */
	static final class Gb32100 {

		static final String[][] CHARACTER_VALUES = { { "0", "0" }, { "1", "1" }, { "2", "2" }, { "3", "3" },
				{ "4", "4" }, { "5", "5" }, { "6", "6" }, { "7", "7" }, { "8", "8" }, { "9", "9" }, { "A", "10" },
				{ "B", "11" }, { "C", "12" }, { "D", "13" }, { "E", "14" }, { "F", "15" }, { "G", "16" }, { "H", "17" },
				{ "J", "18" }, { "K", "19" }, { "L", "20" }, { "M", "21" }, { "N", "22" }, { "P", "23" }, { "Q", "24" },
				{ "R", "25" }, { "T", "26" }, { "U", "27" }, { "W", "28" }, { "X", "29" }, { "Y", "30" } };

		static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

		/** GB 11714-1997, the organisation code's own check (position 17): weights, and digits/letters A=10 … Z=35. */
		static final int[] ORGANISATION_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

		static int value(char c) {
			for (String[] pair : CHARACTER_VALUES) {
				if (pair[0].charAt(0) == c) {
					return Integer.parseInt(pair[1]);
				}
			}
			throw new AssertionError("not a USCC character: " + c);
		}

		static boolean valid(String code) {
			int sum = 0;
			for (int i = 0; i < 17; i++) {
				sum += value(code.charAt(i)) * WEIGHTS[i];
			}
			int check = 31 - sum % 31;
			return value(code.charAt(17)) == (check == 31 ? 0 : check);
		}

		static boolean organisationCodeValid(String ninePositions) {
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				char c = ninePositions.charAt(i);
				sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORGANISATION_WEIGHTS[i];
			}
			int check = 11 - sum % 11;
			char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
			return ninePositions.charAt(8) == expected;
		}
	}

	@Test
	void theStandardAsWrittenOutHereAgreesWithPublishedCodes() {
		// Codes printed on real business licences (also in UsccUnitTests): the statement above must accept them ...
		for (String published : List.of("91110000802100433B", "9144030071526726XG", "91440300708461136T",
				"91110108551385082Q", "914403001922038216")) {
			assertThat(Gb32100.valid(published)).as(published).isTrue();
		}
		// ... and refuse each of them with any other check character.
		for (String other : List.of("91110000802100433C", "914403001922038217", "9144030071526726XH")) {
			assertThat(Gb32100.valid(other)).as(other).isFalse();
		}
		// Table 3 is 3^(i-1) mod 31.
		for (int i = 0, w = 1; i < 17; i++, w = w * 3 % 31) {
			assertThat(Gb32100.WEIGHTS[i]).isEqualTo(w);
		}
	}

	/** Property: whatever the serial, an issued code has only alphabet characters, both valid check characters, and
	 * distinct serials give distinct codes. */
	@Test
	void thousandsOfIssuedCodesAllPassBothChecksAndAreUnique() {
		Random random = new Random(20151001);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 20_000; i++) {
			long serial = i < 10_000 ? 286_291_510L + i : 286_291_510L + random.nextLong(601_212_170L);
			Uscc uscc = UsccIssuer.compose('9', '1', "350200", serial);
			String v = uscc.value();
			assertThat(v).matches("[0-9A-HJ-NPQRTUWXY]{18}");
			assertThat(Gb32100.valid(v)).as("%s by GB 32100-2015 as written out above", v).isTrue();
			assertThat(Gb32100.organisationCodeValid(v.substring(8, 17))).as("%s by GB 11714", v).isTrue();
			assertThat(uscc.hasValidCheckCharacter()).as(v).isTrue();
			assertThat(Uscc.parse(v)).isEqualTo(uscc);
			assertThat(v.charAt(16)).as(v).isEqualTo(Uscc.organisationCodeCheckOf(v.substring(8, 16)));
			assertThat(Uscc.checkCharacterOf(v.substring(0, 17))).isEqualTo(v.charAt(17));
			if (i < 10_000) {
				assertThat(seen.add(v)).as("duplicate %s", v).isTrue();
			}
		}
	}

	@Test
	void issuedCodesNeverMeetTheDemoEnterprisesCodes() {
		// The demo bodies MA31C00x lie below the sequence's start value A00000.
		assertThat(UsccIssuer.base31(286_291_510L).compareTo("31C001")).isPositive();
	}

	@ParameterizedTest(name = "{0} is accepted as typed by hand")
	@ValueSource(strings = { "91350200MA31C0014X", "91350100M000100Y43", "91350200MA2Y3JXK0A", " 91350211ma2xn2bj4w " })
	void acceptsWellFormedCodesWhateverTheirCheckCharacter(String raw) {
		assertThat(Registrar.strictlyFormatted(raw).value()).isEqualTo(raw.strip().toUpperCase());
	}

	@ParameterizedTest(name = "{0} is refused")
	@ValueSource(strings = { "", "9135020MA31C0014X", "91350200MA31C0014XX", "91350200MA31C001IX", "913502O0MA31C0014X",
			"Z1350200MA31C0014X", "97350200MA31C0014X", "91ABCDEFMA31C0014X" })
	void refusesCodesOfTheWrongFormat(String raw) {
		assertThatThrownBy(() -> Registrar.strictlyFormatted(raw)).isInstanceOf(InvalidValue.class)
			.extracting(e -> ((InvalidValue) e).code()).isEqualTo("USCC_FORMAT");
	}

	@Test
	void entityTypesAndZoneAreasAreReadCaseInsensitivelyAndUnknownOnesAreNamed() {
		assertThat(EntityType.of(" limited_liability_company ")).isEqualTo(EntityType.LIMITED_LIABILITY_COMPANY);
		assertThatThrownBy(() -> EntityType.of("TRUST")).isInstanceOf(InvalidValue.class)
			.extracting(e -> ((InvalidValue) e).code()).isEqualTo("ENTITY_TYPE_UNKNOWN");
		assertThat(ZoneArea.of("haicang_bonded_port")).isEqualTo(ZoneArea.HAICANG_BONDED_PORT);
		assertThatThrownBy(() -> ZoneArea.of("SHANGHAI")).isInstanceOf(InvalidValue.class)
			.extracting(e -> ((InvalidValue) e).code()).isEqualTo("ZONE_AREA_UNKNOWN");
	}
}
