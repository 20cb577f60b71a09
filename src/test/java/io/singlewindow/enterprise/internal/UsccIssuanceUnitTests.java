package io.singlewindow.enterprise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
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
