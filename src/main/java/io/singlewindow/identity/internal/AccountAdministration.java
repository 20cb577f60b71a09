package io.singlewindow.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Cursor;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.identity.SecurityEventOccurred.Type;
import io.singlewindow.platform.BusinessTime;

/**
 * What administrators do with accounts — open officer accounts for an agency and administrator accounts, deactivate
 * and reactivate any account but their own, give one whose holder forgot the password a new first one — and what
 * everyone does with their own: change the password. An enterprise's administrator does the same to its operators'
 * accounts through {@link Operators}, with the same checks and steps. A
 * deactivation takes effect at once everywhere: the account's sessions are deleted from the shared session store
 * and its API keys revoked in the same step.
 */
@Component
class AccountAdministration {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Agencies agencies;
	private final ApiKeys keys;
	private final Sessions sessions;
	private final SecurityEvents events;
	private final PasswordEncoder encoder;
	private final BusinessTime time;

	AccountAdministration(JdbcClient jdbc, Accounts accounts, Agencies agencies, ApiKeys keys, Sessions sessions,
			SecurityEvents events, PasswordEncoder encoder, BusinessTime time) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.agencies = agencies;
		this.keys = keys;
		this.sessions = sessions;
		this.events = events;
		this.encoder = encoder;
		this.time = time;
	}

	/** An account as administrators see it in the list. */
	record AccountView(UUID id, String username, String displayName, Role role, String enterprise, String agency,
			boolean enabled, Instant createdAt, boolean demo, boolean enterpriseAdministrator, Instant lastLoginAt,
			boolean secondFactor) {
	}

	/** The columns {@link #view} reads, in its order. */
	private static final String VIEW_COLUMNS = """
			id, username, display_name, role, uscc, agency_code, enabled, created_at, demo, enterprise_administrator,
			last_login_at, totp_secret IS NOT NULL""";

	private static AccountView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AccountView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				Role.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBoolean(7),
				rs.getTimestamp(8).toInstant(), rs.getBoolean(9), rs.getBoolean(10),
				AccountStore.instant(rs, "last_login_at"), rs.getBoolean(12));
	}

	/** What an administrator fills in for a new officer or administrator. */
	record NewAccount(String username, String displayName, Role role, String agency, String password) {
	}

	/**
	 * What the administrator narrows the list of accounts to: a piece of the user name, the name or the enterprise's
	 * USCC (any case), and a role; {@literal null} or blank: any.
	 */
	record AccountSearch(String text, Role role) {

		static final AccountSearch ANY = new AccountSearch(null, null);

		private String like() {
			return io.singlewindow.core.LikePattern.containing(text);
		}
	}

	/** As many as the list answered whole before it was paged; the most a page holds. */
	static final int LISTED = PageRequest.MAX_LIMIT;

	/** The list's order: by role, then agency (none first), then user name, which is unique. */
	private static final String LISTED_BY = "role, COALESCE(agency_code, ''), username";

	/**
	 * One account of the zone, as the list shows it.
	 *
	 * @throws Problem 404 {@code ACCOUNT_NOT_FOUND}
	 */
	AccountView find(UUID id) {
		return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM user_account WHERE id = ?").param(id)
			.query(AccountAdministration::view).optional().orElseThrow(() -> Problem.notFound("ACCOUNT_NOT_FOUND", id));
	}

	/** One page of the zone's accounts after the cursor, in the list's order: keyset on it. */
	ListPage<AccountView> all(PageRequest page) {
		return all(AccountSearch.ANY, page);
	}

	/** One page of the accounts {@code search} finds after the cursor, in the list's order: keyset on it. */
	ListPage<AccountView> all(AccountSearch search, PageRequest page) {
		Cursor after = page.after();
		var query = jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM user_account"
				+ " WHERE (lower(username) LIKE :like OR lower(display_name) LIKE :like"
				+ " OR lower(COALESCE(uscc, '')) LIKE :like) AND (:role = '' OR role = :role)"
				+ (after == null ? "" : " AND (" + LISTED_BY + ") > (:lastRole, :agency, :username)") + " ORDER BY "
				+ LISTED_BY + " LIMIT :limit")
			.param("like", search.like())
			.param("role", search.role() == null ? "" : search.role().name())
			.param("limit", page.rows());
		if (after != null) {
			ListedAfter last = ListedAfter.of(after);
			query = query.param("lastRole", last.role()).param("agency", last.agency())
				.param("username", last.username());
		}
		return page.page(query.query(AccountAdministration::view).list(), ListedAfter::cursorOf);
	}

	/**
	 * Where a page of accounts ended: the last one's role, agency (none: empty) and user name; its creation only fills
	 * the cursor's time.
	 */
	private record ListedAfter(String role, String agency, String username) {

		static Cursor cursorOf(AccountView last) {
			return new Cursor(last.createdAt(),
					last.role().name() + ":" + (last.agency() == null ? "" : last.agency()) + ":" + last.username());
		}

		/** @throws Problem 422 {@code CURSOR_INVALID} at {@code cursor} for a key no page of this list handed out */
		static ListedAfter of(Cursor cursor) {
			String[] parts = cursor.key().split(":", 3);
			if (parts.length == 3 && !parts[2].isEmpty()
					&& java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(parts[0]))) {
				return new ListedAfter(parts[0], parts[1], parts[2]);
			}
			throw Problem.invalidField("cursor", "CURSOR_INVALID");
		}
	}

	/**
	 * Opens an officer account for an agency, or an administrator account.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless the actor is an administrator; 422 {@code INVALID_INPUT} with
	 *     {@code ROLE_NOT_ADMINISTERED} (traders and brokers come from business registration), {@code AGENCY_UNKNOWN},
	 *     the user-name and password rules
	 */
	@Transactional
	UUID open(Actor admin, NewAccount request, String clientAddress) {
		admin.requireRole(Role.ADMIN);
		Violations violations = new Violations();
		AgencyCode agency = null;
		if (request.role() == null) {
			violations.add("role", "REQUIRED");
		} else if (request.role() != Role.OFFICER && request.role() != Role.ADMIN) {
			violations.add("role", "ROLE_NOT_ADMINISTERED", request.role());
		} else if (request.role() == Role.OFFICER) {
			if (request.agency() == null || request.agency().isBlank()) {
				violations.add("agency", "REQUIRED");
			} else {
				agency = violations.read("agency", () -> new AgencyCode(request.agency().strip()));
				if (agency != null && agencies.find(agency).isEmpty()) {
					violations.add("agency", "AGENCY_UNKNOWN", request.agency());
					agency = null;
				}
			}
		}
		checkNewPerson(request.username(), request.displayName(), request.password(), violations);
		violations.throwIfAny();
		UUID id = accounts.open(request.username().strip(), request.password(), request.displayName().strip(),
				request.role(), null, request.role() == Role.OFFICER ? agency : null);
		// The administrator chose the first password and knows it: the officer chooses their own at the first login.
		jdbc.sql("UPDATE user_account SET password_change_required = TRUE WHERE id = ?").param(id).update();
		events.record(Type.ACCOUNT_CREATED, request.username().strip(), admin.username(), clientAddress,
				agency == null ? Map.of("role", request.role().name())
						: Map.of("role", request.role().name(), "agency", agency.value()));
		return id;
	}

	/**
	 * Deactivates an account: it can no longer log in, its sessions end on every node and its API keys are revoked.
	 *
	 * @throws Problem 404 {@code ACCOUNT_NOT_FOUND}; 409 {@code OWN_ACCOUNT} (an administrator cannot lock themselves
	 *     out — another administrator must)
	 */
	@Transactional
	void deactivate(Actor admin, UUID id, String clientAddress) {
		admin.requireRole(Role.ADMIN);
		String username = usernameOf(id);
		if (id.equals(admin.userId())) {
			throw Problem.conflict("OWN_ACCOUNT");
		}
		disable(id, username, admin, clientAddress, Map.of());
	}

	/** Lets a deactivated account log in again; its revoked API keys stay revoked. */
	@Transactional
	void reactivate(Actor admin, UUID id, String clientAddress) {
		admin.requireRole(Role.ADMIN);
		enable(id, usernameOf(id), admin, clientAddress, Map.of());
	}

	/**
	 * An administrator names a trader's or broker's account its enterprise's administrator, in place of whoever was
	 * (the last one left without handing over, or the enterprise asks at the service desk): one statement sets the
	 * account and clears every other account of the enterprise, so it never has two. Named again, nothing changes.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless an administrator; 404 {@code ACCOUNT_NOT_FOUND}; 409
	 *     {@code NOT_AN_ENTERPRISE_ACCOUNT} (an officer or administrator), {@code ACCOUNT_DEACTIVATED}
	 */
	@Transactional
	void nameEnterpriseAdministrator(Actor admin, UUID id, String clientAddress) {
		admin.requireRole(Role.ADMIN);
		AccountView account = jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM user_account WHERE id = ? FOR UPDATE")
			.param(id).query(AccountAdministration::view).optional()
			.orElseThrow(() -> Problem.notFound("ACCOUNT_NOT_FOUND", id));
		if (account.enterprise() == null) {
			throw Problem.conflict("NOT_AN_ENTERPRISE_ACCOUNT", account.username());
		}
		if (!account.enabled()) {
			throw Problem.conflict("ACCOUNT_DEACTIVATED", account.username());
		}
		if (account.enterpriseAdministrator()) {
			return;
		}
		grantEveryRight(id, account.username());
		jdbc.sql("""
				UPDATE user_account SET enterprise_administrator = (id = ?)
				WHERE uscc = ? AND role IN ('TRADER', 'BROKER')""").params(id, account.enterprise()).update();
		events.record(Type.ENTERPRISE_ADMINISTRATOR_HANDED_OVER, account.username(), admin.username(), clientAddress,
				Map.of("enterprise", account.enterprise(), "by", "ZONE_ADMINISTRATOR"));
	}

	/**
	 * Gives the account that is to be its enterprise's administrator every right (the administrator grants them, so
	 * holds them all); if it held fewer, its sessions end, so that it holds them at once.
	 */
	void grantEveryRight(UUID id, String username) {
		String[] every = java.util.Arrays.stream(OperatorRight.values()).map(OperatorRight::name).toArray(String[]::new);
		if (jdbc.sql("UPDATE user_account SET operator_rights = ?::text[] WHERE id = ? AND NOT operator_rights @> ?::text[]")
			.params(every, id, every).update() == 1) {
			sessions.end(username, null);
		}
		// A brokerage's administrator acts for every principal (each request reads this: no session to end).
		jdbc.sql("UPDATE user_account SET operator_principals = NULL WHERE id = ? AND operator_principals IS NOT NULL")
			.param(id).update();
	}

	/**
	 * An administrator gives an account whose holder forgot their password a new first one, to hand over: the
	 * holder's sessions end, and they choose their own at the next login ({@link FirstPasswordGate}).
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless an administrator; 404 {@code ACCOUNT_NOT_FOUND}; 409
	 *     {@code OWN_PASSWORD} (one's own is changed with the current one); 422 the password rules at {@code password}
	 */
	@Transactional
	void resetPassword(Actor admin, UUID id, String password, String clientAddress) {
		admin.requireRole(Role.ADMIN);
		String username = usernameOf(id);
		if (id.equals(admin.userId())) {
			throw Problem.conflict("OWN_PASSWORD");
		}
		reset(id, username, password, admin, clientAddress, Map.of());
	}

	/**
	 * Sets {@code password} as the account's first password: checked by the password rules, changed by its holder at
	 * the next login; its sessions end on every node. Its API keys stay, but reach nothing until the holder has chosen
	 * their own ({@link FirstPasswordGate}).
	 */
	void reset(UUID id, String username, String password, Actor by, String clientAddress, Map<String, String> details) {
		Violations violations = new Violations();
		accounts.checkPassword(username, password, "password", violations);
		violations.throwIfAny();
		jdbc.sql("""
				UPDATE user_account SET password_hash = ?, password_changed_at = ?, password_change_required = TRUE
				WHERE id = ?""")
			.params(encoder.encode(password), Timestamp.from(time.now()), id).update();
		int ended = sessions.end(username, null);
		Map<String, String> recorded = new java.util.LinkedHashMap<>(details);
		recorded.put("sessionsEnded", Integer.toString(ended));
		events.record(Type.PASSWORD_RESET, username, by.username(), clientAddress, recorded);
	}

	/**
	 * Records on {@code violations} what is wrong with a new person's user name, name and initial password: the user
	 * name's form and that nobody has it, a name of at most 100 characters, the {@link
	 * io.singlewindow.identity.PasswordPolicy}.
	 */
	void checkNewPerson(String username, String displayName, String password, Violations violations) {
		violations.required(displayName, "displayName");
		if (displayName != null && displayName.length() > 100) {
			violations.add("displayName", "SIZE", 100);
		}
		if (username == null || username.isBlank()) {
			violations.add("username", "REQUIRED");
		} else if (!Accounts.USERNAME.matcher(username.strip()).matches()) {
			violations.add("username", "USERNAME_FORMAT", username);
		} else if (accounts.isTaken(username.strip())) {
			violations.add("username", "USERNAME_TAKEN", username.strip());
		}
		accounts.checkPassword(username, password, "password", violations);
	}

	/**
	 * The account can no longer log in, at once: its sessions end on every node and its API keys are revoked; the
	 * security event names {@code by} and carries {@code details}.
	 */
	void disable(UUID id, String username, Actor by, String clientAddress, Map<String, String> details) {
		jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = ?").param(id).update();
		int revoked = keys.revokeAll(id);
		int ended = sessions.end(username, null);
		Map<String, String> recorded = new java.util.LinkedHashMap<>(details);
		recorded.put("apiKeysRevoked", Integer.toString(revoked));
		recorded.put("sessionsEnded", Integer.toString(ended));
		events.record(Type.ACCOUNT_DEACTIVATED, username, by.username(), clientAddress, recorded);
	}

	/** The account may log in again; its revoked API keys stay revoked. */
	void enable(UUID id, String username, Actor by, String clientAddress, Map<String, String> details) {
		jdbc.sql("UPDATE user_account SET enabled = TRUE WHERE id = ?").param(id).update();
		events.record(Type.ACCOUNT_REACTIVATED, username, by.username(), clientAddress, details);
	}

	/**
	 * Changes the actor's own password and ends their other sessions (someone who knew the old one is out).
	 *
	 * @param keepSession the session the change was made in, which stays
	 * @throws Problem 422 {@code INVALID_INPUT}: {@code PASSWORD_WRONG} on {@code currentPassword},
	 *     {@code PASSWORDS_DIFFER} on {@code repeatPassword}, the {@link io.singlewindow.identity.PasswordPolicy}
	 *     codes on {@code newPassword}
	 */
	@Transactional
	void changePassword(Actor actor, String currentPassword, String newPassword, String repeatPassword,
			String keepSession, String clientAddress) {
		String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE id = ?").param(actor.userId())
			.query(String.class).single();
		Violations violations = new Violations();
		if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
			violations.add("currentPassword", "PASSWORD_WRONG");
		}
		accounts.checkPassword(actor.username(), newPassword, "newPassword", violations);
		if (newPassword != null && !newPassword.equals(repeatPassword)) {
			violations.add("repeatPassword", "PASSWORDS_DIFFER");
		}
		violations.throwIfAny();
		jdbc.sql("""
				UPDATE user_account SET password_hash = ?, password_changed_at = ?, password_change_required = FALSE
				WHERE id = ?""")
			.params(encoder.encode(newPassword), Timestamp.from(time.now()), actor.userId())
			.update();
		int ended = sessions.end(actor.username(), keepSession);
		events.record(Type.PASSWORD_CHANGED, actor.username(), actor.username(), clientAddress,
				Map.of("otherSessionsEnded", Integer.toString(ended)));
	}

	/** Whether the account must still choose its own password (someone else chose its first one). */
	boolean passwordChangeRequired(UUID id) {
		return jdbc.sql("SELECT password_change_required FROM user_account WHERE id = ?").param(id)
			.query(Boolean.class).optional().orElse(false);
	}

	private String usernameOf(UUID id) {
		return jdbc.sql("SELECT username FROM user_account WHERE id = ?").param(id).query(String.class).optional()
			.orElseThrow(() -> Problem.notFound("ACCOUNT_NOT_FOUND", id));
	}
}
