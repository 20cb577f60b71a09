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

	ActorResolver(AccountStore accounts) {
		this.accounts = accounts;
	}

	public Optional<Actor> resolve(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof AccountPrincipal p)) {
			return Optional.empty();
		}
		Role role = Role.valueOf(p.role());
		Uscc enterprise = p.uscc() == null ? null : Uscc.parse(p.uscc());
		AgencyCode agency = p.agencyCode() == null ? null : new AgencyCode(p.agencyCode());
		Set<Uscc> principals = role == Role.BROKER ? accounts.principalsOf(p.uscc()) : Set.of();
		return Optional.of(new Actor(p.userId(), p.username(), p.displayName(), role, enterprise, agency, principals));
	}
}
