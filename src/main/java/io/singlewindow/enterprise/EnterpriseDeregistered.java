package io.singlewindow.enterprise;

import java.time.Instant;

import io.singlewindow.core.Uscc;

/** The business licence of {@code uscc} was deregistered: the enterprise has ceased to exist; its accounts are disabled. */
public record EnterpriseDeregistered(Uscc uscc, String reason, String actor, Instant occurredAt) {
}
