package io.singlewindow.declaration.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.StringUtils;

import io.singlewindow.identity.Agencies;

/**
 * The connector to agencies' own back-office systems over Kafka (docs/agency-systems.md). Nothing of it exists unless
 * a bootstrap server is configured ({@code SINGLEWINDOW_KAFKA_BOOTSTRAP_SERVERS} or {@code spring.kafka.bootstrap-servers}):
 * the embedded default needs no broker.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AgencySystemsConfiguration.BootstrapServersConfigured.class)
@EnableConfigurationProperties(AgencySystemsProperties.class)
@EnableScheduling
class AgencySystemsConfiguration {

	static final String SERVERS = "singlewindow.kafka.bootstrap-servers";

	/** {@code SINGLEWINDOW_KAFKA_BOOTSTRAP_SERVERS} wins over Spring Boot's own property when both are set. */
	@Bean
	@ConditionalOnProperty(SERVERS)
	KafkaConnectionDetails agencySystemsConnection(AgencySystemsProperties properties) {
		List<String> servers = Arrays.stream(properties.bootstrapServers().split(",")).map(String::strip)
			.filter(s -> !s.isEmpty()).toList();
		return () -> servers;
	}

	/** One task topic per agency known at start, the decisions, their dead letters and the status changes. */
	@Bean
	KafkaAdmin.NewTopics agencySystemsNewTopics(AgencySystemsTopics topics, Agencies agencies,
			AgencySystemsProperties properties) {
		var all = new java.util.ArrayList<NewTopic>();
		agencies.all().forEach(a -> all.add(topic(topics.tasks(a.code()), properties)));
		all.add(topic(topics.decisions(), properties));
		all.add(topic(topics.deadLetters(), properties));
		all.add(topic(topics.declarations(), properties));
		return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
	}

	private static NewTopic topic(String name, AgencySystemsProperties properties) {
		return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).build();
	}

	static final class BootstrapServersConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var environment = context.getEnvironment();
			for (String property : List.of(SERVERS, "spring.kafka.bootstrap-servers")) {
				if (StringUtils.hasText(environment.getProperty(property))) {
					return ConditionOutcome.match(property + " is set");
				}
			}
			return ConditionOutcome.noMatch("no Kafka bootstrap server configured: agencies' systems not connected");
		}
	}
}
