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
 */
public record NavigationItem(String messageKey, String path, Set<String> roles, int order) {

	public boolean visibleTo(Set<String> actorRoles) {
		return roles.isEmpty() || roles.stream().anyMatch(actorRoles::contains);
	}
}
