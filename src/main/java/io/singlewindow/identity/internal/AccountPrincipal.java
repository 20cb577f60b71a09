package io.singlewindow.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in account as kept in the (database-backed) session: only plain values, so any node can read it.
 * Broker authorisations are deliberately not kept here; {@link ActorResolver} reads them per request.
 */
public record AccountPrincipal(UUID userId, String username, String passwordHash, String displayName, String role,
		String uscc, String agencyCode, boolean enabled, boolean passwordChangeRequired)
		implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

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
				passwordChangeRequired);
	}
}
