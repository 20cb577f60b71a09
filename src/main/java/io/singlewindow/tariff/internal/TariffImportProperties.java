package io.singlewindow.tariff.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tariff import job.
 *
 * @param staleAfter how long a queued or running import may go without a heartbeat before it counts as interrupted
 *     (its node died) and the administrator may import the file again. The job beats every 25 rows while it checks
 *     (many times a second) but not during its final write transaction, which took 4.8 s for the whole schedule
 *     (11,224 lines) on the 2-core build machine: 2 minutes is 25 times that, and a job whose node died is reported
 *     within 2 minutes rather than the 10 it used to take. A final write that outlasts the limit still gets a live job
 *     failed (seen in bench/cluster at load 45–55 with a 30 s limit; docs/operations.md): the job should beat during
 *     that write too.
 */
@ConfigurationProperties("singlewindow.tariff.import")
record TariffImportProperties(@DefaultValue("2m") Duration staleAfter) {
}
