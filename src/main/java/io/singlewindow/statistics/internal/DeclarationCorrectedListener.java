package io.singlewindow.statistics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.singlewindow.declaration.DeclarationCorrected;

/**
 * Gives the statistics the values customs corrected after a clearance, inside the transaction that corrects them, as
 * {@link DeclarationCancelledListener} takes a cancelled declaration out: the correction and the figures with it commit
 * together or not at all. The declaration keeps its month, partner and classification as recorded at its clearance.
 */
@Component
class DeclarationCorrectedListener {

	private static final Logger log = LoggerFactory.getLogger(DeclarationCorrectedListener.class);

	private final StatisticsLedger ledger;

	DeclarationCorrectedListener(StatisticsLedger ledger) {
		this.ledger = ledger;
	}

	@EventListener
	void on(DeclarationCorrected event) {
		int lines = ledger.correct(event.declarationId(), event.lines().stream()
			.map(l -> new StatisticsLedger.CorrectedValue(l.lineNo(), l.valueCny(), l.valueUsd()))
			.toList(), event.correctedAt());
		log.info("event=statistics_declaration_corrected declaration={} number={} lines={}", event.declarationId(),
				event.declarationNumber(), lines);
	}
}
