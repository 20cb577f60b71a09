package io.singlewindow.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When the audit trail's sealing counts as stalled. */
class AuditSealingUnitTests {

	static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
	static final Duration AFTER = Duration.ofMinutes(5);

	@Test
	void rowsWaitingSecondsAreTheUsualCourse() {
		AuditSealing.Backlog backlog = AuditSealing.Backlog.of(250, NOW.minusSeconds(1), NOW);
		assertThat(backlog.oldest()).isEqualTo(Duration.ofSeconds(1));
		assertThat(backlog.stalled(AFTER)).isFalse();
	}

	@Test
	void aRowWaitingLongerThanTheLimitMeansNoSealerGetsThrough() {
		assertThat(AuditSealing.Backlog.of(1, NOW.minus(AFTER), NOW).stalled(AFTER)).isFalse();
		assertThat(AuditSealing.Backlog.of(1, NOW.minus(AFTER).minusSeconds(1), NOW).stalled(AFTER)).isTrue();
	}

	@Test
	void noRowsOrARowFromAClockAheadHaveWaitedNothing() {
		assertThat(AuditSealing.Backlog.of(0, null, NOW)).isEqualTo(new AuditSealing.Backlog(0, Duration.ZERO));
		assertThat(AuditSealing.Backlog.of(1, NOW.plusSeconds(30), NOW).oldest()).isEqualTo(Duration.ZERO);
	}
}
