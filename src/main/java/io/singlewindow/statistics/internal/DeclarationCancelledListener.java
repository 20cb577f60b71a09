package io.singlewindow.statistics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.singlewindow.declaration.DeclarationCancelled;

/**
 * Takes a declaration customs cancelled after its clearance out of the statistics, inside the transaction that cancels
 * it: the cancellation and the figures without it commit together or not at all, as a clearance and its facts do
 * ({@link DeclarationClearedListener}). Trade statistics count goods that crossed the border; a cancelled declaration's
 * did not, or not under it.
 */
@Component
class DeclarationCancelledListener {

	private static final Logger log = LoggerFactory.getLogger(DeclarationCancelledListener.class);

	private final StatisticsLedger ledger;

	DeclarationCancelledListener(StatisticsLedger ledger) {
		this.ledger = ledger;
	}

	@EventListener
	void on(DeclarationCancelled event) {
		StatisticsLedger.Recorded removed = ledger.takeOut(event.declarationId(), event.cancelledAt());
		log.info("event=statistics_declaration_taken_out declaration={} number={} lines={}", event.declarationId(),
				event.declarationNumber(), removed.lines());
	}
}
