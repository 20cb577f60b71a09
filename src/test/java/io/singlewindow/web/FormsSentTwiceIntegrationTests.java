package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.BusinessTime;
import jakarta.servlet.http.Cookie;

/**
 * A person who presses a form's button twice — a double click, a second press while the first is on its way, Back
 * and Submit — does the work once, and both presses lead to the first's answer: a broker's agreement is proposed
 * once, an enterprise registered once. The same form with something changed, another form of the page, or a form
 * shown anew is a new request, as is a press whose first answer was a refusal.
 */
@SingleWindowIntegrationTest
class FormsSentTwiceIntegrationTests {

	private static final String CHIP = "91350200MA31C0017J";

	private static final Pattern AGREEMENT_FORM_KEY = Pattern
		.compile("id=\"agreement-form\".*?name=\"formKey\" value=\"([0-9a-f-]{36})\"", Pattern.DOTALL);

	private static final Pattern DOCUMENT_FORM_KEY = Pattern
		.compile("id=\"document-form\".*?name=\"formKey\" value=\"([0-9a-f-]{36})\"", Pattern.DOTALL);

	private static final Pattern REGISTER_FORM_KEY = Pattern
		.compile("id=\"register-form\".*?name=\"formKey\" value=\"([0-9a-f-]{36})\"", Pattern.DOTALL);

	private static final Pattern API_KEY_FORM_KEY = Pattern
		.compile("id=\"api-key-form\".*?name=\"formKey\" value=\"([0-9a-f-]{36})\"", Pattern.DOTALL);

	private static final Pattern WEBHOOK_FORM_KEY = Pattern
		.compile("id=\"webhook-form\".*?name=\"formKey\" value=\"([0-9a-f-]{36})\"", Pattern.DOTALL);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessTime time;

	@LocalServerPort
	int port;

	@Test
	void anAgreementProposedTwiceFromOneFormIsProposedOnceAndAChangedOrNewFormIsANewProposal() throws Exception {
		Cookie broker = logIn("broker");
		String goods = "processors " + UUID.randomUUID();
		Map<String, String> form = proposalFromTheForm(broker, goods);

		String first = send(broker, "/agency-agreements", form).getRedirectedUrl();
		String second = send(broker, "/agency-agreements", form).getRedirectedUrl();
		assertThat(first).startsWith("/agency-agreements?proposed=");
		assertThat(second).as("the second press led to the first's agreement").isEqualTo(first);
		assertThat(agreementsOf(goods)).isEqualTo(1);

		Map<String, String> changed = new LinkedHashMap<>(form);
		changed.put("transportDocument", "MBL-4711");
		assertThat(send(broker, "/agency-agreements", changed).getRedirectedUrl()).as("a field changed: another")
			.isNotEqualTo(first);
		assertThat(send(broker, "/agency-agreements",
				proposalFromTheForm(broker, goods)).getRedirectedUrl())
			.as("the form shown anew: the same agreement proposed again, on purpose").isNotEqualTo(first);
		assertThat(agreementsOf(goods)).isEqualTo(3);
	}

