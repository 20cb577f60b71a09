package io.singlewindow.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Problem;
import io.singlewindow.platform.BusinessTime;

/**
 * REST API keys: {@code sw_<8 hex prefix>_<43 chars of base64url secret>}, sent as {@code Authorization: Bearer …}.
 * A key is bound to one user account and so to its role, enterprise or agency. Only the SHA-256 of a key is stored
 * (keys carry 256 random bits, so a plain hash is enough and keeps the per-request check to one indexed lookup).
 */
@Component
class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final BusinessTime time;

	ApiKeys(JdbcClient jdbc, BusinessTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	record IssuedKey(UUID id, String key, String prefix, String label, Instant createdAt) {
	}

	record KeyInfo(UUID id, String prefix, String label, Instant createdAt, Instant revokedAt) {
	}

	/** Creates a key; the returned {@link IssuedKey#key()} is the only time the secret is seen. */
	@Transactional
	IssuedKey issue(UUID userId, String label) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String prefix = HexFormat.of().formatHex(secret, 0, 4);
		String key = "sw_" + prefix + "_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return store(userId, label, key, prefix);
	}

	/** Stores a key chosen by the caller (demo data prints known keys so that a new user can try the API at once). */
	@Transactional
	IssuedKey store(UUID userId, String label, String key, String prefix) {
		if (label == null || label.isBlank()) {
			throw Problem.invalidField("label", "REQUIRED");
		}
		label = io.singlewindow.core.FreeText.read("label", label, 100);
		UUID id = UUID.randomUUID();
		Instant now = time.now();
		jdbc.sql("INSERT INTO api_key (id, user_id, label, key_prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, userId, label.strip(), prefix, hash(key), Timestamp.from(now))
			.update();
		return new IssuedKey(id, key, prefix, label.strip(), now);
	}

	/** The account a presented key belongs to, if the key is known and not revoked. */
	Optional<UUID> ownerOf(String presentedKey) {
		return jdbc.sql("SELECT user_id FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
			.param(hash(presentedKey))
			.query(UUID.class)
			.optional();
	}

	List<KeyInfo> of(UUID userId) {
		return jdbc.sql("SELECT id, key_prefix, label, created_at, revoked_at FROM api_key WHERE user_id = ? ORDER BY created_at DESC")
			.param(userId)
			.query((rs, i) -> new KeyInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.list();
	}

	@Transactional
	void revoke(UUID userId, UUID keyId) {
		int changed = jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(time.now()), keyId, userId)
			.update();
		if (changed == 0) {
			throw Problem.notFound("API_KEY_NOT_FOUND", keyId);
		}
	}

	static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
