package io.singlewindow.enterprise;

import java.time.Instant;

import io.singlewindow.core.Uscc;

/** The business licence of {@code uscc} was revoked; the enterprise's accounts are disabled. */
public record LicenceRevoked(Uscc uscc, String reason, String actor, Instant occurredAt) {
}
