package io.singlewindow.enterprise.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.NumericColumn;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Violations;
import io.singlewindow.enterprise.BusinessActivity;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.EnterpriseDeregistered;
import io.singlewindow.enterprise.EnterpriseRegistered;
import io.singlewindow.enterprise.EnterpriseStatus;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.enterprise.IndustrialChain;
import io.singlewindow.enterprise.LicenceAmended;
import io.singlewindow.enterprise.LicenceReinstated;
import io.singlewindow.enterprise.LicenceRevoked;
import io.singlewindow.enterprise.LicenceSuspended;
import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * The market-regulation registry: registers enterprises from one application (issuing the licence and its USCC at
 * once and registering the enterprise with customs and tax in the same transaction), records enterprises that
 * already hold a code, and runs the licence's lifecycle. Every request is validated completely before anything is
 * written, so a refused request leaves nothing behind.
 */
@Component
class Registrar {

	private static final Logger log = LoggerFactory.getLogger(Registrar.class);

	static final String CHECK_CHARACTER_MISMATCH = "USCC_CHECK_CHARACTER_MISMATCH";
	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
	private static final int MAX_NAME = InputLimits.NAME;
	private static final int MAX_ADDRESS = InputLimits.ADDRESS;

	/** No enterprise registered in China today was established before the Republic's first company law (1904). */
	static final LocalDate EARLIEST_ESTABLISHMENT = LocalDate.of(1904, 1, 1);

	/** A Chinese name has at least one Chinese character; a number or a Latin name is not one. */
	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	/** What an officer (or the enterprise itself) may do to a licence, and the states each is allowed from. */
	enum LicenceAction {
		SUSPEND(EnterpriseStatus.SUSPENDED, true, EnterpriseStatus.ACTIVE),
		REINSTATE(EnterpriseStatus.ACTIVE, false, EnterpriseStatus.SUSPENDED),
		REVOKE(EnterpriseStatus.REVOKED, true, EnterpriseStatus.ACTIVE, EnterpriseStatus.SUSPENDED),
		DEREGISTER(EnterpriseStatus.DEREGISTERED, false, EnterpriseStatus.ACTIVE, EnterpriseStatus.SUSPENDED);

		final EnterpriseStatus after;
		final boolean reasonRequired;
		final Set<EnterpriseStatus> from;

		LicenceAction(EnterpriseStatus after, boolean reasonRequired, EnterpriseStatus... from) {
			this.after = after;
			this.reasonRequired = reasonRequired;
			this.from = Set.of(from);
		}

		/** The act as the licence's page offers it ("Suspend", "暂停"), for a refusal's message. */
		MessageSourceResolvable named() {
			return new DefaultMessageSourceResolvable(
					new String[] { "enterprise.do." + name().toLowerCase(Locale.ROOT) }, name());
		}
	}

	/** An application's facts once every field is valid. */
	record Facts(String nameZh, String nameEn, EntityType entityType, String legalRepresentative, BigDecimal capital,
			CurrencyCode currency, ZoneArea zoneArea, String address, List<BusinessActivity> scope,
			IndustrialChain chain, boolean highTech, boolean crossBorder) {
	}

	private final JdbcClient jdbc;
	private final UsccIssuer issuer;
	private final ActivityCatalogue catalogue;
	private final Accounts accounts;
	private final Enterprises enterprises;
	private final BusinessTime time;
	private final ApplicationEventPublisher events;
	private final LicenceLedger ledger;
	private final AuditTrail auditTrail;
	private final RegistrationAllowance allowance;

	Registrar(JdbcClient jdbc, UsccIssuer issuer, ActivityCatalogue catalogue, Accounts accounts,
			Enterprises enterprises, BusinessTime time, ApplicationEventPublisher events, LicenceLedger ledger,
			AuditTrail auditTrail, RegistrationAllowance allowance) {
		this.auditTrail = auditTrail;
		this.allowance = allowance;
		this.jdbc = jdbc;
		this.issuer = issuer;
		this.catalogue = catalogue;
		this.accounts = accounts;
		this.enterprises = enterprises;
		this.time = time;
		this.events = events;
		this.ledger = ledger;
	}

