package io.singlewindow.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over the audit trail: {@code hash(n) = SHA-256(hash(n-1) + "\n" + canonicalContent(n))}, written as
 * 64 lower-case hex digits; the row at position 1 chains to {@link #GENESIS} (64 zeros). Changing, deleting or
 * reordering any sealed row changes every hash from there on, so the first row whose stored hash differs from the
 * recomputed one is where the trail was tampered with.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(String previousHash, String canonicalContent) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
			sha256.update((byte) '\n');
			sha256.update(canonicalContent.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/** The hash {@code entry} must carry at {@code position} after a row hashed {@code previousHash}. */
	static String hash(String previousHash, AuditEntry entry, long position) {
		return hash(previousHash, entry.canonicalContent(position));
	}
}