	@Test
	void twoPressesAtOneInstantProposeOnce() throws Exception {
		Cookie broker = logIn("broker");
		String goods = "processors " + UUID.randomUUID();
		Map<String, String> form = proposalFromTheForm(broker, goods);
		ExecutorService presses = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> answers = new ArrayList<>();
			Callable<String> press = () -> send(broker, "/agency-agreements", form).getRedirectedUrl();
			answers.add(presses.submit(press));
			answers.add(presses.submit(press));
			assertThat(answers.get(0).get()).startsWith("/agency-agreements?proposed=").isEqualTo(answers.get(1).get());
		} finally {
			presses.shutdown();
		}
		assertThat(agreementsOf(goods)).isEqualTo(1);
	}

	@Test
	void aRefusedPressIsNotRememberedAndTheNextPressDoesTheWork() throws Exception {
		Cookie broker = logIn("broker");
		String key = keyOf(AGREEMENT_FORM_KEY, page(broker, "/agency-agreements"));
		Map<String, String> refused = proposal(key, "");
		assertThat(send(broker, "/agency-agreements", refused).getStatus()).isEqualTo(422);
		assertThat(send(broker, "/agency-agreements", refused).getContentAsString(StandardCharsets.UTF_8))
			.as("refused again, and said why again").contains("id=\"agreement-form\"");
		assertThat(jdbc.sql("SELECT count(*) FROM page_form_sent WHERE form_key = ?::uuid").param(key)
			.query(Long.class).single()).as("nothing of a refusal written down").isZero();

		String goods = "processors " + UUID.randomUUID();
		assertThat(send(broker, "/agency-agreements", proposal(key, goods)).getRedirectedUrl())
			.startsWith("/agency-agreements?proposed=");
		assertThat(agreementsOf(goods)).isEqualTo(1);
	}

	@Test
	void aPressWhileTheFirstIsAtWorkWaitsForItsAnswer() throws Exception {
		Cookie broker = logIn("broker");
		String goods = "processors " + UUID.randomUUID();
		Map<String, String> form = proposalFromTheForm(broker, goods);
		String first = send(broker, "/agency-agreements", form).getRedirectedUrl();
		// As while the first press is at work: written down, its answer not yet.
		answeredTo(form.get("formKey"), null);
		Thread answer = Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(500);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			answeredTo(form.get("formKey"), first);
		});
		assertThat(send(broker, "/agency-agreements", form).getRedirectedUrl()).isEqualTo(first);
		answer.join();
		assertThat(agreementsOf(goods)).isEqualTo(1);
	}

	/** Through the container, whose error page says it. */
	@Test
	void aPressWhoseFirstWasCutOffIsToldToLookBeforeSendingAgain() throws Exception {
		HttpClient browser = loggedIn("broker");
		String goods = "processors " + UUID.randomUUID();
		String page = fetch(browser, "/agency-agreements?lang=en");
		Map<String, String> form = proposal(keyOf(AGREEMENT_FORM_KEY, page), goods);
		form.put("_csrf", csrfOf(page));
		assertThat(postForm(browser, "/agency-agreements", form).statusCode()).isEqualTo(302);
		// As after a node stopped during the first press: whether it took effect is unknown here.
		answeredTo(form.get("formKey"), null);

		HttpResponse<String> again = postForm(browser, "/agency-agreements", form);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(again.body()).contains("FORM_STILL_BEING_SENT").contains("Look whether it took effect");

		HttpResponse<String> byScript = browser.send(HttpRequest.newBuilder(uri("/agency-agreements"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encoded(form))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(byScript.statusCode()).isEqualTo(409);
		assertThat(byScript.body()).as("problem+json for whoever asks for no page")
			.contains("\"code\":\"FORM_STILL_BEING_SENT\"");
		assertThat(agreementsOf(goods)).isEqualTo(1);
	}

	/**
	 * A form whose answer shows a secret once (a new API key): the second press makes no second key — a live
	 * credential nobody would ever see — but leads to the page, which says the first press made it, that its secret
	 * was shown only on that answer and how to replace it.
	 */
	@Test
	void anApiKeyAskedForTwiceFromOneFormIsMadeOnceAndTheSecondPressIsToldWhy() throws Exception {
		Cookie trader = logIn("trader.coffee");
		String label = "pressed twice " + UUID.randomUUID();
		List<MockHttpServletResponse> presses = pressedTwice(trader, "/account/api-keys", API_KEY_FORM_KEY, "label",
				label);
		MockHttpServletResponse first = presses.get(0);
		assertThat(first.getStatus()).isEqualTo(200);
		String secret = first.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("(?s).*id=\"issued-key\">([^<]+)<.*", "$1");
		assertThat(secret).startsWith("sw_");

		MockHttpServletResponse second = presses.get(1);
		String id = jdbc.sql("SELECT id::text FROM api_key WHERE label = ?").param(label).query(String.class).single();
		assertThat(second.getRedirectedUrl()).as("led to the page, the key made named")
			.isEqualTo("/account/api-keys?shownBefore=" + id);
		String told = page(trader, second.getRedirectedUrl());
		assertThat(told).contains("id=\"key-shown-before\"").contains(label).doesNotContain(secret)
			.doesNotContain("id=\"issued-key\"");
		assertThat(page(trader, "/account/api-keys?shownBefore=" + UUID.randomUUID()))
			.as("a key not the person's is not named").doesNotContain("id=\"key-shown-before\"");
		assertThat(page(trader, "/account/api-keys?shownBefore=not-an-id")).doesNotContain("id=\"key-shown-before\"");
	}

	@Test
	void aWebhookAddedTwiceFromOneFormIsAddedOnce() throws Exception {
		Cookie trader = logIn("trader.tungsten");
		String url = "http://127.0.0.1:9/pressed-twice-" + UUID.randomUUID();
		List<MockHttpServletResponse> presses = pressedTwice(trader, "/account/webhooks", WEBHOOK_FORM_KEY, "url", url);
		assertThat(presses.get(0).getContentAsString(StandardCharsets.UTF_8)).contains("id=\"webhook-secret\"");
		MockHttpServletResponse second = presses.get(1);
		String id = jdbc.sql("SELECT id::text FROM webhook_subscription WHERE url = ?").param(url).query(String.class)
			.single();
		assertThat(second.getRedirectedUrl()).isEqualTo("/account/webhooks?shownBefore=" + id);
		assertThat(page(trader, second.getRedirectedUrl())).contains("id=\"webhook-shown-before\"").contains(url)
			.doesNotContain("id=\"webhook-secret\"");
	}

	@Test
	void aKeyThatIsNoneOfOursIsNoKey() throws Exception {
		Cookie broker = logIn("broker");
		String goods = "processors " + UUID.randomUUID();
		for (String key : List.of("x".repeat(5000), "", "not-a-uuid")) {
			assertThat(send(broker, "/agency-agreements", proposal(key, goods)).getRedirectedUrl())
				.startsWith("/agency-agreements?proposed=");
		}
		assertThat(agreementsOf(goods)).as("each its own, as without a key").isEqualTo(3);
	}

	@Test
	void aFormFetchedCarriesNoKeyAndOnePostedDoes() throws Exception {
		String list = page(logIn("broker"), "/agency-agreements");
		assertThat(list).contains("name=\"formKey\"");
		Matcher search = Pattern.compile("<form[^>]*method=\"get\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(list);
		assertThat(search.find()).as("the page's search form").isTrue();
		assertThat(search.group(1)).doesNotContain("formKey");
	}

	/** Through the container, as a browser sends it: a multipart form with a file, parsed by Tomcat itself. */
	@Test
	void aDocumentAttachedTwiceFromOneFormIsAttachedOnce() throws Exception {
		String id = new SingleWindowClient(port).submitPerfumeImport("trader.chip");
		HttpClient browser = loggedIn("trader.chip");
		String page = fetch(browser, "/declarations/" + id + "?lang=en");
		byte[] body = multipart(Map.of("_csrf", csrfOf(page), "formKey", keyOf(DOCUMENT_FORM_KEY, page), "kind",
				"PACKING_LIST"), "packing list.pdf", "%PDF-1.7\n% 3 cartons\n%%EOF\n".getBytes(StandardCharsets.UTF_8));

		List<String> answers = new ArrayList<>();
		for (int press = 0; press < 2; press++) {
			HttpResponse<Void> sent = browser.send(HttpRequest.newBuilder(uri("/declarations/" + id + "/documents"))
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
			assertThat(sent.statusCode()).isEqualTo(302);
			answers.add(sent.headers().firstValue("Location").orElseThrow());
		}
		assertThat(answers.get(1)).isEqualTo(answers.get(0)).contains("recorded=DOCUMENT_ATTACHED");
		assertThat(jdbc.sql("SELECT count(*) FROM declaration_document WHERE declaration_id = ?::uuid").param(id)
			.query(Long.class).single()).isEqualTo(1);
		// The same file was answered as attached before by the documents themselves too; here the form's key led the
		// second press, its fields and file read from Tomcat's own multipart parsing.
		assertThat(jdbc.sql("SELECT answered_to FROM page_form_sent WHERE form_key = ?::uuid")
			.param(keyOf(DOCUMENT_FORM_KEY, page)).query(String.class).single()).isEqualTo(answers.get(0));
	}

	/**
	 * A visitor registering an enterprise has no session until the licence is issued: the form's CSRF token names the
	 * visitor. Both presses of a double click leave before the first's answer, so both carry only the visitor's cookie.
	 */
	@Test
	void anEnterpriseRegisteredWithADoubleClickIsRegisteredOnceAndNotToldItsNameIsTaken() throws Exception {
		HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String page = fetch(visitor, "/register");
		String cookies = ((CookieManager) visitor.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
			.map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
		String name = "厦门双击申请" + System.nanoTime() + "有限公司";
		Map<String, String> form = new LinkedHashMap<>();
		form.putAll(Map.of("nameZh", name, "entityType", "LIMITED_LIABILITY_COMPANY", "legalRepresentative", "李四",
				"registeredCapital", "1000000", "capitalCurrency", "CNY", "zoneArea", "HAICANG_BONDED_PORT", "address",
				"海沧大道 1 号", "businessScope", "C3240", "industrialChain", "TUNGSTEN"));
		form.putAll(Map.of("username", "double" + System.nanoTime(), "password", "lantern-quietly-47", "_csrf",
				csrfOf(page), "formKey", keyOf(REGISTER_FORM_KEY, page)));
		HttpClient browser = HttpClient.newHttpClient();
		Callable<HttpResponse<String>> press = () -> browser.send(HttpRequest.newBuilder(uri("/register"))
			.header("Cookie", cookies).header("Accept", "text/html").header("Accept-Language", "en")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encoded(form))).build(), HttpResponse.BodyHandlers.ofString());
		ExecutorService presses = Executors.newFixedThreadPool(2);
		try {
			Future<HttpResponse<String>> first = presses.submit(press);
			Future<HttpResponse<String>> second = presses.submit(press);
			for (Future<HttpResponse<String>> answer : List.of(first, second)) {
				assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(302);
			}
			assertThat(second.get().headers().firstValue("Location")).isEqualTo(first.get().headers()
				.firstValue("Location"));
		} finally {
			presses.shutdown();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE name_zh = ?").param(name).query(Long.class).single())
			.isEqualTo(1);
	}

	private static final String BOUNDARY = "----formsSentTwice7MA4YWxkTrZu0gW";

	private static byte[] multipart(Map<String, String> fields, String fileName, byte[] file) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/** A browser's cookies, logged in as {@code user} on the login page. */
	private HttpClient loggedIn(String user) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = fetch(browser, "/login");
		assertThat(postForm(browser, "/login", Map.of("username", user, "password", "demo12345", "_csrf", csrfOf(login)))
			.statusCode()).isEqualTo(302);
		return browser;
	}

	private String fetch(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private HttpResponse<String> postForm(HttpClient browser, String path, Map<String, String> form) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
			.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encoded(form))).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encoded(Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
			.append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return body.toString();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String csrfOf(String page) {
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).isTrue();
		return csrf.group(1);
	}

	private static String keyOf(Pattern form, String page) {
		Matcher key = form.matcher(page);
		assertThat(key.find()).as("the form carries a key").isTrue();
		return key.group(1);
	}

	/** The agreement form as the broker opens it (its key with it), filled in for {@code goods}. */
	private Map<String, String> proposalFromTheForm(Cookie broker, String goods) throws Exception {
		return proposal(keyOf(AGREEMENT_FORM_KEY, page(broker, "/agency-agreements")), goods);
	}

	private Map<String, String> proposal(String key, String goods) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("principal", CHIP);
		form.put("flow", "IMPORT");
		form.put("goods", goods);
		form.put("validUntil", time.today().plusDays(10).toString());
		form.put("formKey", key);
		return form;
	}

	private void answeredTo(String key, String location) {
		jdbc.sql("UPDATE page_form_sent SET answered_to = ? WHERE form_key = ?::uuid").params(location, key).update();
	}

	private long agreementsOf(String goods) {
		return jdbc.sql("SELECT count(*) FROM agency_agreement WHERE goods = ?").param(goods).query(Long.class).single();
	}

	/** The form of the page at {@code address} sent twice with one field filled, as by a double click. */
	private List<MockHttpServletResponse> pressedTwice(Cookie session, String address, Pattern form, String field,
			String value) throws Exception {
		Map<String, String> fields = Map.of("formKey", keyOf(form, page(session, address)), field, value);
		return List.of(send(session, address, fields), send(session, address, fields));
	}

	private MockHttpServletResponse send(Cookie session, String address, Map<String, String> form) throws Exception {
		MockHttpServletRequestBuilder request = post(address).cookie(session).with(csrf())
			.header("Accept-Language", "en");
		form.forEach(request::param);
		return mvc.perform(request).andReturn().getResponse();
	}

	private String page(Cookie session, String address) throws Exception {
		return mvc.perform(get(address).cookie(session).header("Accept-Language", "en")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Cookie logIn(String user) throws Exception {
		return mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password("demo12345"))
			.andReturn().getResponse().getCookie("SESSION");
	}
}
