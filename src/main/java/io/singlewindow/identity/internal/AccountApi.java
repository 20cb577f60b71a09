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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Account administration by API (administrators), and each caller's own password. */
@RestController
@Tag(name = "Identity")
class AccountApi {

	private final AccountAdministration administration;
	private final CurrentActor currentActor;

	AccountApi(AccountAdministration administration, CurrentActor currentActor) {
		this.administration = administration;
		this.currentActor = currentActor;
	}

	record Opened(UUID id, String username) {
	}

	record PasswordChange(String currentPassword, String newPassword, String repeatPassword) {
	}

	/** A first password an administrator sets for someone who forgot theirs. */
	record NewPassword(String password) {
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping("/api/v1/accounts")
	@Operation(summary = "List every account (administrators)",
			description = "By role, then agency, then user name, a page at a time: limit (default and at most "
					+ AccountAdministration.LISTED + ") and cursor, the next page's address in the Link header "
					+ "(rel=\"next\").")
	ResponseEntity<List<AccountAdministration.AccountView>> list(@RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		currentActor.get().requireRole(Role.ADMIN);
		return administration.all(PageRequest.read(limit, cursor, AccountAdministration.LISTED)).answer();
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@PostMapping("/api/v1/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open an officer account for an agency, or an administrator account (administrators)")
	ResponseEntity<Opened> open(@RequestBody AccountAdministration.NewAccount request, HttpServletRequest http) {
		UUID id = administration.open(currentActor.get(), request, http.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + id))
			.body(new Opened(id, request.username().strip()));
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ACCOUNT_NOT_FOUND")
	@GetMapping("/api/v1/accounts/{id}")
	@Operation(summary = "One account, as the list shows it (administrators)")
	AccountAdministration.AccountView account(@PathVariable UUID id) {
		currentActor.get().requireRole(Role.ADMIN);
		return administration.find(id);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ACCOUNT_NOT_FOUND", conflict = "OWN_ACCOUNT")
	@PostMapping("/api/v1/accounts/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Deactivate an account: its sessions end and its API keys are revoked at once (administrators)")
	void deactivate(@PathVariable UUID id, HttpServletRequest http) {
		administration.deactivate(currentActor.get(), id, http.getRemoteAddr());
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ACCOUNT_NOT_FOUND",
			conflict = { "NOT_AN_ENTERPRISE_ACCOUNT", "ACCOUNT_DEACTIVATED" })
	@PostMapping("/api/v1/accounts/{id}/enterprise-administration")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Name a trader's or broker's account its enterprise's administrator, in place of whoever was "
			+ "(administrators)")
	void nameEnterpriseAdministrator(@PathVariable UUID id, HttpServletRequest http) {
		administration.nameEnterpriseAdministrator(currentActor.get(), id, http.getRemoteAddr());
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ACCOUNT_NOT_FOUND", conflict = "OWN_PASSWORD")
	@PostMapping("/api/v1/accounts/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Give someone who forgot their password a new first one: their sessions end, and they choose "
			+ "their own at the next login (administrators)")
	void resetPassword(@PathVariable UUID id, @RequestBody NewPassword request, HttpServletRequest http) {
		administration.resetPassword(currentActor.get(), id, request.password(), http.getRemoteAddr());
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "ACCOUNT_NOT_FOUND")
	@PostMapping("/api/v1/accounts/{id}/reactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Let a deactivated account log in again; its old API keys stay revoked (administrators)")
	void reactivate(@PathVariable UUID id, HttpServletRequest http) {
		administration.reactivate(currentActor.get(), id, http.getRemoteAddr());
	}

	@Refuses(beforeOwnPassword = true)
	@PutMapping("/api/v1/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the calling account's password; every web session of the account ends")
	void changePassword(@RequestBody PasswordChange change, HttpServletRequest http) {
		administration.changePassword(currentActor.get(), change.currentPassword(), change.newPassword(),
				change.repeatPassword(), null, http.getRemoteAddr());
	}
}
