package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * What a transaction keeps for itself ({@link TransactionScope}) is its own: a transaction started inside it does not
 * see it, a savepoint inside it does, and nothing is left on the thread once it ends.
 */
@SingleWindowIntegrationTest
class TransactionScopeIntegrationTests {

	static final String KEY = TransactionScopeIntegrationTests.class.getName() + ".kept";

	@Autowired
	TransactionTemplate transactions;

	TransactionTemplate inside(int propagation) {
		TransactionTemplate inside = new TransactionTemplate(transactions.getTransactionManager());
		inside.setPropagationBehavior(propagation);
		return inside;
	}

	static List<String> kept() {
		return TransactionScope.valueOf(KEY, ArrayList::new);
	}

	@Test
	void aTransactionStartedInsideAnotherKeepsItsOwnValuesAndTheOuterFindsItsOwnAgain() {
		transactions.executeWithoutResult(outer -> {
			kept().add("outer");
			inside(TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> {
				assertThat(kept()).isEmpty();
				kept().add("inner");
			});
			assertThat(kept()).containsExactly("outer");
		});
		assertThat(TransactionSynchronizationManager.hasResource(KEY)).isFalse();
	}

	@Test
	void aSavepointIsPartOfItsTransactionAndSeesItsValues() {
		transactions.executeWithoutResult(outer -> {
			kept().add("outer");
			inside(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(savepoint -> kept().add("savepoint"));
			assertThat(kept()).containsExactly("outer", "savepoint");
		});
		assertThat(TransactionSynchronizationManager.hasResource(KEY)).isFalse();
	}

	@Test
	void outsideATransactionNothingIsKept() {
		assertThat(TransactionScope.<List<String>>ofCurrentTransaction(KEY, ArrayList::new)).isNull();
	}
}
