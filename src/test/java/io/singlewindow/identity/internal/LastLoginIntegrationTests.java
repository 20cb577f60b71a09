package io.singlewindow.identity.internal;

import static io.singlewindow.identity.internal.People.GOOD_PASSWORD;
import static io.singlewindow.identity.internal.People.formToken;
import static io.singlewindow.identity.internal.People.sessionOf;
import static io.singlewindow.identity.internal.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import jakarta.servlet.http.Cookie;

/**
 * The previous login (上次登录): each login's first page says when and from where the account logged in before, so
 * that a login its holder did not make stands out; the administrators who manage accounts see when each last logged
 * in, so that an account nobody uses any more stands out.
 */
@SingleWindowIntegrationTest
class LastLoginIntegrationTests {

	private static final String ADMINISTRATOR = "Bearer sw-demo-trader.coffee";

	private static final String OWN_PASSWORD = "reef-lantern-harbour-8";

	@Autowired
	MockMvc mvc;

	@Test
	void eachLoginShowsThePreviousOneAndTheAdministratorsSeeWhenAnAccountWasLastUsed() throws Exception {
		String clerk = unique("clerk.");
		mvc.perform(post("/api/v1/operators").header("Authorization", ADMINISTRATOR)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"username":"%s","displayName":"王小明","password":"%s"}""".formatted(clerk, GOOD_PASSWORD)))
			.andExpect(status().isCreated());
		assertThat(lastLoginOf(clerk)).as("never logged in").isNull();

		Cookie first = sessionOf(mvc, clerk, GOOD_PASSWORD, "192.0.2.71");
		String form = html(mvc.perform(get("/account/password").cookie(first)));
		html(mvc.perform(post("/account/password").cookie(first).param("_csrf", formToken(form))
			.param("currentPassword", GOOD_PASSWORD).param("newPassword", OWN_PASSWORD)
			.param("repeatPassword", OWN_PASSWORD)));
		String home = html(mvc.perform(get("/").cookie(first)));
		assertThat(home).contains("id=\"previous-login\"").doesNotContain("192.0.2.");
		assertThat(lastLoginOf(clerk)).as("logged in now").isNotNull();

		Cookie second = sessionOf(mvc, clerk, OWN_PASSWORD, "192.0.2.72");
		assertThat(html(mvc.perform(get("/").cookie(second)))).as("the login before this one")
			.containsPattern("id=\"previous-login\">[^<]*192\\.0\\.2\\.71");
		assertThat(html(mvc.perform(get("/").cookie(first)))).as("each session keeps its own login's previous one")
			.doesNotContain("192.0.2.71");

		Cookie coffee = sessionOf(mvc, "trader.coffee", "demo12345", "192.0.2.73");
		assertThat(html(mvc.perform(get("/account/operators").cookie(coffee))))
			.containsPattern("id=\"last-login-" + clerk.replace(".", "\\.") + "\">\\d{4}-\\d\\d-\\d\\d");
		Cookie admin = sessionOf(mvc, "admin", "demo12345", "192.0.2.74");
		assertThat(html(mvc.perform(get("/admin/accounts").param("q", clerk).cookie(admin))))
			.containsPattern("id=\"last-login-" + clerk.replace(".", "\\.") + "\">\\d{4}-\\d\\d-\\d\\d");
		List<String> seen = JsonPath.read(html(mvc.perform(get("/api/v1/accounts")
			.header("Authorization", "Bearer sw-demo-admin"))), "$[?(@.username == '" + clerk + "')].lastLoginAt");
		assertThat(seen).singleElement().isNotNull();
	}

	private String lastLoginOf(String username) throws Exception {
		String list = html(mvc.perform(get("/api/v1/operators").header("Authorization", ADMINISTRATOR)));
		List<String> at = JsonPath.read(list, "$[?(@.username == '" + username + "')].lastLoginAt");
		return at.isEmpty() ? null : at.getFirst();
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
