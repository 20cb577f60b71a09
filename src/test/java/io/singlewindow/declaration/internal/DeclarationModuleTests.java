package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.AgencyDecisionRecorded;
import io.singlewindow.declaration.AgencyTaskOpened;
import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.declaration.DeclarationDutiesGuaranteed;
import io.singlewindow.declaration.DeclarationDutiesPaid;
import io.singlewindow.declaration.DeclarationGuaranteeEnforced;
import io.singlewindow.declaration.DeclarationQueried;
import io.singlewindow.declaration.DeclarationReleased;
import io.singlewindow.declaration.DeclarationSubmitted;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.KeyedActors;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TestClock;
import io.singlewindow.platform.ThrowAwayDatabase;
import io.singlewindow.tariff.ExchangeRates;

/**
 * The declaration module bootstrapped with only the modules it depends on (no statistics): its events, as other
 * modules hear them, from submission to the payment of its duties and the release.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import({ TestClock.Configuration.class, ThrowAwayDatabase.class })
class DeclarationModuleTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");

	@Autowired
	Declarations declarations;

	@Autowired
	DeclarationStore store;

	@Autowired
	DutyPayments payments;

	@Autowired
	KeyedActors actors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExchangeRates rates;

	@Autowired
	BusinessTime time;

	@Autowired
	TestClock clock;

	@BeforeEach
	void theChipMakerIsLongEstablishedAndDeclaresAtTheZonesUsualPrices() {
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(CHIP).usualUnitPrice("8542319000", "C62", "20");
	}

	@Test
	void aGreenDeclarationIsSubmittedClearedAndReleasedAndEveryStepIsHeard(Scenario scenario) {
		Actor trader = actor("trader.chip");
		Actor customs = actor("officer.customs");
		String reference = "module-" + UUID.randomUUID();

		AtomicReference<UUID> cleared = new AtomicReference<>();
		scenario.stimulate(() -> declarations.submit(trader, processors("200", "4000", reference), null))
			.andWaitForEventOfType(DeclarationCleared.class)
			.matching(e -> e.declarant().equals(CHIP))
			.toArriveAndVerify((event, submission) -> {
				assertThat(event.declarationId()).isEqualTo(submission.id());
				cleared.set(event.declarationId());
				assertThat(event.lines()).singleElement()
					.satisfies(l -> assertThat(l.valueCny()).isPositive())
					.satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo(new BigDecimal("200")));
			});

		BigDecimal due = store.find(cleared.get()).orElseThrow().duties().amountDue();
		scenario.stimulate(() -> payments.record(customs, cleared.get(), due, null, "ICBC-MODULE-1"))
			.andWaitForEventOfType(DeclarationDutiesPaid.class)
			.matching(e -> e.declarationId().equals(cleared.get()))
			.toArriveAndVerify(e -> assertThat(e.amount()).isEqualByComparingTo(due));

		scenario.stimulate(() -> declarations.release(customs, cleared.get()))
			.andWaitForEventOfType(DeclarationReleased.class)
			.matching(e -> e.declarationId().equals(cleared.get()))
			.toArrive();
	}

	@Test
	void goodsReleasedAgainstADepositHaveTheirDutiesTakenFromItOnceTheLastDayPassedUnpaid(Scenario scenario) {
		Actor trader = actor("trader.chip");
		Actor customs = actor("officer.customs");
		UUID id = declarations.submit(trader, processors("200", "4000", "module-" + UUID.randomUUID()), null).id();
		BigDecimal due = store.find(id).orElseThrow().duties().amountDue();
		scenario.stimulate(() -> payments.guarantee(customs, id, "DEPOSIT", due.multiply(BigDecimal.TWO), null,
				"DEP-MODULE-1"))
			.andWaitForEventOfType(DeclarationDutiesGuaranteed.class)
			.matching(e -> e.declarationId().equals(id))
			.toArriveAndVerify(e -> assertThat(e.kind()).isEqualTo("DEPOSIT"));
		declarations.release(customs, id);

		clock.pin(time.now().plus(java.time.Duration.ofDays(70)));
		try {
			BigDecimal overdue = store.find(id).orElseThrow().duties().amountDue();
			assertThat(overdue).as("the surcharge of the days late").isGreaterThan(due);
			scenario.stimulate(() -> payments.enforceGuarantee(customs, id, overdue, null, "DEP-MODULE-1-TAKEN"))
				.andWaitForEventOfType(DeclarationGuaranteeEnforced.class)
				.matching(e -> e.declarationId().equals(id))
				.toArriveAndVerify(e -> {
					assertThat(e.amount()).isEqualByComparingTo(overdue);
					assertThat(e.reference()).isEqualTo("DEP-MODULE-1-TAKEN");
				});
		} finally {
			clock.release();
		}
	}

	@Test
	void aDeclarationAtThreeTimesTheUsualPriceWaitsForCustomsWhichQueriesAndHearsTheAnswer(Scenario scenario) {
		Actor trader = actor("trader.chip");
		Actor customs = actor("officer.customs");

		AtomicReference<UUID> declaration = new AtomicReference<>();
		scenario.stimulate(() -> declarations.submit(trader, processors("200", "12000", "module-" + UUID.randomUUID()), null))
			.andWaitForEventOfType(AgencyTaskOpened.class)
			.matching(e -> e.agency().equals(AgencyCode.CUSTOMS) && "CUSTOMS_CHANNEL_CHECK".equals(e.policyCode()))
			.toArriveAndVerify((event, submission) -> {
				assertThat(event.declarationId()).isEqualTo(submission.id());
				declaration.set(submission.id());
			});
		UUID id = declaration.get();
		UUID task = store.find(id).orElseThrow().task("CUSTOMS").id();

		scenario.stimulate(() -> declarations.decide(customs, task, Declarations.Decision.QUERY,
				"Invoice for 12,000 USD?", null))
			.andWaitForEventOfType(DeclarationQueried.class)
			.matching(e -> e.declarationId().equals(id))
			.toArriveAndVerify(e -> assertThat(e.question()).isEqualTo("Invoice for 12,000 USD?"));

		scenario.stimulate(() -> declarations.answer(trader, id, AgencyCode.CUSTOMS,
				"The processors are a new generation; invoice attached."))
			.andWaitForEventOfType(AgencyTaskOpened.class)
			.matching(e -> e.declarationId().equals(id) && "ANSWERED".equals(e.policyCode()))
			.toArrive();

		scenario.stimulate(() -> declarations.decide(customs, task, Declarations.Decision.APPROVE, null, null))
			.andWaitForEventOfType(AgencyDecisionRecorded.class)
			.matching(e -> e.declarationId().equals(id) && "APPROVED".equals(e.decision()))
			.toArrive();
		assertThat(store.find(id).orElseThrow().status())
			.isEqualTo(DeclarationStatus.CLEARED);
	}

	@Test
	void aSubmissionIsAnnouncedOnceEvenWhenTheTraderSendsItTwice(Scenario scenario) {
		Actor trader = actor("trader.chip");
		String key = "module-twice-" + UUID.randomUUID();

		scenario.stimulate(() -> List.of(declarations.submit(trader, processors("10", "200", null), key),
				declarations.submit(trader, processors("10", "200", null), key)))
			.andWaitForEventOfType(DeclarationSubmitted.class)
			.matching(e -> e.declarant().equals(CHIP))
			.toArriveAndVerify((event, both) -> {
				assertThat(both.get(0).id()).isEqualTo(both.get(1).id());
				assertThat(both.get(1).created()).isFalse();
			});
	}

	private Actor actor(String user) {
		return actors.actorFor("sw-demo-" + user).orElseThrow();
	}

	private static DeclarationRequest processors(String quantity, String usd, String reference) {
		return DeclarationFixtures.aDeclaration().reference(reference)
			.withItem(DeclarationFixtures.anItem().hs("8542319000").description("processors").quantity(quantity, "C62")
				.value(usd).origin("US"))
			.build();
	}
}
