package io.singlewindow.identity.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A trading enterprise's customs brokers: whom it authorises to declare and apply on its behalf, and the revocation of
 * that authority, which takes effect on the broker's next request (a broker's principals are read afresh for every
 * request). Only the enterprise's own traders grant and revoke; a broker never extends its own authority.
 */
@RestController
@RequestMapping("/api/v1/broker-authorisations")
@Tag(name = "Identity")
class BrokerAuthorisationApi {

	private final Accounts accounts;
	private final CurrentActor currentActor;
	private final JdbcClient jdbc;

	BrokerAuthorisationApi(Accounts accounts, CurrentActor currentActor, JdbcClient jdbc) {
		this.accounts = accounts;
		this.currentActor = currentActor;
		this.jdbc = jdbc;
	}

	record Grant(String broker) {
	}

	record Authorisation(String broker, Instant grantedAt) {
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping
	@Operation(summary = "The brokers the calling trader's enterprise currently authorises")
	List<Authorisation> list() {
		Uscc principal = principalOf(currentActor.get());
		return jdbc.sql("""
				SELECT broker_uscc, granted_at FROM broker_authorisation
				WHERE principal_uscc = ? AND revoked_at IS NULL ORDER BY granted_at, broker_uscc""")
			.param(principal.value())
			.query((rs, i) -> new Authorisation(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" })
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Authorise a customs broker (by its USCC) to act for the calling trader's enterprise")
	Authorisation authorise(@RequestBody Grant grant) {
		Uscc principal = grantorOf(currentActor.get());
		Uscc broker = brokerOf(grant == null ? null : grant.broker());
		boolean isBroker = jdbc.sql("SELECT count(*) FROM user_account WHERE uscc = ? AND role = 'BROKER'")
			.param(broker.value()).query(Long.class).single() > 0;
		if (!isBroker) {
			throw Problem.invalidField("broker", "BROKER_UNKNOWN", broker.value());
		}
		accounts.authoriseBroker(principal, broker);
		return list().stream().filter(a -> a.broker().equals(broker.value())).findFirst().orElseThrow();
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" })
	@DeleteMapping("/{broker}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a broker's authority for the calling trader's enterprise; effective on its next request")
	void revoke(@PathVariable String broker) {
		accounts.revokeBroker(grantorOf(currentActor.get()), brokerOf(broker));
	}

	/** Only a trader reads its enterprise's brokers. */
	private static Uscc principalOf(Actor actor) {
		actor.requireRole(Role.TRADER);
		return actor.enterprise();
	}

	/** Only a trader grants or revokes, for its own enterprise, with the right to keep its record. */
	private static Uscc grantorOf(Actor actor) {
		Uscc principal = principalOf(actor);
		actor.requireRight(OperatorRight.MANAGE_ENTERPRISE);
		return principal;
	}

	private static Uscc brokerOf(String raw) {
		if (raw == null || raw.isBlank()) {
			throw Problem.invalidField("broker", "REQUIRED");
		}
		try {
			return Uscc.parse(raw);
		} catch (InvalidValue e) {
			throw Problem.invalidField("broker", e.code(), raw);
		}
	}
}
