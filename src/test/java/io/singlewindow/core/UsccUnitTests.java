package io.singlewindow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccUnitTests {

	/** Codes printed on real business licences (public registers), each with a correct check character. */
	@ParameterizedTest
	@ValueSource(strings = { "91110000802100433B", "9144030071526726XG", "91440300708461136T", "91110108551385082Q",
			"914403001922038216" })
	void acceptsPublishedCodes(String code) {
		Uscc uscc = Uscc.parse(code);
		assertThat(uscc.hasValidCheckCharacter()).isTrue();
	}

	@Test
	void computesTheCheckCharacterWithWeightsThreeToThePowerModThirtyOne() {
		assertThat(Uscc.checkCharacterOf("91110000802100433")).isEqualTo('B');
		assertThat(Uscc.issue("91110000802100433").value()).isEqualTo("91110000802100433B");
	}

	@Test
	void acceptsAWrongCheckCharacterButSaysSo() {
		Uscc uscc = Uscc.parse("91110000802100433C");
		assertThat(uscc.hasValidCheckCharacter()).isFalse();
	}

	@Test
	void normalisesWhatAPersonTyped() {
		assertThat(Uscc.parse(" 91110000802100433b ").value()).isEqualTo("91110000802100433B");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "9111000080210043", "91110000802100433BB", "9111000080210043IB", "9111000080210043OB",
			"9111000080210043ZB", "9111000080210043SB", "9111000080210043VB", "91110000-02100433B" })
	void rejectsWhatIsNotACode(String raw) {
		assertThatThrownBy(() -> Uscc.parse(raw)).isInstanceOf(InvalidValue.class)
			.extracting(e -> ((InvalidValue) e).code()).isEqualTo("USCC_FORMAT");
	}

	@Test
	void computesTheOrganisationCodeCheck() {
		// Positions 9-17 of the published codes above are organisation codes with their own GB 11714 check.
		assertThat(Uscc.organisationCodeCheckOf("80210043")).isEqualTo('3');
		assertThat(Uscc.organisationCodeCheckOf("71526726")).isEqualTo('X');
		assertThat(Uscc.organisationCodeCheckOf("19220382")).isEqualTo('1');
	}
}
