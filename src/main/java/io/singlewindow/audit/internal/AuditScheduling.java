package io.singlewindow.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the {@link AuditSealer} on every node; the chain head's row lock lets one seal at a time. */
@Configuration
@EnableScheduling
class AuditScheduling {
}
