package io.singlewindow.declaration.internal;

import java.util.Locale;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;

/** The names of the connector's topics, from one prefix. */
@Component
@Conditional(AgencySystemsConfiguration.BootstrapServersConfigured.class)
class AgencySystemsTopics {

	private final String prefix;

	AgencySystemsTopics(AgencySystemsProperties properties) {
		this.prefix = properties.topicPrefix();
	}

	String tasks(AgencyCode agency) {
		return prefix + ".tasks." + agency.value().toLowerCase(Locale.ROOT);
	}

	public String decisions() {
		return prefix + ".decisions";
	}

	String deadLetters() {
		return prefix + ".decisions.dead-letters";
	}

	String declarations() {
		return prefix + ".declarations";
	}
}
