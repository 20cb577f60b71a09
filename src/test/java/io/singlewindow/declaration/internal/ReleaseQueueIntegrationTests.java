package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.DeclarationBatchIntegrationTests.chipDeclaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.KeyedActors;
import io.singlewindow.platform.BusinessTime;

/**
 * Customs' release list when more declarations wait than it shows: the list shows the longest waiting, and an officer
 * looking for one declaration by its number, or by its declarant's name, finds it wherever it stands.
 */
@SingleWindowIntegrationTest
class ReleaseQueueIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchSubmissions batches;

	@Autowired
	BatchJob job;

	@Autowired
	Declarations declarations;

	@Autowired
	KeyedActors actors;

	@Autowired
	BusinessTime time;

	@Test
	void anOfficerFindsADeclarationByItsNumberWhenMoreWaitForReleaseThanTheListShows() throws Exception {
		Actor trader = DeclarationBatchIntegrationTests.chipTrader(jdbc, actors);
		String run = UUID.randomUUID().toString();
		// Enough cleared declarations that the list is full before the one looked for, through the batch job (the
		// risk channel sends some to officers: topped up until enough are cleared).
		for (int round = 0; cleared() < AgencyQueuePages.RELEASE_SHOWN; round++) {
			List<BatchedDeclaration> more = new ArrayList<>();
			for (long i = cleared(); i < AgencyQueuePages.RELEASE_SHOWN + 10; i++) {
				more.add(chipDeclaration("R" + i, run + "-" + round + "-" + i, null));
			}
			UUID batchId = batches.preview(trader, "WORKBOOK", more);
			assertThat(batches.acceptPreviewed(trader, batchId)).isTrue();
			long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
			while (batches.find(trader, batchId).orElseThrow().pending() > 0) {
				job.submitPending(time.now());
				assertThat(System.nanoTime()).as("the batch worked off within a minute").isLessThan(deadline);
			}
		}
		var lookedFor = declarations.submit(trader, DeclarationWorkbooks.Entry.of(chipDeclaration("X", run + "-X", null))
			.draft(new ArrayList<>()), run + "-X");
		assertThat(lookedFor.status()).isEqualTo(DeclarationStatus.CLEARED);
		Cookie customs = logIn("officer.customs");

		String whole = page(customs, "/agency/queue?lang=en");
		String byNumber = page(customs, "/agency/queue?lang=en&q=" + lookedFor.number());
		String newestFirst = page(customs, "/agency/queue?lang=en&sort=newest");

		assertThat(whole).as("the longest waiting fill the list").doesNotContain("release-" + lookedFor.number());
		assertThat(byNumber).contains("release-" + lookedFor.number());
		assertThat(newestFirst).contains("release-" + lookedFor.number());
	}

	private long cleared() {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE status = 'CLEARED'").query(Long.class).single();
	}

	private String page(Cookie session, String address) throws Exception {
		var response = mvc.perform(get(address).cookie(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private Cookie logIn(String user) throws Exception {
		var response = mvc.perform(formLogin("/login").user(user).password("demo12345")).andReturn().getResponse();
		Cookie session = response.getCookie("SESSION");
		assertThat(session).as("session cookie for " + user).isNotNull();
		return session;
	}
}
