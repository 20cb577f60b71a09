package io.singlewindow.statistics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.singlewindow.platform.StagingTable;

/**
 * Folds the staged cleared declarations into the statistics several times a second: one transaction for every
 * declaration cleared meanwhile, instead of one each. Any node may do it (see {@link StatisticsLedger#fold()}); the
 * dashboard lags a clearance by at most about one interval ({@code singlewindow.statistics.fold-millis}).
 */
@Component
class StatisticsFolding {

	private static final Logger log = LoggerFactory.getLogger(StatisticsFolding.class);

	private final StatisticsLedger ledger;
	private final StagingTable staged;

	StatisticsFolding(StatisticsLedger ledger, JdbcTemplate jdbc) {
		this.ledger = ledger;
		this.staged = new StagingTable(jdbc, "statistics_cleared", 2000);
	}

	@Scheduled(fixedDelayString = "${singlewindow.statistics.fold-millis:250}", initialDelay = 1000)
	void fold() {
		try {
			StatisticsLedger.Recorded recorded = ledger.fold();
			if (recorded.lines() > 0) {
				log.info("event=statistics_recorded declarations={} lines={}", recorded.declarations(),
						recorded.lines());
			}
			// The lines newly recorded: as many as were staged and deleted, but for a clearance heard twice.
			staged.folded(recorded.lines());
		} catch (RuntimeException e) {
			// The staged rows stay where they are (the fold is one statement) and the next run takes them.
			log.warn("event=statistics_fold_failed error={}", e.toString());
		}
	}
}