	/**
	 * Registers an enterprise from its application, issues its licence with a new USCC, registers it with market
	 * regulation, tax and (for cross-border traders) customs, and opens the applicant's trader login.
	 *
	 * @param clientAddress the address the application came from, as the platform sees it behind its proxy: each
	 *     may register a limited number of enterprises an hour ({@link RegistrationAllowance})
	 * @throws Problem 422 {@code INVALID_INPUT} listing every invalid field; 429 {@code TOO_MANY_REGISTRATIONS}; nothing
	 *     is stored then
	 */
	@Transactional
	public Uscc register(Application application, String clientAddress) {
		Violations violations = new Violations();
		Facts facts = facts(application, violations, null);
		checkLogin(application.username(), application.password(), violations);
		violations.throwIfAny();
		allowance.take(clientAddress);

		Uscc uscc = issuer.issue(facts.entityType());
		Instant now = time.now();
		String applicant = application.username().strip();
		UUID id = insert(uscc, facts, "ISSUED", now);
		List<String> agencies = ledger.registerWithAgencies(id, uscc, facts.crossBorder(), now);
		ledger.recordEvent(id, "REGISTERED", EnterpriseStatus.ACTIVE, null, now, applicant);
		accounts.open(applicant, application.password(), facts.legalRepresentative(), Role.TRADER, uscc, null);
		events.publishEvent(registered(id, uscc, facts, agencies, false, now));
		auditTrail.record(AuditRecord.of("LICENCE_ISSUED", "LICENCE", uscc.value())
			.by(AuditRecord.Who.named(applicant, "ANONYMOUS")).actingFor(uscc)
			.change(null, AuditRecord.state("status", EnterpriseStatus.ACTIVE.name(), "nameZh", facts.nameZh(),
					"entityType", facts.entityType().name(), "legalRepresentative", facts.legalRepresentative(),
					"registeredCapital", facts.capital(), "agencies", agencies)));
		log.info("event=enterprise_registered uscc={} entity_type={} chain={} agencies={}", uscc,
				facts.entityType(), facts.chain(), agencies);
		return uscc;
	}

