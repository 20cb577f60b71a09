package io.singlewindow.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.identity.SecurityEventOccurred.Type;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.SealedColumn;
import io.singlewindow.platform.SealedSecrets;
import io.singlewindow.platform.TransactionLock;

/**
 * A person's second factor at login (动态口令): an authenticator app's one-time codes ({@link Totp}). The person turns
 * it on for their own account — a secret shown once as a QR code, confirmed with a code the app then shows, so that
 * nobody is locked out by a scan that failed — and off with a current code; the zone's administrators take it off an
 * account whose phone was lost (its holder turns it on again). A code is accepted once: the step of the last one
 * accepted is kept, and no code of that step or before is accepted again. The zone's administrators may require it
 * of whole roles ({@link #require}): such an account without one is led to turn it on ({@link SecondFactorGate}).
 * Turned on, the person is given {@link RecoveryCodes}: each stands in once for the app's code. The key is stored
 * sealed ({@link SealedSecrets}): the apps need it itself, so it cannot be hashed as a password is.
 */
@Component
class SecondFactors {

	private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

	/** The issuer the apps show beside the account's name. */
	static final String ISSUER = "Single Window";

	private final JdbcClient jdbc;
	private final BusinessTime time;
	private final Sessions sessions;
	private final SecurityEvents events;
	private final RecoveryCodes recoveryCodes;
	private final SealedSecrets secrets;

	SecondFactors(JdbcClient jdbc, BusinessTime time, Sessions sessions, SecurityEvents events,
			RecoveryCodes recoveryCodes, SealedSecrets secrets) {
		this.jdbc = jdbc;
		this.time = time;
		this.sessions = sessions;
		this.events = events;
		this.recoveryCodes = recoveryCodes;
		this.secrets = secrets;
	}

	/**
	 * Where an account's key is sealed for ({@link SealedSecrets}): both columns, as confirming moves the pending key
	 * into place unchanged.
	 */
	static String sealedFor(UUID account) {
		return SEALED_FOR + account;
	}

	static final String SEALED_FOR = "totp/";

	/** The two columns of a second factor's key, sealed at start where stored before sealing. */
	@Configuration(proxyBeanMethods = false)
	static class Sealed {

		@Bean
		SealedColumn secondFactorKey() {
			return new SealedColumn("user_account", "id", "totp_secret", SEALED_FOR);
		}

		@Bean
		SealedColumn pendingSecondFactorKey() {
			return new SealedColumn("user_account", "id", "totp_pending_secret", SEALED_FOR);
		}
	}

	/**
	 * An account's second factor: on since {@code enabledAt} (null: off), and the secret of an enrolment begun and not
	 * yet confirmed (null: none), {@code pendingStored} as stored (sealed), which a conditional update compares.
	 */
	record Status(Instant enabledAt, String pendingSecret, String pendingStored) {

		boolean enabled() {
			return enabledAt != null;
		}
	}

	Status status(UUID account) {
		return jdbc.sql("SELECT totp_enabled_at, totp_pending_secret FROM user_account WHERE id = ?").param(account)
			.query((rs, row) -> new Status(AccountStore.instant(rs, "totp_enabled_at"),
					opened(rs.getString(2), account), rs.getString(2)))
			.optional().orElseThrow(() -> Problem.notFound("ACCOUNT_NOT_FOUND", account));
	}

	/**
	 * Begins turning the second factor on: a new secret to scan, which stays pending until confirmed (beginning again
	 * replaces it: a secret seen by someone else is never confirmed).
	 *
	 * @throws Problem 409 {@code SECOND_FACTOR_ON} when it is on already
	 */
	@Transactional
	String begin(Actor actor) {
		requireOff(actor.userId());
		String secret = Totp.newSecret();
		jdbc.sql("UPDATE user_account SET totp_pending_secret = ? WHERE id = ?")
			.params(secrets.seal(secret, sealedFor(actor.userId())), actor.userId()).update();
		return secret;
	}

	/**
	 * Turns the second factor on with a code the app shows for the pending secret; the person's other sessions end
	 * (they were opened with the password alone). Returns its {@link RecoveryCodes}, to be shown this once.
	 *
	 * @throws Problem 409 {@code SECOND_FACTOR_ON}, {@code SECOND_FACTOR_NOT_BEGUN}; 422 at {@code code}:
	 *     {@code REQUIRED}, {@code CODE_WRONG}
	 */
	@Transactional
	List<String> confirm(Actor actor, String code, String keepSession, String clientAddress) {
		Status status = requireOff(actor.userId());
		if (status.pendingSecret() == null) {
			throw Problem.conflict("SECOND_FACTOR_NOT_BEGUN");
		}
		requireCode(code);
		OptionalLong step = Totp.match(status.pendingSecret(), code, time.now());
		if (step.isEmpty()) {
			throw Problem.invalidField("code", "CODE_WRONG");
		}
		int confirmed = jdbc.sql("""
				UPDATE user_account SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
				    totp_enabled_at = ?, totp_last_step = ?
				WHERE id = ? AND totp_pending_secret = ? AND totp_secret IS NULL""")
			.params(Timestamp.from(time.now()), step.getAsLong(), actor.userId(), status.pendingStored()).update();
		if (confirmed == 0) {
			// Begun again or confirmed meanwhile (another tab): this code was for a secret no longer pending.
			throw Problem.conflict("SECOND_FACTOR_NOT_BEGUN");
		}
		int ended = sessions.end(actor.username(), keepSession);
		events.record(Type.SECOND_FACTOR_ENABLED, actor.username(), actor.username(), clientAddress,
				Map.of("otherSessionsEnded", Integer.toString(ended)));
		return recoveryCodes.make(actor.userId());
	}

