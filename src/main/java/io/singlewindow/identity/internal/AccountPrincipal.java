package io.singlewindow.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.singlewindow.identity.OperatorRight;

/**
 * The logged-in account as kept in the (database-backed) session: only plain values, so any node can read it.
 * Broker authorisations are deliberately not kept here; {@link ActorResolver} reads them per request. An operator's
 * rights are kept as they were at login: changing them ends the operator's sessions ({@link Operators#grant}). The
 * previous login (when, from where; null for a first) is as the account row held it when this login read it;
 * {@code secondFactor}: whether the account had a second factor on at login (false in a session stored before).
 */
public record AccountPrincipal(UUID userId, String username, String passwordHash, String displayName, String role,
		String uscc, String agencyCode, boolean enabled, boolean passwordChangeRequired, Set<OperatorRight> rights,
		Instant previousLoginAt, String previousLoginAddress, boolean secondFactor)
		implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public AccountPrincipal {
		// A session stored before rights existed reads back without them: its account held every right then, and a
		// right withdrawn since would have ended the session.
		rights = rights == null ? OperatorRight.all() : Set.copyOf(rights);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + role));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** The session copy never carries the hash. */
	AccountPrincipal withoutPassword() {
		return new AccountPrincipal(userId, username, "", displayName, role, uscc, agencyCode, enabled,
				passwordChangeRequired, rights, previousLoginAt, previousLoginAddress, secondFactor);
	}
}
