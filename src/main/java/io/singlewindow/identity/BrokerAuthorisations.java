package io.singlewindow.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.SecurityEventOccurred.Type;
import io.singlewindow.identity.internal.SecurityEvents;
import io.singlewindow.platform.BusinessTime;

/**
 * An enterprise's authorisations of customs brokers (报关委托): a trader authorises a broker of the zone to declare for
 * it, until revoked or for a period (委托期限: through its last day, in the zone's calendar), and revokes the authority
 * when the engagement ends; the broker acts for it from its very next request until then ({@link Actor#principals()}
 * is read per request). Who granted or revoked, and when, is a security event, so that the trail names the person,
 * not only the enterprise.
 */
@Component
public class BrokerAuthorisations {

	/**
	 * How many days before an authority's last day both sides are told it ends ({@link Authorisation#endsSoon}): a
	 * month, time enough for the trader to set a new last day before the broker is refused mid-shipment.
	 */
	public static final int ENDING_NOTICE_DAYS = 30;

	/** Live today: not revoked, its last day not passed. */
	private static final String LIVE = " revoked_at IS NULL AND (valid_until IS NULL OR valid_until >= ?)";

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final SecurityEvents events;
	private final BusinessTime time;

	BrokerAuthorisations(JdbcClient jdbc, Accounts accounts, SecurityEvents events, BusinessTime time) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
		this.time = time;
	}

	/**
	 * A broker's current authority to act for a principal, since {@code grantedAt}, through {@code validUntil} (its
	 * last day; null: until revoked), with {@code daysLeft} after today (0 on its last day; null: until revoked).
	 */
	public record Authorisation(Uscc broker, Uscc principal, Instant grantedAt, LocalDate validUntil, Long daysLeft) {

		/**
		 * Whether its last day is within {@value #ENDING_NOTICE_DAYS} days (委托即将到期): after it the broker is refused
		 * on its next request, so the trader sets a new last day or lets it end, and the broker asks in time.
		 */
		public boolean endsSoon() {
			return daysLeft != null && daysLeft <= ENDING_NOTICE_DAYS;
		}
	}

	/**
	 * The brokers the trader's enterprise authorises now, the longest-standing first.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader
	 */
	public List<Authorisation> grantedBy(Actor actor) {
		actor.requireRole(Role.TRADER);
		return liveWhere("principal_uscc", "broker_uscc", actor.enterprise());
	}

	/**
	 * The authority the trader's enterprise gives one brokerage now.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader; 422 at {@code broker} when it is no USCC; 404
	 *     {@code BROKER_AUTHORISATION_NOT_FOUND} when the enterprise does not authorise it now
	 */
	public Authorisation grantedBy(Actor actor, String broker) {
		actor.requireRole(Role.TRADER);
		Uscc brokerage = brokerOf(broker);
		return live(actor, brokerage)
			.orElseThrow(() -> Problem.notFound("BROKER_AUTHORISATION_NOT_FOUND", brokerage.value()));
	}

	/**
	 * The enterprises that authorise the broker's brokerage now and that this operator handles (its
	 * {@link Actor#principals()}: all of them unless its administrator named some), the longest-standing first.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a broker
	 */
	public List<Authorisation> heldBy(Actor actor) {
		actor.requireRole(Role.BROKER);
		return liveWhere("broker_uscc", "principal_uscc", actor.enterprise()).stream()
			.filter(held -> actor.principals().contains(held.principal())).toList();
	}

	/**
	 * The live authorisations whose {@code side} column (one of the two USCC columns) is {@code enterprise}, the
	 * longest-standing first, then by the {@code other} side.
	 */
	private List<Authorisation> liveWhere(String side, String other, Uscc enterprise) {
		LocalDate today = time.today();
		return jdbc.sql("SELECT broker_uscc, principal_uscc, granted_at, valid_until FROM broker_authorisation WHERE "
				+ side + " = ? AND" + LIVE + " ORDER BY granted_at, " + other)
			.params(enterprise.value(), today).query((rs, row) -> authorisation(rs, today)).list();
	}

	/**
	 * The authorities on the actor's side that end within {@value #ENDING_NOTICE_DAYS} days, the first to end first:
	 * a trader's brokers, a broker's principals; none for other roles.
	 */
	public List<Authorisation> endingSoon(Actor actor) {
		List<Authorisation> live = switch (actor.role()) {
			case TRADER -> grantedBy(actor);
			case BROKER -> heldBy(actor);
			default -> List.of();
		};
		return live.stream().filter(Authorisation::endsSoon)
			.sorted(java.util.Comparator.comparing(Authorisation::validUntil)).toList();
	}

	/** The brokerages of the zone: enterprises with an active broker's account, which a trader may authorise. */
	public List<Uscc> brokerages() {
		return jdbc.sql("SELECT DISTINCT uscc FROM user_account WHERE role = 'BROKER' AND enabled ORDER BY uscc")
			.query(String.class).list().stream().map(Uscc::parse).toList();
	}

	/**
	 * The trader authorises the brokerage {@code broker} (its USCC) to declare for the trader's enterprise, through
	 * {@code validUntil} ({@code yyyy-MM-dd}, the last day; null or blank: until revoked). Authorised again while
	 * authorised, the authority goes on from its first grant and takes the new last day; the same again changes
	 * nothing.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader, {@code OPERATOR_RIGHT_REQUIRED} without the right to
	 *     keep the enterprise's record; 422 at {@code broker}: {@code REQUIRED}, the USCC's format codes,
	 *     {@code BROKER_UNKNOWN}; at {@code validUntil}: {@code DATE_FORMAT}, {@code VALID_UNTIL_IN_PAST}
	 */
	@Transactional
	public Authorisation authorise(Actor actor, String broker, String validUntil, String clientAddress) {
		Uscc principal = grantor(actor);
		Violations violations = new Violations();
		Uscc brokerage = broker == null || broker.isBlank() ? null
				: violations.read("broker", () -> Uscc.parse(broker.strip()));
		violations.required(broker, "broker");
		LocalDate lastDay = lastDay(validUntil, violations);
		violations.throwIfAny();
		boolean isBroker = jdbc.sql("SELECT count(*) FROM user_account WHERE uscc = ? AND role = 'BROKER'")
			.param(brokerage.value()).query(Long.class).single() > 0;
		if (!isBroker) {
			throw Problem.invalidField("broker", "BROKER_UNKNOWN", brokerage.value());
		}
		java.util.Optional<Authorisation> live = live(actor, brokerage);
		if (live.isPresent() && java.util.Objects.equals(live.get().validUntil(), lastDay)) {
			return live.get();
		}
		if (live.isEmpty()) {
			accounts.authoriseBroker(principal, brokerage, lastDay);
		}
		else {
			jdbc.sql("UPDATE broker_authorisation SET valid_until = ? WHERE broker_uscc = ? AND principal_uscc = ?")
				.params(lastDay, brokerage.value(), principal.value()).update();
		}
		events.record(Type.BROKER_AUTHORISED, actor.username(), actor.username(), clientAddress,
				Map.of("enterprise", principal.value(), "broker", brokerage.value(), "validUntil",
						lastDay == null ? "revoked" : lastDay.toString()));
		return live(actor, brokerage).orElseThrow();
	}

	private java.util.Optional<Authorisation> live(Actor actor, Uscc brokerage) {
		return grantedBy(actor).stream().filter(a -> a.broker().equals(brokerage)).findFirst();
	}

	/** The authority's last day as typed: none, or a date not before today. */
	private LocalDate lastDay(String validUntil, Violations violations) {
		if (validUntil == null || validUntil.isBlank()) {
			return null;
		}
		LocalDate day;
		try {
			day = io.singlewindow.core.IsoDay.parse(validUntil.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			violations.add("validUntil", "DATE_FORMAT");
			return null;
		}
		LocalDate today = time.today();
		violations.check(!day.isBefore(today), "validUntil", "VALID_UNTIL_IN_PAST", today);
		return day;
	}

	/**
	 * The trader ends the brokerage's authority for its enterprise, effective on the broker's next request; revoking
	 * one that holds none changes nothing.
	 *
	 * @throws Problem as {@link #authorise}, without {@code BROKER_UNKNOWN}
	 */
	@Transactional
	public void revoke(Actor actor, String broker, String clientAddress) {
		Uscc principal = grantor(actor);
		Uscc brokerage = brokerOf(broker);
		if (accounts.revokeBroker(principal, brokerage)) {
			events.record(Type.BROKER_AUTHORISATION_REVOKED, actor.username(), actor.username(), clientAddress,
					Map.of("enterprise", principal.value(), "broker", brokerage.value()));
		}
	}

	/** Only a trader grants or revokes, for its own enterprise, with the right to keep its record. */
	private static Uscc grantor(Actor actor) {
		actor.requireRole(Role.TRADER);
		actor.requireRight(OperatorRight.MANAGE_ENTERPRISE);
		return actor.enterprise();
	}

	private static Uscc brokerOf(String raw) {
		if (raw == null || raw.isBlank()) {
			throw Problem.invalidField("broker", "REQUIRED");
		}
		return Violations.readOne("broker", () -> Uscc.parse(raw.strip()));
	}

	private static Authorisation authorisation(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
		LocalDate lastDay = rs.getObject(4, LocalDate.class);
		return new Authorisation(Uscc.parse(rs.getString(1)), Uscc.parse(rs.getString(2)),
				rs.getTimestamp(3).toInstant(), lastDay,
				lastDay == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, lastDay));
	}
}
