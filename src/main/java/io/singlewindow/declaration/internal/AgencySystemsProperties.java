package io.singlewindow.declaration.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka connector to agencies' systems.
 *
 * @param bootstrapServers the brokers ({@code SINGLEWINDOW_KAFKA_BOOTSTRAP_SERVERS}); empty: Spring Boot's own property
 * @param topicPrefix topics are {@code <prefix>.tasks.<agency>}, {@code <prefix>.decisions},
 *     {@code <prefix>.decisions.dead-letters} and {@code <prefix>.declarations}
 * @param partitions partitions of the topics the platform creates (messages are keyed by declaration id)
 * @param replicas replication factor of those topics (3 on a production cluster)
 * @param sendTimeout how long the producer tries to deliver a message before it drops it and the publication is left
 *     for the retry job (the producer's {@code delivery.timeout.ms} and {@code max.block.ms})
 * @param retryAfter how old an unsent publication must be before the retry job sends it again
 * @param agencies per agency code ({@code singlewindow.kafka.agencies.CUSTOMS.principal=User:customs-clearance}): the
 *     Kafka principal of the agency's system, which alone may write the agency's own decisions topic; a decision read
 *     from that topic needs no officer's API key ({@link AgencyPrincipals})
 */
@ConfigurationProperties("singlewindow.kafka")
record AgencySystemsProperties(@DefaultValue("") String bootstrapServers, @DefaultValue("singlewindow") String topicPrefix,
		@DefaultValue("3") int partitions, @DefaultValue("1") short replicas, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("30s") Duration retryAfter, Map<String, AgencySystem> agencies) {

	AgencySystemsProperties {
		agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
	}

	/** @param principal the Kafka principal ({@code User:<name>}) the agency's system authenticates as */
	record AgencySystem(String principal) {
	}
}
