package io.singlewindow.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.identity.SecurityEventOccurred.Type;

/**
 * An enterprise's operators (操作员): the people who declare for it, each with a login of their own. The account its
 * registration opened is the enterprise's administrator (企业管理员), who opens an account for each colleague,
 * deactivates it when they leave, resets a forgotten password and may hand the administration over — without asking
 * the zone's administrators, and without sharing one password, so that the audit trail names who acted. Everyone of
 * the enterprise reads who its operators are.
 */
@Component
class Operators {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final AccountAdministration administration;
	private final SecurityEvents events;
	private final Sessions sessions;

	private final SecondFactors secondFactors;

	Operators(JdbcClient jdbc, Accounts accounts, AccountAdministration administration, SecurityEvents events,
			Sessions sessions, SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.administration = administration;
		this.events = events;
		this.sessions = sessions;
	}

	/**
	 * An operator as the enterprise's people see it; {@code openedBy} is null for the account registration opened;
	 * {@code rights} what the administrator lets it change (the administrator holds every right); {@code lastLoginAt}
	 * its last login on the pages (null: never), so that an account nobody uses any more stands out; {@code secondFactor}
	 * whether it logs in with a second factor (动态口令); {@code principals}, for a brokerage's colleague, the USCCs of the
	 * principals its administrator lets it act for (分管委托企业), null for all of them.
	 */
	record Operator(UUID id, String username, String displayName, boolean administrator, boolean enabled,
			Instant createdAt, String openedBy, List<OperatorRight> rights, Instant lastLoginAt, boolean secondFactor,
			List<String> principals) {

		/** Whether it acts for every principal of the brokerage (the administrator always does). */
		public boolean allPrincipals() {
			return principals == null;
		}
	}

	/**
	 * What the administrator fills in for a colleague: the login, the person's name, a first password and the rights
	 * ({@link OperatorRight} names; left out: every right, as before rights existed; empty: reading only).
	 */
	record NewOperator(String username, String displayName, String password, List<String> rights) {
	}

	/** The rights the administrator grants a colleague ({@link OperatorRight} names; empty: reading only). */
	record Grant(List<String> rights) {
	}

	/**
	 * The principals a brokerage's administrator lets a colleague act for: {@code all} true for every one, as
	 * colleagues start (new principals included); otherwise the USCCs in {@code principals}, of those that authorise
	 * the brokerage (empty: the brokerage's own business only).
	 */
	record Assignment(Boolean all, List<String> principals) {
	}

	/**
	 * The accounts of the actor's own enterprise (a broker's own, not its principals'), the administrator first.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader or broker
	 */
	List<Operator> of(Actor actor) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		return jdbc.sql("""
				SELECT id, username, display_name, enterprise_administrator, enabled, created_at, opened_by,
				    operator_rights, last_login_at, totp_secret IS NOT NULL AS second_factor, operator_principals
				FROM user_account WHERE uscc = ? AND role IN ('TRADER', 'BROKER')
				ORDER BY enterprise_administrator DESC, lower(username)""")
			.param(actor.enterprise().value())
			.query((rs, n) -> new Operator(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("display_name"), rs.getBoolean("enterprise_administrator"), rs.getBoolean("enabled"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("opened_by"),
					AccountStore.rights(rs.getArray("operator_rights")).stream().sorted().toList(),
					AccountStore.instant(rs, "last_login_at"), rs.getBoolean("second_factor"),
					rs.getArray("operator_principals") == null ? null
							: List.of((String[]) rs.getArray("operator_principals").getArray())))
			.list();
	}

	/**
	 * One account of the actor's own enterprise, as {@link #of} lists it.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader or broker; 404 {@code ACCOUNT_NOT_FOUND} when it is
	 *     not one of the enterprise's
	 */
	Operator of(Actor actor, UUID id) {
		return of(actor).stream().filter(operator -> operator.id().equals(id)).findFirst()
			.orElseThrow(() -> Problem.notFound("ACCOUNT_NOT_FOUND", id));
	}

