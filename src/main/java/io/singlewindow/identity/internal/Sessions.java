package io.singlewindow.identity.internal;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a person's web sessions. Sessions live in PostgreSQL (Spring Session JDBC) and are found by their principal
 * name, so ending them here ends them for every node at once: the next request anywhere finds no session.
 */
@Component
public class Sessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

	Sessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
		this.repository = repository;
	}

	/** Ends every session of {@code username} except {@code keep} (the caller's own, or {@literal null}). */
	public int end(String username, String keep) {
		FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
		if (sessions == null) {
			return 0;
		}
		Set<String> ids = sessions.findByPrincipalName(username).keySet();
		int ended = 0;
		for (String id : ids) {
			if (!id.equals(keep)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}
}
