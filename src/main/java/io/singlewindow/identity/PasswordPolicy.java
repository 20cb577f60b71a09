package io.singlewindow.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Violations;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters (length beats complexity rules), at most
 * {@value #MAX_LENGTH} (bcrypt reads no further), not containing the user name, and not a common password — checked against the
 * shipped list of the 10,000 most common ones ({@code identity/common-passwords.txt}, see its NOTICE), after taking
 * away the digits and punctuation people add at either end ({@code Password1234!} is {@code password}).
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	public static final int MAX_LENGTH = 72;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("identity/common-passwords.txt");
	}

	/** Records on {@code field} why {@code password} may not be used by {@code username}; nothing if it may. */
	public void check(String username, String password, String field, Violations violations) {
		if (password == null || password.isEmpty()) {
			violations.add(field, "REQUIRED");
		} else if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			violations.add(field, "PASSWORD_TOO_SHORT", MIN_LENGTH);
		} else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
			violations.add(field, "SIZE", MAX_LENGTH);
		} else if (containsUsername(username, password)) {
			violations.add(field, "PASSWORD_CONTAINS_USERNAME");
		} else if (isCommon(password)) {
			violations.add(field, "PASSWORD_TOO_COMMON");
		}
	}

	/** The user name (case ignored) inside the password; names of one to three characters are no guide. */
	private static boolean containsUsername(String username, String password) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(name);
	}

	/**
	 * On the list as typed or once the digits and punctuation at either end are taken away; nothing but digits and
	 * punctuation; or at most three different characters ({@code aaaaaaaaaaaa}, {@code abcabcabcabc}).
	 */
	boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		String core = lower.replaceAll("^[\\p{Punct}\\d\\s]+|[\\p{Punct}\\d\\s]+$", "");
		return core.isEmpty() || common.contains(lower) || common.contains(core) || lower.chars().distinct().count() <= 3;
	}

	private static Set<String> load(String resource) {
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " missing from the classpath");
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
				.filter(line -> !line.isEmpty()).map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
