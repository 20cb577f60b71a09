package io.singlewindow.enterprise;

import static io.singlewindow.enterprise.ApplicationFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Registrations.Registered;
import io.singlewindow.web.ListPages;
import jakarta.servlet.http.Cookie;

/** The officers' and traders' pages around a licence, as their browsers use them. */
@SingleWindowIntegrationTest
class RegistrationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMarketRegulationOfficerFindsARegistrationAndSuspendsItFromItsLicencePage() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		String name = enterprises.get(e.uscc()).nameZh();
		Cookie samr = logIn("officer.samr");

		mvc.perform(get("/enterprises").param("q", name.substring(2, 12)).param("status", "ACTIVE").cookie(samr))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(e.uscc().value())))
			.andExpect(content().string(containsString("id=\"record-link\"")));
		mvc.perform(get("/enterprises").param("status", "no-such-status").cookie(samr)).andExpect(status().isOk());

		mvc.perform(post("/licences/{uscc}/suspend", e.uscc()).cookie(samr).with(csrf()).param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"action-error\"")));
		mvc.perform(post("/licences/{uscc}/suspend", e.uscc()).cookie(samr).with(csrf()).param("version", "0")
			.param("reason", "Registered address cannot be reached"))
			.andExpect(redirectedUrl("/licences/" + e.uscc() + "?done=suspend"));
		assertThat(enterprises.get(e.uscc()).status()).isEqualTo(EnterpriseStatus.SUSPENDED);
		mvc.perform(get("/licences/{uscc}", e.uscc()).cookie(samr))
			.andExpect(content().string(containsString("Registered address cannot be reached")))
			.andExpect(content().string(containsString("id=\"do-reinstate\"")))
			.andExpect(content().string(not(containsString("id=\"do-suspend\""))));
	}

	/**
	 * More enterprises match than a page shows: following its links an officer reads every one once, the most recently
	 * registered first, and a later page leads back to the first with the search kept (the page showed the newest 500
	 * and nothing else before).
	 */
	@Test
	void anOfficerReadsTheRegistrationsPageByPageEachOnceTheNewestFirst() throws Exception {
		String crowd = "Pages " + java.util.UUID.randomUUID().toString().substring(0, 8);
		// One more than a page of the list holds (RegistrationPages.LIST_PAGE).
		List<Uscc> made = EnterpriseFixtures.namedAlike(jdbc, crowd, 101);
		Cookie customs = logIn("officer.customs");
		List<String> pages = ListPages.follow("/enterprises?lang=en&q=" + crowd.replace(" ", "%20"), "registrations",
				path -> mvc.perform(get(java.net.URI.create(path)).cookie(customs)).andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString());
		List<String> listed = ListPages.rows(pages, "<a href=\"/licences/([0-9A-Z]{18})\">");
		for (int p = 0; p < pages.size(); p++) {
			assertThat(pages.get(p).contains("id=\"registrations-first\"")).as("page " + (p + 1)).isEqualTo(p > 0);
		}
		assertThat(pages).hasSize(2);
		assertThat(listed).as("each once, in the list's order").isEqualTo(jdbc.sql("""
				SELECT uscc FROM enterprise WHERE uscc IN (:made) ORDER BY registered_at DESC, uscc DESC""")
			.param("made", made.stream().map(Uscc::value).toList()).query(String.class).list());
	}

	@Test
	void aCustomsOfficerSeesTheRegistrationsButMayNotDecide() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		Cookie customs = logIn("officer.customs");
		mvc.perform(get("/enterprises").cookie(customs))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"record-link\""))));
		mvc.perform(get("/licences/{uscc}", e.uscc()).cookie(customs))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"decisions\""))));
		mvc.perform(post("/licences/{uscc}/revoke", e.uscc()).cookie(customs).with(csrf()).param("reason", "no"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/enterprises/record").cookie(customs)).andExpect(status().isForbidden());
		assertThat(enterprises.get(e.uscc()).isActive()).isTrue();
	}

	@Test
	void theTraderAmendsTheLicenceThroughTheFormAndSeesTheHistory() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		Cookie trader = logIn(e.username(), e.password());
		Enterprise before = enterprises.get(e.uscc());

		mvc.perform(get("/licences/mine").cookie(trader)).andExpect(redirectedUrl("/licences/" + e.uscc()));
		mvc.perform(get("/licences/{uscc}/amend", e.uscc()).cookie(trader))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(before.nameZh())));
		mvc.perform(post("/licences/{uscc}/amend", e.uscc()).cookie(trader).with(csrf())
			.param("version", "0").param("nameZh", before.nameZh()).param("nameEn", before.nameEn())
			.param("legalRepresentative", "新代表").param("registeredCapital", "5000000").param("capitalCurrency", "CNY")
			.param("zoneArea", "XIANGYU_BONDED_ZONE").param("address", before.address())
			.param("businessScope", "I6520", "F5191").param("industrialChain", "INTEGRATED_CIRCUITS")
			.param("highTech", "true").param("crossBorderTrader", "true"))
			.andExpect(redirectedUrlPattern("/licences/*?done=amend"));
		assertThat(enterprises.get(e.uscc()).legalRepresentative()).isEqualTo("新代表");
		mvc.perform(get("/licences/{uscc}", e.uscc()).cookie(trader))
			.andExpect(content().string(containsString("id=\"licence-amendments\"")))
			.andExpect(content().string(containsString("王测试")))
			.andExpect(content().string(containsString("新代表")));

		// Another trader's licence is neither shown nor amendable.
		mvc.perform(get("/licences/{uscc}/amend", EnterpriseFixtures.demo("CHIP")).cookie(trader))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBrokerMayNotAmendTheLicenceOfAPrincipal() throws Exception {
		mvc.perform(patch("/api/v1/enterprises/{uscc}", EnterpriseFixtures.demo("COFFEE"))
			.header("Authorization", "Bearer sw-demo-broker").contentType(MediaType.APPLICATION_JSON)
			.content("{\"address\":\"broker's idea\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiIsDocumented() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/licences/{uscc}")))
			.andExpect(content().string(containsString("/api/v1/enterprises/recorded")));
	}

	private Cookie logIn(String username) throws Exception {
		return logIn(username, "demo12345");
	}

	private Cookie logIn(String username, String password) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password(password)).andReturn().getResponse()
			.getCookie("SESSION");
	}
}
