package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;

/**
 * Applications against the service, where a test can be an enterprise whose licence is suspended, and where several
 * officers can decide at the same instant.
 */
@SingleWindowIntegrationTest
class PermitApplicationsIntegrationTests {

	@Autowired
	PermitApplications applications;

	@Autowired
	CatalogueAdministration administration;

	@Autowired
	JdbcClient jdbc;

	String anApprovalEntry(AgencyCode agency) {
		String code = PermitFixtures.aCatalogueCode("T_SVC");
		administration.create(PermitFixtures.anAdmin(), new CatalogueAdministration.EntryForm(code, "测试审批", "Test approval",
				agency.value(), "OPTIMISED_APPROVAL", 20, null, List.of("申请表"), List.of("Form"), 12, "NONE", null,
				List.of(), List.of(), true, null));
		return code;
	}

	PermitApplications.ApplicationForm anApplication(String code, Uscc applicant) {
		return new PermitApplications.ApplicationForm(code, applicant.value(), "test scope", List.of(), null, null,
				List.of("F-1"), null);
	}

	int applicationsOf(Uscc applicant) {
		return jdbc.sql("SELECT count(*) FROM permit_application WHERE applicant_uscc = ?").param(applicant.value())
			.query(Integer.class).single();
	}

	@Test
	void anEnterpriseWhoseLicenceIsNotActiveCannotApply() {
		String code = anApprovalEntry(AgencyCode.SAMR);
		for (String status : List.of("SUSPENDED", "REVOKED")) {
			Uscc enterprise = PermitFixtures.anEnterprise(jdbc, status);
			assertThatThrownBy(() -> applications.apply(PermitFixtures.aTraderOf(enterprise), anApplication(code, enterprise)))
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("ENTERPRISE_NOT_ACTIVE"));
			assertThat(applicationsOf(enterprise)).isZero();
		}
		Uscc unregistered = PermitFixtures.anotherUscc();
		assertThatThrownBy(() -> applications.apply(PermitFixtures.aTraderOf(unregistered), anApplication(code, unregistered)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("ENTERPRISE_NOT_FOUND"));
	}

	@Test
	void approvalIsRefusedWhenTheLicenceWasSuspendedMeanwhile() {
		String code = anApprovalEntry(AgencyCode.SAMR);
		Uscc enterprise = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		PermitApplication applied = applications.apply(PermitFixtures.aTraderOf(enterprise), anApplication(code, enterprise));
		jdbc.sql("UPDATE enterprise SET status = 'SUSPENDED' WHERE uscc = ?").param(enterprise.value()).update();

		assertThatThrownBy(() -> applications.decide(PermitFixtures.anOfficerOf(AgencyCode.SAMR, "officer.t"),
				applied.id(), new PermitApplications.DecisionForm("APPROVE", null, null, null, null)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("ENTERPRISE_NOT_ACTIVE"));
		assertThat(applications.get(applied.id()).status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
	}

	@Test
	void ofOfficersDecidingAtOnceExactlyOneWins() throws Exception {
		String code = anApprovalEntry(AgencyCode.COMMERCE);
		Uscc enterprise = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		PermitApplication applied = applications.apply(PermitFixtures.aTraderOf(enterprise), anApplication(code, enterprise));
		int officers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(officers);
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
		try {
			List<Future<PermitApplication>> results = new ArrayList<>();
			for (int i = 0; i < officers; i++) {
				Actor officer = PermitFixtures.anOfficerOf(AgencyCode.COMMERCE, "officer.race" + i);
				String decision = i % 2 == 0 ? "APPROVE" : "REJECT";
				results.add(pool.submit(() -> {
					start.await();
					try {
						return applications.decide(officer, applied.id(),
								new PermitApplications.DecisionForm(decision, "race " + decision, null, null, applied.version()));
					} catch (Problem p) {
						refusals.add(p.code());
						return null;
					}
				}));
			}
			start.countDown();
			List<PermitApplication> decided = new ArrayList<>();
			for (Future<PermitApplication> f : results) {
				PermitApplication a = f.get(60, TimeUnit.SECONDS);
				if (a != null) {
					decided.add(a);
				}
			}
			assertThat(decided).hasSize(1);
			assertThat(refusals).hasSize(officers - 1)
				.allSatisfy(code2 -> assertThat(code2).isIn("PERMIT_APPLICATION_CHANGED", "PERMIT_APPLICATION_ALREADY_DECIDED"));
			PermitApplication outcome = applications.get(applied.id());
			assertThat(outcome.status()).isEqualTo(decided.getFirst().status());
			int issued = jdbc.sql("SELECT count(*) FROM permit WHERE application_id = ?").param(applied.id())
				.query(Integer.class).single();
			assertThat(issued).isEqualTo(outcome.status() == ApplicationStatus.APPROVED ? 1 : 0);
			assertThat(applications.stepsOf(applied.id())).extracting(PermitApplication.Step::action)
				.containsExactly("SUBMITTED", outcome.status() == ApplicationStatus.APPROVED ? "APPROVE" : "REJECT");
		} finally {
			pool.shutdownNow();
		}
	}

	@Test
	void concurrentApplicationsForOneEntryLeaveOnePending() throws Exception {
		String code = anApprovalEntry(AgencyCode.CIQ);
		Uscc enterprise = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		Actor trader = PermitFixtures.aTraderOf(enterprise);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						applications.apply(trader, anApplication(code, enterprise));
					} catch (Problem p) {
						refusals.add(p.code());
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : results) {
				f.get(60, TimeUnit.SECONDS);
			}
			assertThat(applicationsOf(enterprise)).isEqualTo(1);
			assertThat(refusals).hasSize(5).containsOnly("PERMIT_APPLICATION_PENDING");
		} finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aQuotaPermitIsIssuedWithTheGrantedQuota() {
		String code = PermitFixtures.aCatalogueCode("T_QTY");
		administration.create(PermitFixtures.anAdmin(), new CatalogueAdministration.EntryForm(code, "测试", "Test", "COMMERCE",
				"OPTIMISED_APPROVAL", 3, null, List.of(), List.of(), 12, "VALUE", null, List.of(), List.of("970500"),
				true, null));
		Uscc enterprise = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		PermitApplication applied = applications.apply(PermitFixtures.aTraderOf(enterprise),
				new PermitApplications.ApplicationForm(code, enterprise.value(), "collections", List.of("970500"), null,
						new BigDecimal("2500000.00"), List.of(), null));
		PermitApplication approved = applications.decide(PermitFixtures.anOfficerOf(AgencyCode.COMMERCE, "officer.q"),
				applied.id(), new PermitApplications.DecisionForm("approve", null, null, null, null));

		assertThat(approved.permitNumber()).startsWith(code + "-");
		IssuedPermit permit = jdbc.sql("SELECT " + IssuedPermits.COLUMNS + " FROM permit p WHERE application_id = ?")
			.param(applied.id()).query((rs, i) -> IssuedPermits.map(rs, List.of())).single();
		assertThat(permit.quotaValue()).isEqualByComparingTo("2500000");
		assertThat(permit.remainingValue()).isEqualByComparingTo("2500000");
		assertThat(permit.quotaQuantity()).isNull();
		// Deactivated again so that no other test's goods need it.
		jdbc.sql("UPDATE permit_catalogue SET active = FALSE WHERE code = ?").param(code).update();
	}
}
