package io.singlewindow.enterprise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.EnterpriseStatus;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.enterprise.Registrations;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;

/**
 * A transaction reads an enterprise once (a group of submissions asks for the same declarant many times, issue 16): a
 * change committed by another transaction meanwhile is seen from the next transaction on, and a licence decision taken
 * inside the transaction is seen at once.
 */
@SingleWindowIntegrationTest
class EnterpriseReadsIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Enterprises enterprises;
	@Autowired
	Registrar registrar;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aLicenceDecisionInsideTheTransactionIsSeenAtOnce() throws Exception {
		var registered = Registrations.register(mvc, ApplicationFixtures.anApplication());
		UUID officer = jdbc.sql("SELECT id FROM user_account WHERE username = 'officer.samr'").query(UUID.class).single();
		Actor samr = new Actor(officer, "officer.samr", "SAMR", Role.OFFICER, null, AgencyCode.SAMR, Set.of());
		transactions.executeWithoutResult(tx -> {
			assertThat(enterprises.requireActive(registered.uscc()).isActive()).isTrue();
			registrar.change(registered.uscc(), Registrar.LicenceAction.SUSPEND, "Annual report not filed", null, samr);
			assertThatThrownBy(() -> enterprises.requireActive(registered.uscc())).isInstanceOf(Problem.class)
				.extracting(p -> ((Problem) p).code()).isEqualTo("ENTERPRISE_NOT_ACTIVE");
			tx.setRollbackOnly();
		});
		assertThat(enterprises.requireActive(registered.uscc()).isActive()).isTrue();
	}

	@Test
	void aChangeCommittedMeanwhileIsSeenByTheNextTransaction() throws Exception {
		var registered = Registrations.register(mvc, ApplicationFixtures.anApplication());
		try {
			transactions.executeWithoutResult(tx -> {
				assertThat(enterprises.find(registered.uscc()).orElseThrow().status()).isEqualTo(EnterpriseStatus.ACTIVE);
				Thread other = Thread.ofVirtual().start(() -> jdbc
					.sql("UPDATE enterprise SET status = 'SUSPENDED' WHERE uscc = ?").param(registered.uscc().value())
					.update());
				try {
					other.join();
				}
				catch (InterruptedException e) {
					throw new IllegalStateException(e);
				}
				assertThat(enterprises.find(registered.uscc()).orElseThrow().status())
					.as("as this transaction first read it").isEqualTo(EnterpriseStatus.ACTIVE);
			});
			assertThat(enterprises.find(registered.uscc()).orElseThrow().status()).isEqualTo(EnterpriseStatus.SUSPENDED);
		}
		finally {
			jdbc.sql("UPDATE enterprise SET status = 'ACTIVE' WHERE uscc = ?").param(registered.uscc().value()).update();
		}
	}

	@Test
	void aNodeKeepsAnEnterpriseAcrossTransactionsUntilItsLicenceChanges() throws Exception {
		var registered = Registrations.register(mvc, ApplicationFixtures.anApplication());
		try {
			var first = transactions.execute(tx -> enterprises.find(registered.uscc()).orElseThrow());
			var again = transactions.execute(tx -> enterprises.find(registered.uscc()).orElseThrow());
			assertThat(again).as("kept by the node, not read again").isSameAs(first);

			jdbc.sql("UPDATE enterprise SET status = 'SUSPENDED' WHERE uscc = ?").param(registered.uscc().value())
				.update();

			var afterChange = transactions.execute(tx -> enterprises.find(registered.uscc()).orElseThrow());
			assertThat(afterChange.status()).isEqualTo(EnterpriseStatus.SUSPENDED);
			assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> enterprises.requireActive(registered.uscc())))
				.isInstanceOf(Problem.class).extracting(p -> ((Problem) p).code()).isEqualTo("ENTERPRISE_NOT_ACTIVE");
		}
		finally {
			jdbc.sql("UPDATE enterprise SET status = 'ACTIVE' WHERE uscc = ?").param(registered.uscc().value()).update();
		}
	}

	@Test
	void aRegistrationRolledBackLeavesNoEnterpriseBehindInTheNodesMemory() throws Exception {
		var existing = Registrations.register(mvc, ApplicationFixtures.anApplication());
		var a = ApplicationFixtures.anApplication();
		@SuppressWarnings("unchecked")
		var application = new Application((String) a.get("nameZh"), (String) a.get("nameEn"),
				(String) a.get("entityType"), (String) a.get("legalRepresentative"), new java.math.BigDecimal("5000000"),
				(String) a.get("capitalCurrency"), (String) a.get("zoneArea"), (String) a.get("address"),
				(java.util.List<String>) a.get("businessScope"), (String) a.get("industrialChain"), true, true,
				(String) a.get("username"), (String) a.get("password"));
		var registeredThenRolledBack = transactions.execute(tx -> {
			// The transaction has read the reference data's revision before it registers (and so changes it).
			assertThat(enterprises.find(existing.uscc())).isPresent();
			var uscc = registrar.register(application, "192.0.2.118");
			assertThat(enterprises.find(uscc)).as("its own registration, seen at once").isPresent();
			tx.setRollbackOnly();
			return uscc;
		});

		assertThat(enterprises.find(registeredThenRolledBack)).isEmpty();
		java.util.Optional<io.singlewindow.enterprise.Enterprise> inTheNextTransaction = transactions
			.execute(tx -> enterprises.find(registeredThenRolledBack));
		assertThat(inTheNextTransaction).isEmpty();
	}
}
