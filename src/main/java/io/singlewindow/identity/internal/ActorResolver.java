package io.singlewindow.identity.internal;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;

/** Turns an authenticated principal into the {@link Actor} that modules reason about. */
@Component
public class ActorResolver {

	private final AccountStore accounts;
	private final ApiKeys keys;

	ActorResolver(AccountStore accounts, ApiKeys keys) {
		this.accounts = accounts;
		this.keys = keys;
	}

	/**
	 * The actor an API key presented outside an HTTP request stands for (a decision arriving from an agency's own
	 * system): the same checks as the API's filter — known, not revoked, not expired, account enabled.
	 */
	public Optional<Actor> resolveApiKey(String presentedKey) {
		if (presentedKey == null || presentedKey.isBlank()) {
			return Optional.empty();
		}
		return keys.accountOf(presentedKey.strip()).filter(AccountPrincipal::enabled)
			.map(AccountPrincipal::withoutPassword).map(this::actorOf);
	}

	/** The actor an account is now, with its current rights: empty for an unknown or disabled account. */
	public Optional<Actor> resolveAccount(java.util.UUID accountId) {
		return accounts.findById(accountId).filter(AccountPrincipal::enabled).map(AccountPrincipal::withoutPassword)
			.map(this::actorOf);
	}

	public Optional<Actor> resolve(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof AccountPrincipal p)) {
			return Optional.empty();
		}
		return Optional.of(actorOf(p));
	}

	private Actor actorOf(AccountPrincipal p) {
		Role role = Role.valueOf(p.role());
		Uscc enterprise = p.uscc() == null ? null : Uscc.parse(p.uscc());
		AgencyCode agency = p.agencyCode() == null ? null : new AgencyCode(p.agencyCode());
		Set<Uscc> principals = role == Role.BROKER ? accounts.principalsOf(p.uscc(), p.userId()) : Set.of();
		return new Actor(p.userId(), p.username(), p.displayName(), role, enterprise, agency, principals, p.rights());
	}
}
