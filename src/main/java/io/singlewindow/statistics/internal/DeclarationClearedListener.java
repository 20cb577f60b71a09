package io.singlewindow.statistics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.enterprise.IndustrialChain;
import io.singlewindow.platform.TransactionScope;

/**
 * Adds every cleared declaration to the statistics, with the declarant's classification as it is at this moment. It
 * listens inside the transaction that clears the declaration and records its lines as facts, leaving the aggregates to
 * the next fold ({@link StatisticsLedger#stage}): a clearance and its statistics commit together or not at all, without
 * a transaction, a publication record and a disk flush of their own per declaration; {@link StatisticsFolding} adds
 * them to the aggregates in batches. A declaration heard twice still counts once: the ledger skips what it has
 * recorded.
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
		StatisticalDeclaration cleared = toStatistics(event);
		Clearances clearances = clearancesOfThisTransaction();
		if (clearances == null || clearances.recorded) {
			ledger.stage(List.of(cleared));
		} else {
			clearances.heard.add(cleared);
		}
		log.debug("event=statistics_heard declaration={} number={} lines={}", event.declarationId(),
				event.declarationNumber(), event.lines().size());
	}

	/** The key of the clearances a transaction heard and has not recorded yet. */
	private static final Object HEARD_IN_TRANSACTION = DeclarationClearedListener.class.getName() + ".heard";

	/** Clearances heard by one transaction, recorded together just before it commits. */
	private static final class Clearances {

		final List<StatisticalDeclaration> heard = new ArrayList<>();
		boolean recorded;
	}

	/**
	 * The clearances this transaction heard so far, recorded in one statement just before it commits (a group of
	 * submissions clears many declarations in one transaction); {@literal null} outside a transaction. Once they are
	 * recorded, one heard later still (from another synchronization's commit work) is recorded at once. A refused
	 * submission of that transaction cannot take back what was heard from it: the declaration module publishes a
	 * submission's events only once it is kept (see its {@code HeldEvents}), as it must for every listener after commit
	 * anyway.
	 */
	private Clearances clearancesOfThisTransaction() {
		return TransactionScope.ofCurrentTransaction(HEARD_IN_TRANSACTION, () -> {
			Clearances fresh = new Clearances();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					fresh.recorded = true;
					ledger.stage(fresh.heard);
				}
			});
			return fresh;
		});
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
