package io.singlewindow.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Problem;
import io.singlewindow.identity.internal.ActorResolver;

/**
 * The {@link Actor} of the current request, whether it came through the web UI's session or an API key. A broker's
 * authorisations are read afresh on every request, so a revocation takes effect at once on every node.
 */
@Component
public class CurrentActor {

	private final ActorResolver resolver;

	CurrentActor(ActorResolver resolver) {
		this.resolver = resolver;
	}

	/** @throws Problem 401 {@code UNAUTHENTICATED} when nobody is logged in */
	public Actor get() {
		return find().orElseThrow(Problem::unauthenticated);
	}

	public Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return resolver.resolve(authentication);
	}
}
