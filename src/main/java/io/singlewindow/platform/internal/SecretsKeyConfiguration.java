package io.singlewindow.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.platform.SealedColumn;
import io.singlewindow.platform.SealedSecrets;

/**
 * The key {@link SealedSecrets} seals with: {@code singlewindow.secrets.key} ({@code SINGLEWINDOW_SECRETS_KEY}, Base64 of
 * 32 random bytes) when set — what a zone with several nodes or an external database gives every node — otherwise the
 * file {@code singlewindow.secrets.key-file} (default {@code secrets.key} in the data directory), made on first start
 * with its owner's permissions only. The database records the id of the key its secrets are sealed with
 * ({@code sealing_key}); a node whose key is another one refuses to start ({@link SealingKeyMismatch}).
 * <p>
 * Changing the key: the key it replaces is given as {@code singlewindow.secrets.previous-key}
 * ({@code SINGLEWINDOW_SECRETS_PREVIOUS_KEY}) or the file {@code singlewindow.secrets.previous-key-file} (default
 * {@code secrets.key.previous} in the data directory, so that on one node {@code mv secrets.key secrets.key.previous}
 * and a start change it). The first node to start so moves the record to the new key and seals every secret afresh,
 * in one transaction; a node started meanwhile waits for it.
 */
@Configuration(proxyBeanMethods = false)
class SecretsKeyConfiguration {

	static final String KEY_PROPERTY = "singlewindow.secrets.key";
	static final String KEY_FILE_PROPERTY = "singlewindow.secrets.key-file";
	static final String PREVIOUS_KEY_PROPERTY = "singlewindow.secrets.previous-key";
	static final String PREVIOUS_KEY_FILE_PROPERTY = "singlewindow.secrets.previous-key-file";

	private static final Logger log = LoggerFactory.getLogger(SecretsKeyConfiguration.class);

	@Bean
	SealedSecrets sealedSecrets(Environment environment, PlatformProperties platform, JdbcClient jdbc, Clock clock)
			throws IOException {
		String configured = environment.getProperty(KEY_PROPERTY, "").strip();
		String source;
		byte[] key;
		if (!configured.isEmpty()) {
			source = "SINGLEWINDOW_SECRETS_KEY";
			key = decode(configured, source);
		} else {
			Path file = Path.of(environment.getProperty(KEY_FILE_PROPERTY,
					platform.dataDir().resolve("secrets.key").toString())).toAbsolutePath().normalize();
			source = file.toString();
			key = decode(readOrMake(file), source);
		}
		byte[] previous = previousKey(environment, platform);
		// The same key given as both is no change (as SealedSecrets holds it): no previous key to move the record from.
		String previousId = previous == null || SealedSecrets.idOf(previous).equals(SealedSecrets.idOf(key)) ? null
				: SealedSecrets.idOf(previous);
		return new SealedSecrets(key, previous, keyId -> register(jdbc, keyId, previousId, source, clock));
	}

	/**
	 * At start, the key's check (before anything else is served, not at the first login after) — changing the key
	 * when the previous one is given — then the modules' {@link SealedColumn}s' values not sealed with the key are
	 * sealed with it; all in one transaction, so that a start that fails half-way changes nothing.
	 */
	@Bean
	SmartInitializingSingleton secretsSealedAtStart(SealedSecrets secrets, List<SealedColumn> columns,
			JdbcClient jdbc, TransactionTemplate transactions) {
		return () -> transactions.executeWithoutResult(status -> {
			secrets.check();
			columns.forEach(column -> secrets.sealStored(jdbc, column));
			if (secrets.previousKeyId() != null) {
				log.info("event=secrets_previous_key_done previous_key_id={} action=\"once every node runs key {}, "
						+ "remove the previous key (SINGLEWINDOW_SECRETS_PREVIOUS_KEY or secrets.key.previous)\"",
						secrets.previousKeyId(), secrets.keyId());
			}
		});
	}

