package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.SealedColumn;
import io.singlewindow.platform.SealedSecrets;

/**
 * Every node seals with one key: the first start makes a key file in the data directory (its owner's only) and the
 * database records that key's id; a node that brings another key is refused before it seals or opens anything, and
 * the record stays the first key's — unless it brings the recorded key as the previous one: then the key changes,
 * and every secret is sealed afresh with the new key.
 */
@SingleWindowIntegrationTest
class SealingKeyIntegrationTests {

	@Autowired
	SealedSecrets secrets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformProperties platform;

	@Autowired
	List<SealedColumn> columns;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theFirstStartMadeAKeyFileOnlyItsOwnerReadsAndTheDatabaseRecordsItsId() throws Exception {
		Path file = platform.dataDir().resolve("secrets.key").toAbsolutePath();
		assertThat(file).exists();
		assertThat(SealedSecrets.idOf(java.util.Base64.getDecoder().decode(Files.readString(file).strip())))
			.isEqualTo(secrets.keyId());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(jdbc.sql("SELECT key_id FROM sealing_key").query(String.class).single()).isEqualTo(secrets.keyId());
	}

	@Test
	void aNodeWithAnotherKeyIsRefusedBeforeItSealsAnything() throws Exception {
		MockEnvironment anotherNode = new MockEnvironment().withProperty(SecretsKeyConfiguration.KEY_PROPERTY,
				"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
		SealedSecrets another = new SecretsKeyConfiguration().sealedSecrets(anotherNode, platform, jdbc,
				Clock.systemUTC());
		assertThatThrownBy(() -> another.seal("JBSWY3DPEHPK3PXP", "totp/x"))
			.isInstanceOf(SecretsKeyConfiguration.SealingKeyMismatch.class).hasMessageContaining(secrets.keyId())
			.hasMessageContaining(another.keyId()).hasMessageContaining("SINGLEWINDOW_SECRETS_KEY");
		assertThat(jdbc.sql("SELECT key_id FROM sealing_key").query(String.class).single()).as("still the first")
			.isEqualTo(secrets.keyId());
		assertThatThrownBy(() -> new SecretsKeyConfiguration().sealedSecrets(
				new MockEnvironment().withProperty(SecretsKeyConfiguration.KEY_PROPERTY, "c2hvcnQ="), platform,
				jdbc, Clock.systemUTC())).as("not 32 bytes").hasMessageContaining("openssl rand -base64 32");
	}

	@Test
	void aStartWithANewKeyAndTheRecordedOneAsPreviousChangesTheKeyAndSealsEverySecretAfresh(@TempDir Path node)
			throws Exception {
		SealedColumn totp = columns.stream().filter(column -> column.column().equals("totp_pending_secret")).findFirst()
			.orElseThrow();
		transactions.executeWithoutResult(status -> {
			// Rolled back: the context's other tests go on with the first key.
			status.setRollbackOnly();
			List<Object> accounts = jdbc.sql("SELECT id FROM user_account ORDER BY id LIMIT 3").query().singleColumn();
			String sealed = secrets.seal("JBSWY3DPEHPK3PXP", totp.contextPrefix() + accounts.get(0));
			// The second account's value was sealed for the first one's row: it opens with neither key.
			jdbc.sql("UPDATE user_account SET totp_pending_secret = ? WHERE id IN (?, ?)")
				.params(sealed, accounts.get(0), accounts.get(1)).update();
			// The third one's is garbled (a damaged row): left as it is too, not a start that stops.
			jdbc.sql("UPDATE user_account SET totp_pending_secret = ? WHERE id = ?")
				.params("sealed:v1:" + secrets.keyId() + ":garbled!", accounts.get(2)).update();
			Map<String, Map<Object, String>> before = new HashMap<>();
			for (SealedColumn column : columns) {
				before.put(column.column(), stored(column));
			}
			// One node's way: mv secrets.key secrets.key.previous, and start (a new secrets.key is made).
			SealedSecrets changed = startWith(new MockEnvironment()
				.withProperty(SecretsKeyConfiguration.KEY_FILE_PROPERTY, node.resolve("secrets.key").toString())
				.withProperty(SecretsKeyConfiguration.PREVIOUS_KEY_FILE_PROPERTY,
						copy(platform.dataDir().resolve("secrets.key"), node.resolve("secrets.key.previous"))));
			assertThat(changed.keyId()).isNotEqualTo(secrets.keyId());
			assertThat(changed.previousKeyId()).isEqualTo(secrets.keyId());
			assertThat(jdbc.sql("SELECT key_id FROM sealing_key").query(String.class).single()).as("the record moved")
				.isEqualTo(changed.keyId());
			int opened = 0;
			for (SealedColumn column : columns) {
				Map<Object, String> after = stored(column);
				for (var row : before.get(column.column()).entrySet()) {
					String context = column.contextPrefix() + row.getKey();
					String secret = openable(row.getValue(), context);
					if (secret == null) {
						assertThat(after.get(row.getKey())).as("a value that did not open is left as it was")
							.isEqualTo(row.getValue());
						continue;
					}
					opened++;
					assertThat(after.get(row.getKey())).as("%s.%s", column.table(), column.column())
						.startsWith("sealed:v1:" + changed.keyId() + ":");
					assertThat(changed.open(after.get(row.getKey()), context)).isEqualTo(secret);
				}
			}
			assertThat(opened).isPositive();
			assertThat(before.get(totp.column()).get(accounts.get(1))).as("the one that does not open is among them")
				.isEqualTo(sealed);
			assertThat(stored(totp).get(accounts.get(1))).isEqualTo(sealed);
			assertThatThrownBy(() -> startWith(new MockEnvironment().withProperty(
					SecretsKeyConfiguration.KEY_FILE_PROPERTY, platform.dataDir().resolve("secrets.key").toString())))
				.as("a node left with the old key alone").isInstanceOf(SecretsKeyConfiguration.SealingKeyMismatch.class)
				.hasMessageContaining(changed.keyId());
		});
		assertThat(jdbc.sql("SELECT key_id FROM sealing_key").query(String.class).single()).isEqualTo(secrets.keyId());
	}

	@Test
	void aPreviousKeyThatIsNotTheRecordedOneChangesNothing() {
		assertThatThrownBy(() -> startWith(new MockEnvironment()
			.withProperty(SecretsKeyConfiguration.KEY_PROPERTY, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
			.withProperty(SecretsKeyConfiguration.PREVIOUS_KEY_PROPERTY,
					"HxwdHh8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRo=")))
			.isInstanceOf(SecretsKeyConfiguration.SealingKeyMismatch.class).hasMessageContaining(secrets.keyId())
			.hasMessageContaining("previous key");
		assertThat(jdbc.sql("SELECT key_id FROM sealing_key").query(String.class).single()).isEqualTo(secrets.keyId());
	}

	/** The column's values by their row's id. */
	private Map<Object, String> stored(SealedColumn column) {
		Map<Object, String> values = new HashMap<>();
		jdbc.sql("SELECT " + column.idColumn() + " AS id, " + column.column() + " AS stored FROM " + column.table()
				+ " WHERE " + column.column() + " IS NOT NULL").query()
			.listOfRows().forEach(row -> values.put(row.get("id"), (String) row.get("stored")));
		return values;
	}

	/** What {@code stored} holds with the context's key, or null when it does not open. */
	private String openable(String stored, String context) {
		try {
			return secrets.open(stored, context);
		} catch (IllegalStateException unopenable) {
			return null;
		}
	}

	/** A node's start with {@code environment}: its key, then the start's step on this database. */
	private SealedSecrets startWith(MockEnvironment environment) {
		try {
			SecretsKeyConfiguration configuration = new SecretsKeyConfiguration();
			SealedSecrets started = configuration.sealedSecrets(environment, platform, jdbc, Clock.systemUTC());
			configuration.secretsSealedAtStart(started, columns, jdbc, transactions).afterSingletonsInstantiated();
			return started;
		} catch (java.io.IOException unreadable) {
			throw new java.io.UncheckedIOException(unreadable);
		}
	}

	private static String copy(Path from, Path to) {
		try {
			return Files.copy(from, to).toString();
		} catch (java.io.IOException unreadable) {
			throw new java.io.UncheckedIOException(unreadable);
		}
	}
}
