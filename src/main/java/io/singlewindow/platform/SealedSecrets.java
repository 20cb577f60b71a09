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
 * {@link SealedColumn}s). Every node must hold the same key: the database records the id of the key its secrets are
 * sealed with (table {@code sealing_key}), and a node with another key refuses to start rather than fail on every login.
 * <p>
 * The key is changed (rotated) by starting with the new key and the one it replaces as the <em>previous</em> key: the
 * database's record moves to the new key and every value sealed with the previous one is sealed afresh with the new one,
 * in one transaction at start; until then such values still open.
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
	private final SecretKey previous;
	private final String previousId;
	private final Consumer<String> keyCheck;
	private final SecureRandom random = new SecureRandom();
	private volatile boolean checked;

	/**
	 * @param key {@link #KEY_BYTES} random bytes
	 * @param keyCheck refuses (throws) a key whose id is not the one the database's secrets are sealed with; asked once,
	 *     before the first secret is sealed or opened
	 */
	public SealedSecrets(byte[] key, Consumer<String> keyCheck) {
		this(key, null, keyCheck);
	}

	/**
	 * @param key {@link #KEY_BYTES} random bytes
	 * @param previousKey the key {@code key} replaces, while values sealed with it may be left; null: none
	 * @param keyCheck refuses (throws) a key whose id is not the one the database's secrets are sealed with — or, while
	 *     the key is being changed, moves the record from the previous key's id to this one; asked once, before the
	 *     first secret is sealed or opened
	 */
	public SealedSecrets(byte[] key, byte[] previousKey, Consumer<String> keyCheck) {
		this.key = aesKey(key);
		this.keyId = idOf(key);
		SecretKey replaced = previousKey == null ? null : aesKey(previousKey);
		// The same key given as both is no change: nothing is sealed with a "previous" key then.
		boolean replaces = replaced != null && !idOf(previousKey).equals(keyId);
		this.previous = replaces ? replaced : null;
		this.previousId = replaces ? idOf(previousKey) : null;
		this.keyCheck = keyCheck;
	}

	private static SecretKey aesKey(byte[] key) {
		if (key == null || key.length != KEY_BYTES) {
			throw new IllegalArgumentException("A secrets key is " + KEY_BYTES + " bytes (Base64: 44 characters), not "
					+ (key == null ? 0 : key.length));
		}
		return new SecretKeySpec(key.clone(), "AES");
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

	/** The id of the key this one replaces, while it is being changed; null when none is given (or it is this one). */
	public String previousKeyId() {
		return previousId;
	}

	/**
	 * A key of its own for {@code purpose}, derived from this one (HMAC-SHA256), the same on every node: for a digest
	 * of what a request sent that may hold a password, which nobody without the key can test guesses against.
	 */
	public byte[] derivedKey(String purpose) {
		check();
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
			return mac.doFinal(("single-window derived key\0" + purpose).getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
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
		byte[] sealed = crypt(key, Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8), context);
		byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(stored);
	}

	/**
	 * The secret {@code stored} holds, sealed for {@code context}; a value stored before sealing existed as it is;
	 * null for null. A value sealed with the previous key, while the key is being changed, opens too.
	 *
	 * @throws IllegalStateException sealed with another key, or for another place, or altered, or garbled
	 */
	public String open(String stored, String context) {
		if (!isSealed(stored)) {
			return stored;
		}
		check();
		String[] parts = stored.substring(PREFIX.length()).split(":", 2);
		SecretKey sealedWith = parts.length != 2 ? null
				: parts[0].equals(keyId) ? key : parts[0].equals(previousId) ? previous : null;
		if (sealedWith == null) {
			throw new IllegalStateException("A secret is sealed with key " + parts[0] + "; this node's key is " + keyId
					+ (previousId == null ? "" : " (previous " + previousId + ")"));
		}
		byte[] nonce = new byte[NONCE_BYTES];
		byte[] sealed;
		try {
			ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
			bytes.get(nonce);
			sealed = new byte[bytes.remaining()];
			bytes.get(sealed);
		} catch (IllegalArgumentException | java.nio.BufferUnderflowException garbled) {
			// A damaged row: refused as any value that does not open, for the callers to refuse or skip.
			throw new IllegalStateException("A sealed secret for " + context + " is garbled", garbled);
		}
		return new String(crypt(sealedWith, Cipher.DECRYPT_MODE, nonce, sealed, context), StandardCharsets.UTF_8);
	}

	/**
	 * Seals with this key the values of {@code column} not sealed with it: those stored before sealing existed, and
	 * those sealed with the previous key while the key is being changed — the platform's step at start for each
	 * module's {@link SealedColumn}. A row changed meanwhile is left for the next start; a value that does not open
	 * (another key, altered) is left as it is and said.
	 *
	 * @return how many were sealed
	 */
	public int sealStored(JdbcClient jdbc, SealedColumn column) {
		String name = column.column();
		List<Map<String, Object>> unsealed = jdbc.sql("SELECT " + column.idColumn() + " AS id, " + name
				+ " AS stored FROM " + column.table() + " WHERE " + name + " IS NOT NULL AND " + name + " NOT LIKE ?")
			.params(PREFIX + keyId + ":%").query().listOfRows();
		int plain = 0;
		int resealed = 0;
		for (Map<String, Object> row : unsealed) {
			String stored = (String) row.get("stored");
			String context = column.contextPrefix() + row.get("id");
			String secret;
			try {
				secret = open(stored, context);
			} catch (IllegalStateException unopenable) {
				log.error("event=sealed_secret_unopenable table={} column={} id={} reason=\"{}\"", column.table(), name,
						row.get("id"), unopenable.getMessage());
				continue;
			}
			int updated = jdbc.sql("UPDATE " + column.table() + " SET " + name + " = ? WHERE " + column.idColumn()
					+ " = ? AND " + name + " = ?").params(seal(secret, context), row.get("id"), stored).update();
			if (isSealed(stored)) {
				resealed += updated;
			} else {
				plain += updated;
			}
		}
		if (plain > 0) {
			log.info("event=secrets_sealed table={} column={} rows={} key_id={}", column.table(), name, plain, keyId);
		}
		if (resealed > 0) {
			log.info("event=secrets_resealed table={} column={} rows={} key_id={} previous_key_id={}", column.table(),
					name, resealed, keyId, previousId);
		}
		return plain + resealed;
	}

	/** Asks the key check once, before the first secret is sealed or opened; refused, asks again next time. */
	public void check() {
		if (!checked) {
			keyCheck.accept(keyId);
			checked = true;
		}
	}

	private static byte[] crypt(SecretKey key, int mode, byte[] nonce, byte[] input, String context) {
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
