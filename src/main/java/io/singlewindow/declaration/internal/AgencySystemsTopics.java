package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.identity.Agencies;

/** The names of the connector's topics, from one prefix, and which agency's system may write which decisions topic. */
@Component
@Conditional(AgencySystemsConfiguration.BootstrapServersConfigured.class)
class AgencySystemsTopics {

	private final String prefix;
	private final Map<AgencyCode, String> principals;

	AgencySystemsTopics(AgencySystemsProperties properties, Agencies agencies) {
		this.prefix = properties.topicPrefix();
		var configured = new HashMap<AgencyCode, String>();
		properties.agencies().forEach((key, system) -> {
			AgencyCode agency = AgencyCode.of(key);
			if (agencies.find(agency).isEmpty()) {
				throw new IllegalStateException("singlewindow.kafka.agencies." + key + ": no such agency");
			}
			String principal = system.principal() == null ? "" : system.principal().strip();
			if (!principal.matches("[A-Za-z]+:[^\\s*]+")) {
				// Kafka principals are <type>:<name>; a wildcard would let anyone write the agency's topic.
				throw new IllegalStateException("singlewindow.kafka.agencies." + key
						+ ".principal must be a Kafka principal such as User:customs-clearance, was '" + principal + "'");
			}
			configured.put(agency, principal);
		});
		this.principals = Map.copyOf(configured);
	}

	String tasks(AgencyCode agency) {
		return prefix + ".tasks." + agency.value().toLowerCase(Locale.ROOT);
	}

	public String decisions() {
		return prefix + ".decisions";
	}

	/** The decisions topic of one agency's system, which only the agency's configured principal may write. */
	String decisions(AgencyCode agency) {
		return decisions() + "." + agency.value().toLowerCase(Locale.ROOT);
	}

	/** Every topic decisions are read from: the shared one and those of agencies with a configured principal. */
	public String[] decisionTopics() {
		List<String> all = new ArrayList<>();
		all.add(decisions());
		principals.keySet().stream().sorted(Comparator.comparing(AgencyCode::value)).forEach(a -> all.add(decisions(a)));
		return all.toArray(String[]::new);
	}

	/** The agency whose own decisions topic this is, if it is one. */
	Optional<AgencyCode> agencyOfDecisions(String topic) {
		return principals.keySet().stream().filter(a -> decisions(a).equals(topic)).findFirst();
	}

	/** The configured principal of each agency's system. */
	Map<AgencyCode, String> principals() {
		return principals;
	}

	String deadLetters() {
		return prefix + ".decisions.dead-letters";
	}

	String declarations() {
		return prefix + ".declarations";
	}
}
