package io.singlewindow.tariff.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tariff import job.
 *
 * @param staleAfter how long a queued or running import may go without a heartbeat before it counts as interrupted
 *     (its node died) and the administrator may import the file again. A running job beats every
 *     {@code heartbeatEvery} on a connection of its own, including during its final write transaction (4.8 s for the
 *     whole schedule of 11,224 lines on the idle 2-core build machine; more than 30 s for 20,000 lines at load 45–55),
 *     so only a job whose node died falls silent: 2 minutes reports it within 2 minutes and leaves a live job's beat
 *     many chances to get a database connection on a loaded node.
 * @param heartbeatEvery how often a running job writes its heartbeat; must be well below {@code staleAfter}
 */
@ConfigurationProperties("singlewindow.tariff.import")
record TariffImportProperties(@DefaultValue("2m") Duration staleAfter, @DefaultValue("10s") Duration heartbeatEvery) {

	TariffImportProperties {
		if (heartbeatEvery.isNegative() || heartbeatEvery.isZero()
				|| heartbeatEvery.multipliedBy(3).compareTo(staleAfter) > 0) {
			// a live job must be able to miss two beats (a busy pool, a slow disk) before it looks dead
			throw new IllegalArgumentException("singlewindow.tariff.import.heartbeat-every (" + heartbeatEvery
					+ ") must be positive and at most a third of stale-after (" + staleAfter + ")");
		}
	}
}
