package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.identity.Actor;
import io.singlewindow.web.ListPages;

/**
 * The officers' permit lists when more wait than a page shows: the application queue shows the most urgent and says
 * more wait, and an officer finds any one application by its reference, its applicant's name or USCC, or by the
 * waiting time; the verification list shows its permits a page at a time, soonest due first, each once.
 */
@SingleWindowIntegrationTest
class PermitQueuesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PermitApplications applications;

	@Autowired
	CatalogueAdministration administration;

	@Test
	void anOfficerFindsAnApplicationByItsReferenceOrApplicantWhenMoreWaitThanTheQueueShows() throws Exception {
		String code = anEntry("OPTIMISED_APPROVAL", AgencyCode.MSA);
		List<PermitApplication> waiting = new ArrayList<>();
		for (int i = 0; i < PermitPages.SHOWN; i++) {
			Uscc applicant = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
			waiting.add(applications.apply(PermitFixtures.aTraderOf(applicant), anApplication(code, applicant)));
		}
		// The one looked for is the last submitted, its last day the latest: the queue's order puts it last.
		Uscc lookedForApplicant = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
		PermitApplication lookedFor = applications.apply(PermitFixtures.aTraderOf(lookedForApplicant),
				anApplication(code, lookedForApplicant));
		// The first applied a month ago: only it has waited long enough for "older than 30 days".
		jdbc.sql("UPDATE permit_application SET submitted_at = submitted_at - INTERVAL '31 days' WHERE id = ?")
			.param(waiting.getFirst().id()).update();
		Actor officer = PermitFixtures.anOfficerOf(AgencyCode.MSA, "officer.msa.queue");
		try {
			Cookie msa = logIn("officer.msa");
			String whole = page(msa, "/permits/queue?lang=en");
			String byReference = page(msa, "/permits/queue?lang=en&q=" + lookedFor.reference());
			String byUscc = page(msa, "/permits/queue?lang=en&q=" + lookedForApplicant.value().toLowerCase());
			String byName = page(msa, "/permits/queue?lang=en&q={name}", "Permit test " + lookedForApplicant.value());
			String newestFirst = page(msa, "/permits/queue?lang=en&sort=newest");
			String documentsRequested = page(msa, "/permits/queue?lang=en&status=DOCUMENTS_REQUESTED&q="
					+ lookedFor.reference());
			String longWaiting = page(msa, "/permits/queue?lang=en&olderThanDays=30");

			assertThat(shown(whole)).as("a full page of the most urgent").hasSize(PermitPages.SHOWN)
				.doesNotContain(lookedFor.reference());
			assertThat(whole).as("the officer is told more wait").contains("id=\"queue-more\"",
					"More applications wait than the 200 shown here.");
			assertThat(shown(byReference)).containsExactly(lookedFor.reference());
			assertThat(byReference).doesNotContain("id=\"queue-more\"");
			assertThat(shown(byUscc)).containsExactly(lookedFor.reference());
			assertThat(shown(byName)).containsExactly(lookedFor.reference());
			assertThat(shown(newestFirst).getFirst()).isEqualTo(lookedFor.reference());
			assertThat(shown(documentsRequested)).as("under review, not waiting for documents").isEmpty();
			assertThat(shown(longWaiting)).contains(waiting.getFirst().reference())
				.doesNotContain(lookedFor.reference(), waiting.getLast().reference());
		}
		finally {
			// Officers' other tests read this queue: it is left as it was found.
			waiting.add(lookedFor);
			for (PermitApplication application : waiting) {
				applications.decide(officer, application.id(),
						new PermitApplications.DecisionForm("REJECT", "queue test", null, null, null));
			}
		}
	}

	/** As on the declaration queue: a name matching more enterprises than a search reads is said to have. */
	@Test
	void anOfficerIsToldWhenANameMatchesMoreEnterprisesThanTheSearchReads() throws Exception {
		String crowd = "Crowd " + UUID.randomUUID().toString().substring(0, 8);
		EnterpriseFixtures.namedAlike(jdbc, crowd, PermitPages.SHOWN + 1);
		Cookie msa = logIn("officer.msa");
		String crowded = page(msa, "/permits/queue?lang=en&q={q}", crowd);
		assertThat(crowded).contains("id=\"queue-names-more\"", "matches the names of more than 200 enterprises")
			.as("none of them applied").doesNotContain("id=\"queue-more\"");
		assertThat(page(msa, "/permits/queue?lang=en&q={q}", crowd + " enterprise 7"))
			.doesNotContain("id=\"queue-names-more\"");
	}

	@Test
	void theVerificationListShowsEveryPermitOnceAPageAtATimeSoonestDueFirst() throws Exception {
		String code = anEntry("NOTIFICATION_COMMITMENT", AgencyCode.MSA);
		List<String> issued = new ArrayList<>();
		for (int i = 0; i <= PermitPages.REVIEWS_SHOWN; i++) {
			Uscc holder = PermitFixtures.anEnterprise(jdbc, "ACTIVE");
			String number = applications.apply(PermitFixtures.aTraderOf(holder), aCommitment(code, holder))
				.permitNumber();
			// Reviews due on different days, so that the order is one the pages must keep across them.
			jdbc.sql("UPDATE permit SET verification_due = verification_due + ? WHERE number = ?")
				.params((i * 7) % 11, number).update();
			issued.add(number);
		}
		Cookie msa = logIn("officer.msa");
		List<String> pages = ListPages.follow("/permits/verification?lang=en", "verification", path -> page(msa, path));
		List<String> listed = new ArrayList<>();
		List<LocalDate> dues = new ArrayList<>();
		for (int p = 0; p < pages.size(); p++) {
			String html = pages.get(p);
			Matcher row = Pattern.compile("href=\"/permits/([^\"/]+)\">[^<]*</a></td>\\s*<td>[^<]*</td>[\\s\\S]*?"
					+ "<span class=\"at\">(\\d{4}-\\d{2}-\\d{2})?</span>").matcher(html);
			int onThisPage = 0;
			while (row.find()) {
				listed.add(row.group(1));
				// None due (a filing) comes last.
				dues.add(row.group(2) == null ? LocalDate.MAX : LocalDate.parse(row.group(2)));
				onThisPage++;
			}
			assertThat(onThisPage).as("page " + (p + 1)).isLessThanOrEqualTo(PermitPages.REVIEWS_SHOWN);
			if (p > 0) {
				assertThat(html).contains("id=\"verification-first\"");
			}
		}
		assertThat(pages).hasSizeGreaterThan(1);
		assertThat(listed).doesNotHaveDuplicates().containsAll(issued);
		assertThat(dues).isSorted();
		assertThat(page(msa, "/permits/verification?lang=en&cursor=made-up")).as("an odd cursor: the first page")
			.contains("id=\"verification-next\"").doesNotContain("id=\"verification-first\"");
	}

	String anEntry(String mode, AgencyCode agency) {
		String code = PermitFixtures.aCatalogueCode("T_QUEUE");
		administration.create(PermitFixtures.anAdmin(), new CatalogueAdministration.EntryForm(code, "测试", "Queue test",
				agency.value(), mode, 20, 30, List.of("申请表"), List.of("Form"), 12, "NONE", null, List.of(), List.of(),
				true, null));
		return code;
	}

	static PermitApplications.ApplicationForm aCommitment(String code, Uscc applicant) {
		return new PermitApplications.ApplicationForm(code, applicant.value(), "test scope", List.of(), null, null,
				List.of("F-1"), true);
	}

	static PermitApplications.ApplicationForm anApplication(String code, Uscc applicant) {
		return new PermitApplications.ApplicationForm(code, applicant.value(), "test scope", List.of(), null, null,
				List.of("F-1"), null);
	}

	/** The references of the applications a queue page lists, in its order. */
	static List<String> shown(String html) {
		List<String> references = new ArrayList<>();
		Matcher row = Pattern.compile("<tr[^>]* id=\"queue-([^\"]+)\"").matcher(html);
		while (row.find()) {
			references.add(row.group(1));
		}
		return references;
	}

	Cookie logIn(String user) throws Exception {
		return PermitPagesIntegrationTests.logIn(mvc, user);
	}

	String page(Cookie session, String path, Object... variables) throws Exception {
		return mvc.perform(get(path, variables).cookie(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}
}
