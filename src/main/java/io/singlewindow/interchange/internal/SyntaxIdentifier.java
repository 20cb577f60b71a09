package io.singlewindow.interchange.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The character repertoires of ISO 9735 the platform reads (UNB 0001), and how their bytes are decoded. UNOA and
 * UNOB are subsets of ASCII that StAEDI does not check: a character outside them is refused here. UNOW (UTF-8) and
 * UNOY (ISO 10646-1, read as UTF-8 as the partners send it) carry Chinese names.
 */
enum SyntaxIdentifier {

	UNOA(StandardCharsets.US_ASCII), UNOB(StandardCharsets.US_ASCII), UNOC(StandardCharsets.ISO_8859_1),
	UNOW(StandardCharsets.UTF_8), UNOY(StandardCharsets.UTF_8);

	/** Level A: upper case letters, digits, space and these marks (ISO 9735-1, annex). */
	private static final String LEVEL_A_MARKS = " .,-()/='+:?!\"%&*;<>";

	private final Charset charset;

	SyntaxIdentifier(Charset charset) {
		this.charset = charset;
	}

	Charset charset() {
		return charset;
	}

	static Optional<SyntaxIdentifier> of(String code) {
		for (SyntaxIdentifier s : values()) {
			if (s.name().equals(code)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	/** Whether every character of the text belongs to the repertoire. */
	boolean allows(String text) {
		return text.codePoints().allMatch(this::allows);
	}

	/** Whether the character belongs to the repertoire. */
	boolean allows(int c) {
		return switch (this) {
			case UNOA -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || LEVEL_A_MARKS.indexOf(c) >= 0;
			case UNOB -> c >= 0x20 && c < 0x7F;
			case UNOC -> c >= 0x20 && c < 0x7F || c >= 0xA0 && c <= 0xFF;
			// ISO 10646's graphic characters: no C0 or C1 control, DEL neither (StAEDI's writer refuses them all, so an
			// answer could not echo one), nor the replacement character of bytes that were no UTF-8.
			case UNOW, UNOY -> !(Character.isISOControl(c) && c != '\t' || c == 0xFFFD);
		};
	}
}
