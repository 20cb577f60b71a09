package io.singlewindow.enterprise;

import static io.singlewindow.enterprise.ApplicationFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Problem;
import io.singlewindow.enterprise.Registrations.Registered;

/** A licence's life after registration: amendments with history, suspension, reinstatement, revocation, deregistration. */
@SingleWindowIntegrationTest
@RecordApplicationEvents
class LicenceLifecycleIntegrationTests {

	static final String SAMR = "Bearer sw-demo-officer.samr";

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void aSuspendedEnterpriseMayNotTradeUntilReinstated() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());

		decide(e, "suspension", SAMR, "{\"reason\":\"Annual report not filed\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprise.status").value("SUSPENDED"))
			.andExpect(jsonPath("$.statusReason").value("Annual report not filed"))
			.andExpect(jsonPath("$.history[0].action").value("SUSPEND"))
			.andExpect(jsonPath("$.history[0].actor").value("officer.samr"));
		assertThatThrownBy(() -> enterprises.requireActive(e.uscc())).isInstanceOfSatisfying(Problem.class, p -> {
			assertThat(p.code()).isEqualTo("ENTERPRISE_NOT_ACTIVE");
			assertThat(messages.getMessage("problem." + p.code(), p.arguments(), java.util.Locale.SIMPLIFIED_CHINESE))
				.as("every module's refusal names the licence's status in the reader's words").contains("状态为 暂停");
		});
		mvc.perform(get("/api/v1/licences/{uscc}", e.uscc()))
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.status").value("SUSPENDED"));
		// The trader still logs in (to see and put things right) but may not trade.
		mvc.perform(formLogin("/login").user(e.username()).password(e.password())).andExpect(authenticated());
		assertThat(events.stream(LicenceSuspended.class).filter(s -> s.uscc().equals(e.uscc())).count()).isOne();

		decide(e, "suspension", SAMR, "{\"reason\":\"again\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("LICENCE_TRANSITION_NOT_ALLOWED"))
			.andExpect(jsonPath("$.detail").value(containsString("is Suspended; Suspend is not possible")));

		decide(e, "reinstatement", SAMR, "{}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprise.status").value("ACTIVE"));
		assertThat(enterprises.requireActive(e.uscc()).isActive()).isTrue();
		decide(e, "reinstatement", SAMR, "{}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("LICENCE_TRANSITION_NOT_ALLOWED"));
	}

	@Test
	void aSuspensionOrRevocationNeedsAReason() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		decide(e, "suspension", SAMR, "{\"reason\":\"  \"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("reason"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		decide(e, "revocation", SAMR, "{}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("reason"));
		assertThat(enterprises.get(e.uscc()).status()).isEqualTo(EnterpriseStatus.ACTIVE);
	}

	@Test
	void revocationIsFinalAndLocksTheEnterprisesAccounts() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		Cookie session = mvc.perform(post("/login").param("username", e.username()).param("password", e.password())
			.with(csrf())).andReturn().getResponse().getCookie("SESSION");
		assertThat(session).as("the trader is logged in on a page").isNotNull();
		mvc.perform(get("/").cookie(session)).andExpect(content().string(not(containsString("id=\"login-link\""))));
		decide(e, "suspension", SAMR, "{\"reason\":\"Inspection\"}").andExpect(status().isOk());

		decide(e, "revocation", SAMR, "{\"reason\":\"False registration documents\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprise.status").value("REVOKED"));

		// The page session open before the revocation ends with it, on every node (sessions are in the database).
		mvc.perform(get("/").cookie(session)).andExpect(content().string(containsString("id=\"login-link\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(e.username())
			.query(Long.class).single()).isZero();

		mvc.perform(formLogin("/login").user(e.username()).password(e.password())).andExpect(unauthenticated());
		mvc.perform(get("/api/v1/me").header("Authorization", e.bearer())).andExpect(status().isUnauthorized());
		for (String action : List.of("suspension", "reinstatement", "revocation", "deregistration")) {
			decide(e, action, SAMR, "{\"reason\":\"x\"}")
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.code").value("LICENCE_TRANSITION_NOT_ALLOWED"));
		}
		mvc.perform(patch("/api/v1/enterprises/{uscc}", e.uscc()).header("Authorization", SAMR)
			.contentType(MediaType.APPLICATION_JSON).content("{\"address\":\"elsewhere\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("LICENCE_NOT_AMENDABLE"))
			.andExpect(jsonPath("$.detail").value(containsString("is Revoked and can no longer be amended")));
		assertThat(events.stream(LicenceRevoked.class).filter(r -> r.uscc().equals(e.uscc())).findFirst())
			.hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("False registration documents"));
	}

	@Test
	void anEnterpriseDeregistersItself() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		decide(e, "deregistration", e.bearer(), "{\"reason\":\"Business closed by the shareholders\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprise.status").value("DEREGISTERED"));
		assertThat(enterprises.get(e.uscc()).isActive()).isFalse();
		mvc.perform(get("/api/v1/me").header("Authorization", e.bearer())).andExpect(status().isUnauthorized());
		assertThat(events.stream(EnterpriseDeregistered.class).filter(d -> d.uscc().equals(e.uscc())).count()).isOne();
	}

	@ParameterizedTest(name = "{0} may not {1}")
	@CsvSource({
			"sw-demo-officer.customs, suspension, NOT_AUTHORISED_FOR_AGENCY",
			"sw-demo-officer.tax,     revocation, NOT_AUTHORISED_FOR_AGENCY",
			"sw-demo-admin,           suspension, NOT_AUTHORISED_FOR_AGENCY",
			"sw-demo-trader.chip,     suspension, NOT_AUTHORISED_FOR_AGENCY",
			"sw-demo-broker,          deregistration, NOT_AUTHORISED_FOR_AGENCY" })
	void onlyMarketRegulationDecidesOnALicence(String key, String action, String code) throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		decide(e, action, "Bearer " + key, "{\"reason\":\"because\"}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value(code));
		assertThat(enterprises.get(e.uscc()).status()).isEqualTo(EnterpriseStatus.ACTIVE);
	}

	@Test
	void theTraderCannotSuspendItsOwnLicence() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		decide(e, "suspension", e.bearer(), "{\"reason\":\"trying\"}").andExpect(status().isForbidden());
		decide(e, "suspension", "", "{\"reason\":\"anonymous\"}").andExpect(status().isUnauthorized());
	}

	@Test
	void anAmendmentKeepsWhatChangedWhenAndByWhom() throws Exception {
		Registered e = Registrations.register(mvc, anApplication().with("crossBorderTrader", false)
			.with("registeredCapital", 1_000_000));
		String newName = "厦门变更" + System.nanoTime() + "科技有限公司";

		mvc.perform(patch("/api/v1/enterprises/{uscc}", e.uscc()).header("Authorization", e.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"nameZh\":\"" + newName + "\",\"registeredCapital\":2500000.00,"
					+ "\"businessScope\":[\"I6520\",\"F5126\"],\"crossBorderTrader\":true,\"highTech\":true,\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprise.nameZh").value(newName))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.amendments[*].field",
					containsInAnyOrder("nameZh", "registeredCapital", "businessScope", "crossBorderTrader")))
			.andExpect(jsonPath("$.amendments[?(@.field == 'registeredCapital')].oldValue").value(hasItem("1000000.00")))
			.andExpect(jsonPath("$.amendments[?(@.field == 'registeredCapital')].newValue").value(hasItem("2500000.00")))
			.andExpect(jsonPath("$.amendments[?(@.field == 'businessScope')].newValue").value(hasItem("F5126,I6520")))
			.andExpect(jsonPath("$.amendments[0].amendedBy").value(e.username()))
			// Becoming a cross-border trader registers the enterprise with customs without another application.
			.andExpect(jsonPath("$.agencyRegistrations[*].agency", containsInAnyOrder("SAMR", "TAX", "CUSTOMS")));
		assertThat(enterprises.get(e.uscc()).nameZh()).isEqualTo(newName);
		assertThat(events.stream(LicenceAmended.class).filter(a -> a.uscc().equals(e.uscc())).findFirst())
			.hasValueSatisfying(a -> assertThat(a.fields()).contains("nameZh", "businessScope"));

		// A change made on the old version is refused.
		mvc.perform(patch("/api/v1/enterprises/{uscc}", e.uscc()).header("Authorization", SAMR)
			.contentType(MediaType.APPLICATION_JSON).content("{\"address\":\"新地址 1 号\",\"version\":0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("LICENCE_VERSION_CONFLICT"));
		// The market-regulation officer amends on the current version.
		mvc.perform(patch("/api/v1/enterprises/{uscc}", e.uscc()).header("Authorization", SAMR)
			.contentType(MediaType.APPLICATION_JSON).content("{\"address\":\"新地址 1 号\",\"version\":1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amendments[0].field").value("address"))
			.andExpect(jsonPath("$.amendments[0].amendedBy").value("officer.samr"));
	}

	@Test
	void refusesAnAmendmentThatChangesNothingOrBreaksTheRules() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		String name = enterprises.get(e.uscc()).nameZh();
		amend(e, e.bearer(), "{\"nameZh\":\"" + name + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("AMENDMENT_EMPTY"));
		amend(e, e.bearer(), "{\"nameZh\":\"厦门鹭芯微电子有限公司（演示）\",\"registeredCapital\":0,\"businessScope\":[\"BAD\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].code",
					containsInAnyOrder("ENTERPRISE_NAME_TAKEN", "CAPITAL_NOT_POSITIVE", "ACTIVITY_UNKNOWN")));
		amend(e, "Bearer sw-demo-trader.coffee", "{\"address\":\"hijack\"}")
			.andExpect(status().isForbidden());
		amend(e, "Bearer sw-demo-officer.customs", "{\"address\":\"hijack\"}")
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/enterprises/{uscc}/licence", e.uscc()).header("Authorization", e.bearer()))
			.andExpect(jsonPath("$.amendments").isEmpty())
			.andExpect(jsonPath("$.version").value(0));
	}

	/** Two officers decide at the same moment: exactly one decision is taken, the other is told of the conflict. */
	@Test
	void concurrentDecisionsOnOneLicenceTakeEffectOnce() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		int threads = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String action = i % 2 == 0 ? "suspension" : "revocation";
				results.add(pool.submit(() -> {
					start.await();
					return decide(e, action, SAMR, "{\"reason\":\"race\",\"version\":0}").andReturn().getResponse()
						.getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : results) {
				statuses.add(f.get());
			}
			assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(threads - 1);
		} finally {
			pool.shutdownNow();
		}
		mvc.perform(get("/api/v1/enterprises/{uscc}/licence", e.uscc()).header("Authorization", SAMR))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.history.length()").value(2));
	}

	private ResultActions decide(Registered e, String action, String authorization, String body) throws Exception {
		var request = post("/api/v1/enterprises/{uscc}/" + action, e.uscc()).contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (!authorization.isEmpty()) {
			request.header("Authorization", authorization);
		}
		return mvc.perform(request);
	}

	private ResultActions amend(Registered e, String authorization, String body) throws Exception {
		return mvc.perform(patch("/api/v1/enterprises/{uscc}", e.uscc()).header("Authorization", authorization)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
