package io.singlewindow.enterprise.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Uscc;

/**
 * Issues new Unified Social Credit Codes: {@code 9} (market regulation), the entity type's character, the region
 * code, an eight-character organisation-code body {@code MA} + six characters of a PostgreSQL sequence written in the
 * USCC alphabet (base 31), its GB 11714 check character, and the USCC check character. The sequence makes codes
 * unique across every app node; the database's unique constraint on {@code enterprise.uscc} guards what the
 * sequence cannot (a code recorded by hand that happens to equal an issued one).
 */
@Component
class UsccIssuer {

	static final char MARKET_REGULATION = '9';
	private static final int SERIAL_LENGTH = 6;
	private static final long SERIAL_CAPACITY = (long) Math.pow(31, SERIAL_LENGTH);

	private final JdbcClient jdbc;
	private final RegistrationProperties properties;

	UsccIssuer(JdbcClient jdbc, RegistrationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** A code no enterprise holds yet, for an entity of {@code type}. */
	Uscc issue(EntityType type) {
		while (true) {
			long serial = jdbc.sql("SELECT nextval('organisation_code_seq')").query(Long.class).single();
			Uscc uscc = compose(MARKET_REGULATION, type.usccType(), properties.regionCode(), serial);
			boolean taken = jdbc.sql("SELECT count(*) FROM enterprise WHERE uscc = ?").param(uscc.value())
				.query(Long.class).single() > 0;
			if (!taken) {
				return uscc;
			}
		}
	}

	/**
	 * The code for one serial number.
	 *
	 * @throws IllegalArgumentException when {@code serial} does not fit six base-31 characters
	 */
	static Uscc compose(char authority, char entityType, String regionCode, long serial) {
		String body = "MA" + base31(serial);
		return Uscc.issue("" + authority + entityType + regionCode + body + Uscc.organisationCodeCheckOf(body));
	}

	static String base31(long serial) {
		if (serial < 0 || serial >= SERIAL_CAPACITY) {
			throw new IllegalArgumentException("serial out of range: " + serial);
		}
		char[] chars = new char[SERIAL_LENGTH];
		long rest = serial;
		for (int i = SERIAL_LENGTH - 1; i >= 0; i--) {
			chars[i] = Uscc.ALPHABET.charAt((int) (rest % 31));
			rest /= 31;
		}
		return new String(chars);
	}
}
