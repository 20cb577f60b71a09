package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.singlewindow.ClientAddress;
import jakarta.servlet.http.Cookie;

/** People at their browsers, each at an address of their own, for the identity tests. */
final class People {

	static final String GOOD_PASSWORD = "lantern-quietly-47";

	private People() {
	}

	/** The CSRF token a page's form carries (its hidden {@code _csrf} field). */
	static String formToken(String page) {
		Matcher token = FORM_TOKEN.matcher(page);
		if (!token.find()) {
			throw new AssertionError("no CSRF token in the page's form");
		}
		return token.group(1);
	}

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static MvcResult logIn(MockMvc mvc, String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
			.with(ClientAddress.from(address))).andReturn();
	}

	/** The session cookie of a successful login, else {@literal null}. */
	static Cookie sessionOf(MockMvc mvc, String username, String password, String address) throws Exception {
		MvcResult result = logIn(mvc, username, password, address);
		return "/".equals(result.getResponse().getRedirectedUrl()) ? result.getResponse().getCookie("SESSION") : null;
	}

	/** A colleague opened with {@link #GOOD_PASSWORD}, logged in as {@code session}, chooses {@code own}. */
	static void choosePassword(MockMvc mvc, Cookie session, String own) throws Exception {
		String form = mvc.perform(get("/account/password").cookie(session)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(mvc.perform(post("/account/password").cookie(session).param("_csrf", formToken(form))
			.param("currentPassword", GOOD_PASSWORD).param("newPassword", own).param("repeatPassword", own))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"password-changed\"");
	}

	/**
	 * A colleague opened with {@link #GOOD_PASSWORD} chooses {@code own} at the first login and takes an API key:
	 * its {@code Authorization} header.
	 */
	static String keyAfterFirstLogin(MockMvc mvc, String username, String own, String address) throws Exception {
		choosePassword(mvc, sessionOf(mvc, username, GOOD_PASSWORD, address), own);
		return "Bearer " + io.singlewindow.enterprise.Registrations.apiKeyOf(mvc, username, own);
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}
}
