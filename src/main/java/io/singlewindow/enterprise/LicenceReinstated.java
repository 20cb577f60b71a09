package io.singlewindow.enterprise;

import java.time.Instant;

import io.singlewindow.core.Uscc;

/** The business licence of {@code uscc} is in force again after a suspension. */
public record LicenceReinstated(Uscc uscc, String reason, String actor, Instant occurredAt) {
}
