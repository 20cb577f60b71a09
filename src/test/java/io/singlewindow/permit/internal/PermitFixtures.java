package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;

/** Test data of the permit module: fresh holders, actors and catalogue codes, so tests never share state. */
final class PermitFixtures {

	private PermitFixtures() {
	}

	/** A well-formed USCC nobody else uses (Xiamen region, random organisation code). */
	static Uscc anotherUscc() {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			body.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		String b = body.toString();
		return Uscc.issue("91350200" + b + Uscc.organisationCodeCheckOf(b));
	}

	/** A catalogue code nobody else uses. */
	static String aCatalogueCode(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
	}

	/**
	 * Registers an enterprise directly in the enterprise module's table: the only way a test can have an enterprise
	 * whose licence is, say, suspended, without the registration flow of another module.
	 */
	static Uscc anEnterprise(JdbcClient jdbc, String status) {
		Uscc uscc = anotherUscc();
		jdbc.sql("""
				INSERT INTO enterprise (id, uscc, name_zh, name_en, entity_type, legal_representative, registered_capital,
				    capital_currency, address, industrial_chain, status, registered_at)
				VALUES (?, ?, ?, ?, 'LIMITED_LIABILITY_COMPANY', '测试', ?, 'CNY', '厦门（测试）', 'OTHER', ?, ?)""")
			.params(UUID.randomUUID(), uscc.value(), "许可测试企业 " + uscc.value(), "Permit test " + uscc.value(),
					new BigDecimal("1000000"), status, Timestamp.from(Instant.now()))
			.update();
		return uscc;
	}

	static Actor aTraderOf(Uscc enterprise) {
		return new Actor(UUID.randomUUID(), "trader.test-" + enterprise.value(), "Test trader", Role.TRADER, enterprise,
				null, Set.of());
	}

	static Actor anOfficerOf(AgencyCode agency, String name) {
		return new Actor(UUID.randomUUID(), name, name, Role.OFFICER, null, agency, Set.of());
	}

	static Actor anAdmin() {
		return new Actor(UUID.randomUUID(), "admin.test", "Admin", Role.ADMIN, null, null, Set.of());
	}
}
