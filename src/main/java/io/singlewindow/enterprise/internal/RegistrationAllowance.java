package io.singlewindow.enterprise.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Problem;
import io.singlewindow.platform.BusinessTime;

/**
 * How many enterprises one client address may register in an hour. Registration needs no login, and each one hashes
 * a password, opens an account, writes a licence and gives every node's reference data a new revision: without a
 * limit, one anonymous loop could spend the platform's CPU and fill its tables. The hour is a fixed window that starts
 * with an address's first registration; the count is taken in the registration's transaction (its row locked until
 * the commit, so concurrent registrations from one address count exactly), and a registration refused or rolled back
 * for any reason counts nothing.
 */
@Component
class RegistrationAllowance {

	static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final BusinessTime time;
	private final int perHour;
	private final Set<String> unlimited;

	RegistrationAllowance(JdbcClient jdbc, BusinessTime time, RegistrationProperties properties) {
		this.jdbc = jdbc;
		this.time = time;
		this.perHour = properties.registrationsPerAddressPerHour();
		this.unlimited = Set.copyOf(properties.unlimitedRegistrationAddresses());
	}

	/**
	 * Counts one registration from {@code address}.
	 *
	 * @throws Problem 429 {@code TOO_MANY_REGISTRATIONS} with the seconds until the address's hour ends, when it has
	 *     registered its allowance already
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void take(String address) {
		if (unlimited.contains(address)) {
			return;
		}
		Instant now = time.now();
		Timestamp windowEnded = Timestamp.from(now.minus(WINDOW));
		// Addresses whose hour is over are forgotten, this one's included: the table holds the running hours only, and
		// a row that is still there counts on.
		jdbc.sql("DELETE FROM registration_allowance WHERE window_started_at <= ?").param(windowEnded).update();
		var counted = jdbc.sql("""
				INSERT INTO registration_allowance (client_address, window_started_at, registrations) VALUES (?, ?, 1)
				ON CONFLICT (client_address) DO UPDATE SET registrations = registration_allowance.registrations + 1
				RETURNING registrations, window_started_at""")
			.params(address, Timestamp.from(now))
			.query((rs, i) -> new Counted(rs.getInt(1), rs.getTimestamp(2).toInstant()))
			.single();
		if (counted.registrations() > perHour) {
			Duration left = Duration.between(now, counted.windowStarted().plus(WINDOW));
			// A clock set back never makes the wait longer than the window.
			throw Problem.tooManyRequests("TOO_MANY_REGISTRATIONS", left.compareTo(WINDOW) > 0 ? WINDOW : left);
		}
	}

	private record Counted(int registrations, Instant windowStarted) {
	}
}
