package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One-time codes as the authenticator apps compute them: RFC 6238's own test vectors, the drift, the format. */
class TotpUnitTests {

	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238, Appendix B, the SHA-1 column (eight digits). */
	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void theRfcsTestVectorsComeOut(long unixSeconds, String expected) {
		long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
		assertThat(Totp.code(RFC_SEED, step, 8, "HmacSHA1")).isEqualTo(expected);
		// Six digits, as the apps show: the last six of the same number.
		String secret = new Base32().encodeToString(RFC_SEED).replace("=", "");
		assertThat(Totp.code(secret, step)).isEqualTo(expected.substring(2));
	}

	@Test
	void aCodeIsAcceptedInItsStepAndOneEitherSideAndNoFurther() {
		String secret = Totp.newSecret();
		Instant now = Instant.parse("2026-12-05T08:00:10Z");
		long step = Totp.step(now);
		assertThat(Totp.match(secret, Totp.code(secret, step), now)).hasValue(step);
		assertThat(Totp.match(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.match(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
		for (long far : new long[] { step - 2, step + 2 }) {
			String code = Totp.code(secret, far);
			boolean alsoNear = code.equals(Totp.code(secret, step)) || code.equals(Totp.code(secret, step - 1))
					|| code.equals(Totp.code(secret, step + 1));
			if (!alsoNear) {
				assertThat(Totp.match(secret, code, now)).as("two steps away").isEmpty();
			}
		}
	}

	@Test
	void aCodeIsSixDigitsSpacesAllowedAndAnythingElseIsNone() {
		String secret = Totp.newSecret();
		Instant now = Instant.parse("2026-12-05T08:00:10Z");
		String code = Totp.code(secret, Totp.step(now));
		assertThat(Totp.match(secret, code.substring(0, 3) + " " + code.substring(3), now)).isPresent();
		assertThat(Totp.match(secret, code.substring(1), now)).isEmpty();
		assertThat(Totp.match(secret, code + "0", now)).isEmpty();
		assertThat(Totp.match(secret, "１２３４５６", now)).as("full-width digits").isEmpty();
		assertThat(Totp.match(secret, null, now)).isEmpty();
		assertThat(Totp.match(null, code, now)).isEmpty();
	}

	@Test
	void aNewSecretIsOneHundredSixtyRandomBitsInBase32AndTheLinkNamesTheAccount() {
		String secret = Totp.newSecret();
		assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
		assertThat(new Base32().decode(secret)).hasSize(20);
		assertThat(Totp.uri("Single Window", "trader.chip", secret)).isEqualTo("otpauth://totp/Single%20Window:trader.chip?secret="
				+ secret + "&issuer=Single%20Window&algorithm=SHA1&digits=6&period=30");
	}
}
