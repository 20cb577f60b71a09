package io.singlewindow.enterprise;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.core.Uscc;

/** The demo enterprises seeded on first start, by a short name, and enterprises made in numbers for lists' tests. */
public final class EnterpriseFixtures {

	private EnterpriseFixtures() {
	}

	/** @param shortName CHIP, COFFEE, TUNGSTEN, BIO or BROKER */
	public static Uscc demo(String shortName) {
		String body = switch (shortName) {
			case "CHIP" -> "MA31C001";
			case "COFFEE" -> "MA31C002";
			case "TUNGSTEN" -> "MA31C003";
			case "BIO" -> "MA31C004";
			case "BROKER" -> "MA31C005";
			default -> throw new IllegalArgumentException(shortName);
		};
		return Uscc.issue("91350200" + body + Uscc.organisationCodeCheckOf(body));
	}

	/**
	 * {@code count} active enterprises whose names all contain {@code name} (both languages), written straight into
	 * the enterprise module's table: a list's test needs more of them than a registration a second allows.
	 */
	public static List<Uscc> namedAlike(JdbcClient jdbc, String name, int count) {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		List<Uscc> made = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			StringBuilder body = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				body.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
			}
			Uscc uscc = Uscc.issue("91350200" + body + Uscc.organisationCodeCheckOf(body.toString()));
			jdbc.sql("""
					INSERT INTO enterprise (id, uscc, name_zh, name_en, entity_type, legal_representative,
					    registered_capital, capital_currency, address, industrial_chain, status, registered_at)
					VALUES (?, ?, ?, ?, 'LIMITED_LIABILITY_COMPANY', '测试', ?, 'CNY', '厦门（测试）', 'OTHER', 'ACTIVE', ?)""")
				.params(UUID.randomUUID(), uscc.value(), name + " 企业 " + n, name + " enterprise " + n,
						new BigDecimal("1000000"), Timestamp.from(Instant.now()))
				.update();
			made.add(uscc);
		}
		return made;
	}
}
