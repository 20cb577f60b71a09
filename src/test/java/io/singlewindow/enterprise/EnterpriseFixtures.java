package io.singlewindow.enterprise;

import io.singlewindow.core.Uscc;

/** The demo enterprises seeded on first start, by a short name. */
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
}