	/**
	 * New recovery codes for the person's own second factor, with a current code or an unused recovery code; those
	 * made before no longer work (a sheet that was seen, or mostly used up). Returns them, to be shown this once.
	 *
	 * @throws Problem 409 {@code SECOND_FACTOR_OFF}; 422 at {@code code}: {@code REQUIRED}, {@code CODE_WRONG}
	 */
	@Transactional
	List<String> makeRecoveryCodes(Actor actor, String code, String clientAddress) {
		if (!status(actor.userId()).enabled()) {
			throw Problem.conflict("SECOND_FACTOR_OFF");
		}
		requireCode(code);
		if (!accept(actor.userId(), actor.username(), code, clientAddress)) {
			throw Problem.invalidField("code", "CODE_WRONG");
		}
		List<String> codes = recoveryCodes.make(actor.userId());
		events.record(Type.SECOND_FACTOR_RECOVERY_CODES_MADE, actor.username(), actor.username(), clientAddress,
				Map.of("codes", Integer.toString(codes.size())));
		return codes;
	}

	/** How many of the account's recovery codes are unused, or null when it was never given any. */
	Integer recoveryCodesLeft(UUID account) {
		return recoveryCodes.left(account);
	}

	/**
	 * Turns the person's own second factor off, with a current code (a session left open is not enough) — unless the
	 * zone requires it of the person's role: the session, opened with a code, would go on without one.
	 *
	 * @throws Problem 409 {@code SECOND_FACTOR_OFF}, {@code SECOND_FACTOR_REQUIRED}; 422 at {@code code}:
	 *     {@code REQUIRED}, {@code CODE_WRONG}
	 */
	@Transactional
	void disable(Actor actor, String code, String clientAddress) {
		if (!status(actor.userId()).enabled()) {
			throw Problem.conflict("SECOND_FACTOR_OFF");
		}
		if (requiredRoles().contains(actor.role())) {
			throw Problem.conflict("SECOND_FACTOR_REQUIRED");
		}
		requireCode(code);
		if (!accept(actor.userId(), actor.username(), code, clientAddress)) {
			throw Problem.invalidField("code", "CODE_WRONG");
		}
		clear(actor.userId());
		events.record(Type.SECOND_FACTOR_DISABLED, actor.username(), actor.username(), clientAddress, Map.of());
	}

	/**
	 * The zone's administrators take the second factor off another account (its phone lost); its sessions end and its
	 * holder logs in with the password alone until turning it on again. Nothing on: nothing happens.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless an administrator; 404 {@code ACCOUNT_NOT_FOUND}; 409
	 *     {@code OWN_SECOND_FACTOR} for the administrator's own (turned off with a code, as anyone's)
	 */
	@Transactional
	void reset(Actor admin, UUID account, String clientAddress) {
		admin.requireRole(Role.ADMIN);
		String username = jdbc.sql("SELECT username FROM user_account WHERE id = ?").param(account)
			.query(String.class).optional().orElseThrow(() -> Problem.notFound("ACCOUNT_NOT_FOUND", account));
		if (account.equals(admin.userId())) {
			throw Problem.conflict("OWN_SECOND_FACTOR");
		}
		takeOff(account, username, admin, clientAddress, Map.of());
	}

	/**
	 * Takes the second factor off {@code account} (user name {@code username}) for its holder, who lost the phone;
	 * {@code by} may (a zone administrator, or the enterprise's for its operator). Its sessions end;
	 * {@code SECOND_FACTOR_RESET} names {@code by}, with {@code details}. Nothing on: nothing happens.
	 */
	void takeOff(UUID account, String username, Actor by, String clientAddress, Map<String, String> details) {
		if (!status(account).enabled()) {
			return;
		}
		clear(account);
		int ended = sessions.end(username, null);
		Map<String, String> recorded = new java.util.LinkedHashMap<>(details);
		recorded.put("sessionsEnded", Integer.toString(ended));
		events.record(Type.SECOND_FACTOR_RESET, username, by.username(), clientAddress, recorded);
	}

