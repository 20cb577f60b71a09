package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.SealedSecrets;

/**
 * Every node seals with one key: the first start makes a key file in the data directory (its owner's only) and the
 * database records that key's id; a node that brings another key is refused before it seals or opens anything, and
 * the record stays the first key's.
 */
@SingleWindowIntegrationTest
class SealingKeyIntegrationTests {

	@Autowired
	SealedSecrets secrets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformProperties platform;


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
}
