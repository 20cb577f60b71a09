package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * A visitor who has not logged in writes nothing to the database. Every anonymous page view used to start a web
 * session — a row in {@code spring_session}, kept for eight hours, written with a durable commit — to hold the form's
 * CSRF token or the address asked for before the login; so anyone could fill the table (and the disk) with a loop of
 * plain GETs. The token now travels in a cookie of its own, and a session starts with the login.
 */
@SingleWindowIntegrationTest
class AnonymousVisitsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void pagesSeenWithoutALoginStartNoSession() throws Exception {
		HttpClient anonymous = HttpClient.newHttpClient();
		long before = sessions();
		for (int i = 0; i < 20; i++) {
			for (String path : List.of("/login", "/", "/declarations", "/no-such-page", "/verify", "/register",
					"/licences/91350200MA2XYZ1234", "/licences/91350200MA2XYZ1234/licence.pdf",
					"/verify/91350200MA2XYZ1234", "/verify/declarations", "/setup", "/swagger-ui.html")) {
				HttpResponse<String> seen = anonymous.send(page(path), HttpResponse.BodyHandlers.ofString());
				assertThat(seen.statusCode()).as(path).isBetween(200, 499);
				assertThat(seen.headers().allValues("Set-Cookie")).as(path)
					.noneMatch(cookie -> cookie.startsWith("SESSION="));
			}
		}
		assertThat(sessions()).isEqualTo(before);
	}

	/**
	 * A handler that takes an {@code HttpSession} starts a session on every call, an anonymous one included (the
	 * registration form and the licence pages did): handlers read the session with {@code getSession(false)} and start
	 * one only where something must be remembered, followed by a redirect (SessionBoundCsrfTokens says why).
	 */
	@Test
	void noPageOrOperationStartsASessionJustByBeingCalled(
			@Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
			org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping routes) {
		assertThat(routes.getHandlerMethods()).isNotEmpty();
		List<String> startingSessions = routes.getHandlerMethods().values().stream()
			.filter(handler -> java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(parameter -> parameter.getParameterType() == jakarta.servlet.http.HttpSession.class))
			.map(Object::toString)
			.toList();
		assertThat(startingSessions).isEmpty();
	}

	@Test
	void theLoginFormStillNeedsItsTokenAndStartsTheSession() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String form = browser.send(page("/login"), HttpResponse.BodyHandlers.ofString()).body();
		String token = People.formToken(form);

		// Without the token the login is refused like any other forged form.
		assertThat(logIn(browser, null).statusCode()).isEqualTo(403);
		// A token from another visitor's form does not match this browser's cookie.
		HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String othersToken = People.formToken(other.send(page("/login"), HttpResponse.BodyHandlers.ofString()).body());
		assertThat(logIn(browser, othersToken).statusCode()).isEqualTo(403);

		long before = sessions();
		HttpResponse<String> loggedIn = logIn(browser, token);
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/"));
		assertThat(loggedIn.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("SESSION="));
		assertThat(sessions()).isEqualTo(before + 1);
		HttpResponse<String> home = browser.send(page("/"), HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Trader workspace", "Log out");
	}

	/**
	 * An application refused for its fields starts no session, and its form, shown again, carries a token the corrected
	 * application is accepted with (a session started by the refusal had kept no token: the second try got 403).
	 */
	@Test
	void aRegistrationRefusedForItsFieldsCanBeCorrectedAndSentAgain() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String token = People.formToken(browser.send(page("/register"), HttpResponse.BodyHandlers.ofString()).body());
		String tag = Long.toString(System.nanoTime(), 36);
		String application = "entityType=LIMITED_LIABILITY_COMPANY&legalRepresentative=%E9%99%88%E5%BC%80%E5%8A%9E"
				+ "&registeredCapital=3000000&capitalCurrency=CNY&zoneArea=XIANGYU_BONDED_ZONE&address=Xiangyu+Road+9"
				+ "&businessScope=F5191&industrialChain=INTEGRATED_CIRCUITS&username=a" + tag + "&password=open-sesame-1";
		HttpResponse<String> refused = browser.send(post("/register", "", application + "&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
		String again = People.formToken(refused.body());

		HttpResponse<String> registered = browser.send(post("/register", "", application + "&nameZh="
				+ URLEncoder.encode("厦门改正" + tag + "有限公司", StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(again, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).contains("/licences/"));
	}

	/**
	 * Before a session the token is a cookie's, and whoever can set a cookie for the zone's domain (a sibling site,
	 * which SameSite counts as the same site) could choose it and forge a form. From the login on it is the session's.
	 */
	@Test
	void aTokenCookieChosenByAnotherSiteCannotForgeTheFormsOfSomeoneLoggedIn() throws Exception {
		HttpClient plain = HttpClient.newHttpClient();
		HttpResponse<String> loginPage = plain.send(page("/login"), HttpResponse.BodyHandlers.ofString());
		String token = People.formToken(loginPage.body());
		HttpResponse<String> loggedIn = plain.send(post("/login", cookie(loginPage, "sw-csrf"),
				"username=trader.chip&password=demo12345&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		String session = cookie(loggedIn, "SESSION");

		String chosen = "chosen-by-a-sibling-site-" + System.nanoTime();
		String label = "forged-" + System.nanoTime();
		HttpResponse<String> forged = plain.send(post("/account/api-keys", session + "; sw-csrf=" + chosen,
				"label=" + label + "&_csrf=" + URLEncoder.encode(masked(chosen), StandardCharsets.UTF_8)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE label = ?").param(label).query(Long.class).single())
			.isZero();

		// The same form with the token of the person's own page goes through.
		String own = People.formToken(plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/account/api-keys")).header("Accept", "text/html").header("Cookie", session).build(),
				HttpResponse.BodyHandlers.ofString()).body());
		assertThat(plain.send(post("/account/api-keys", session, "label=" + label + "&_csrf="
				+ URLEncoder.encode(own, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
	}

	/** A token as a page carries it: random bytes, then the token XOR those bytes, in URL-safe Base64. */
	private static String masked(String token) {
		byte[] value = token.getBytes(StandardCharsets.UTF_8);
		byte[] random = new byte[value.length];
		new java.security.SecureRandom().nextBytes(random);
		byte[] combined = new byte[value.length * 2];
		for (int i = 0; i < value.length; i++) {
			combined[i] = random[i];
			combined[value.length + i] = (byte) (random[i] ^ value[i]);
		}
		return java.util.Base64.getUrlEncoder().encodeToString(combined);
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
	}

	/** A form post; {@code cookies} as sent by hand, or empty for a client that keeps its own. */
	private HttpRequest post(String path, String cookies, String form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		return (cookies.isEmpty() ? request : request.header("Cookie", cookies)).build();
	}

	private HttpResponse<String> logIn(HttpClient browser, String token) throws Exception {
		String body = "username=trader.chip&password=demo12345"
				+ (token == null ? "" : "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest page(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
			.header("Accept-Language", "en").build();
	}

	private long sessions() {
		return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
	}
}
