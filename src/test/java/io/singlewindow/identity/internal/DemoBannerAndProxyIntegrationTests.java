package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * With demo data (the embedded database of an evaluation) every page says so; behind an HTTPS reverse proxy the
 * session cookie is Secure and HSTS is sent; the session lasts the configured time.
 */
@SingleWindowIntegrationTest
class DemoBannerAndProxyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource({ "/login, en, Demo data — not for production", "/login, zh_CN, 演示数据——不得用于生产",
			"/verify, en, Demo data — not for production", "/, zh_CN, 演示数据——不得用于生产" })
	void everyPageShowsTheDemoBanner(String path, String language, String banner) throws Exception {
		mvc.perform(get(path).param("lang", language))
			.andExpect(content().string(containsString("id=\"demo-banner\"")))
			.andExpect(content().string(containsString(banner)));
	}

	@Test
	void behindAnHttpsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
		HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.80").build(),
				HttpResponse.BodyHandlers.ofString());
		String tokenCookie = proxied.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(tokenCookie).startsWith("sw-csrf=").contains("; Secure").contains("; HttpOnly");
		assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));

		// The session starts with the login.
		String token = People.formToken(proxied.body());
		HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.80")
			.header("Cookie", tokenCookie.substring(0, tokenCookie.indexOf(';')))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=trader.chip&password=demo12345&_csrf="
					+ java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		String cookie = loggedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
			.findFirst().orElseThrow();
		assertThat(cookie).contains("; Secure").contains("; HttpOnly");

		// The session lives as long as server.servlet.session.timeout (8 h unless SINGLEWINDOW_SESSION_TIMEOUT).
		String sessionId = new String(Base64.getDecoder().decode(cookie.substring(8, cookie.indexOf(';'))),
				StandardCharsets.UTF_8);
		assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?").param(sessionId)
			.query(Integer.class).single()).isEqualTo(8 * 3600);
	}

	@Test
	void plainHttpWithoutTheProxyGetsNeitherSecureCookieNorHsts() throws Exception {
		HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(direct.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
		assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}
}
