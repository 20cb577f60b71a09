package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.ScratchDatabase;
import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Migration {@code V12_0_2} on declarations stored before it: each was keyed by its client reference, so that stays its
 * key and a retry of it is still met under the key; one without a key (auto) gets none. Runs in a database of its own
 * on the tests' server.
 */
@SingleWindowIntegrationTest
class DeclarationKeyMigrationIntegrationTests {

	@Autowired
	DataSource server;

	@Test
	void declarationsStoredBeforeKeepTheirReferenceAsTheirKey() throws Exception {
		try (ScratchDatabase database = new ScratchDatabase(server, "declaration_key").migrate("12.0.1")) {
			JdbcClient sql = database.sql();
			insert(sql, "XM2026120300000001", "PO-7790");
			insert(sql, "XM2026120300000002", "auto:" + UUID.randomUUID());

			database.migrate(null);

			assertThat(sql.sql("SELECT idempotency_key FROM declaration WHERE number = 'XM2026120300000001'")
				.query(String.class).single()).isEqualTo("PO-7790");
			assertThat(sql.sql("SELECT count(*) FROM declaration WHERE number = 'XM2026120300000002' "
					+ "AND idempotency_key IS NULL").query(Long.class).single()).isEqualTo(1);
			// The key is unique under the declarant: a new declaration under it meets the old one.
			assertThatThrownBy(() -> sql.sql("UPDATE declaration SET idempotency_key = 'PO-7790' "
					+ "WHERE number = 'XM2026120300000002'").update()).isInstanceOf(DuplicateKeyException.class);
		}
	}

	private static void insert(JdbcClient sql, String number, String reference) {
		sql.sql("""
				INSERT INTO declaration (id, number, declarant, client_reference, request_hash, flow, trade_mode,
				    transport_mode, port, origin_country, destination_country, trading_country, currency, incoterm,
				    packages, gross_weight, net_weight, consignor, consignee, status, submitted_by, submitted_at,
				    updated_at)
				VALUES (?, ?, '91350200MA2XN0T85X', ?, 'hash', 'IMPORT', '0110', '2', 'CNXMN', 'US', 'CN', 'US', 'USD',
				    'CIF', 1, 12, 10, 'Consignor', 'Consignee', 'CLEARED', 'trader.chip', now(), now())""")
			.params(UUID.randomUUID(), number, reference).update();
	}
}
