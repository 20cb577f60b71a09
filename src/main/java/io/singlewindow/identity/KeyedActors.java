package io.singlewindow.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.singlewindow.identity.internal.ActorResolver;

/**
 * Who an API key stands for when it arrives in a message rather than an HTTP request (an agency's back-office system
 * deciding a task over Kafka): empty for an unknown, revoked or expired key or a disabled account.
 */
@Component
public class KeyedActors {

	private final ActorResolver resolver;

	KeyedActors(ActorResolver resolver) {
		this.resolver = resolver;
	}

	public Optional<Actor> actorFor(String apiKey) {
		return resolver.resolveApiKey(apiKey);
	}
}
