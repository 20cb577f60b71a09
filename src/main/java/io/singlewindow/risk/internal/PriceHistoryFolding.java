package io.singlewindow.risk.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.singlewindow.platform.StagingTable;

/**
 * Folds appended unit-value observations into the running price aggregates every few seconds. Any node may do it:
 * rows being folded by one node are skipped by the others.
 */
@Component
class PriceHistoryFolding {

	private static final Logger log = LoggerFactory.getLogger(PriceHistoryFolding.class);

	private final JdbcRiskAssessor assessor;
	private final StagingTable observations;

	PriceHistoryFolding(JdbcRiskAssessor assessor, JdbcTemplate jdbc) {
		this.assessor = assessor;
		this.observations = new StagingTable(jdbc, "risk_price_observation", 2000);
	}

	/**
	 * Every quarter of a second: every assessment reads the observations not yet folded as well, and under load a
	 * pause of two seconds left hundreds of them per HS code to sum on every read (about 0.5 ms of database time per
	 * declaration, issue 16). A run with nothing to fold writes nothing.
	 */
	@Scheduled(fixedDelayString = "${singlewindow.risk.price-history-fold-millis:250}", initialDelay = 5000)
	void fold() {
		try {
			int folded = assessor.foldObservations();
			if (folded > 0) {
				log.debug("event=price_observations_folded count={}", folded);
			}
			observations.folded(folded);
		} catch (RuntimeException e) {
			// The next run tries again; observations stay where they are and readers still count them.
			log.warn("event=price_observation_fold_failed error={}", e.toString());
		}
	}
}
