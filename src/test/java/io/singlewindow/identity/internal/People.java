package io.singlewindow.identity.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/** People at their browsers, each at an address of their own, for the identity tests. */
final class People {

	static final String GOOD_PASSWORD = "lantern-quietly-47";

	private People() {
	}

	/** A request from {@code address}, as Tomcat reports it behind the proxy. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static MvcResult logIn(MockMvc mvc, String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
			.with(from(address))).andReturn();
	}

	/** The session cookie of a successful login, else {@literal null}. */
	static Cookie sessionOf(MockMvc mvc, String username, String password, String address) throws Exception {
		MvcResult result = logIn(mvc, username, password, address);
		return "/".equals(result.getResponse().getRedirectedUrl()) ? result.getResponse().getCookie("SESSION") : null;
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}
}
