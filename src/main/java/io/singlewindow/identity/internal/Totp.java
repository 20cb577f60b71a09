package io.singlewindow.identity.internal;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time codes (动态口令, RFC 6238) as every authenticator app computes them from a shared secret: HMAC-SHA1
 * over the number of 30-second steps since 1970, truncated to six digits (RFC 4226). The apps' defaults, because
 * several of them ignore anything else in the enrolment link.
 */
final class Totp {

	static final long STEP_SECONDS = 30;

	static final int DIGITS = 6;

	/**
	 * Steps either side of now whose code is still accepted: a phone's clock a little off, a code typed as it turned
	 * over. One each way (RFC 6238 §5.2 recommends at most one).
	 */
	static final int DRIFT_STEPS = 1;

	/** 160 bits, the length of SHA-1's output, as RFC 4226 §4 recommends for the secret. */
	private static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new secret, Base32 without padding (32 characters), as the apps take it typed or scanned. */
	static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/** The step {@code at} falls in. */
	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The six-digit code of {@code secret} (Base32) for {@code step}. */
	static String code(String secret, long step) {
		return code(new Base32().decode(secret), step, DIGITS, "HmacSHA1");
	}

	/** RFC 4226's HOTP with the counter {@code step}: its test vectors use eight digits and other hashes. */
	static String code(byte[] key, long step, int digits, String algorithm) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("the JDK has no " + algorithm, e);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		int modulus = (int) Math.pow(10, digits);
		return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
	}

	/**
	 * The step of {@code typed} (spaces allowed, as the apps show "123 456") among now's and {@link #DRIFT_STEPS}
	 * either side, or empty when it is none of them. Compared in constant time.
	 */
	static OptionalLong match(String secret, String typed, Instant now) {
		if (secret == null || typed == null) {
			return OptionalLong.empty();
		}
		String digits = typed.replace(" ", "");
		if (!digits.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong found = OptionalLong.empty();
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					digits.getBytes(StandardCharsets.US_ASCII))) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

	/** The enrolment link an app reads from the QR code (Google's Key Uri Format, which the apps share). */
	static String uri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
