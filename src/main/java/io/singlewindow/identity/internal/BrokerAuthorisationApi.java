package io.singlewindow.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Refuses;
import io.singlewindow.identity.BrokerAuthorisations;
import io.singlewindow.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A trading enterprise's customs brokers: whom it authorises to declare and apply on its behalf, and the revocation of
 * that authority, which takes effect on the broker's next request (a broker's principals are read afresh for every
 * request). Only the enterprise's own traders grant and revoke; a broker never extends its own authority.
 */
@RestController
@RequestMapping("/api/v1/broker-authorisations")
@Tag(name = "Identity")
class BrokerAuthorisationApi {

	private final BrokerAuthorisations authorisations;
	private final CurrentActor currentActor;

	BrokerAuthorisationApi(BrokerAuthorisations authorisations, CurrentActor currentActor) {
		this.authorisations = authorisations;
		this.currentActor = currentActor;
	}

	/** Whom to authorise, and through which day ({@code yyyy-MM-dd}; left out: until revoked). */
	record Grant(String broker, String validUntil) {
	}

	/**
	 * A broker's authority; {@code daysLeft}: days after today through its last day (0 on the last day; left out:
	 * until revoked), {@code endsSoon}: within 30 days (委托即将到期).
	 */
	record Authorisation(String broker, Instant grantedAt, LocalDate validUntil, Long daysLeft, boolean endsSoon) {

		static Authorisation of(BrokerAuthorisations.Authorisation a) {
			return new Authorisation(a.broker().value(), a.grantedAt(), a.validUntil(), a.daysLeft(), a.endsSoon());
		}
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping
	@Operation(summary = "The brokers the calling trader's enterprise currently authorises")
	List<Authorisation> list() {
		return authorisations.grantedBy(currentActor.get()).stream().map(Authorisation::of).toList();
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" })
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Authorise a customs broker (by its USCC) to act for the calling trader's enterprise, until "
			+ "revoked or through validUntil (its last day); authorised again, the last day changes")
	ResponseEntity<Authorisation> authorise(@RequestBody Grant grant, HttpServletRequest http) {
		Authorisation granted = Authorisation.of(authorisations.authorise(currentActor.get(),
				grant == null ? null : grant.broker(), grant == null ? null : grant.validUntil(), http.getRemoteAddr()));
		return ResponseEntity.created(URI.create("/api/v1/broker-authorisations/" + granted.broker())).body(granted);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "BROKER_AUTHORISATION_NOT_FOUND",
			invalid = { "REQUIRED", "USCC_FORMAT", "ORGANISATION_CODE_FORMAT" })
	@GetMapping("/{broker}")
	@Operation(summary = "The calling trader's enterprise's authority for one customs broker (by its USCC), while it "
			+ "lasts")
	Authorisation authorisation(@PathVariable String broker) {
		return Authorisation.of(authorisations.grantedBy(currentActor.get(), broker));
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "OPERATOR_RIGHT_REQUIRED" })
	@DeleteMapping("/{broker}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a broker's authority for the calling trader's enterprise; effective on its next request")
	void revoke(@PathVariable String broker, HttpServletRequest http) {
		authorisations.revoke(currentActor.get(), broker, http.getRemoteAddr());
	}
}
