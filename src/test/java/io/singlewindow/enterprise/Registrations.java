package io.singlewindow.enterprise;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

import io.singlewindow.core.Uscc;

/** Registers enterprises through the public API and gives their new traders an API key, as a person would. */
public final class Registrations {

	private Registrations() {
	}

	/** A registered enterprise with its trader's login and a freshly created API key. */
	public record Registered(Uscc uscc, String username, String password, String apiKey) {

		public String bearer() {
			return "Bearer " + apiKey;
		}
	}

	public static Registered register(MockMvc mvc, ApplicationFixtures application) throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
			.content(application.json()))
			.andExpect(status().isCreated())
			.andReturn();
		Uscc uscc = Uscc.parse(JsonPath.read(result.getResponse().getContentAsString(), "$.enterprise.uscc"));
		String username = (String) application.get("username");
		String password = (String) application.get("password");
		return new Registered(uscc, username, password, apiKeyOf(mvc, username, password));
	}

	/** Logs in through the web form and creates an API key on the API keys page. */
	public static String apiKeyOf(MockMvc mvc, String username, String password) throws Exception {
		MvcResult login = mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		// Sessions live in Spring Session JDBC, so the session travels as its cookie, as in a browser.
		Cookie session = login.getResponse().getCookie("SESSION");
		MvcResult page = mvc.perform(post("/account/api-keys").cookie(session).with(csrf()).param("label", "tests"))
			.andExpect(status().isOk())
			.andReturn();
		var key = java.util.regex.Pattern.compile("id=\"issued-key\">([^<]+)<")
			.matcher(page.getResponse().getContentAsString());
		if (!key.find()) {
			throw new AssertionError("no API key issued for " + username);
		}
		return key.group(1);
	}
}
