package io.singlewindow.statistics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Commands and settings of the statistics module, all off by default except the small demo history.
 *
 * @param rebuild recompute every aggregate from the facts on start
 * @param exitWhenDone stop the application once the start-up commands (rebuild, generate, benchmark) have run
 * @param demoDeclarationsPerMonth synthetic declarations per month of the demo history seeded with the demo data
 *     (0 for none)
 */
@ConfigurationProperties("singlewindow.statistics")
record StatisticsProperties(@DefaultValue("false") boolean rebuild, @DefaultValue("false") boolean exitWhenDone,
		@DefaultValue("400") int demoDeclarationsPerMonth, @DefaultValue Generate generate,
		@DefaultValue Benchmark benchmark) {

	/**
	 * @param years the current year to date plus this many previous calendar years; 0 generates nothing
	 * @param declarationsPerMonth the average number of declarations in a month (seasonality and trend vary it)
	 * @param seed the same seed gives the same declarations, so generating twice adds nothing
	 * @param batchSize declarations per transaction
	 */
	record Generate(@DefaultValue("0") int years, @DefaultValue("20000") int declarationsPerMonth,
			@DefaultValue("20260101") long seed, @DefaultValue("5000") int batchSize) {
	}

	/** @param rounds how often each query is timed; 0 runs no benchmark */
	record Benchmark(@DefaultValue("0") int rounds) {
	}
}
