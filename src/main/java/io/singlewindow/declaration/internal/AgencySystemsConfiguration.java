package io.singlewindow.declaration.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
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

	/**
	 * A send the platform gave up on must never reach the broker afterwards, or the retry job's send would double it
	 * (found by the broker-outage test: five copies of one task once the broker was back). So the producer itself
	 * drops a record it could not deliver within {@code singlewindow.kafka.send-timeout} — and reports that before
	 * the listener stops waiting — and never blocks a listener longer than that for metadata of a broker it cannot
	 * reach. A record that reached the broker but whose acknowledgement was lost can still be sent twice: delivery
	 * stays at least once, recognisable by task id and version.
	 */
	@Bean
	DefaultKafkaProducerFactoryCustomizer agencySystemsDeliveryTimeout(AgencySystemsProperties properties) {
		int timeout = (int) Math.min(Integer.MAX_VALUE, properties.sendTimeout().toMillis());
		return factory -> factory.updateConfigs(java.util.Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout / 2),
				ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout));
	}

	/**
	 * One task topic per agency known at start, the decisions (and those of each agency with its own principal), their
	 * dead letters and the status changes.
	 */
	@Bean
	KafkaAdmin.NewTopics agencySystemsNewTopics(AgencySystemsTopics topics, Agencies agencies,
			AgencySystemsProperties properties) {
		var all = new java.util.ArrayList<NewTopic>();
		agencies.all().forEach(a -> all.add(topic(topics.tasks(a.code()), properties)));
		all.add(topic(topics.decisions(), properties));
		topics.principals().keySet().forEach(a -> all.add(topic(topics.decisions(a), properties)));
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
