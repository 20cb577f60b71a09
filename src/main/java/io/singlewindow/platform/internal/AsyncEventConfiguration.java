package io.singlewindow.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of asynchronous event listeners ({@code @ApplicationModuleListener}). Bounded on purpose: with the
 * default unbounded virtual-thread executor every clearance under load started its listeners at once, each holding a
 * database connection while it queued on the same statistics rows, until web requests could get none. A few threads
 * and a queue keep listeners from starving requests; the queue needs no durability of its own, because every
 * publication is in the event publication registry until its listener completes, and is republished after a restart.
 */
@Configuration(proxyBeanMethods = false)
class AsyncEventConfiguration {

	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(ListenerSettings settings) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("event-");
		executor.setCorePoolSize(settings.threads());
		executor.setMaxPoolSize(settings.threads());
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

	/** @param threads how many asynchronous event listeners run at once on this node */
	@ConfigurationProperties("singlewindow.events")
	record ListenerSettings(@DefaultValue("4") int threads) {
	}
}
