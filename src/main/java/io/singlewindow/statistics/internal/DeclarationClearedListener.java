package io.singlewindow.statistics.internal;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.enterprise.IndustrialChain;

/**
 * Adds every cleared declaration to the statistics, with the declarant's classification as it is at this moment.
 * Redelivery (the event publication registry retries unfinished listeners) is harmless: the ledger skips a declaration
 * it has recorded.
 */
@Component
class DeclarationClearedListener {

	private static final Logger log = LoggerFactory.getLogger(DeclarationClearedListener.class);

	private final StatisticsLedger ledger;
	private final Enterprises enterprises;

	DeclarationClearedListener(StatisticsLedger ledger, Enterprises enterprises) {
		this.ledger = ledger;
		this.enterprises = enterprises;
	}

	@ApplicationModuleListener
	void on(DeclarationCleared event) {
		StatisticsLedger.Recorded recorded = ledger.record(List.of(toStatistics(event)));
		log.info("event=statistics_recorded declaration={} number={} lines={} duplicate={}", event.declarationId(),
				event.declarationNumber(), recorded.lines(), recorded.declarations() == 0);
	}

	StatisticalDeclaration toStatistics(DeclarationCleared event) {
		Optional<Enterprise> declarant = enterprises.find(event.declarant());
		if (declarant.isEmpty()) {
			log.warn("event=statistics_declarant_unknown declaration={} declarant={}", event.declarationId(),
					event.declarant());
		}
		boolean highTech = declarant.map(Enterprise::highTech).orElse(false);
		String chain = declarant.map(Enterprise::industrialChain).orElse(IndustrialChain.OTHER).name();
		List<StatisticalDeclaration.Line> lines = event.lines().stream()
			.map(l -> new StatisticalDeclaration.Line(l.lineNo(), l.hsCode().value(), l.origin().value(),
					l.valueCny(), l.valueUsd()))
			.toList();
		return new StatisticalDeclaration(event.declarationId(), event.declarationNumber(), event.declarant().value(),
				event.flow(), event.clearedAt(), event.tradeMode(), event.tradingCountry().value(), highTech, chain,
				false, lines);
	}
}
