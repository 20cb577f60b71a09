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
	private final AttemptThrottle throttle;

	ApiKeys(JdbcClient jdbc, BusinessTime time, AttemptThrottle throttle) {
		this.jdbc = jdbc;
		this.time = time;
		this.throttle = throttle;
	}

	record IssuedKey(UUID id, String key, String prefix, String label, Instant createdAt, Instant expiresAt) {
	}

	/** A key as its owner sees it in the list: never the secret, but when it was last used and when it expires. */
	record KeyInfo(UUID id, String prefix, String label, Instant createdAt, Instant revokedAt, Instant expiresAt,
			Instant lastUsedAt) {
	}

	/**
	 * Creates a key; the returned {@link IssuedKey#key()} is the only time the secret is seen.
	 *
	 * @param expiresAt after this instant the key is refused; {@literal null} for a key that lives until revoked
	 * @throws Problem {@code EXPIRY_IN_PAST} on field {@code expiresAt}
	 */
	@Transactional
	IssuedKey issue(UUID userId, String label, Instant expiresAt) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String prefix = HexFormat.of().formatHex(secret, 0, 4);
		String key = "sw_" + prefix + "_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return store(userId, label, key, prefix, expiresAt);
	}

	/** Stores a key chosen by the caller (demo data prints known keys so that a new user can try the API at once). */
	@Transactional
	IssuedKey store(UUID userId, String label, String key, String prefix, Instant expiresAt) {
		if (label == null || label.isBlank()) {
			throw Problem.invalidField("label", "REQUIRED");
		}
		label = io.singlewindow.core.FreeText.readLine("label", label, 100);
		Instant now = time.now();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw Problem.invalidField("expiresAt", "EXPIRY_IN_PAST", expiresAt);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO api_key (id, user_id, label, key_prefix, key_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, userId, label.strip(), prefix, hash(key), Timestamp.from(now),
					expiresAt == null ? null : Timestamp.from(expiresAt))
			.update();
		return new IssuedKey(id, key, prefix, label.strip(), now, expiresAt);
	}

	/**
	 * The account a presented key belongs to, if the key is known, not revoked and not expired. Notes the use, at most
	 * once a minute per key, so that the list can show it without a write on every call.
	 */
	Optional<UUID> ownerOf(String presentedKey) {
		return live(presentedKey, "k.user_id", (rs, i) -> rs.getObject("user_id", UUID.class));
	}

	/**
	 * The account a live key belongs to, read with the key in one statement: every API request asks this, so it
	 * costs one round trip rather than two.
	 */
	Optional<AccountPrincipal> accountOf(String presentedKey) {
		return live(presentedKey, AccountStore.columns("u"), AccountStore::principal);
	}

	/** What a request presenting a key may do: wait out its address's pause, else act as the key's account, if any. */
	record Presented(Optional<java.time.Duration> pause, Optional<AccountPrincipal> account) {
	}

	/**
	 * The pause the presenting address must still wait ({@code throttleKey}), else the account of the presented key:
	 * every API request asks both, so they are read in one statement. A paused address learns nothing of the key, and
	 * its use is not noted.
	 */
	Presented present(String presentedKey, String throttleKey, Backoff backoff) {
		Instant now = time.now();
		record Row(Optional<java.time.Duration> pause, UUID keyId, Instant lastUsedAt, AccountPrincipal account) {
		}
		Row row = jdbc.sql("SELECT t.failures, t.last_failure_at, k.id AS key_id, k.last_used_at AS key_last_used_at, "
				+ AccountStore.columns("u") + """
				 FROM (VALUES (1)) AS asked (one)
				LEFT JOIN login_throttle t ON t.throttle_key = ?
				LEFT JOIN (api_key k JOIN user_account u ON u.id = k.user_id) ON""" + LIVE_KEY)
			.params(throttleKey, hash(presentedKey), Timestamp.from(now))
			.query((rs, i) -> {
				Timestamp lastFailure = rs.getTimestamp("last_failure_at");
				Optional<java.time.Duration> pause = lastFailure == null ? Optional.empty()
						: throttle.pauseLeft(rs.getInt("failures"), lastFailure.toInstant(), backoff);
				UUID keyId = rs.getObject("key_id", UUID.class);
				Timestamp lastUsed = rs.getTimestamp("key_last_used_at");
				return new Row(pause, keyId, lastUsed == null ? null : lastUsed.toInstant(),
						keyId == null ? null : AccountStore.principal(rs, i));
			})
			.single();
		if (row.pause().isPresent()) {
			return new Presented(row.pause(), Optional.empty());
		}
		if (row.keyId() != null) {
			noteUse(row.keyId(), row.lastUsedAt(), now);
		}
		return new Presented(Optional.empty(), Optional.ofNullable(row.account()));
	}

	/** Key {@code k} is the presented one (its hash, first parameter), neither revoked nor expired at the second. */
	private static final String LIVE_KEY = " k.key_hash = ? AND k.revoked_at IS NULL"
			+ " AND (k.expires_at IS NULL OR k.expires_at > ?)";

	private <T> Optional<T> live(String presentedKey, String columns, org.springframework.jdbc.core.RowMapper<T> owner) {
		Instant now = time.now();
		record Found<T>(UUID id, Instant lastUsedAt, T owner) {
		}
		Optional<Found<T>> found = jdbc.sql("SELECT k.id AS key_id, k.last_used_at AS key_last_used_at, " + columns + """
				 FROM api_key k JOIN user_account u ON u.id = k.user_id
				WHERE""" + LIVE_KEY)
			.params(hash(presentedKey), Timestamp.from(now))
			.query((rs, i) -> new Found<>(rs.getObject("key_id", UUID.class),
					rs.getTimestamp("key_last_used_at") == null ? null : rs.getTimestamp("key_last_used_at").toInstant(),
					owner.mapRow(rs, i)))
			.optional();
		found.ifPresent(k -> noteUse(k.id(), k.lastUsedAt(), now));
		return found.map(Found::owner);
	}

	/** Notes a key's use at most once a minute, so that the list can show it without a write on every call. */
	private void noteUse(UUID keyId, Instant lastUsedAt, Instant now) {
		if (lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60))) {
			jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), keyId).update();
		}
	}

	private static final String KEY_INFO = "SELECT id, key_prefix, label, created_at, revoked_at, expires_at, "
			+ "last_used_at FROM api_key WHERE user_id = ?";

	List<KeyInfo> of(UUID userId) {
		return jdbc.sql(KEY_INFO + " ORDER BY created_at DESC").param(userId).query(ApiKeys::keyInfo).list();
	}

	/**
	 * One of the account's keys, revoked or not, without its secret.
	 *
	 * @throws Problem 404 {@code API_KEY_NOT_FOUND} when it is not the account's
	 */
	KeyInfo of(UUID userId, UUID keyId) {
		return jdbc.sql(KEY_INFO + " AND id = ?").params(userId, keyId).query(ApiKeys::keyInfo).optional()
			.orElseThrow(() -> Problem.notFound("API_KEY_NOT_FOUND", keyId));
	}

	private static KeyInfo keyInfo(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new KeyInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
				instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)));
	}

	/** Revokes every live key of an account at once (the account is deactivated). */
	@Transactional
	int revokeAll(UUID userId) {
		return jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(time.now()), userId)
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
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
