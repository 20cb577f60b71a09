package io.singlewindow.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets the platform must read back to use them — a second factor's key, a webhook's signing secret — sealed before
 * they are stored: AES-256-GCM under a key held outside the database ({@code SINGLEWINDOW_SECRETS_KEY}, or the file
 * {@code secrets.key} in the data directory), so a copy of the database, or of its backups, gives none of them away.
 * Passwords, API keys and recovery codes need no such thing: only their hashes are kept.
 * <p>
 * Each value is bound to where it is stored ({@code context}, e.g. {@code "totp/<account id>"}): a sealed value copied
 * into another row does not open there. Stored form: {@code sealed:v1:<key id>:<Base64 of nonce, ciphertext, tag>}.
 * A value stored before sealing existed opens as it is, and is sealed at the next start (each module declares its
 * {@link SealedColumn}s). Every node must hold the same key: the database records the id of the first key that sealed
 * (table {@code sealing_key}), and a node with another key refuses to start rather than fail on every login.
 */
public final class SealedSecrets {

	static final String PREFIX = "sealed:v1:";

	/** Bytes of the key: AES-256. */
	public static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final Logger log = LoggerFactory.getLogger(SealedSecrets.class);

	private final SecretKey key;
	private final String keyId;
	private final Consumer<String> keyCheck;
	private final SecureRandom random = new SecureRandom();
	private volatile boolean checked;

	/**
	 * @param key {@link #KEY_BYTES} random bytes
	 * @param keyCheck refuses (throws) a key whose id is not the one the database's secrets are sealed with; asked once,
	 *     before the first secret is sealed or opened
	 */
	public SealedSecrets(byte[] key, Consumer<String> keyCheck) {
		if (key == null || key.length != KEY_BYTES) {
			throw new IllegalArgumentException("A secrets key is " + KEY_BYTES + " bytes (Base64: 44 characters), not "
					+ (key == null ? 0 : key.length));
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
		this.keyId = idOf(key);
		this.keyCheck = keyCheck;
	}

	/**
	 * The key's id as stored beside each sealed value: the first 8 bytes of a SHA-256 of the key, in hex — it tells
	 * keys apart and gives nothing of the key away.
	 */
	public static String idOf(byte[] key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update("single-window sealing key\0".getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest.digest(key), 0, 8);
		} catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	public String keyId() {
		return keyId;
	}

	/** Whether {@code stored} is a sealed value (rather than one stored before sealing existed). */
	public static boolean isSealed(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	/** {@code secret} sealed for the place {@code context} names. */
	public String seal(String secret, String context) {
		check();
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8), context);
		byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(stored);
	}

	/**
	 * The secret {@code stored} holds, sealed for {@code context}; a value stored before sealing existed as it is;
	 * null for null.
	 *
	 * @throws IllegalStateException sealed with another key, or for another place, or altered
	 */
	public String open(String stored, String context) {
		if (!isSealed(stored)) {
			return stored;
		}
		check();
		String[] parts = stored.substring(PREFIX.length()).split(":", 2);
		if (parts.length != 2 || !parts[0].equals(keyId)) {
			throw new IllegalStateException("A secret is sealed with key " + parts[0] + "; this node's key is " + keyId);
		}
		ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
		byte[] nonce = new byte[NONCE_BYTES];
		bytes.get(nonce);
		byte[] sealed = new byte[bytes.remaining()];
		bytes.get(sealed);
		return new String(crypt(Cipher.DECRYPT_MODE, nonce, sealed, context), StandardCharsets.UTF_8);
	}

	/**
	 * Seals the values of {@code column} stored before sealing existed — the platform's step at start for each
	 * module's {@link SealedColumn}; a row changed meanwhile is left for the next start.
	 *
	 * @return how many were sealed
	 */
	public int sealStored(JdbcClient jdbc, SealedColumn column) {
		String name = column.column();
		List<Map<String, Object>> plain = jdbc.sql("SELECT " + column.idColumn() + " AS id, " + name + " AS secret FROM "
				+ column.table() + " WHERE " + name + " IS NOT NULL AND " + name + " NOT LIKE 'sealed:%'")
			.query().listOfRows();
		int sealed = 0;
		for (Map<String, Object> row : plain) {
			String secret = (String) row.get("secret");
			sealed += jdbc.sql("UPDATE " + column.table() + " SET " + name + " = ? WHERE " + column.idColumn()
					+ " = ? AND " + name + " = ?")
				.params(seal(secret, column.contextPrefix() + row.get("id")), row.get("id"), secret).update();
		}
		if (sealed > 0) {
			log.info("event=secrets_sealed table={} column={} rows={} key_id={}", column.table(), name, sealed, keyId);
		}
		return sealed;
	}

	/** Asks the key check once, before the first secret is sealed or opened; refused, asks again next time. */
	public void check() {
		if (!checked) {
			keyCheck.accept(keyId);
			checked = true;
		}
	}

	private byte[] crypt(int mode, byte[] nonce, byte[] input, String context) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		} catch (GeneralSecurityException failed) {
			// Opening: the value was sealed for another place, or altered. Sealing cannot fail on a Java runtime.
			throw new IllegalStateException("A sealed secret does not open for " + context, failed);
		}
	}
}
