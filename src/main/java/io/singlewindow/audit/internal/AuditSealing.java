package io.singlewindow.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.singlewindow.core.Notice;
import io.singlewindow.core.NoticeSource;
import io.singlewindow.platform.BusinessTime;

/**
 * Watches that the audit trail is being sealed. A decision's row waits in {@code audit_entry_unsealed} for about a
 * second; while it waits, the chain does not protect it. A row waiting longer than
 * {@code singlewindow.audit.stalled-after} (default 5 minutes) means that no node's sealer gets through a round (each
 * failure is logged as {@code event=audit_seal_failed}). That is told to the administrators on their home page, in the
 * health details (the status stays UP: decisions are still recorded, and taking nodes out of service would stop them),
 * and to monitoring through two gauges: {@code singlewindow.audit.unsealed.rows} and
 * {@code singlewindow.audit.unsealed.oldest} (seconds the oldest row has waited, 0 with none).
 */
@Component("auditTrail")
class AuditSealing implements HealthIndicator, NoticeSource {

	private final AuditEntries entries;
	private final BusinessTime time;
	private final Duration stalledAfter;

	AuditSealing(AuditEntries entries, BusinessTime time, MeterRegistry meters,
			@Value("${singlewindow.audit.stalled-after:PT5M}") Duration stalledAfter) {
		this.entries = entries;
		this.time = time;
		this.stalledAfter = stalledAfter;
		Gauge.builder("singlewindow.audit.unsealed.rows", this, sealing -> sealing.backlog().rows())
			.description("Audit rows committed and not yet chained")
			.register(meters);
		Gauge.builder("singlewindow.audit.unsealed.oldest", this, sealing -> sealing.backlog().oldest().toMillis() / 1000.0)
			.description("How long the oldest audit row not yet chained has waited")
			.baseUnit("seconds")
			.register(meters);
	}

	/** The rows waiting for their seal, and how long the oldest has waited (zero with none). */
	record Backlog(long rows, Duration oldest) {

		static Backlog of(long rows, Instant oldestOccurred, Instant now) {
			Duration waited = oldestOccurred == null ? Duration.ZERO : Duration.between(oldestOccurred, now);
			return new Backlog(rows, waited.isNegative() ? Duration.ZERO : waited);
		}

		boolean stalled(Duration after) {
			return rows > 0 && oldest.compareTo(after) > 0;
		}
	}

	Backlog backlog() {
		AuditEntries.Waiting waiting = entries.waiting();
		return Backlog.of(waiting.rows(), waiting.oldestOccurredAt(), time.now());
	}

	@Override
	public Health health() {
		Backlog backlog = backlog();
		Health.Builder health = Health.up().withDetail("unsealedRows", backlog.rows())
			.withDetail("oldestUnsealedSeconds", backlog.oldest().toSeconds());
		if (backlog.stalled(stalledAfter)) {
			health.withDetail("warning", "audit rows wait longer than " + stalledAfter.toMinutes()
					+ " minutes for their seal: no sealer gets through (see event=audit_seal_failed in the log)");
		}
		return health.build();
	}

	@Override
	public List<Notice> notices() {
		Backlog backlog = backlog();
		if (!backlog.stalled(stalledAfter)) {
			return List.of();
		}
		return List.of(new Notice("audit.notice.stalled",
				List.of(String.valueOf(backlog.rows()), String.valueOf(backlog.oldest().toMinutes())), Set.of("ADMIN"),
				"/admin/audit"));
	}
}
