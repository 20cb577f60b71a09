package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.ScratchDatabase;
import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Migrations {@code V12_1_3} and {@code V12_1_4} on accounts stored before them: every trader's or broker's account
 * was the one its enterprise's registration opened, so it becomes the enterprise's administrator; an officer still on
 * the first password the zone's administrators chose must choose their own; nobody who chose theirs, no demo account
 * and no administrator (one set up by its holder cannot be told from one opened by another) is sent to do so. Runs in
 * a database of its own on the tests' server.
 */
@SingleWindowIntegrationTest
class AccountMigrationIntegrationTests {

	@Autowired
	DataSource server;

	@Test
	void tradersBecomeTheirEnterprisesAdministratorsAndOfficersOnTheirFirstPasswordChooseTheirOwn() throws Exception {
		try (ScratchDatabase database = new ScratchDatabase(server, "account_roles").migrate("12.1.2")) {
			JdbcClient sql = database.sql();
			insert(sql, "trader.old", "TRADER", "91350200MA2XN0T85X", null, false, false);
			insert(sql, "broker.old", "BROKER", "91350200MA31C00050", null, false, false);
			insert(sql, "officer.first", "OFFICER", null, "CUSTOMS", false, false);
			insert(sql, "officer.changed", "OFFICER", null, "CIQ", true, false);
			insert(sql, "officer.demo", "OFFICER", null, "MSA", false, true);
			insert(sql, "admin.old", "ADMIN", null, null, false, false);

			database.migrate(null);

			Map<String, String> accounts = sql.sql("""
					SELECT username, enterprise_administrator || ' ' || password_change_required AS flags
					FROM user_account""").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			assertThat(accounts).containsExactlyInAnyOrderEntriesOf(Map.of("trader.old", "true false", "broker.old",
					"true false", "officer.first", "false true", "officer.changed", "false false", "officer.demo",
					"false false", "admin.old", "false false"));
		}
	}

	private static void insert(JdbcClient sql, String username, String role, String uscc, String agency,
			boolean changedSince, boolean demo) {
		sql.sql("""
				INSERT INTO user_account (id, username, password_hash, display_name, role, uscc, agency_code, created_at,
				    password_changed_at, demo)
				VALUES (?, ?, 'hash', ?, ?, ?, ?, now() - interval '3 days',
				    CASE WHEN ? THEN now() ELSE now() - interval '3 days' END, ?)""")
			.params(UUID.randomUUID(), username, username, role, uscc, agency, changedSince, demo).update();
	}
}
