package io.singlewindow.statistics.internal;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.enterprise.IndustrialChain;

/**
 * Adds every cleared declaration to the statistics, with the declarant's classification as it is at this moment. It
 * listens inside the transaction that clears the declaration and records its lines as facts, leaving the aggregates to
 * the next fold ({@link StatisticsLedger#stage}): a clearance and its statistics commit together or not at all, without
 * a transaction, a publication record and a disk flush of their own per declaration; {@link StatisticsFolding} adds
 * them to the aggregates in batches. A declaration heard twice still counts once: the ledger skips what it has recorded.
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

	@EventListener
	void on(DeclarationCleared event) {
		ledger.stage(List.of(toStatistics(event)));
		log.debug("event=statistics_staged declaration={} number={} lines={}", event.declarationId(),
				event.declarationNumber(), event.lines().size());
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
