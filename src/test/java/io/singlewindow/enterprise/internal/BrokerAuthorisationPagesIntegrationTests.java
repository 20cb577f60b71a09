package io.singlewindow.enterprise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.enterprise.Registrations;
import io.singlewindow.platform.BusinessTime;
import jakarta.servlet.http.Cookie;

/**
 * Customs brokers on pages (报关委托): a trader authorises one of the zone's brokerages, chosen by its registered name,
 * and revokes it; the broker sees whom it declares for; a colleague without the right to keep the enterprise's record
 * reads who the brokers are and changes nothing; who granted and who revoked is on record.
 */
@SingleWindowIntegrationTest
class BrokerAuthorisationPagesIntegrationTests {

	private static final String DEMO_PASSWORD = "demo12345";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessTime time;

	@Test
	void aTraderAuthorisesABrokerChosenByNameTheBrokerSeesItAndTheTraderRevokesIt() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String brokerage = EnterpriseFixtures.demo("BROKER").value();
		Cookie session = logIn(trader.username(), trader.password());
		String page = html(get("/account/brokers"), session);
		assertThat(page).contains("id=\"brokers-empty\"").contains("id=\"broker-form\"")
			.as("the zone's brokerage, offered by name").containsPattern("<option value=\"" + brokerage + "\">[^<]+ · "
					+ brokerage + "</option>");

		MvcResult none = mvc.perform(post("/account/brokers").cookie(session).with(csrf()).param("broker", ""))
			.andReturn();
		assertThat(none.getResponse().getStatus()).isEqualTo(422);
		assertThat(none.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"broker-error\"");
		MvcResult authorised = mvc.perform(post("/account/brokers").cookie(session).with(csrf())
			.param("broker", brokerage)).andReturn();
		assertThat(authorised.getResponse().getRedirectedUrl()).isEqualTo("/account/brokers?authorised=" + brokerage);
		assertThat(html(get("/account/brokers?authorised=" + brokerage), session)).contains("id=\"broker-authorised\"")
			.contains("id=\"broker-" + brokerage + "\"").contains("id=\"revoke-" + brokerage + "\"")
			.containsPattern("id=\"until-" + brokerage + "\">Until revoked<");

		Cookie broker = logIn("broker", DEMO_PASSWORD);
		assertThat(html(get("/account/principals"), broker)).contains("id=\"principal-" + trader.uscc().value() + "\"");
		mvc.perform(get("/api/v1/enterprises/{uscc}", trader.uscc().value()).header("Authorization", "Bearer sw-demo-broker"))
			.andExpect(status().isOk());
		assertThat(mvc.perform(get("/account/principals").cookie(session)).andReturn().getResponse().getStatus())
			.as("a trader has no principals").isEqualTo(403);