	/**
	 * Records an enterprise that already holds a USCC. The code must have the USCC format; a wrong check character
	 * is accepted (early Fujian pilot codes are legal but fail the check) and reported as a warning.
	 *
	 * @throws Problem 403 unless a market-regulation officer; 422 {@code INVALID_INPUT} listing every invalid field
	 */
	@Transactional
	public Uscc record(ExistingEnterprise existing, Actor actor) {
		actor.requireActAs(AgencyCode.SAMR);
		Violations violations = new Violations();
		Uscc uscc = null;
		if (existing.uscc() == null || existing.uscc().isBlank()) {
			violations.add("uscc", "REQUIRED");
		} else {
			uscc = violations.read("uscc", () -> strictlyFormatted(existing.uscc()));
			if (uscc != null && enterprises.find(uscc).isPresent()) {
				violations.add("uscc", "USCC_TAKEN", uscc.value());
			}
		}
		LocalDate established = existing.establishedOn();
		violations.check(established == null || !established.isAfter(time.today()), "establishedOn",
				"ESTABLISHED_IN_FUTURE", established);
		violations.check(established == null || !established.isBefore(EARLIEST_ESTABLISHMENT), "establishedOn",
				"ESTABLISHED_TOO_EARLY", established, EARLIEST_ESTABLISHMENT);
		Application application = existing.application() == null
				? new Application(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
				: existing.application();
		Facts facts = facts(application, violations, null);
		boolean withLogin = application.username() != null && !application.username().isBlank();
		if (withLogin) {
			checkLogin(application.username(), application.password(), violations);
		}
		violations.throwIfAny();

		Instant registeredAt = established == null ? time.now() : established.atStartOfDay(BusinessTime.ZONE).toInstant();
		Instant now = time.now();
		UUID id = insert(uscc, facts, "RECORDED", registeredAt);
		List<String> agencies = ledger.registerWithAgencies(id, uscc, facts.crossBorder(), now);
		ledger.recordEvent(id, "RECORDED", EnterpriseStatus.ACTIVE,
				uscc.hasValidCheckCharacter() ? null : CHECK_CHARACTER_MISMATCH, now, actor.username());
		if (withLogin) {
			accounts.open(application.username().strip(), application.password(), facts.legalRepresentative(),
					Role.TRADER, uscc, null);
		}
		events.publishEvent(registered(id, uscc, facts, agencies, true, registeredAt));
		log.info("event=enterprise_recorded uscc={} check_valid={} officer={}", uscc, uscc.hasValidCheckCharacter(),
				actor.username());
		return uscc;
	}

	/**
	 * Changes facts on a licence and keeps what changed, when and by whom. The enterprise's own trader and
	 * market-regulation officers may amend; a revoked or deregistered licence cannot be amended.
	 *
	 * @return the names of the changed fields
	 * @throws Problem 403, 404, 409 {@code LICENCE_NOT_AMENDABLE} / {@code LICENCE_VERSION_CONFLICT}, 422
	 */
	@Transactional
	public List<String> amend(Uscc uscc, Amendment amendment, Actor actor) {
		requireMayAmend(actor, uscc);
		Enterprise current = enterprises.get(uscc);
		Row row = row(uscc);
		if (current.status() == EnterpriseStatus.REVOKED || current.status() == EnterpriseStatus.DEREGISTERED) {
			throw Problem.conflict("LICENCE_NOT_AMENDABLE", uscc,
					Problem.named("enterprise.status.", current.status()));
		}
		if (amendment.version() != null && amendment.version() != row.version()) {
			throw Problem.conflict("LICENCE_VERSION_CONFLICT", uscc, amendment.version(), row.version());
		}
		List<BusinessActivity> currentScope = enterprises.businessScopeOf(uscc);
		Violations violations = new Violations();
		Facts before = new Facts(current.nameZh(), current.nameEn(), EntityType.of(current.entityType()),
				current.legalRepresentative(), current.registeredCapital(), current.capitalCurrency(),
				ZoneArea.of(row.zoneArea()), current.address(), currentScope, current.industrialChain(),
				current.highTech(), current.crossBorderTrader());
		Facts after = new Facts(
				amendment.nameZh() == null ? before.nameZh() : nameZh(amendment.nameZh(), violations, row.id()),
				amendment.nameEn() == null ? before.nameEn()
						: amendment.nameEn().isBlank() ? null : nameEn(amendment.nameEn(), violations, row.id()),
				before.entityType(),
				amendment.legalRepresentative() == null ? before.legalRepresentative()
						: text(amendment.legalRepresentative(), "legalRepresentative", MAX_NAME, violations),
				amendment.registeredCapital() == null ? before.capital()
						: capital(amendment.registeredCapital(), violations),
				amendment.capitalCurrency() == null ? before.currency() : currency(amendment.capitalCurrency(), violations),
				amendment.zoneArea() == null ? before.zoneArea()
						: required(amendment.zoneArea(), "zoneArea", violations, () -> ZoneArea.of(amendment.zoneArea())),
				amendment.address() == null ? before.address()
						: text(amendment.address(), "address", MAX_ADDRESS, violations),
				amendment.businessScope() == null ? before.scope() : scope(amendment.businessScope(), violations),
				amendment.industrialChain() == null ? before.chain()
						: required(amendment.industrialChain(), "industrialChain", violations,
								() -> chain(amendment.industrialChain())),
				amendment.highTech() == null ? before.highTech() : amendment.highTech(),
				amendment.crossBorderTrader() == null ? before.crossBorder() : amendment.crossBorderTrader());
		violations.throwIfAny();

		List<String[]> changes = differences(before, after);
		if (changes.isEmpty()) {
			throw Problem.invalidField("amendment", "AMENDMENT_EMPTY");
		}
		Instant now = time.now();
		int updated = jdbc.sql("""
				UPDATE enterprise SET name_zh = ?, name_en = ?, legal_representative = ?, registered_capital = ?,
				    capital_currency = ?, zone_area = ?, address = ?, industrial_chain = ?, high_tech = ?,
				    cross_border_trader = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(after.nameZh(), after.nameEn(), after.legalRepresentative(), after.capital(),
					after.currency().value(), after.zoneArea().name(), after.address(), after.chain().name(),
					after.highTech(), after.crossBorder(), row.id(), row.version())
			.update();
		if (updated == 0) {
			throw Problem.conflict("LICENCE_VERSION_CONFLICT", uscc, row.version(), "?");
		}
		enterprises.changed(uscc);
		if (changes.stream().anyMatch(c -> c[0].equals("businessScope"))) {
			ledger.replaceScope(row.id(), codesOf(after.scope()));
		}
		if (after.crossBorder() && !before.crossBorder()) {
			ledger.registerWithCustoms(row.id(), now);
		}
		for (String[] change : changes) {
			jdbc.sql("""
					INSERT INTO licence_amendment (id, enterprise_id, field, old_value, new_value, amended_at, amended_by)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), row.id(), change[0], change[1], change[2], Timestamp.from(now),
						actor.username())
				.update();
		}
		List<String> fields = changes.stream().map(c -> c[0]).toList();
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> is = new LinkedHashMap<>();
		changes.forEach(c -> {
			was.put(c[0], c[1]);
			is.put(c[0], c[2]);
		});
		auditTrail.record(AuditRecord.of("LICENCE_AMENDED", "LICENCE", uscc.value()).by(actor).change(was, is));
		events.publishEvent(new LicenceAmended(uscc, fields, actor.username(), now));
		log.info("event=licence_amended uscc={} fields={} by={}", uscc, fields, actor.username());
		return fields;
	}

	/**
	 * Whether {@code actor} may amend the licence of {@code uscc}: a person of the enterprise itself (its trader, or a
	 * broker for its own brokerage — not for the principals it declares for) or a market-regulation officer.
	 */
	static boolean mayAmend(Actor actor, Uscc uscc) {
		return actor.mayActAs(AgencyCode.SAMR) || (own(actor, uscc) && actor.holds(OperatorRight.MANAGE_ENTERPRISE));
	}

	/**
	 * @throws Problem 403 {@code OPERATOR_RIGHT_REQUIRED} for a person of the enterprise whose administrator did not
	 *     let it keep the record, else {@code NOT_AUTHORISED_FOR_ENTERPRISE} unless {@link #mayAmend}
	 */
	static void requireMayAmend(Actor actor, Uscc uscc) {
		if (own(actor, uscc)) {
			actor.requireRight(OperatorRight.MANAGE_ENTERPRISE);
		}
		if (!mayAmend(actor, uscc)) {
			throw Problem.forbidden("NOT_AUTHORISED_FOR_ENTERPRISE", uscc);
		}
	}

	/** Whether {@code actor} is a person of the enterprise {@code uscc} itself (not a broker for a principal). */
	private static boolean own(Actor actor, Uscc uscc) {
		return actor.mayActFor(uscc) && uscc.equals(actor.enterprise());
	}

	/**
	 * Moves a licence to another state. Suspension, reinstatement and revocation are for market-regulation officers;
	 * deregistration also for the enterprise's own trader (it closes its business). Revocation and deregistration
	 * disable every account of the enterprise.
	 *
	 * @param version the licence version the decision was made on, or {@literal null} to act on the current one
	 * @throws Problem 403, 404, 409 {@code LICENCE_TRANSITION_NOT_ALLOWED} / {@code LICENCE_VERSION_CONFLICT},
	 *     422 {@code REQUIRED} on {@code reason}
	 */
	@Transactional
	public EnterpriseStatus change(Uscc uscc, LicenceAction action, String reason, Integer version, Actor actor) {
		boolean selfDeregistration = action == LicenceAction.DEREGISTER && actor.is(Role.TRADER)
				&& actor.mayActFor(uscc);
		if (selfDeregistration) {
			actor.requireRight(OperatorRight.MANAGE_ENTERPRISE);
		}
		else {
			actor.requireActAs(AgencyCode.SAMR);
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (action.reasonRequired && why == null) {
			throw Problem.invalidField("reason", "REQUIRED");
		}
		if (why != null) {
			why = FreeText.read("reason", why, 500);
		}
		Enterprise current = enterprises.get(uscc);
		Row row = row(uscc);
		if (version != null && version != row.version()) {
			throw Problem.conflict("LICENCE_VERSION_CONFLICT", uscc, version, row.version());
		}
		if (!action.from.contains(current.status())) {
			throw Problem.conflict("LICENCE_TRANSITION_NOT_ALLOWED", uscc,
					Problem.named("enterprise.status.", current.status()), action.named());
		}
		Instant now = time.now();
		int updated = jdbc.sql("""
				UPDATE enterprise SET status = ?, status_reason = ?, status_changed_at = ?, version = version + 1
				WHERE id = ? AND version = ? AND status = ?""")
			.params(action.after.name(), why, Timestamp.from(now), row.id(), row.version(), current.status().name())
			.update();
		if (updated == 0) {
			throw Problem.conflict("LICENCE_VERSION_CONFLICT", uscc, row.version(), "?");
		}
		enterprises.changed(uscc);
		ledger.recordEvent(row.id(), action.name(), action.after, why, now, actor.username());
		auditTrail.record(AuditRecord.of(switch (action) {
			case SUSPEND -> "LICENCE_SUSPENDED";
			case REINSTATE -> "LICENCE_REINSTATED";
			case REVOKE -> "LICENCE_REVOKED";
			case DEREGISTER -> "LICENCE_DEREGISTERED";
		}, "LICENCE", uscc.value()).by(actor)
			.change(AuditRecord.state("status", current.status().name(), "version", row.version()),
					AuditRecord.state("status", action.after.name(), "reason", why, "version", row.version() + 1)));
		if (action == LicenceAction.REVOKE || action == LicenceAction.DEREGISTER) {
			accounts.enableEnterpriseAccounts(uscc, false);
		}
		events.publishEvent(switch (action) {
			case SUSPEND -> new LicenceSuspended(uscc, why, actor.username(), now);
			case REINSTATE -> new LicenceReinstated(uscc, why, actor.username(), now);
			case REVOKE -> new LicenceRevoked(uscc, why, actor.username(), now);
			case DEREGISTER -> new EnterpriseDeregistered(uscc, why, actor.username(), now);
		});
		log.info("event=licence_{} uscc={} by={}", action.name().toLowerCase(java.util.Locale.ROOT), uscc,
				actor.username());
		return action.after;
	}

	/**
	 * A code as printed on an existing licence: the USCC alphabet, a registration authority and entity type GB 32100
	 * defines, and six digits of region code. The check character is not judged here.
	 */
	static Uscc strictlyFormatted(String raw) {
		Uscc uscc = Uscc.parse(raw);
		String v = uscc.value();
		if ("123456789ABCDEFGY".indexOf(v.charAt(0)) < 0 || "123459".indexOf(v.charAt(1)) < 0
				|| !v.substring(2, 8).chars().allMatch(Character::isDigit)) {
			throw new InvalidValue("USCC_FORMAT", raw);
		}
		return uscc;
	}

	// --- validation -------------------------------------------------------------------------------------------------

	Facts facts(Application a, Violations v, UUID self) {
		String nameZh = nameZh(a.nameZh(), v, self);
		String nameEn = a.nameEn() == null || a.nameEn().isBlank() ? null : nameEn(a.nameEn(), v, self);
		EntityType type = required(a.entityType(), "entityType", v, () -> EntityType.of(a.entityType()));
		String legal = text(a.legalRepresentative(), "legalRepresentative", MAX_NAME, v);
		BigDecimal capital = a.registeredCapital() == null ? missing("registeredCapital", v)
				: capital(a.registeredCapital(), v);
		CurrencyCode currency = a.capitalCurrency() == null || a.capitalCurrency().isBlank() ? CurrencyCode.CNY
				: currency(a.capitalCurrency(), v);
		ZoneArea area = required(a.zoneArea(), "zoneArea", v, () -> ZoneArea.of(a.zoneArea()));
		String address = text(a.address(), "address", MAX_ADDRESS, v);
		List<BusinessActivity> scope = scope(a.businessScope(), v);
		IndustrialChain chain = required(a.industrialChain(), "industrialChain", v, () -> chain(a.industrialChain()));
		return new Facts(nameZh, nameEn, type, legal, capital, currency, area, address, scope, chain,
				Boolean.TRUE.equals(a.highTech()), Boolean.TRUE.equals(a.crossBorderTrader()));
	}

	private String nameZh(String raw, Violations v, UUID self) {
		String name = text(raw, "nameZh", MAX_NAME, v);
		if (name != null && !CHINESE.matcher(name).find()) {
			v.add("nameZh", "NAME_ZH_NOT_CHINESE", name);
			return name;
		}
		if (name != null && nameTaken("name_zh", name, self)) {
			v.add("nameZh", "ENTERPRISE_NAME_TAKEN", name);
		}
		return name;
	}

	private String nameEn(String raw, Violations v, UUID self) {
		String name = text(raw, "nameEn", MAX_NAME, v);
		if (name != null && nameTaken("name_en", name, self)) {
			v.add("nameEn", "ENTERPRISE_NAME_TAKEN", name);
		}
		return name;
	}

	/** Names are compared as registered, but full- and half-width brackets and letter case count as the same. */
	private boolean nameTaken(String column, String name, UUID self) {
		return jdbc.sql("SELECT count(*) FROM enterprise WHERE lower(translate(" + column + ", '（）', '()'))"
				+ " = lower(translate(?, '（）', '()')) AND id <> coalesce(?, '00000000-0000-0000-0000-000000000000'::uuid)")
			.params(name, self)
			.query(Long.class).single() > 0;
	}

	/**
	 * A required one-line text within its limit; {@literal null} when refused, so that no query (the name's
	 * uniqueness) ever runs on a value that is refused anyway.
	 */
	private static String text(String raw, String field, int max, Violations v) {
		if (raw == null || raw.isBlank()) {
			v.add(field, "REQUIRED");
			return null;
		}
		return v.read(field, () -> FreeText.line(raw, max));
	}

	private static <T> T missing(String field, Violations v) {
		v.add(field, "REQUIRED");
		return null;
	}

	private static <T> T required(String raw, String field, Violations v, java.util.function.Supplier<T> reader) {
		if (raw == null || raw.isBlank()) {
			return missing(field, v);
		}
		return v.read(field, reader);
	}

	/** {@code enterprise.registered_capital}. */
	private static final NumericColumn CAPITAL = new NumericColumn(20, 2);

	static BigDecimal capital(BigDecimal capital, Violations v) {
		if (capital.signum() <= 0) {
			v.add("registeredCapital", "CAPITAL_NOT_POSITIVE", NumericColumn.quoted(capital));
		} else if (capital.stripTrailingZeros().scale() > 2) {
			v.add("registeredCapital", "CAPITAL_TOO_PRECISE", NumericColumn.quoted(capital));
		} else if (capital.precision() - capital.scale() > 18) {
			v.add("registeredCapital", "TOO_LARGE", CAPITAL.largest());
		}
		return capital;
	}

	private static CurrencyCode currency(String raw, Violations v) {
		CurrencyCode code = v.read("capitalCurrency", () -> CurrencyCode.of(raw));
		if (code != null) {
			try {
				// Capital is paid in money: gold (XAU), XXX, SDR … have no minor unit and are none.
				if (Currency.getInstance(code.value()).getDefaultFractionDigits() < 0) {
					v.add("capitalCurrency", "CURRENCY_UNKNOWN", code.value());
				}
			} catch (IllegalArgumentException e) {
				v.add("capitalCurrency", "CURRENCY_UNKNOWN", code.value());
			}
		}
		return code;
	}

	private static IndustrialChain chain(String raw) {
		return Choice.of(IndustrialChain.class, raw, "INDUSTRIAL_CHAIN_UNKNOWN");
	}

	private List<BusinessActivity> scope(List<String> codes, Violations v) {
		if (codes == null || codes.stream().allMatch(c -> c == null || c.isBlank())) {
			v.add("businessScope", "BUSINESS_SCOPE_EMPTY");
			return List.of();
		}
		Set<String> wanted = new LinkedHashSet<>();
		codes.forEach(c -> wanted.add(c == null ? "" : c.strip().toUpperCase(java.util.Locale.ROOT)));
		Map<String, BusinessActivity> known = catalogue.find(wanted);
		List<BusinessActivity> scope = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i) == null ? "" : codes.get(i).strip().toUpperCase(java.util.Locale.ROOT);
			if (code.isEmpty()) {
				continue;
			}
			BusinessActivity activity = known.get(code);
			if (activity == null) {
				v.add("businessScope[" + i + "]", "ACTIVITY_UNKNOWN", codes.get(i));
			} else if (!scope.contains(activity)) {
				scope.add(activity);
			}
		}
		return scope;
	}

	private void checkLogin(String username, String password, Violations v) {
		if (username == null || username.isBlank()) {
			v.add("username", "REQUIRED");
		} else if (!USERNAME.matcher(username.strip()).matches()) {
			v.add("username", "USERNAME_FORMAT", username);
		} else if (accounts.isTaken(username.strip())) {
			v.add("username", "USERNAME_TAKEN", username.strip());
		}
		accounts.checkPassword(username, password, "password", v);
	}

	private static List<String[]> differences(Facts before, Facts after) {
		List<String[]> changes = new ArrayList<>();
		diff(changes, "nameZh", before.nameZh(), after.nameZh());
		diff(changes, "nameEn", before.nameEn(), after.nameEn());
		diff(changes, "legalRepresentative", before.legalRepresentative(), after.legalRepresentative());
		if (before.capital().compareTo(after.capital()) != 0) {
			changes.add(new String[] { "registeredCapital", before.capital().toPlainString(),
					after.capital().toPlainString() });
		}
		diff(changes, "capitalCurrency", before.currency().value(), after.currency().value());
		diff(changes, "zoneArea", before.zoneArea().name(), after.zoneArea().name());
		diff(changes, "address", before.address(), after.address());
		diff(changes, "businessScope", codes(before.scope()), codes(after.scope()));
		diff(changes, "industrialChain", before.chain().name(), after.chain().name());
		diff(changes, "highTech", String.valueOf(before.highTech()), String.valueOf(after.highTech()));
		diff(changes, "crossBorderTrader", String.valueOf(before.crossBorder()), String.valueOf(after.crossBorder()));
		return changes;
	}

	private static void diff(List<String[]> changes, String field, String before, String after) {
		if (!Objects.equals(before, after)) {
			changes.add(new String[] { field, before, after });
		}
	}

	private static String codes(List<BusinessActivity> scope) {
		return String.join(",", codesOf(scope).stream().sorted().toList());
	}

	private static List<String> codesOf(List<BusinessActivity> scope) {
		return scope.stream().map(BusinessActivity::code).toList();
	}

	// --- storage ----------------------------------------------------------------------------------------------------

	record Row(UUID id, int version, String zoneArea) {
	}

	private Row row(Uscc uscc) {
		return jdbc.sql("SELECT id, version, zone_area FROM enterprise WHERE uscc = ?").param(uscc.value())
			.query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> Problem.notFound("ENTERPRISE_NOT_FOUND", uscc));
	}

	private UUID insert(Uscc uscc, Facts f, String origin, Instant registeredAt) {
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					INSERT INTO enterprise (id, uscc, uscc_check_valid, name_zh, name_en, entity_type, legal_representative,
					    registered_capital, capital_currency, zone_area, address, industrial_chain, high_tech,
					    cross_border_trader, status, registered_at, origin)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
				.params(id, uscc.value(), uscc.hasValidCheckCharacter(), f.nameZh(), f.nameEn(), f.entityType().name(),
						f.legalRepresentative(), f.capital(), f.currency().value(), f.zoneArea().name(), f.address(),
						f.chain().name(), f.highTech(), f.crossBorder(), Timestamp.from(registeredAt), origin)
				.update();
		} catch (DuplicateKeyException e) {
			// Another request with the same code or name committed between our check and this insert.
			if (String.valueOf(e.getMessage()).contains("enterprise_uscc_key")) {
				throw Problem.invalidField("uscc", "USCC_TAKEN", uscc.value());
			}
			throw Problem.invalidField("nameZh", "ENTERPRISE_NAME_TAKEN", f.nameZh());
		}
		enterprises.changed(uscc);
		ledger.replaceScope(id, codesOf(f.scope()));
		return id;
	}

	private static EnterpriseRegistered registered(UUID id, Uscc uscc, Facts f, List<String> agencies,
			boolean recorded, Instant at) {
		List<String> activities = codesOf(f.scope());
		List<String> permits = f.scope().stream().filter(BusinessActivity::regulated).map(BusinessActivity::permitCode)
			.distinct().toList();
		return new EnterpriseRegistered(id, uscc, f.nameZh(), f.nameEn(), f.entityType().name(), f.chain(),
				f.highTech(), f.crossBorder(), activities, permits, agencies, recorded, at);
	}
}
