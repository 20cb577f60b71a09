package io.singlewindow.statistics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.singlewindow.platform.ConditionalOnDemoData;

/**
 * What the statistics do on start, on request of their properties: seed a small synthetic history with the demo data,
 * rebuild the aggregates, and stop when asked to. See docs/statistics.md for the commands.
 */
@Configuration(proxyBeanMethods = false)
class StatisticsCommands {

	private static final Logger log = LoggerFactory.getLogger(StatisticsCommands.class);

	/** A small synthetic history, so that a new user sees monthly trade and growth at once. Skipped when present. */
	@Bean
	@Order(60)
	@ConditionalOnDemoData
	ApplicationRunner statisticsDemoData(StatisticsProperties properties, SyntheticDeclarations generator,
			JdbcClient jdbc) {
		return args -> {
			int perMonth = properties.demoDeclarationsPerMonth();
			boolean present = jdbc.sql("SELECT EXISTS (SELECT 1 FROM statistics_fact WHERE synthetic)")
				.query(Boolean.class).single();
			if (perMonth > 0 && !present) {
				long recorded = generator.generate(2, perMonth, SyntheticDeclarations.DEMO_SEED,
						SyntheticDeclarations.DEFAULT_BATCH_SIZE);
				log.info("event=statistics_demo_data declarations={}", recorded);
			}
		};
	}

	@Bean
	@Order(70)
	ApplicationRunner statisticsCommandLine(StatisticsProperties properties, StatisticsLedger ledger,
			ApplicationContext context) {
		return (ApplicationArguments args) -> {
			if (properties.rebuild()) {
				ledger.rebuild("command-line");
			}
			if (properties.exitWhenDone()) {
				log.info("event=statistics_commands_done exiting=true");
				System.exit(SpringApplication.exit(context, () -> 0));
			}
		};
	}
}