		MvcResult revoked = mvc.perform(post("/account/brokers/{b}/revoke", brokerage).cookie(session).with(csrf()))
			.andReturn();
		assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/account/brokers?revoked");
		assertThat(html(get("/account/principals"), broker)).doesNotContain("id=\"principal-" + trader.uscc().value());
		mvc.perform(get("/api/v1/enterprises/{uscc}", trader.uscc().value()).header("Authorization", "Bearer sw-demo-broker"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/account/brokers/{b}/revoke", brokerage).cookie(session).with(csrf()));

		assertThat(jdbc.sql("""
				SELECT type || ' by ' || actor || ' ' || details FROM security_event
				WHERE type LIKE 'BROKER_%' AND details LIKE ? ORDER BY id""").param("%" + trader.uscc().value() + "%")
			.query(String.class).list()).as("revoked twice, recorded once").containsExactly(
					"BROKER_AUTHORISED by " + trader.username() + " broker=" + brokerage + " enterprise="
							+ trader.uscc().value() + " validUntil=revoked",
					"BROKER_AUTHORISATION_REVOKED by " + trader.username() + " broker=" + brokerage + " enterprise="
							+ trader.uscc().value());
	}

	@Test
	void aColleagueWithoutTheRightToKeepTheRecordReadsTheBrokersAndAuthorisesNone() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String brokerage = EnterpriseFixtures.demo("BROKER").value();
		String clerk = "clerk." + Long.toString(System.nanoTime(), 36);
		mvc.perform(post("/api/v1/operators").header("Authorization", trader.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"username":"%s","displayName":"王小明","password":"lantern-quietly-47","rights":["DECLARE"]}"""
				.formatted(clerk))).andExpect(status().isCreated());
		Cookie colleague = logIn(clerk, "lantern-quietly-47");
		String form = html(get("/account/password"), colleague);
		assertThat(form).contains("id=\"password-required\"");
		mvc.perform(post("/account/password").cookie(colleague).with(csrf()).param("currentPassword", "lantern-quietly-47")
			.param("newPassword", "reef-lantern-harbour-8").param("repeatPassword", "reef-lantern-harbour-8"));
		mvc.perform(post("/account/brokers").cookie(logIn(trader.username(), trader.password())).with(csrf())
			.param("broker", brokerage));
		colleague = logIn(clerk, "reef-lantern-harbour-8");

		String page = html(get("/account/brokers"), colleague);
		assertThat(page).contains("id=\"broker-" + brokerage + "\"").contains("id=\"right-missing\"")
			.doesNotContain("id=\"broker-form\"").doesNotContain("id=\"revoke-");
		assertThat(mvc.perform(post("/account/brokers/{b}/revoke", brokerage).cookie(colleague).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT broker_uscc FROM broker_authorisation WHERE principal_uscc = ? AND revoked_at IS NULL")
			.param(trader.uscc().value()).query(String.class).list()).as("still authorised").isEqualTo(List.of(brokerage));
	}

	/** 委托期限: an authority for a period ends after its last day, on the broker's next request, and is granted afresh. */
	@Test
	void anAuthorityForAPeriodEndsAfterItsLastDayAndIsGrantedAfresh() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String brokerage = EnterpriseFixtures.demo("BROKER").value();
		String enterprise = "/api/v1/enterprises/" + trader.uscc().value();
		LocalDate today = time.today();
		grant(trader, brokerage, "\"2000-01-01\"").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("validUntil"))
			.andExpect(jsonPath("$.errors[0].code").value("VALID_UNTIL_IN_PAST"));
		grant(trader, brokerage, "\"31/12/2026\"").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("DATE_FORMAT"));
		mvc.perform(get(enterprise).header("Authorization", "Bearer sw-demo-broker")).andExpect(status().isForbidden());

		grant(trader, brokerage, "\"" + today.plusDays(30) + "\"").andExpect(status().isCreated())
			.andExpect(jsonPath("$.validUntil").value(today.plusDays(30).toString()));
		grant(trader, brokerage, "\"" + today + "\"").andExpect(status().isCreated())
			.andExpect(jsonPath("$.validUntil").value(today.toString()));
		mvc.perform(get(enterprise).header("Authorization", "Bearer sw-demo-broker")).andExpect(status().isOk());
		assertThat(html(get("/account/principals"), logIn("broker", DEMO_PASSWORD)))
			.contains("id=\"principal-" + trader.uscc().value() + "\"");

		// its last day passes (the row moved back a day, as if the day had gone by): refused on the next request
		jdbc.sql("UPDATE broker_authorisation SET valid_until = ? WHERE principal_uscc = ?")
			.params(today.minusDays(1), trader.uscc().value()).update();
		mvc.perform(get(enterprise).header("Authorization", "Bearer sw-demo-broker")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/broker-authorisations").header("Authorization", trader.bearer()))
			.andExpect(jsonPath("$.length()").value(0));
		assertThat(html(get("/account/principals"), logIn("broker", DEMO_PASSWORD)))
			.doesNotContain("id=\"principal-" + trader.uscc().value() + "\"");

		grant(trader, brokerage, "null").andExpect(status().isCreated())
			.andExpect(jsonPath("$.validUntil").doesNotExist());
		mvc.perform(get(enterprise).header("Authorization", "Bearer sw-demo-broker")).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT details FROM security_event WHERE type = 'BROKER_AUTHORISED' AND details LIKE ? ORDER BY id")
			.param("%" + trader.uscc().value() + "%").query(String.class).list())
			.as("each grant and each new last day on record").hasSize(3);
	}

	/**
	 * 委托即将到期: from a month before an authority's last day both sides hear that it ends — on their home pages and
	 * in its row — rather than learning it from the broker's first refused request.
	 */
	@Test
	void bothSidesHearAMonthAheadThatAnAuthorityEnds() throws Exception {
		Registrations.Registered trader = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String brokerage = EnterpriseFixtures.demo("BROKER").value();
		String principal = trader.uscc().value();
		LocalDate today = time.today();
		grant(trader, brokerage, "\"" + today.plusDays(31) + "\"").andExpect(status().isCreated())
			.andExpect(jsonPath("$.daysLeft").value(31)).andExpect(jsonPath("$.endsSoon").value(false));
		Cookie session = logIn(trader.username(), trader.password());
		assertThat(html(get("/"), session)).as("31 days ahead: not yet").doesNotContain("id=\"authorities-ending\"");
		assertThat(html(get("/account/brokers"), session)).doesNotContain("id=\"ends-soon-");

		grant(trader, brokerage, "\"" + today.plusDays(30) + "\"").andExpect(status().isCreated())
			.andExpect(jsonPath("$.daysLeft").value(30)).andExpect(jsonPath("$.endsSoon").value(true));
		assertThat(html(get("/"), session)).contains("id=\"authorities-ending\"")
			.contains("Broker authorisations ending within 30 days: 1 (the earliest last day: ")
			.containsPattern("href=\"/account/brokers\" id=\"authorities-ending-link\"");
		assertThat(html(get("/account/brokers"), session))
			.containsPattern("id=\"ends-soon-" + brokerage + "\"[^>]*>Ends in 30 days<");
		Cookie broker = logIn("broker", DEMO_PASSWORD);
		assertThat(html(get("/"), broker)).contains("Authorisations from your principals ending within 30 days: ")
			.containsPattern("href=\"/account/principals\" id=\"authorities-ending-link\"");
		assertThat(html(get("/account/principals"), broker))
			.containsPattern("id=\"ends-soon-" + principal + "\"[^>]*>Ends in 30 days<");

		grant(trader, brokerage, "\"" + today + "\"").andExpect(jsonPath("$.daysLeft").value(0));
		assertThat(html(get("/account/brokers"), session))
			.containsPattern("id=\"ends-soon-" + brokerage + "\"[^>]*>Last day today<");
		grant(trader, brokerage, "null").andExpect(jsonPath("$.daysLeft").doesNotExist())
			.andExpect(jsonPath("$.endsSoon").value(false));
		assertThat(html(get("/"), session)).as("until revoked: nothing ends").doesNotContain("id=\"authorities-ending\"");
	}

	private ResultActions grant(Registrations.Registered trader, String broker, String validUntil) throws Exception {
		return mvc.perform(post("/api/v1/broker-authorisations").header("Authorization", trader.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"broker\":\"" + broker + "\",\"validUntil\":" + validUntil + "}"));
	}

	private Cookie logIn(String username, String password) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password(password)).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getCookie("SESSION");
	}

	private String html(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
		return mvc.perform(request.cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
