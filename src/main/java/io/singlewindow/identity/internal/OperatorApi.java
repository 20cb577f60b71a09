package io.singlewindow.identity.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** An enterprise's operators (操作员) by API: its people read them, its administrator opens and deactivates them. */
@RestController
@RequestMapping("/api/v1/operators")
@Tag(name = "Identity")
class OperatorApi {

	private final Operators operators;
	private final CurrentActor currentActor;

	OperatorApi(Operators operators, CurrentActor currentActor) {
		this.operators = operators;
		this.currentActor = currentActor;
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping
	@Operation(summary = "The accounts of the caller's enterprise, its administrator first (traders, brokers)")
	List<Operators.Operator> list() {
		return operators.of(currentActor.get());
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "ENTERPRISE_ADMINISTRATOR_REQUIRED" })
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open an account for a colleague who declares for the enterprise (its administrator; 操作员); "
			+ "rights left out: every right")
	ResponseEntity<AccountApi.Opened> open(@RequestBody Operators.NewOperator request, HttpServletRequest http) {
		UUID id = operators.open(currentActor.get(), request, http.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/operators/" + id))
			.body(new AccountApi.Opened(id, request.username().strip()));
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ACCOUNT_NOT_FOUND")
	@GetMapping("/{id}")
	@Operation(summary = "One account of the caller's enterprise, as the list shows it")
	Operators.Operator operator(@PathVariable UUID id) {
		return operators.of(currentActor.get(), id);
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "ENTERPRISE_ADMINISTRATOR_REQUIRED" }, notFound = "ACCOUNT_NOT_FOUND",
			conflict = { "OWN_ACCOUNT", "ENTERPRISE_ADMINISTRATOR_ACCOUNT" })
	@PostMapping("/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Deactivate a colleague's account: its sessions end and its API keys are revoked at once "
			+ "(the enterprise's administrator)")
	void deactivate(@PathVariable UUID id, HttpServletRequest http) {
		operators.deactivate(currentActor.get(), id, http.getRemoteAddr());
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "ENTERPRISE_ADMINISTRATOR_REQUIRED" }, notFound = "ACCOUNT_NOT_FOUND",
			conflict = { "OWN_ACCOUNT", "ENTERPRISE_ADMINISTRATOR_ACCOUNT" })
	@PostMapping("/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Give a colleague who forgot their password a new first one: their sessions end, and they "
			+ "choose their own at the next login (the enterprise's administrator)")
	void resetPassword(@PathVariable UUID id, @RequestBody AccountApi.NewPassword request, HttpServletRequest http) {
		operators.resetPassword(currentActor.get(), id, request.password(), http.getRemoteAddr());
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "ENTERPRISE_ADMINISTRATOR_REQUIRED" }, notFound = "ACCOUNT_NOT_FOUND",
			conflict = { "OWN_ACCOUNT", "ENTERPRISE_ADMINISTRATOR_ACCOUNT" },
			invalid = { "REQUIRED", "OPERATOR_RIGHT_UNKNOWN" })
	@PutMapping("/{id}/rights")
	@Operation(summary = "Set what a colleague may change for the enterprise: DECLARE, APPLY_FOR_PERMITS, "
			+ "MANAGE_ENTERPRISE; none: reading only. Their sessions end so the rights apply at once (the enterprise's "
			+ "administrator)")
	Rights grant(@PathVariable UUID id, @RequestBody(required = false) Operators.Grant grant,
			HttpServletRequest http) {
		return new Rights(operators.grant(currentActor.get(), id, grant, http.getRemoteAddr()));
	}

	/** The rights a colleague holds now. */
	record Rights(List<OperatorRight> rights) {
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "ENTERPRISE_ADMINISTRATOR_REQUIRED" }, notFound = "ACCOUNT_NOT_FOUND",
			conflict = { "OWN_ACCOUNT", "ENTERPRISE_ADMINISTRATOR_ACCOUNT" },
			invalid = { "REQUIRED", "PRINCIPAL_UNKNOWN" })
	@PutMapping("/{id}/principals")
	@Operation(summary = "Set which principals a brokerage's colleague acts for (分管委托企业): {\"all\": true} for every "
			+ "one, or {\"principals\": [USCC, …]} of those that authorise the brokerage ([]: its own business only). "
			+ "Applies from the colleague's next request (the brokerage's administrator)")
	Operators.Assignment assign(@PathVariable UUID id, @RequestBody(required = false) Operators.Assignment assignment,
			HttpServletRequest http) {
		return operators.assign(currentActor.get(), id, assignment, http.getRemoteAddr());
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "ENTERPRISE_ADMINISTRATOR_REQUIRED" }, notFound = "ACCOUNT_NOT_FOUND",
			conflict = { "OWN_ACCOUNT", "ENTERPRISE_ADMINISTRATOR_ACCOUNT", "ACCOUNT_DEACTIVATED" })
	@PostMapping("/{id}/administration")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hand the enterprise's administration over to a colleague, who manages its operators from now "
			+ "on; the caller goes on as an operator (the enterprise's administrator)")
	void handOver(@PathVariable UUID id, HttpServletRequest http) {
		operators.handOver(currentActor.get(), id, http.getRemoteAddr());
	}

	@Refuses(forbidden = { "ROLE_REQUIRED", "ENTERPRISE_ADMINISTRATOR_REQUIRED" }, notFound = "ACCOUNT_NOT_FOUND",
			conflict = { "OWN_ACCOUNT", "ENTERPRISE_ADMINISTRATOR_ACCOUNT" })
	@PostMapping("/{id}/reactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Let a colleague's deactivated account log in again; its old API keys stay revoked "
			+ "(the enterprise's administrator)")
	void reactivate(@PathVariable UUID id, HttpServletRequest http) {
		operators.reactivate(currentActor.get(), id, http.getRemoteAddr());
	}
}
