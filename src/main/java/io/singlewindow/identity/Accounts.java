package io.singlewindow.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.internal.Sessions;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.DemoData;

/**
 * Creates user accounts and broker authorisations. Other modules call it when their own data creates a person who
 * must log in — e.g. business registration opens the applicant's trader account from the same application, so the
 * applicant is never asked again.
 */
@Component
public class Accounts {

	/** 3 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit. */
	public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final BusinessTime time;
	private final PasswordPolicy policy;
	private final DemoData demoData;
	private final Sessions sessions;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, BusinessTime time, PasswordPolicy policy, DemoData demoData,
			Sessions sessions) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.time = time;
		this.policy = policy;
		this.demoData = demoData;
	}

	/**
	 * Opens an account. Joins the caller's transaction, so a rejected registration leaves no account behind.
	 *
	 * @param enterprise the enterprise of a trader or broker, else {@literal null}
	 * @param agency the agency of an officer, else {@literal null}
	 * @throws Problem 422 {@code INVALID_INPUT}: {@code USERNAME_FORMAT} or {@code USERNAME_TAKEN} on field
	 *     {@code username}; a {@link PasswordPolicy} code on field {@code password}
	 */
	@Transactional
	public UUID open(String username, String rawPassword, String displayName, Role role, Uscc enterprise,
			AgencyCode agency) {
		Violations violations = new Violations();
		checkUsername(username, violations);
		policy.check(username, rawPassword, "password", violations);
		violations.throwIfAny();
		// A trader's or broker's account opened here is its enterprise's first: registration opens it, and it is the
		// enterprise's administrator, who opens its operators' accounts (openOperator).
		return insert(username.strip(), rawPassword, displayName, role, enterprise, agency, false, enterprise != null,
				null, OperatorRight.all());
	}

	/**
	 * Opens an operator's account (操作员) for the enterprise of its administrator {@code by}: a trader's or broker's,
	 * as the administrator's own, acting for the same enterprise, but not its administrator; its first password, which
	 * the administrator chose, is changed at the first login; it may change for the enterprise what {@code rights}
	 * allow. The caller checked the user name, password and rights.
	 */
	@Transactional
	public UUID openOperator(String username, String rawPassword, String displayName, Role role, Uscc enterprise,
			String by, Set<OperatorRight> rights) {
		if (role != Role.TRADER && role != Role.BROKER) {
			throw new IllegalArgumentException("an operator declares for an enterprise: " + role);
		}
		return insert(username.strip(), rawPassword, displayName, role, enterprise, null, false, false, by, rights);
	}

	/**
	 * Opens a demo account with the published demo password, which the {@link PasswordPolicy} would refuse. Only the
	 * demo-data loaders call it, and only while {@link DemoData#isOn()}.
	 *
	 * @throws IllegalStateException when demo data is off: no well-known password ever reaches a real install
	 */
	@Transactional
	public UUID openDemo(String username, String demoPassword, String displayName, Role role, Uscc enterprise,
			AgencyCode agency) {
		if (!demoData.isOn()) {
			throw new IllegalStateException("demo accounts only while demo data is on");
		}
		return insert(username, demoPassword, displayName, role, enterprise, agency, true, enterprise != null, null,
				OperatorRight.all());
	}

	private UUID insert(String username, String rawPassword, String displayName, Role role, Uscc enterprise,
			AgencyCode agency, boolean demo, boolean enterpriseAdministrator, String openedBy,
			Set<OperatorRight> rights) {
		if (isTaken(username)) {
			throw Problem.invalidField("username", "USERNAME_TAKEN", username);
		}
		UUID id = UUID.randomUUID();
		Instant now = time.now();
		// The check above reads committed rows: two accounts opened under one name at one instant both pass it, and
		// the second insert waits on the name's unique index (whatever its case) for the first to commit, then is
		// taken as the check would have taken it, nothing of its transaction kept.
		int opened = jdbc.sql("""
				INSERT INTO user_account (id, username, password_hash, display_name, role, uscc, agency_code, created_at,
				    password_changed_at, demo, enterprise_administrator, opened_by, password_change_required,
				    operator_rights)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[]) ON CONFLICT DO NOTHING""")
			.params(id, username, passwords.encode(rawPassword), displayName, role.name(),
					enterprise == null ? null : enterprise.value(), agency == null ? null : agency.value(),
					java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), demo, enterpriseAdministrator, openedBy,
					// an operator's first password is its administrator's choice: changed at the first login
					openedBy != null, rights.stream().sorted().map(OperatorRight::name).toArray(String[]::new))
			.update();
		if (opened == 0) {
			throw Problem.invalidField("username", "USERNAME_TAKEN", username);
		}
		return id;
	}

	/** Records on {@code field} why {@code password} may not be used by {@code username} (see {@link PasswordPolicy}). */
	public void checkPassword(String username, String password, String field, Violations violations) {
		policy.check(username, password, field, violations);
	}

	private void checkUsername(String username, Violations violations) {
		if (username == null || username.isBlank()) {
			violations.add("username", "REQUIRED");
		} else if (!USERNAME.matcher(username.strip()).matches()) {
			violations.add("username", "USERNAME_FORMAT", username);
		} else if (isTaken(username.strip())) {
			violations.add("username", "USERNAME_TAKEN", username.strip());
		}
	}

	public boolean isTaken(String username) {
		return jdbc.sql("SELECT count(*) FROM user_account WHERE lower(username) = lower(?)").param(username)
			.query(Long.class).single() > 0;
	}

	/**
	 * Lets {@code broker} act for {@code principal} from now on, through {@code validUntil} (its last day; null: until
	 * revoked). Grants afresh an authorisation revoked or run out before.
	 */
	@Transactional
	public void authoriseBroker(Uscc principal, Uscc broker, java.time.LocalDate validUntil) {
		Instant now = time.now();
		jdbc.sql("""
				INSERT INTO broker_authorisation (broker_uscc, principal_uscc, granted_at, valid_until) VALUES (?, ?, ?, ?)
				ON CONFLICT (broker_uscc, principal_uscc) DO UPDATE SET granted_at = excluded.granted_at,
				    valid_until = excluded.valid_until, revoked_at = NULL""")
			.params(broker.value(), principal.value(), java.sql.Timestamp.from(now), validUntil)
			.update();
	}

	/**
	 * Ends {@code broker}'s authority for {@code principal}; takes effect on the broker's next request.
	 *
	 * @return whether it held one
	 */
	@Transactional
	public boolean revokeBroker(Uscc principal, Uscc broker) {
		return jdbc.sql("UPDATE broker_authorisation SET revoked_at = ? WHERE broker_uscc = ? AND principal_uscc = ? AND revoked_at IS NULL")
			.params(java.sql.Timestamp.from(time.now()), broker.value(), principal.value())
			.update() == 1;
	}

	/** Disables or re-enables every account of an enterprise (e.g. when its licence is revoked). */
	@Transactional
	public void enableEnterpriseAccounts(Uscc enterprise, boolean enabled) {
		List<String> usernames = jdbc.sql("UPDATE user_account SET enabled = ? WHERE uscc = ? RETURNING username")
			.params(enabled, enterprise.value())
			.query(String.class)
			.list();
		if (!enabled) {
			// A page session keeps its login until it ends: a revoked enterprise's people would go on trading through
			// the pages. Sessions are in the database, so this ends them on every node at once.
			usernames.forEach(username -> sessions.end(username, null));
		}
	}

	public Optional<UUID> findId(String username) {
		return jdbc.sql("SELECT id FROM user_account WHERE lower(username) = lower(?)").param(username)
			.query(UUID.class).optional();
	}
}
