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

import io.singlewindow.platform.SealedColumn;
import io.singlewindow.platform.SealedSecrets;

/**
 * The key {@link SealedSecrets} seals with: {@code singlewindow.secrets.key} ({@code SINGLEWINDOW_SECRETS_KEY}, Base64 of
 * 32 random bytes) when set — what a zone with several nodes or an external database gives every node — otherwise the
 * file {@code singlewindow.secrets.key-file} (default {@code secrets.key} in the data directory), made on first start
 * with its owner's permissions only. The database records the id of the first key that sealed ({@code sealing_key});
 * a node whose key is another one refuses to start ({@link SealingKeyMismatch}).
 */
@Configuration(proxyBeanMethods = false)
class SecretsKeyConfiguration {

	static final String KEY_PROPERTY = "singlewindow.secrets.key";
	static final String KEY_FILE_PROPERTY = "singlewindow.secrets.key-file";

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
		return new SealedSecrets(key, keyId -> register(jdbc, keyId, source, clock));
	}

	/**
	 * At start, the key's check (before anything else is served, not at the first login after), then the modules'
	 * {@link SealedColumn}s' values stored before sealing are sealed.
	 */
	@Bean
	SmartInitializingSingleton secretsSealedAtStart(SealedSecrets secrets, List<SealedColumn> columns,
			JdbcClient jdbc) {
		return () -> {
			secrets.check();
			columns.forEach(column -> secrets.sealStored(jdbc, column));
		};
	}

	/** Records the key's id as the database's when none is recorded; refuses another. */
	static void register(JdbcClient jdbc, String keyId, String source, Clock clock) {
		jdbc.sql("INSERT INTO sealing_key (key_id, since) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(keyId, Timestamp.from(clock.instant())).update();
		String recorded = jdbc.sql("SELECT key_id FROM sealing_key").query(String.class).single();
		if (!recorded.equals(keyId)) {
			throw new SealingKeyMismatch(recorded, keyId, source);
		}
		log.info("event=sealing_key_checked key_id={} source={}", keyId, source);
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
	static final class SealingKeyMismatch extends IllegalStateException {

		@java.io.Serial
		private static final long serialVersionUID = 1L;

		SealingKeyMismatch(String recorded, String keyId, String source) {
			super("The database's secrets are sealed with the key of id " + recorded + "; this node's key (from "
					+ source + ") has id " + keyId);
		}
	}
}
