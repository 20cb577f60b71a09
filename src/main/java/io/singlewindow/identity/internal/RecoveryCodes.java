package io.singlewindow.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.MultiRowInsert;

/**
 * The recovery codes of a second factor (备用恢复码): ten random one-time codes a person keeps away from the phone, each
 * of which stands in once for the app's code — so a lost, broken or wiped phone does not need an administrator. They
 * are shown once, when made; only their hashes are kept ({@code second_factor_recovery_code}).
 */
@Component
class RecoveryCodes {

	/** How many a person is given at a time. */
	static final int COUNT = 10;

	/** So few left that the home page asks the person to make new ones (the second-factor page warns too). */
	static final int FEW = 2;

	/** Letters and digits a person reads back without confusing them (no 0/o, 1/l/i). */
	static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

	/** Characters of a code, shown as two groups of five. */
	static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A sheet's codes in one statement. */
	private static final MultiRowInsert SHEET = new MultiRowInsert("second_factor_recovery_code",
			List.of("account_id uuid", "code_hash text", "made_at timestamptz"), "");

	private final JdbcClient jdbc;
	private final BusinessTime time;

	RecoveryCodes(JdbcClient jdbc, BusinessTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/** New codes for the account, replacing any it had (used or not); the only time they are seen. */
	List<String> make(UUID account) {
		forget(account);
		List<String> codes = new ArrayList<>(COUNT);
		while (codes.size() < COUNT) {
			String code = newCode();
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		Instant now = time.now();
		SHEET.write(jdbc, codes.stream().map(code -> new Object[] { account, hash(account, code), now }).toList());
		return codes.stream().map(code -> code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2)).toList();
	}

	/**
	 * Whether {@code typed} is one of the account's recovery codes not used before — and if so it is used now, once:
	 * of two logins with the same code, one succeeds. Case, spaces and the dash do not matter.
	 */
	boolean use(UUID account, String typed) {
		String code = normalise(typed);
		return code != null && jdbc.sql("""
				UPDATE second_factor_recovery_code SET used_at = ?
				WHERE account_id = ? AND code_hash = ? AND used_at IS NULL""")
			.params(Timestamp.from(time.now()), account, hash(account, code)).update() == 1;
	}

	/**
	 * How many of the account's codes are still unused, or null when it was never given any (a second factor turned
	 * on before they existed has none).
	 */
	Integer left(UUID account) {
		return jdbc.sql("""
				SELECT CASE WHEN count(*) = 0 THEN NULL ELSE count(*) FILTER (WHERE used_at IS NULL) END
				FROM second_factor_recovery_code WHERE account_id = ?""")
			.param(account).query(Integer.class).single();
	}

	/** The account's codes are gone, with the second factor they belonged to. */
	void forget(UUID account) {
		jdbc.sql("DELETE FROM second_factor_recovery_code WHERE account_id = ?").param(account).update();
	}

	/** {@code typed} as the code it would be, or null when it cannot be one (a six-digit app code, for one). */
	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		String code = typed.replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);
		return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : null;
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	private static String hash(UUID account, String code) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest((account + ":" + code).getBytes(StandardCharsets.US_ASCII)));
		} catch (NoSuchAlgorithmException impossible) {
			// Every Java runtime has SHA-256 (the Java Security Standard Algorithm Names require it).
			throw new IllegalStateException(impossible);
		}
	}
}
