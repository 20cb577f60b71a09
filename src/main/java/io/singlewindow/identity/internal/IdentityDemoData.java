package io.singlewindow.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.Agency;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.ConditionalOnDemoData;

/**
 * Demo accounts: one officer per agency ({@code officer.customs}, {@code officer.ciq}, …) and an administrator
 * ({@code admin}), all with password {@value #DEMO_PASSWORD}; then a known API key {@code sw-demo-<username>} for
 * every demo account (including the traders and the broker created by the enterprise module), so that a new user
 * can call the API at once. Printed to the log on every start while they exist.
 */
@Component
@Order(20)
@ConditionalOnDemoData
class IdentityDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);
	static final String DEMO_PASSWORD = "demo12345";

	private final Accounts accounts;
	private final Agencies agencies;
	private final ApiKeys keys;
	private final JdbcClient jdbc;
	private final Environment environment;

	IdentityDemoData(Accounts accounts, Agencies agencies, ApiKeys keys, JdbcClient jdbc, Environment environment) {
		this.accounts = accounts;
		this.agencies = agencies;
		this.keys = keys;
		this.jdbc = jdbc;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (Agency agency : agencies.all()) {
			String username = "officer." + agency.code().value().toLowerCase(java.util.Locale.ROOT);
			if (!accounts.isTaken(username)) {
				accounts.openDemo(username, DEMO_PASSWORD, agency.nameZh() + "审单员", Role.OFFICER, null, agency.code());
			}
		}
		if (!accounts.isTaken("admin")) {
			accounts.openDemo("admin", DEMO_PASSWORD, "自贸区管理员", Role.ADMIN, null, null);
		}
		List<String> lines = new ArrayList<>();
		// Every account opened by a demo loader (never a registered one) gets its known key once.
		List<Object[]> demoAccounts = jdbc.sql("""
				SELECT u.id, u.username, u.role, coalesce(u.uscc, u.agency_code, '') FROM user_account u
				WHERE u.demo
				ORDER BY u.role, u.username""")
			.query((rs, i) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
		for (Object[] account : demoAccounts) {
			String username = (String) account[1];
			String key = "sw-demo-" + username;
			if (keys.ownerOf(key).isEmpty()) {
				keys.store((UUID) account[0], "demo key", key, "sw-demo", null);
			}
			lines.add(String.format("  %-8s %-18s %-20s api-key=%s", account[2], username, account[3], key));
		}
		log.info("event=demo_accounts password={} accounts=\n{}", DEMO_PASSWORD, String.join("\n", lines));
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		log.info("event=ready url=http://localhost:{}/ login=trader.chip/{} swagger=http://localhost:{}/swagger-ui.html",
				port, DEMO_PASSWORD, port);
	}
}