	/**
	 * Whether {@code typed} is a current code of the account's second factor that was not accepted before, or one of
	 * its unused recovery codes — and if so, it is accepted now, once: of two logins with the same code, one succeeds.
	 * A recovery code used is recorded ({@code SECOND_FACTOR_RECOVERY_CODE_USED}, with how many are left), as its
	 * holder should hear of it if it was not them.
	 */
	boolean accept(UUID account, String username, String typed, String clientAddress) {
		String stored = jdbc.sql("SELECT totp_secret FROM user_account WHERE id = ?").param(account)
			.query(String.class).optional().orElse(null);
		if (stored == null) {
			return false;
		}
		OptionalLong step = Totp.match(opened(stored, account), typed, time.now());
		if (step.isPresent()) {
			return jdbc.sql("""
					UPDATE user_account SET totp_last_step = ?
					WHERE id = ? AND totp_secret = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""")
				.params(step.getAsLong(), account, stored, step.getAsLong()).update() == 1;
		}
		if (!recoveryCodes.use(account, typed)) {
			return false;
		}
		events.record(Type.SECOND_FACTOR_RECOVERY_CODE_USED, username, username, clientAddress,
				Map.of("codesLeft", Integer.toString(recoveryCodes.left(account))));
		return true;
	}

	/** The roles whose accounts must log in with a second factor, as the zone's administrators set them. */
	Set<Role> requiredRoles() {
		return jdbc.sql("SELECT role FROM second_factor_requirement").query(String.class).list().stream()
			.map(Role::valueOf).collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	/** Whether the account must still turn it on: its role requires one and it has none. */
	boolean due(UUID account, String role) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM second_factor_requirement WHERE role = ?)
				   AND EXISTS (SELECT 1 FROM user_account WHERE id = ? AND totp_secret IS NULL)""")
			.params(role, account).query(Boolean.class).single();
	}

	/**
	 * The zone's administrators set which roles must log in with a second factor ({@code roles}: role names; none:
	 * each person decides). An account of such a role without one is led to turn it on at its next page; nothing
	 * else changes for it until then, and its API keys go on working. The same again changes nothing.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless an administrator; 422 at {@code roles[i]}:
	 *     {@code INVALID_VALUE}; 409 {@code OWN_SECOND_FACTOR_FIRST} requiring it of administrators without one's own
	 */
	@Transactional
	void require(Actor admin, List<String> roles, String clientAddress) {
		admin.requireRole(Role.ADMIN);
		Violations violations = new Violations();
		Set<Role> wanted = EnumSet.noneOf(Role.class);
		List<String> named = roles == null ? List.of() : roles;
		for (int i = 0; i < named.size(); i++) {
			String name = named.get(i);
			Role role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst()
				.orElse(null);
			violations.check(role != null, "roles[" + i + "]", "INVALID_VALUE", name);
			if (role != null) {
				wanted.add(role);
			}
		}
		violations.throwIfAny();
		// Required of administrators by one without it, the next page would lead that administrator away from this
		// form to turn it on: it is turned on first, so that the one who sets the rule has already met it.
		if (wanted.contains(Role.ADMIN) && !status(admin.userId()).enabled()) {
			throw Problem.conflict("OWN_SECOND_FACTOR_FIRST");
		}
		// Two administrators setting the rule at one instant queue up here: both used to delete what neither had
		// committed, and the second's insert of a role the first had inserted ended in a 500.
		TransactionLock.take(jdbc, "second-factor-requirement");
		Set<Role> before = requiredRoles();
		if (before.equals(wanted)) {
			return;
		}
		jdbc.sql("DELETE FROM second_factor_requirement").update();
		for (Role role : wanted) {
			jdbc.sql("INSERT INTO second_factor_requirement (role, required_at, required_by) VALUES (?, ?, ?)")
				.params(role.name(), Timestamp.from(time.now()), admin.username()).update();
		}
		events.record(Type.SECOND_FACTOR_REQUIREMENT_CHANGED, admin.username(), admin.username(), clientAddress,
				Map.of("roles", names(wanted), "before", names(before)));
	}

	/**
	 * The key {@code stored} for {@code account}, or null when it does not open (sealed for another row, altered, or
	 * under another key): the code is refused and the page offers a new key, rather than a login answering 500.
	 */
	private String opened(String stored, UUID account) {
		try {
			return secrets.open(stored, sealedFor(account));
		} catch (IllegalStateException unopenable) {
			log.error("event=sealed_secret_unopenable account={} reason=\"{}\"", account, unopenable.getMessage());
			return null;
		}
	}

	private static String names(Set<Role> roles) {
		return roles.isEmpty() ? "none" : String.join(",", roles.stream().map(Role::name).toList());
	}

	private Status requireOff(UUID account) {
		Status status = status(account);
		if (status.enabled()) {
			throw Problem.conflict("SECOND_FACTOR_ON");
		}
		return status;
	}

	private static void requireCode(String code) {
		if (code == null || code.isBlank()) {
			throw Problem.invalidField("code", "REQUIRED");
		}
	}

	private void clear(UUID account) {
		recoveryCodes.forget(account);
		jdbc.sql("""
				UPDATE user_account SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
				    totp_last_step = NULL WHERE id = ?""").param(account).update();
	}
}
