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

	/**
	 * Who an account is now, for work done later on its behalf (the declarations of a batch it handed in): read afresh,
	 * so a broker's revoked authority or a disabled account counts; empty for an unknown or disabled account.
	 */
	public Optional<Actor> actorFor(java.util.UUID accountId) {
		return resolver.resolveAccount(accountId);
	}
}
