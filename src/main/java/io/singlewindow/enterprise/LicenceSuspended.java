package io.singlewindow.enterprise;

import java.time.Instant;

import io.singlewindow.core.Uscc;

/** The business licence of {@code uscc} was suspended; the enterprise may not declare goods or apply for permits until reinstated. */
public record LicenceSuspended(Uscc uscc, String reason, String actor, Instant occurredAt) {
}