	/** Whether the actor is its enterprise's administrator, who manages its operators. */
	boolean administers(Actor actor) {
		return (actor.is(Role.TRADER) || actor.is(Role.BROKER)) && jdbc.sql("""
				SELECT enterprise_administrator FROM user_account WHERE id = ?""").param(actor.userId())
			.query(Boolean.class).optional().orElse(false);
	}

	/**
	 * The enterprise's administrator opens an account for a colleague: the same role as its own, for the same
	 * enterprise, with a first password the colleague replaces at the first login ({@link FirstPasswordGate}).
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader or broker, {@code ENTERPRISE_ADMINISTRATOR_REQUIRED}
	 *     unless its enterprise's administrator; 422 the user-name, name and password rules
	 */
	@Transactional
	UUID open(Actor actor, NewOperator request, String clientAddress) {
		requireAdministrator(actor);
		Violations violations = new Violations();
		administration.checkNewPerson(request.username(), request.displayName(), request.password(), violations);
		Set<OperatorRight> rights = request.rights() == null ? OperatorRight.all()
				: rights(request.rights(), violations);
		violations.throwIfAny();
		String username = request.username().strip();
		UUID id = accounts.openOperator(username, request.password(), request.displayName().strip(), actor.role(),
				actor.enterprise(), actor.username(), rights);
		events.record(Type.ACCOUNT_CREATED, username, actor.username(), clientAddress,
				Map.of("role", actor.role().name(), "enterprise", actor.enterprise().value(), "operator", "true",
						"rights", named(rights)));
		return id;
	}

	/**
	 * The administrator deactivates a colleague's account: it can no longer log in, its sessions end and its API keys
	 * are revoked at once. Deactivated again, nothing changes.
	 *
	 * @throws Problem 403 as {@link #open}; 404 {@code ACCOUNT_NOT_FOUND} unless an account of the enterprise; 409
	 *     {@code OWN_ACCOUNT}, {@code ENTERPRISE_ADMINISTRATOR_ACCOUNT} (the zone's administrators deactivate an
	 *     enterprise's administrator)
	 */
	@Transactional
	void deactivate(Actor actor, UUID id, String clientAddress) {
		Operator operator = colleague(actor, id);
		if (operator.enabled()) {
			administration.disable(id, operator.username(), actor, clientAddress,
					Map.of("enterprise", actor.enterprise().value()));
		}
	}

	/**
	 * The administrator lets a colleague's deactivated account log in again; its revoked API keys stay revoked.
	 *
	 * @throws Problem as {@link #deactivate}
	 */
	@Transactional
	void reactivate(Actor actor, UUID id, String clientAddress) {
		Operator operator = colleague(actor, id);
		if (!operator.enabled()) {
			administration.enable(id, operator.username(), actor, clientAddress,
					Map.of("enterprise", actor.enterprise().value()));
		}
	}

	/**
	 * The administrator sets what a colleague may change for the enterprise: declare, apply for permits, keep the
	 * enterprise's record ({@link OperatorRight}); with none the colleague reads only. The colleague's sessions end,
	 * so the rights apply at once (a page session keeps the rights it logged in with); API keys follow at the next
	 * request. Set again to the same rights, nothing changes.
	 *
	 * @throws Problem as {@link #deactivate}; 422 {@code REQUIRED} or {@code OPERATOR_RIGHT_UNKNOWN} at {@code rights}
	 */
	@Transactional
	List<OperatorRight> grant(Actor actor, UUID id, Grant grant, String clientAddress) {
		Operator colleague = colleague(actor, id);
		Violations violations = new Violations();
		if (grant == null || grant.rights() == null) {
			violations.add("rights", "REQUIRED");
		}
		Set<OperatorRight> rights = violations.isEmpty() ? rights(grant.rights(), violations) : Set.of();
		violations.throwIfAny();
		List<OperatorRight> granted = rights.stream().sorted().toList();
		if (!granted.equals(colleague.rights())) {
			jdbc.sql("UPDATE user_account SET operator_rights = ?::text[] WHERE id = ?")
				.params(granted.stream().map(OperatorRight::name).toArray(String[]::new), id).update();
			int ended = sessions.end(colleague.username(), null);
			events.record(Type.OPERATOR_RIGHTS_CHANGED, colleague.username(), actor.username(), clientAddress,
					Map.of("enterprise", actor.enterprise().value(), "rights", named(rights), "before",
							named(colleague.rights()), "sessionsEnded", Integer.toString(ended)));
		}
		return granted;
	}