	/**
	 * Records the key's id as the database's when none is recorded; moves the record to it from the previous key's
	 * id (the key being changed); refuses any other. The record's row stays locked to the end of the start's
	 * transaction, so a node started meanwhile reads the new id.
	 */
	static void register(JdbcClient jdbc, String keyId, String previousId, String source, Clock clock) {
		jdbc.sql("INSERT INTO sealing_key (key_id, since) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(keyId, Timestamp.from(clock.instant())).update();
		String recorded = jdbc.sql("SELECT key_id FROM sealing_key FOR UPDATE").query(String.class).single();
		if (recorded.equals(keyId)) {
			log.info("event=sealing_key_checked key_id={} source={}", keyId, source);
		} else if (recorded.equals(previousId)) {
			jdbc.sql("UPDATE sealing_key SET key_id = ?, since = ?").params(keyId, Timestamp.from(clock.instant()))
				.update();
			log.info("event=secrets_key_changed key_id={} previous_key_id={} source={}", keyId, previousId, source);
		} else {
			throw new SealingKeyMismatch(recorded, keyId, previousId, source);
		}
	}

	/** The key being replaced, while the key is changed: the property, else the file when it exists; null: none. */
	private static byte[] previousKey(Environment environment, PlatformProperties platform) throws IOException {
		String configured = environment.getProperty(PREVIOUS_KEY_PROPERTY, "").strip();
		if (!configured.isEmpty()) {
			return decode(configured, "SINGLEWINDOW_SECRETS_PREVIOUS_KEY");
		}
		Path file = Path.of(environment.getProperty(PREVIOUS_KEY_FILE_PROPERTY,
				platform.dataDir().resolve("secrets.key.previous").toString())).toAbsolutePath().normalize();
		return Files.exists(file) ? decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()) : null;
	}

	private static String readOrMake(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] key = new byte[SealedSecrets.KEY_BYTES];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			try {
				Files.writeString(Files.createFile(file), Base64.getEncoder().encodeToString(key) + "\n",
						StandardCharsets.US_ASCII);
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				} catch (UnsupportedOperationException notPosix) {
					// Windows: the file keeps its folder's access list.
				}
				log.info("event=secrets_key_created file={} key_id={}", file, SealedSecrets.idOf(key));
			} catch (FileAlreadyExistsException madeMeanwhile) {
				// Another start on the same directory made it first: read that one.
			}
		}
		return Files.readString(file, StandardCharsets.US_ASCII);
	}

	private static byte[] decode(String base64, String source) {
		try {
			byte[] key = Base64.getDecoder().decode(base64.strip());
			if (key.length == SealedSecrets.KEY_BYTES) {
				return key;
			}
		} catch (IllegalArgumentException notBase64) {
			// Said below, with what a key must be.
		}
		throw new IllegalStateException("The secrets key from " + source + " is not Base64 of "
				+ SealedSecrets.KEY_BYTES + " bytes (make one with: openssl rand -base64 32)");
	}

	/** A node whose secrets key is not the one the database's secrets are sealed with. */
	static final class SealingKeyMismatch extends StartRefused {

		@java.io.Serial
		private static final long serialVersionUID = 1L;

		SealingKeyMismatch(String recorded, String keyId, String previousId, String source) {
			super("The database's secrets are sealed with the key of id " + recorded + "; this node's key (from "
					+ source + ") has id " + keyId + (previousId == null ? ""
							: " and the previous key it was given to replace has id " + previousId), null);
		}

		@Override
		String action() {
			return "Give every node the key the database's secrets were sealed with: the same "
					+ "SINGLEWINDOW_SECRETS_KEY, or the secrets.key file of the data directory that first sealed them "
					+ "(restored from a backup: the secrets.key kept apart from it). To change the key, give that key as "
					+ "the previous one (SINGLEWINDOW_SECRETS_PREVIOUS_KEY, or the file secrets.key.previous) beside the "
					+ "new one. "
					+ "Without that key the sealed second factors and webhook secrets cannot be opened: see "
					+ "docs/operations.md, \"Secrets key\".";
		}
	}
}
