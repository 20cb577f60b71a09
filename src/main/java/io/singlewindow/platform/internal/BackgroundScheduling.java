package io.singlewindow.platform.internal;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler of the platform's background work (statistics and price-history folds, the audit seal, webhook
 * deliveries, the batch job, retries to the agencies' Kafka). With virtual threads on, Spring Boot would schedule with
 * a {@code SimpleAsyncTaskScheduler}, which runs every fixed-delay task on its one scheduler thread: a webhook poll
 * waiting up to its read timeout (10 s) for a receiver that never answers held up every fold and the audit seal
 * meanwhile. A pool (`spring.task.scheduling.pool.size`) gives each task a thread; fixed delay still runs each task
 * one run at a time.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundScheduling {

	@Bean
	ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
		return builder.build();
	}
}
