package io.singlewindow.risk;

import static io.singlewindow.risk.RiskFixtures.aLine;
import static io.singlewindow.risk.RiskFixtures.aProfile;
import static io.singlewindow.risk.RiskFixtures.aRiskRequest;
import static io.singlewindow.risk.RiskFixtures.anIdNotRandomlySelected;
import static io.singlewindow.risk.RiskFixtures.anUnusedHsCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.risk.internal.JdbcRiskAssessor;
import io.singlewindow.risk.internal.RiskProfile;
import io.singlewindow.risk.internal.RiskProfiles;

/** The admin pages for risk profiles and the officers' assessment pages, as logged-in people use them. */
@SingleWindowIntegrationTest
class RiskPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RiskProfiles profiles;

	@Autowired
	JdbcRiskAssessor assessor;

	/** Logs in through the login form; the session lives in PostgreSQL and is named by its cookie. */
	Cookie login(String user) throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user(user).password("demo12345"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	static String aCode() {
		return "WEB_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	@Test
	void anAdministratorSeesTheProfiles() throws Exception {
		mvc.perform(get("/admin/risk").cookie(login("admin")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PERFUME_ANY_ORIGIN")))
			.andExpect(content().string(containsString("Perfume from any origin (demo)")))
			.andExpect(content().string(containsString("id=\"new-risk-profile\"")));
	}

	@Test
	void aRejectedFormShowsEachProblemNextToItsFieldAndStoresNothing() throws Exception {
		String code = aCode();
		mvc.perform(post("/admin/risk").cookie(login("admin")).with(csrf()).header("Accept-Language", "en")
			.param("code", code).param("nameZh", "").param("nameEn", "Bad coffee").param("hsPrefixes", "0901, 09x")
			.param("originCountries", "CO").param("selectionPercent", "abc").param("aeoFactor", "1.5")
			.param("channel", "YELLOW").param("active", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"nameZh-error\"")))
			.andExpect(content().string(containsString("&#39;09X&#39; is not an HS prefix")))
			.andExpect(content().string(containsString("id=\"selectionPercent-error\"")))
			.andExpect(content().string(containsString("id=\"aeoFactor-error\"")))
			.andExpect(content().string(not(containsString("id=\"originCountries-error\""))))
			// What the administrator typed is kept.
			.andExpect(content().string(containsString("value=\"Bad coffee\"")));

		assertThat(profiles.find(code)).isEmpty();
	}

	/** A profile's name is one line, shown to officers as a channel's reason: shown as typed, or refused. */
	@Test
	void aNameThatShowsInAnotherOrderIsRefused() throws Exception {
		String code = aCode();
		mvc.perform(post("/admin/risk").cookie(login("admin")).with(csrf()).header("Accept-Language", "en")
			.param("code", code).param("nameZh", "哥伦比亚\u2066生咖啡").param("nameEn", "Colombian coffee")
			.param("originCountries", "CO").param("hsPrefixes", "090111").param("flow", "IMPORT")
			.param("channel", "RED").param("selectionPercent", "5").param("aeoFactor", "0.5").param("active", "true")
			.param("validFrom", "2026-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"nameZh-error\"")));
		assertThat(profiles.find(code)).isEmpty();
	}

	@Test
	void anAdministratorCreatesEditsAndDeactivatesAProfileThroughTheForms() throws Exception {
		Cookie admin = login("admin");
		String code = aCode();
		mvc.perform(post("/admin/risk").cookie(admin).with(csrf())
			.param("code", code).param("nameZh", "哥伦比亚生咖啡（测试）").param("nameEn", "Colombian coffee (test)")
			.param("originCountries", "CO，BR").param("hsPrefixes", "090111").param("flow", "IMPORT")
			.param("channel", "RED").param("selectionPercent", "5").param("aeoFactor", "0.5").param("active", "true")
			.param("validFrom", "2026-01-01"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/risk"));
		RiskProfile created = profiles.get(code);
		assertThat(created.channel()).isEqualTo(Channel.RED);
		assertThat(created.originCountries()).extracting(Object::toString).containsExactlyInAnyOrder("CO", "BR");
		assertThat(created.validFrom()).hasToString("2026-01-01");

		mvc.perform(get("/admin/risk/{code}", code).cookie(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"BR, CO\"")));

		mvc.perform(post("/admin/risk/{code}", code).cookie(admin).with(csrf())
			.param("nameZh", "哥伦比亚生咖啡（测试）").param("nameEn", "Colombian coffee (test)")
			.param("originCountries", "CO").param("hsPrefixes", "090111").param("channel", "YELLOW")
			.param("selectionPercent", "12.5").param("aeoFactor", "0.5").param("_active", "on")
			.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		RiskProfile edited = profiles.get(code);
		assertThat(edited.channel()).isEqualTo(Channel.YELLOW);
		assertThat(edited.selectionPercent()).isEqualByComparingTo("12.5");
		assertThat(edited.active()).isFalse(); // the box was unticked

		mvc.perform(post("/admin/risk/{code}", code).cookie(admin).with(csrf()).header("Accept-Language", "en")
			.param("nameZh", "过期").param("nameEn", "Stale").param("hsPrefixes", "090111").param("channel", "RED")
			.param("selectionPercent", "1").param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed risk profile")));

		profiles.update(new RiskProfile(edited.id(), code, edited.nameZh(), edited.nameEn(), edited.originCountries(),
				edited.hsPrefixes(), edited.tradeModes(), edited.flow(), null, null, edited.channel(),
				edited.selectionPercent(), edited.aeoFactor(), true, null, null, edited.version()));
		mvc.perform(post("/admin/risk/{code}/deactivate", code).cookie(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(profiles.get(code).active()).isFalse();
	}

	@Test
	void tradersCannotOpenTheAdminPagesOrAssessments() throws Exception {
		Cookie trader = login("trader.coffee");
		mvc.perform(get("/admin/risk").cookie(trader)).andExpect(status().isForbidden());
		mvc.perform(get("/risk/assessments").cookie(trader)).andExpect(status().isForbidden());
		mvc.perform(get("/risk/assessments/{id}", UUID.randomUUID()).cookie(trader)).andExpect(status().isForbidden());
	}

	@Test
	void anOfficerSeesTheChannelAndEveryReason() throws Exception {
		String hs = anUnusedHsCode();
		String code = aCode();
		profiles.insert(aProfile(code).hs(hs).channel(Channel.RED).build());
		var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(hs)).build();
		assessor.assess(request);
		Cookie officer = login("officer.customs");

		mvc.perform(get("/risk/assessments/{id}", request.declarationId()).cookie(officer)
			.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"risk-channel\"")))
			.andExpect(content().string(containsString("红色通道")))
			.andExpect(content().string(containsString("命中风险布控规则")))
			.andExpect(content().string(containsString(code)));
		mvc.perform(get("/risk/assessments").param("channel", "RED").cookie(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(request.declarationId().toString())));
		mvc.perform(get("/risk/assessments/{id}", UUID.randomUUID()).cookie(officer))
			.andExpect(status().isNotFound());
	}
}