	/**
	 * A brokerage's administrator sets which principals a colleague acts for (分管委托企业), as a large brokerage gives
	 * each clerk their clients: from the colleague's next request on every channel it declares, applies and reads for
	 * those only (its sessions go on: each request reads the list afresh). Set again to the same, nothing changes.
	 *
	 * @throws Problem as {@link #deactivate}, and 403 {@code ROLE_REQUIRED} unless a broker; 422 {@code REQUIRED} at
	 *     {@code principals} without {@code all} or a list, {@code PRINCIPAL_UNKNOWN} at {@code principals[i]} for one
	 *     that does not authorise the brokerage now
	 */
	@Transactional
	Assignment assign(Actor actor, UUID id, Assignment assignment, String clientAddress) {
		actor.requireRole(Role.BROKER);
		Operator colleague = colleague(actor, id);
		List<String> assigned = assigned(actor, assignment);
		if (!java.util.Objects.equals(assigned, colleague.principals())) {
			jdbc.sql("UPDATE user_account SET operator_principals = ?::text[] WHERE id = ?")
				.params(assigned == null ? null : assigned.toArray(String[]::new), id).update();
			events.record(Type.OPERATOR_PRINCIPALS_CHANGED, colleague.username(), actor.username(), clientAddress,
					Map.of("enterprise", actor.enterprise().value(), "principals", listed(assigned), "before",
							listed(colleague.principals())));
		}
		return new Assignment(assigned == null, assigned == null ? actor.principals().stream().map(Object::toString)
			.sorted().toList() : assigned);
	}

	/** The USCCs {@code assignment} names, sorted, each once; null for all. */
	private static List<String> assigned(Actor actor, Assignment assignment) {
		if (assignment != null && Boolean.TRUE.equals(assignment.all())) {
			return null;
		}
		Violations violations = new Violations();
		if (assignment == null || assignment.principals() == null) {
			violations.add("principals", "REQUIRED");
			violations.throwIfAny();
		}
		java.util.SortedSet<String> named = new java.util.TreeSet<>();
		for (int i = 0; i < assignment.principals().size(); i++) {
			String given = assignment.principals().get(i) == null ? "" : assignment.principals().get(i).strip();
			java.util.Optional<io.singlewindow.core.Uscc> principal = actor.principals().stream()
				.filter(p -> p.value().equalsIgnoreCase(given)).findFirst();
			if (principal.isEmpty()) {
				violations.add("principals[" + i + "]", "PRINCIPAL_UNKNOWN",
						io.singlewindow.core.FreeText.cut(String.valueOf(assignment.principals().get(i)), 40));
			} else {
				named.add(principal.get().value());
			}
		}
		violations.throwIfAny();
		return List.copyOf(named);
	}

	private static String listed(List<String> principals) {
		return principals == null ? "ALL" : String.join(",", principals);
	}

