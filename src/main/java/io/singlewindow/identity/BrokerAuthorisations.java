package io.singlewindow.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.SecurityEventOccurred.Type;
import io.singlewindow.identity.internal.SecurityEvents;

/**
 * An enterprise's authorisations of customs brokers (报关委托): a trader authorises a broker of the zone to declare for
 * it and revokes the authority when the engagement ends; the broker acts for it from its very next request until
 * then ({@link Actor#principals()} is read per request). Who granted or revoked, and when, is a security event, so
 * that the trail names the person, not only the enterprise.
 */
@Component
public class BrokerAuthorisations {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final SecurityEvents events;

	BrokerAuthorisations(JdbcClient jdbc, Accounts accounts, SecurityEvents events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
	}

	/** A broker's current authority to act for a principal, since {@code grantedAt}. */
	public record Authorisation(Uscc broker, Uscc principal, Instant grantedAt) {
	}

	/**
	 * The brokers the trader's enterprise authorises now, the longest-standing first.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader
	 */
	public List<Authorisation> grantedBy(Actor actor) {
		actor.requireRole(Role.TRADER);
		return jdbc.sql("""
				SELECT broker_uscc, principal_uscc, granted_at FROM broker_authorisation
				WHERE principal_uscc = ? AND revoked_at IS NULL ORDER BY granted_at, broker_uscc""")
			.param(actor.enterprise().value()).query(BrokerAuthorisations::authorisation).list();
	}

	/**
	 * The enterprises that authorise the broker's brokerage now, the longest-standing first.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a broker
	 */
	public List<Authorisation> heldBy(Actor actor) {
		actor.requireRole(Role.BROKER);
		return jdbc.sql("""
				SELECT broker_uscc, principal_uscc, granted_at FROM broker_authorisation
				WHERE broker_uscc = ? AND revoked_at IS NULL ORDER BY granted_at, principal_uscc""")
			.param(actor.enterprise().value()).query(BrokerAuthorisations::authorisation).list();
	}

	/** The brokerages of the zone: enterprises with an active broker's account, which a trader may authorise. */
	public List<Uscc> brokerages() {
		return jdbc.sql("SELECT DISTINCT uscc FROM user_account WHERE role = 'BROKER' AND enabled ORDER BY uscc")
			.query(String.class).list().stream().map(Uscc::parse).toList();
	}

	/**
	 * The trader authorises the brokerage {@code broker} (its USCC) to declare for the trader's enterprise; authorised
	 * again, the authority simply goes on (its date is the first grant's).
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader, {@code OPERATOR_RIGHT_REQUIRED} without the right to
	 *     keep the enterprise's record; 422 at {@code broker}: {@code REQUIRED}, the USCC's format codes,
	 *     {@code BROKER_UNKNOWN}
	 */
	@Transactional
	public Authorisation authorise(Actor actor, String broker, String clientAddress) {
		Uscc principal = grantor(actor);
		Uscc brokerage = brokerOf(broker);
		boolean isBroker = jdbc.sql("SELECT count(*) FROM user_account WHERE uscc = ? AND role = 'BROKER'")
			.param(brokerage.value()).query(Long.class).single() > 0;
		if (!isBroker) {
			throw Problem.invalidField("broker", "BROKER_UNKNOWN", brokerage.value());
		}
		boolean already = grantedBy(actor).stream().anyMatch(a -> a.broker().equals(brokerage));
		if (!already) {
			accounts.authoriseBroker(principal, brokerage);
			events.record(Type.BROKER_AUTHORISED, actor.username(), actor.username(), clientAddress,
					Map.of("enterprise", principal.value(), "broker", brokerage.value()));
		}
		return grantedBy(actor).stream().filter(a -> a.broker().equals(brokerage)).findFirst().orElseThrow();
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
		try {
			return Uscc.parse(raw.strip());
		}
		catch (InvalidValue e) {
			throw Problem.invalidField("broker", e.code(), raw);
		}
	}

	private static Authorisation authorisation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Authorisation(Uscc.parse(rs.getString(1)), Uscc.parse(rs.getString(2)),
				rs.getTimestamp(3).toInstant());
	}
}
