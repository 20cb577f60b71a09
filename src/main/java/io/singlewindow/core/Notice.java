package io.singlewindow.core;

import java.util.List;
import java.util.Set;

/**
 * Something people of a role should act on, shown on their home page — e.g. the administrators are told that next
 * year's holiday calendar is missing. Modules offer theirs through a {@link NoticeSource} bean, so the home page needs
 * no knowledge of the modules.
 *
 * @param messageKey the text's key in the message bundles
 * @param arguments the text's arguments
 * @param roles the role names that see it
 * @param path where to act on it, e.g. {@code /admin/calendar}
 */
public record Notice(String messageKey, List<Object> arguments, Set<String> roles, String path) {

	public Notice {
		arguments = List.copyOf(arguments);
		roles = Set.copyOf(roles);
	}

	public boolean visibleTo(Set<String> actorRoles) {
		return roles.stream().anyMatch(actorRoles::contains);
	}

	/** The arguments as the message source takes them. */
	public Object[] argumentArray() {
		return arguments.toArray();
	}
}
