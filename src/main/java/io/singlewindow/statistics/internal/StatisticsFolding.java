package io.singlewindow.statistics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.singlewindow.platform.StagingTable;

/**
 * Adds the declarations cleared meanwhile to the monthly aggregates several times a second: one transaction for every
 * declaration cleared meanwhile, instead of one each. Any node may do it (see {@link StatisticsLedger#fold()}); the
 * dashboard lags a clearance by at most about one interval ({@code singlewindow.statistics.fold-millis}).
 */
@Component
class StatisticsFolding {

	private static final Logger log = LoggerFactory.getLogger(StatisticsFolding.class);

	private final StatisticsLedger ledger;
	private final StagingTable marks;

	StatisticsFolding(StatisticsLedger ledger, JdbcTemplate jdbc) {
		this.ledger = ledger;
		this.marks = new StagingTable(jdbc, "statistics_pending", 400);
	}

	@Scheduled(fixedDelayString = "${singlewindow.statistics.fold-millis:250}", initialDelay = 1000)
	void fold() {
		try {
			StatisticsLedger.Recorded recorded = ledger.fold();
			if (recorded.lines() > 0) {
				log.info("event=statistics_recorded declarations={} lines={}", recorded.declarations(),
						recorded.lines());
			}
			// One mark deleted per declaration folded.
			marks.folded(recorded.declarations());
		} catch (RuntimeException e) {
			// The marks stay where they are (the fold is one statement) and the next run takes them.
			log.warn("event=statistics_fold_failed error={}", e.toString());
		}
	}
}
