package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.singlewindow.SingleWindowIntegrationTest;
import jakarta.servlet.http.Cookie;

/**
 * Cookies and the language switch are input too, and a cookie can be set by anyone who shares the domain: a value the
 * platform never wrote must not take a person's pages, or an API client's calls, down with a 500.
 */
@SingleWindowIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileCookiesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@ParameterizedTest(name = "sw-lang={0}")
	@ValueSource(strings = { "%%%", "../../etc", "xx_YY_zz_qq", "a-b-c-d-e-f-g-h", "" })
	void aLanguageCookieThePlatformNeverWroteIsIgnored(String value) throws Exception {
		mvc.perform(get("/login").cookie(new Cookie("sw-lang", value)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").cookie(new Cookie("sw-lang", value))
			.header("Authorization", "Bearer sw-demo-trader.chip")).andExpect(status().isOk());
	}

	@Test
	void theLanguageSwitchStillSwitchesThePageItComesWith() throws Exception {
		MvcResult english = mvc.perform(get("/login").param("lang", "en").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn();
		assertThat(english.getResponse().getContentAsString()).contains("<html lang=\"en\"");
		assertThat(english.getResponse().getCookie("sw-lang").getValue()).isEqualTo("en");
		MvcResult chinese = mvc.perform(get("/login").param("lang", "zh_CN").cookie(new Cookie("sw-lang", "en"))
			.accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn();
		assertThat(chinese.getResponse().getContentAsString()).contains("<html lang=\"zh-CN\"");
	}

	@ParameterizedTest(name = "lang={0}")
	@ValueSource(strings = { "%%%", "../../etc", "xx_YY_zz_qq_\u0001", "de",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void aLanguageSwitchToSomethingElseThanChineseOrEnglishKeepsTheDefault(String value) throws Exception {
		MvcResult page = mvc.perform(get("/login").param("lang", value).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andReturn();
		Cookie written = page.getResponse().getCookie("sw-lang");
		// Either none is written, or one of the two languages the pages are in: never the value asked for.
		assertThat(written == null ? "zh-CN" : written.getValue()).isIn("zh-CN", "en");
	}

	/** A session id holding a NUL failed the session table's query: "AAAA" is three of them in Base64. */
	@ParameterizedTest(name = "SESSION={0}")
	@ValueSource(strings = { "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "QUFBAA==",
			"QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB", "!!!" })
	void aSessionCookieNoSessionCouldHaveIsNoSession(String value, CapturedOutput output) throws Exception {
		Cookie forged = new Cookie("SESSION", value);
		mvc.perform(get("/login").cookie(forged).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").cookie(forged).header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isOk());
		mvc.perform(get("/declarations").cookie(forged).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());

		// Over HTTP, where an error page is a second dispatch of the container's request, cookies and all.
		var http = java.net.http.HttpClient.newHttpClient();
		var missing = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
				"http://localhost:" + port + "/no-such-page")).header("Accept", "text/html")
			.header("Cookie", "SESSION=" + value).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("id=\"error-404\"");
		// The lookup failed as the page was sent, after its status and most of it: only the log showed it.
		assertThat(output.getOut()).doesNotContain("invalid byte sequence");
	}
}
