package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.singlewindow.SingleWindowIntegrationTest;

/** Without a Kafka bootstrap server nothing of the connector exists: the embedded default needs no broker. */
@SingleWindowIntegrationTest
class AgencySystemsOffByDefaultIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Test
	void withoutABrokerConfiguredNoConnectorRunsAndNothingListens() {
		assertThat(context.getBeansOfType(AgencySystemsPublication.class)).isEmpty();
		assertThat(context.getBeansOfType(AgencyDecisionInbox.class)).isEmpty();
		assertThat(context.getBeansOfType(AgencySystemsTopics.class)).isEmpty();
		assertThat(context.getBeanProvider(KafkaListenerEndpointRegistry.class).stream()
			.flatMap(r -> r.getListenerContainers().stream())).isEmpty();
	}
}
