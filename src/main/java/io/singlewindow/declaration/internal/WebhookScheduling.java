package io.singlewindow.declaration.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the webhook poller; every node polls, the outbox's row claims keep them apart. */
@Configuration
@EnableScheduling
class WebhookScheduling {
}
