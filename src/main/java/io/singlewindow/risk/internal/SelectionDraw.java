package io.singlewindow.risk.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A deterministic, uniformly distributed number in [0, 1) for a declaration and a policy: the first 53 bits of
 * SHA-256("declarationId|policy"). The same declaration always draws the same number on every node and every retry,
 * and different policies draw independently of each other.
 */
public final class SelectionDraw {

	private SelectionDraw() {
	}

	public static double of(UUID declarationId, String policy) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((declarationId + "|" + policy).getBytes(StandardCharsets.UTF_8));
			long bits = 0;
			for (int i = 0; i < 8; i++) {
				bits = (bits << 8) | (hash[i] & 0xFF);
			}
			return (bits >>> 11) * 0x1.0p-53;
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
