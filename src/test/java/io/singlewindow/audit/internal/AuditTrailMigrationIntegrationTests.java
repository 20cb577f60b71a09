package io.singlewindow.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.ScratchDatabase;
import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Migration {@code V11_7_1} on a trail written before it: sealed rows stay where they were (and still verify),
 * rows still waiting for their seal move to the table of unsealed rows, and new ids go on after every id drawn before,
 * also after ids that rolled-back decisions had drawn. Runs in a database of its own on the tests' server.
 */
@SingleWindowIntegrationTest
class AuditTrailMigrationIntegrationTests {

	@Autowired
	DataSource server;

	@Test
	void rowsWaitingForTheirSealMoveAndNewIdsGoOnAfterEveryIdDrawnBefore() throws Exception {
		try (ScratchDatabase database = new ScratchDatabase(server, "audit_migration").migrate("11.6.1")) {
			JdbcClient sql = database.sql();
			String genesis = AuditChain.GENESIS;
			sql.sql("""
					INSERT INTO audit_entry (occurred_at, actor_name, actor_role, action, subject_type, subject_id,
					    after_state)
					VALUES ('2026-11-01T08:00:00Z', 'officer.samr', 'OFFICER', 'LICENCE_SUSPENDED', 'LICENCE', 'A',
					        '{"status": "SUSPENDED"}'),
					       ('2026-11-01T08:00:01Z', 'officer.samr', 'OFFICER', 'LICENCE_REINSTATED', 'LICENCE', 'A',
					        '{"status": "ACTIVE"}')""").update();
			AuditEntry first = sql.sql("SELECT " + AuditEntries.COLUMNS + " FROM audit_entry ORDER BY id LIMIT 1")
				.query(AuditEntries::map).single();
			String hash = AuditChain.hash(genesis, first, 1);
			sql.sql("UPDATE audit_entry SET chain_position = 1, previous_hash = ?, hash = ?, sealed_at = now() WHERE id = ?")
				.params(genesis, hash, first.id()).update();
			sql.sql("UPDATE audit_chain_head SET chain_position = 1, hash = ?").param(hash).update();
			// Ids drawn by decisions that rolled back: never to be drawn again.
			long lastDrawn = sql.sql("SELECT max(nextval(pg_get_serial_sequence('audit_entry', 'id'))) FROM generate_series(1, 5)")
				.query(Long.class).single();

			database.migrate(null);

			assertThat(sql.sql("SELECT id FROM audit_entry_sealed").query(Long.class).list())
				.containsExactly(first.id());
			assertThat(sql.sql("SELECT action FROM audit_entry_unsealed").query(String.class).list())
				.containsExactly("LICENCE_REINSTATED");
			assertThat(sql.sql("SELECT count(*) FROM audit_entry").query(Long.class).single()).isEqualTo(2);
			AuditEntry sealed = sql.sql("SELECT " + AuditEntries.COLUMNS + " FROM audit_entry WHERE chain_position = 1")
				.query(AuditEntries::map).single();
			assertThat(sealed.hash()).isEqualTo(AuditChain.hash(genesis, sealed, 1)).isEqualTo(hash);
			sql.sql("""
					INSERT INTO audit_entry_unsealed (occurred_at, actor_name, actor_role, action, subject_type,
					    subject_id)
					VALUES (now(), 'admin', 'ADMIN', 'EXCHANGE_RATE_SET', 'EXCHANGE_RATE', 'USD/2026-12')""").update();
			assertThat(sql.sql("SELECT max(id) FROM audit_entry_unsealed").query(Long.class).single())
				.isGreaterThan(lastDrawn);
		}
	}
}
