package io.singlewindow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextUnitTests {

	@ParameterizedTest(name = "refuses U+{0}")
	@ValueSource(ints = { 0x0, 0x1, 0x7, 0x1b, 0x7f, 0x85, 0x9f })
	void refusesNulAndOtherControlCharactersInsteadOfStrippingThem(int control) {
		InvalidValue refused = catchThrowableOfType(InvalidValue.class,
				() -> FreeText.paragraph("pro" + (char) control + "cessors", 100));

		assertThat(refused.code()).isEqualTo("CONTROL_CHARACTER");
		assertThat(refused.value()).isEqualTo(4);
	}

	/**
	 * The embeddings, overrides and isolates of the bidirectional algorithm (U+202A–U+202E, U+2066–U+2069) make a name,
	 * a reference or a file name show in another order than it is stored: "invoice\u202Efdp.exe" reads "invoiceexe.pdf".
	 * Nobody types them in one line; a paragraph pasted from right-to-left text may carry them, and keeps them.
	 */
	@ParameterizedTest(name = "refuses U+{0} in a line")
	@ValueSource(ints = { 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069 })
	void aOneLineTextRefusesWhatReordersItsDisplay(int bidi) {
		InvalidValue refused = catchThrowableOfType(InvalidValue.class,
				() -> FreeText.line("PO-" + (char) bidi + "4321", 100));

		assertThat(refused.code()).isEqualTo("CONTROL_CHARACTER");
		assertThat(refused.value()).isEqualTo(4);
		assertThat(FreeText.paragraph("PO-" + (char) bidi + "4321", 100)).hasSize(8);
	}

	@Test
	void aParagraphMayBreakLinesAOneLineTextMayNot() {
		assertThat(FreeText.paragraph("line one\n\tline two", 100)).isEqualTo("line one\n\tline two");
		assertThat(catchThrowableOfType(InvalidValue.class, () -> FreeText.line("厦门\n示例", 100)).code())
			.isEqualTo("CONTROL_CHARACTER");
	}

	@Test
	void refusesALoneSurrogateButTakesEmojiRightToLeftAndCombiningMarks() {
		assertThat(catchThrowableOfType(InvalidValue.class, () -> FreeText.line("a\uD800b", 100)).code())
			.isEqualTo("CONTROL_CHARACTER");
		assertThat(FreeText.line("☕ قهوة e\u0301 \uD83D\uDE00", 100)).isEqualTo("☕ قهوة e\u0301 \uD83D\uDE00");
	}

	@Test
	void countsCharactersNotUtf16UnitsAndStripsBlanks() {
		String hundredEmoji = "\uD83D\uDE00".repeat(100);
		assertThat(FreeText.line("  " + hundredEmoji + "  ", 100)).isEqualTo(hundredEmoji);
		InvalidValue tooLong = catchThrowableOfType(InvalidValue.class, () -> FreeText.line("x".repeat(101), 100));
		assertThat(tooLong.code()).isEqualTo("SIZE");
		assertThat(tooLong.value()).isEqualTo(100);
	}

	@Test
	void refusesFiveMegabytesWithoutReadingThem() {
		assertThat(catchThrowableOfType(InvalidValue.class,
				() -> FreeText.line("\u0000".repeat(5_000_000), 100)).code()).isEqualTo("SIZE");
	}

	@Test
	void aTextOfExactlyTheLimitIsTakenAndTheRefusalNamesTheFirstBadCharacter() {
		assertThat(FreeText.line("x".repeat(100), 100)).hasSize(100);
		// Padding up to twice the limit (plus 64) is stripped before it is counted, not refused unread.
		assertThat(FreeText.line(" ".repeat(164) + "x".repeat(100), 100)).isEqualTo("x".repeat(100));
		assertThat(catchThrowableOfType(InvalidValue.class, () -> FreeText.line(" ".repeat(165) + "x".repeat(100), 100))
			.code()).isEqualTo("SIZE");
		assertThat(catchThrowableOfType(InvalidValue.class, () -> FreeText.line("ab\uDE00", 100)).value())
			.as("a low surrogate alone, third character").isEqualTo(3);
		assertThat(catchThrowableOfType(InvalidValue.class, () -> FreeText.line("ab\uD83D", 100)).value())
			.as("a high surrogate at the very end").isEqualTo(3);
		assertThat(FreeText.forbiddenCharacterAt("abc")).isZero();
		assertThat(FreeText.forbiddenCharacterAt("a\u0000")).isEqualTo(2);
		assertThat(FreeText.forbiddenCharacterAt("line\nbreak")).as("a paragraph's line break is allowed").isZero();
	}

	@Test
	void aFieldReadAloneIsRefusedAtThatField() {
		assertThat(FreeText.read("reason", "  no certificate  ", 100)).isEqualTo("no certificate");
		Problem refused = catchThrowableOfType(Problem.class, () -> FreeText.read("reason", "a\u0007b", 100));
		assertThat(refused.fieldProblems()).singleElement().satisfies(f -> {
			assertThat(f.field()).isEqualTo("reason");
			assertThat(f.code()).isEqualTo("CONTROL_CHARACTER");
		});
	}

	@Test
	void aSearchTakesPercentUnderscoreAndBackslashAsTheCharactersTheyAre() {
		assertThat(LikePattern.containing(" 50%_OFF\\ ")).isEqualTo("%50\\%\\_off\\\\%");
		assertThat(LikePattern.containing(null)).as("no search: any value").isEqualTo("%%");
		assertThat(LikePattern.containing("   ")).isEqualTo("%%");
	}

	@Test
	void blankIsAbsent() {
		assertThat(FreeText.line("   ", 10)).isNull();
		assertThat(FreeText.line(null, 10)).isNull();
	}

	@Test
	void aTextIsCutToItsLimitNeverThroughACharacterOutsideTheBmp() {
		assertThat(FreeText.cut("abc", 3)).isEqualTo("abc");
		assertThat(FreeText.cut("abcd", 3)).isEqualTo("abc");
		assertThat(FreeText.cut("ab😀c", 3)).isEqualTo("ab");
		assertThat(FreeText.cut("a😀c", 3)).isEqualTo("a😀");
	}
}