	/** The rights {@code names} name, each at most once; an unknown name is a violation at {@code rights[i]}. */
	private static Set<OperatorRight> rights(List<String> names, Violations violations) {
		Set<OperatorRight> rights = java.util.EnumSet.noneOf(OperatorRight.class);
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i) == null ? "" : names.get(i).strip().toUpperCase(java.util.Locale.ROOT);
			try {
				rights.add(OperatorRight.valueOf(name));
			}
			catch (IllegalArgumentException unknown) {
				violations.add("rights[" + i + "]", "OPERATOR_RIGHT_UNKNOWN", names.get(i));
			}
		}
		return rights;
	}

	private static String named(java.util.Collection<OperatorRight> rights) {
		return rights.stream().sorted().map(OperatorRight::name).collect(java.util.stream.Collectors.joining(","));
	}

	/**
	 * The administrator hands the enterprise's administration over to a colleague (the registrant leaves, or the
	 * enterprise puts someone else in charge): the colleague manages its operators from now on, the administrator
	 * goes on as an operator. Each request reads afresh who administers, so it takes effect at once.
	 *
	 * @throws Problem as {@link #deactivate}, and 409 {@code ACCOUNT_DEACTIVATED} for a deactivated colleague
	 */
	@Transactional
	void handOver(Actor actor, UUID id, String clientAddress) {
		// The administrator's row first, locked: two hand-overs at once (the same administrator on two pages) leave
		// one administrator, not two.
		jdbc.sql("SELECT id FROM user_account WHERE id = ? FOR UPDATE").param(actor.userId()).query(UUID.class)
			.optional();
		Operator colleague = colleague(actor, id);
		if (!colleague.enabled()) {
			throw Problem.conflict("ACCOUNT_DEACTIVATED", colleague.username());
		}
		administration.grantEveryRight(id, colleague.username());
		jdbc.sql("UPDATE user_account SET enterprise_administrator = (id = ?) WHERE id IN (?, ?)")
			.params(id, id, actor.userId()).update();
		events.record(Type.ENTERPRISE_ADMINISTRATOR_HANDED_OVER, colleague.username(), actor.username(), clientAddress,
				Map.of("enterprise", actor.enterprise().value(), "from", actor.username()));
	}

	/**
	 * The administrator gives a colleague who forgot their password a new first one, to hand over: the colleague's
	 * sessions end, and they choose their own at the next login.
	 *
	 * @throws Problem as {@link #deactivate}; 422 the password rules at {@code password}
	 */
	@Transactional
	void resetPassword(Actor actor, UUID id, String password, String clientAddress) {
		Operator colleague = colleague(actor, id);
		administration.reset(id, colleague.username(), password, actor, clientAddress,
				Map.of("enterprise", actor.enterprise().value()));
	}

	/**
	 * The administrator takes the second factor off a colleague who lost the phone (as the zone's administrators do
	 * for anyone): the colleague's sessions end, the password alone logs in until they turn it on again.
	 *
	 * @throws Problem as {@link #deactivate}
	 */
	@Transactional
	void resetSecondFactor(Actor actor, UUID id, String clientAddress) {
		Operator colleague = colleague(actor, id);
		secondFactors.takeOff(id, colleague.username(), actor, clientAddress,
				Map.of("enterprise", actor.enterprise().value()));
	}

	/** The operator {@code id} of the administrator's enterprise, other than the administrator. */
	private Operator colleague(Actor actor, UUID id) {
		requireAdministrator(actor);
		Operator operator = of(actor).stream().filter(o -> o.id().equals(id)).findFirst()
			.orElseThrow(() -> Problem.notFound("ACCOUNT_NOT_FOUND", id));
		if (id.equals(actor.userId())) {
			throw Problem.conflict("OWN_ACCOUNT");
		}
		if (operator.administrator()) {
			throw Problem.conflict("ENTERPRISE_ADMINISTRATOR_ACCOUNT", operator.username());
		}
		return operator;
	}

	private void requireAdministrator(Actor actor) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		if (!administers(actor)) {
			throw Problem.forbidden("ENTERPRISE_ADMINISTRATOR_REQUIRED");
		}
	}
}
