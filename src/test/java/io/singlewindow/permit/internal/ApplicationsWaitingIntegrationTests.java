package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Notice;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * 待办事项 of permits: an officer's home page counts the applications waiting for the agency's decision and those past
 * their statutory deadline, and the filings and commitments awaiting its review after issue; a trader's or broker's
 * counts the applications waiting for documents the agency asked for, the permits in force that expire within thirty
 * days, and those with a tenth or less of their quota left.
 * Other officers' agencies and other enterprises hear nothing of them. Other tests' applications may wait too, so each
 * count is compared with the one read before.
 */
@SingleWindowIntegrationTest
class ApplicationsWaitingIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PermitApplications applications;

	@Autowired
	CatalogueAdministration administration;

	@Autowired
	ApplicationsWaiting waiting;

	@Autowired
	PermitSupervision supervision;

	@Autowired
	BusinessTime time;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void anOfficerHearsHowManyApplicationsWaitForTheAgencyAndHowManyAreLateAndAnotherAgencyHearsNothingOfThem() {
		String code = anEntry(AgencyCode.SAMR);
		Actor officer = PermitFixtures.anOfficerOf(AgencyCode.SAMR, "officer.samr.waiting");
		Actor otherAgency = PermitFixtures.anOfficerOf(AgencyCode.MSA, "officer.msa.waiting");
		List<Object> before = counts(officer, "permit.home.toDecide");
		List<Notice> otherBefore = waiting.noticesFor(otherAgency);
		Uscc first = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		Uscc second = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		PermitApplication late = applications.apply(PermitFixtures.aTraderOf(first), anApplication(code, first));
		PermitApplication inTime = applications.apply(PermitFixtures.aTraderOf(second), anApplication(code, second));
		try {
			assertThat(counts(officer, "permit.home.toDecide")).containsExactly(count(before, 0) + 2,
					count(before, 1));
			jdbc.sql("UPDATE permit_application SET due_date = ? WHERE id = ?")
				.params(time.today().minusDays(30), late.id()).update();
			List<Object> after = counts(officer, "permit.home.toDecide");
			assertThat(after).containsExactly(count(before, 0) + 2, count(before, 1) + 1);
			assertThat(waiting.noticesFor(officer)).filteredOn(n -> n.messageKey().startsWith("permit.home.toDecide"))
				.singleElement()
				.satisfies(n -> assertThat(n.messageKey()).isEqualTo("permit.home.toDecideOverdue"))
				.satisfies(n -> assertThat(n.path()).isEqualTo("/permits/queue"));
			assertThat(waiting.noticesFor(otherAgency)).as("another agency's officer").isEqualTo(otherBefore);
		}
		finally {
			for (PermitApplication application : List.of(late, inTime)) {
				applications.decide(officer, application.id(),
						new PermitApplications.DecisionForm("REJECT", "waiting test", null, null, null));
			}
		}
		assertThat(counts(officer, "permit.home.toDecide")).as("decided").isEqualTo(before);
	}

	@Test
	void anOfficerHearsHowManyFilingsAwaitTheAgencysReviewAndHowManyArePastTheirDayUntilReviewed() {
		String code = PermitFixtures.aCatalogueCode("T_REVIEW");
		administration.create(PermitFixtures.anAdmin(), new CatalogueAdministration.EntryForm(code, "测试备案核查",
				"Review test", "SAMR", "FILING", 5, 30, List.of("申请表"), List.of("Form"), 12, "NONE", null,
				List.of(), List.of(), true, null));
		Actor officer = PermitFixtures.anOfficerOf(AgencyCode.SAMR, "officer.samr.review");
		Actor otherAgency = PermitFixtures.anOfficerOf(AgencyCode.MSA, "officer.msa.review");
		List<Object> before = counts(officer, "permit.home.toVerify");
		List<Notice> otherBefore = waiting.noticesFor(otherAgency);
		Uscc holder = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		applications.apply(PermitFixtures.aTraderOf(holder), anApplication(code, holder));
		String number = jdbc.sql("SELECT number FROM permit WHERE holder_uscc = ?").param(holder.value())
			.query(String.class).single();

		assertThat(counts(officer, "permit.home.toVerify")).as("filed: issued at once, reviewed after")
			.containsExactly(count(before, 0) + 1, count(before, 1));
		jdbc.sql("UPDATE permit SET verification_due = ? WHERE number = ?").params(time.today().minusDays(1), number)
			.update();
		assertThat(counts(officer, "permit.home.toVerify")).containsExactly(count(before, 0) + 1, count(before, 1) + 1);
		assertThat(waiting.noticesFor(officer)).filteredOn(n -> n.messageKey().startsWith("permit.home.toVerify"))
			.singleElement().satisfies(n -> {
				assertThat(n.messageKey()).isEqualTo("permit.home.toVerifyOverdue");
				assertThat(n.path()).isEqualTo("/permits/verification");
				assertThat(messages.getMessage(n.messageKey(), new Object[] { 3L, 1L }, java.util.Locale.ENGLISH))
					.isEqualTo("3 permits issued on a filing or a commitment wait for the agency's review, 1 of them "
							+ "past its verification day.");
			});
		assertThat(waiting.noticesFor(otherAgency)).as("another agency's officer").isEqualTo(otherBefore);

		supervision.verify(officer, number, new PermitSupervision.ActionForm("核查无误", "CONFIRMED"));
		assertThat(counts(officer, "permit.home.toVerify")).as("reviewed").isEqualTo(before);
	}

	@Test
	void aDeclarantHearsOfItsApplicationsWaitingForDocumentsUntilItSuppliesThemAndNobodyElseDoes() {
		String code = anEntry(AgencyCode.SAMR);
		Actor officer = PermitFixtures.anOfficerOf(AgencyCode.SAMR, "officer.samr.waiting");
		Uscc applicant = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		Uscc another = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		Actor trader = PermitFixtures.aTraderOf(applicant);
		Actor broker = new Actor(UUID.randomUUID(), "broker.waiting", "Broker", Role.BROKER,
				PermitFixtures.anEnterprise(jdbc, "ACTIVE"), null, Set.of(applicant));
		PermitApplication applied = applications.apply(trader, anApplication(code, applicant));
		assertThat(waiting.noticesFor(trader)).as("under review: the agency's turn").isEmpty();

		PermitApplication asked = applications.decide(officer, applied.id(),
				new PermitApplications.DecisionForm("REQUEST_DOCUMENTS", "请补充营业执照副本", null, null, null));
		assertThat(waiting.noticesFor(trader)).singleElement().satisfies(n -> {
			assertThat(n.messageKey()).isEqualTo("permit.home.documentsRequested");
			assertThat(n.arguments()).containsExactly(1L);
			assertThat(n.path()).isEqualTo("/permits");
			assertThat(n.visibleTo(Set.of("TRADER"))).isTrue();
		});
		assertThat(waiting.noticesFor(broker)).as("the applicant's broker").singleElement()
			.satisfies(n -> assertThat(n.arguments()).containsExactly(1L));
		assertThat(waiting.noticesFor(PermitFixtures.aTraderOf(another))).as("another enterprise").isEmpty();

		applications.supplement(trader, applied.id(),
				new PermitApplications.SupplementForm(List.of("F-2"), "副本已补", asked.version()));
		assertThat(waiting.noticesFor(trader)).as("supplied: the agency's turn again").isEmpty();
		applications.decide(officer, applied.id(),
				new PermitApplications.DecisionForm("REJECT", "waiting test", null, null, null));
	}

	@Test
	void aHolderHearsOfItsPermitsExpiringWithinThirtyDaysAndNobodyElseDoes() {
		TwoPermits held = twoPermitsFiledByANewHolder("T_EXPIRY");
		Actor trader = held.trader();
		Actor broker = held.broker();
		List<String> numbers = held.numbers();
		assertThat(expiring(trader)).as("valid for a year").isEmpty();

		java.time.LocalDate today = time.today();
		validUntil(numbers.get(0), today.plusDays(ApplicationsWaiting.EXPIRY_NOTICE_DAYS));
		validUntil(numbers.get(1), today.plusDays(ApplicationsWaiting.EXPIRY_NOTICE_DAYS + 1));
		assertThat(expiring(trader)).singleElement().satisfies(n -> {
			assertThat(n.arguments()).containsExactly(1L, today.plusDays(30).toString(), 30);
			assertThat(n.path()).isEqualTo("/permits");
		});
		validUntil(numbers.get(1), today);
		assertThat(expiring(trader)).singleElement()
			.satisfies(n -> assertThat(n.arguments()).containsExactly(2L, today.toString(), 30))
			.satisfies(n -> assertThat(messages.getMessage(n.messageKey(), n.arguments().toArray(), java.util.Locale.ENGLISH))
				.isEqualTo("2 of your permits expire within 30 days, the first on " + today + ": a declaration presenting "
						+ "an expired permit is refused, and the agency needs time to issue a new one."))
			.satisfies(n -> assertThat(messages.getMessage(n.messageKey(), n.arguments().toArray(),
					java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("有 2 份许可证将在 30 天内到期，最早于 " + today));
		assertThat(expiring(broker)).as("the holder's broker").singleElement()
			.satisfies(n -> assertThat(n.arguments().getFirst()).isEqualTo(2L));
		assertThat(expiring(PermitFixtures.aTraderOf(PermitFixtures.anEnterprise(jdbc, "ACTIVE"))))
			.as("another enterprise").isEmpty();

		validUntil(numbers.get(1), today.minusDays(1));
		jdbc.sql("UPDATE permit SET status = 'SUSPENDED' WHERE number = ?").param(numbers.get(0)).update();
		assertThat(expiring(trader)).as("expired yesterday, or suspended: not in force to be renewed").isEmpty();
	}

	@Test
	void aHolderHearsOfItsPermitsWithATenthOrLessOfTheirQuotaLeftAndNobodyElseDoes() {
		TwoPermits held = twoPermitsFiledByANewHolder("T_QUOTA");
		List<String> numbers = held.numbers();
		assertThat(nearlyUsed(held.trader())).as("no quota at all").isEmpty();

		quantityLeft(numbers.get(0), "101");
		valueLeft(numbers.get(1), "5000.00");
		assertThat(nearlyUsed(held.trader())).as("101 of 1,000 kg, and the whole value, left").isEmpty();
		quantityLeft(numbers.get(0), "100");
		assertThat(nearlyUsed(held.trader())).as("a tenth left").singleElement().satisfies(n -> {
			assertThat(n.arguments()).containsExactly(1L, ApplicationsWaiting.QUOTA_NOTICE_PERCENT);
			assertThat(n.path()).isEqualTo("/permits");
			assertThat(messages.getMessage(n.messageKey(), n.arguments().toArray(), java.util.Locale.ENGLISH))
				.isEqualTo("One of your permits has 10 % or less of its quota left: a declaration the rest does not "
						+ "cover is refused, and more quota is the agency's decision.");
		});
		valueLeft(numbers.get(1), "0.00");
		assertThat(nearlyUsed(held.trader())).as("and one used up").singleElement().satisfies(n -> {
			assertThat(n.arguments()).containsExactly(2L, 10);
			assertThat(messages.getMessage(n.messageKey(), n.arguments().toArray(), java.util.Locale.ENGLISH))
				.startsWith("2 of your permits have 10 % or less of their quota left");
			assertThat(messages.getMessage(n.messageKey(), n.arguments().toArray(),
					java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("有 2 份许可证的配额余量不超过 10%");
		});
		assertThat(nearlyUsed(held.broker())).as("the holder's broker").singleElement()
			.satisfies(n -> assertThat(n.arguments().getFirst()).isEqualTo(2L));
		assertThat(nearlyUsed(PermitFixtures.aTraderOf(PermitFixtures.anEnterprise(jdbc, "ACTIVE"))))
			.as("another enterprise").isEmpty();

		validUntil(numbers.get(1), time.today().minusDays(1));
		jdbc.sql("UPDATE permit SET status = 'SUSPENDED' WHERE number = ?").param(numbers.get(0)).update();
		assertThat(nearlyUsed(held.trader())).as("expired yesterday, or suspended: not in force").isEmpty();
	}

	private List<Notice> nearlyUsed(Actor actor) {
		return waiting.noticesFor(actor).stream().filter(n -> n.messageKey().equals("permit.home.quotaNearlyUsed"))
			.toList();
	}

	private void quantityLeft(String number, String kilograms) {
		jdbc.sql("UPDATE permit SET quota_quantity = 1000, quota_unit = 'KGM', remaining_quantity = ?::numeric "
				+ "WHERE number = ?").params(kilograms, number).update();
	}

	private void valueLeft(String number, String yuan) {
		jdbc.sql("UPDATE permit SET quota_value = 5000, remaining_value = ?::numeric WHERE number = ?")
			.params(yuan, number).update();
	}

	/** A new enterprise, its trader, a broker it authorises, and the numbers of its two permits. */
	private record TwoPermits(Uscc holder, Actor trader, Actor broker, List<String> numbers) {
	}

	/**
	 * A new enterprise files two activities of new catalogue entries: one permit each, in force for a year (an
	 * activity's permit in force is not issued twice).
	 */
	private TwoPermits twoPermitsFiledByANewHolder(String codePrefix) {
		List<String> codes = List.of(PermitFixtures.aCatalogueCode(codePrefix), PermitFixtures.aCatalogueCode(codePrefix));
		for (String code : codes) {
			administration.create(PermitFixtures.anAdmin(), new CatalogueAdministration.EntryForm(code, "测试备案",
					"Filing test", "SAMR", "FILING", 5, 30, List.of("申请表"), List.of("Form"), 12, "NONE", null,
					List.of(), List.of(), true, null));
		}
		Uscc holder = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		Actor trader = PermitFixtures.aTraderOf(holder);
		Actor broker = new Actor(UUID.randomUUID(), "broker.holder", "Broker", Role.BROKER,
				PermitFixtures.anEnterprise(jdbc, "ACTIVE"), null, Set.of(holder));
		for (String code : codes) {
			applications.apply(trader, anApplication(code, holder));
		}
		List<String> numbers = jdbc.sql("SELECT number FROM permit WHERE holder_uscc = ? ORDER BY number")
			.param(holder.value()).query(String.class).list();
		assertThat(numbers).hasSize(2);
		return new TwoPermits(holder, trader, broker, numbers);
	}

	private List<Notice> expiring(Actor actor) {
		return waiting.noticesFor(actor).stream().filter(n -> n.messageKey().equals("permit.home.expiring")).toList();
	}

	private void validUntil(String number, java.time.LocalDate day) {
		// Issued a year before, so that its validity may end on any day of this test.
		jdbc.sql("UPDATE permit SET valid_from = ?, valid_until = ? WHERE number = ?")
			.params(time.today().minusYears(1), day, number).update();
	}

	/** The arguments of the officer's notice under {@code key} or its overdue variant: {under review, overdue}. */
	private List<Object> counts(Actor officer, String key) {
		return waiting.noticesFor(officer).stream().filter(n -> n.messageKey().startsWith(key)).findFirst()
			.map(n -> n.arguments().size() == 2 ? n.arguments() : List.<Object>of(n.arguments().getFirst(), 0L))
			.orElse(List.of(0L, 0L));
	}

	private static long count(List<Object> counts, int index) {
		return (Long) counts.get(index);
	}

	private String anEntry(AgencyCode agency) {
		String code = PermitFixtures.aCatalogueCode("T_WAITING");
		administration.create(PermitFixtures.anAdmin(), new CatalogueAdministration.EntryForm(code, "测试", "Waiting test",
				agency.value(), "OPTIMISED_APPROVAL", 20, 30, List.of("申请表"), List.of("Form"), 12, "NONE", null,
				List.of(), List.of(), true, null));
		return code;
	}

	private static PermitApplications.ApplicationForm anApplication(String code, Uscc applicant) {
		return PermitQueuesIntegrationTests.anApplication(code, applicant);
	}
}
