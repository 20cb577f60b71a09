package io.singlewindow.core;

import java.util.Set;

/**
 * An entry of the web UI's main navigation. Each module declares its own entries as beans, so the layout needs no
 * knowledge of the modules.
 *
 * @param messageKey the label's key in the message bundles
 * @param path the link target, e.g. {@code /declarations}
 * @param roles the role names ({@code TRADER}, {@code BROKER}, {@code OFFICER}, {@code ADMIN}) that see it; empty
 *     for everyone, including anonymous visitors
 * @param order position in the menu, lower first
 * @param agencies for officers: the agencies whose officers use it; empty for every agency's
 */
public record NavigationItem(String messageKey, String path, Set<String> roles, int order, Set<String> agencies) {

	public NavigationItem(String messageKey, String path, Set<String> roles, int order) {
		this(messageKey, path, roles, order, Set.of());
	}

	/** The same entry, shown to officers of these agencies only (other roles as before). */
	public NavigationItem onlyForOfficersOf(String... agencyCodes) {
		return new NavigationItem(messageKey, path, roles, order, Set.of(agencyCodes));
	}

	public boolean visibleTo(Set<String> actorRoles) {
		return roles.isEmpty() || roles.stream().anyMatch(actorRoles::contains);
	}

	/** Whether someone with these roles, an officer of {@code agency} (or {@literal null}), uses the entry. */
	public boolean visibleTo(Set<String> actorRoles, String agency) {
		return visibleTo(actorRoles) && (agencies.isEmpty() || !actorRoles.contains("OFFICER") || agencies.contains(agency));
	}
}
