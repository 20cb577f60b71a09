package io.singlewindow.statistics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Commands and settings of the statistics module, all off by default except the small demo history. Generating
 * synthetic declarations at scale and timing the dashboard are benchmarks ({@code bench/statistics/run.sh}), not
 * commands of the production application.
 *
 * @param rebuild recompute every aggregate from the facts on start
 * @param exitWhenDone stop the application once the rebuild has run
 * @param demoDeclarationsPerMonth synthetic declarations per month of the demo history seeded with the demo data
 *     (0 for none)
 */
@ConfigurationProperties("singlewindow.statistics")
record StatisticsProperties(@DefaultValue("false") boolean rebuild, @DefaultValue("false") boolean exitWhenDone,
		@DefaultValue("400") int demoDeclarationsPerMonth) {
}
