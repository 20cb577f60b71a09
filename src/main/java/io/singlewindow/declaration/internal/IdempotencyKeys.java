package io.singlewindow.declaration.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;

/**
 * The Idempotency-Key a client sends, and the keys the declarations of a keyed workbook or batch are submitted under.
 * A key is at most as long as a client reference ({@link InputLimits#REFERENCE}): the unique index that makes a repeat
 * find its declaration has a largest entry, and a key of a few thousand characters failed it (a 500).
 */
final class IdempotencyKeys {

	private static final int DIGITS = 16;

	private IdempotencyKeys() {
	}

	/** Refuses the header itself, by its name, before anything is read or stored. */
	static void requireWithinLimit(String idempotencyKey) {
		if (idempotencyKey != null && idempotencyKey.length() > InputLimits.REFERENCE) {
			throw Problem.invalidField("Idempotency-Key", "CLIENT_REFERENCE_TOO_LONG", InputLimits.REFERENCE);
		}
	}

	/**
	 * The key a declaration of a workbook or batch is submitted under: {@literal null} when it has a client reference of
	 * its own — the submission then takes that, so that the declaration sent again in another workbook, batch or
	 * interchange is the same one, and the trader's reference is what is stored — else {@code orElse}.
	 */
	static String ownReferenceOr(String clientReference, String orElse) {
		return clientReference != null && !clientReference.isBlank() ? null : orElse;
	}

	/**
	 * {@code key/reference}: each declaration of the batch on its own, so that a repeat of the batch finds each and a
	 * declaration refused before is submitted anew.
	 */
	static String ofDeclarationInBatch(String batchKey, String reference) {
		return withinLimit(batchKey + "/" + reference);
	}

	/**
	 * The key and a reference may each be as long as a key may be, and together longer: such a key keeps its
	 * beginning, for people who read it as the declaration's client reference, and ends in {@code ~} and 16
	 * hexadecimal digits of its SHA-256, so that it is the same key when the batch is sent again and differs from
	 * another reference's.
	 */
	static String withinLimit(String key) {
		if (key.length() <= InputLimits.REFERENCE) {
			return key;
		}
		int kept = InputLimits.REFERENCE - DIGITS - 1;
		if (Character.isHighSurrogate(key.charAt(kept - 1))) {
			kept--;
		}
		return key.substring(0, kept) + "~" + HexFormat.of().formatHex(sha256(key), 0, DIGITS / 2);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
