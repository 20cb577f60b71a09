package io.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.enterprise.Registrations;
import jakarta.servlet.http.Cookie;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends generated variants of valid requests to every write endpoint of the REST API: values of the wrong type,
 * missing and extra fields, boundary and huge numbers, long and odd Unicode (right-to-left marks, emoji, combining
 * marks, NUL, lone surrogates), injection strings, broken JSON and hostile path segments. Whatever the variant, the
 * answer is never a 5xx, every 4xx is problem+json with a {@code code}, and a 4xx leaves the row counts of the tables
 * the endpoint writes unchanged.
 * <p>
 * The variants come from a seeded generator ({@link HostileVariants}), so every run sends the same requests and a
 * failure reproduces: the assertion names the variant's number, endpoint, request and answer, so that it can be
 * turned into a regression test. The whole platform is the one Spring context the other integration tests share.
 * <p>
 * A plain generator rather than jqwik: from 1.10 on jqwik's maintainers ask that coding agents, which build this
 * project, not use it (its "Anti-AI Usage Clause"), and this suite needs neither shrinking nor jqwik's statistics.
 */
@SingleWindowIntegrationTest
class HostileInputFuzzTests {

	/**
	 * The suite's seed. {@code -Dfuzz.seed=…} (with {@code -Dfuzz.tries=…}, {@code -Dfuzz.formTries=…}) explores other
	 * variants by hand; the suite as CI runs it always sends the same ones.
	 */
	static final long SEED = Long.getLong("fuzz.seed", 20261129L);

	/** About 50 variants for each of the 42 REST write endpoints. */
	static final int TRIES = Integer.getInteger("fuzz.tries", 2_000);

	/** About 30 variants for each of the 33 web form routes. */
	static final int FORM_TRIES = Integer.getInteger("fuzz.formTries", 1_000);

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	static final String CHIP = EnterpriseFixtures.demo("CHIP").value();

	/** Stale versions: an update variant passes every check and is then refused, so shared data stays as it is. */
	static final int STALE = 999_999;

	/** A valid unified social credit code no enterprise has. */
	static final String NOBODY = "91350200FUZZNOB0" + io.singlewindow.core.Uscc.organisationCodeCheckOf("FUZZNOB0");

	/** Created once per test JVM: the declarations, enterprise, rule and profile the endpoints act on. */
	private static Targets targets;

	@Autowired
	MockMvc mvc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping routes;

	/** Session cookies of the people at the forms, one login each. */
	private final Map<String, Cookie> sessions = new HashMap<>();

	/** No agency agreement has this number (they are WT, the year and eight digits). */
	static final String NO_AGREEMENT = "WT000000000000";

	/**
	 * A variant of the rule's body that still reads sets a day from which brokers' declarations need an agreement: the
	 * other test classes of this JVM declare as the broker without one.
	 */
	@org.junit.jupiter.api.AfterEach
	void agreementsAreNotRequiredAfterwards() {
		jdbc.sql("UPDATE agency_agreement_rule SET required_from = NULL").update();
	}

	@BeforeEach
	void createTheTargetsOnce() throws Exception {
		synchronized (HostileInputFuzzTests.class) {
			if (targets == null) {
				targets = targets();
			}
		}
	}

	@Test
	void everyWriteEndpointAnswersHostileVariantsWithA4xxProblemAndStoresNothing() throws Exception {
		List<Endpoint> endpoints = endpoints();
		HostileVariants variants = new HostileVariants(SEED);
		everyOneOf(TRIES, "REST variants", number -> answersWithA4xxProblemAndStoresNothing(number, variants.next(),
				endpoints));
	}

	@Test
	void everyWebFormAnswersHostileVariantsWithAPageAndStoresNothing() throws Exception {
		List<Form> forms = forms();
		HostileVariants variants = new HostileVariants(SEED);
		everyOneOf(FORM_TRIES, "form variants", number -> answersWithAPageAndStoresNothing(number, variants.nextForm(),
				forms));
	}

	/** Sends all {@code tries} variants and fails with every wrong answer at once, not only the first. */
	private static void everyOneOf(int tries, String what, VariantCheck check) throws Exception {
		List<String> failures = new ArrayList<>();
		for (int number = 1; number <= tries; number++) {
			try {
				check.sendAndCheck(number);
			} catch (AssertionError failure) {
				failures.add(failure.getMessage());
			}
		}
		assertThat(failures).as(what + " answered wrongly, of " + tries).isEmpty();
	}

	@FunctionalInterface
	interface VariantCheck {

		void sendAndCheck(int number) throws Exception;
	}

	/**
	 * A write route added to a controller without a line in {@link #endpoints()} or {@link #forms()} fails here, so
	 * that no new endpoint escapes the fuzzing: the routes are read from Spring's own table of handler methods.
	 */
	@Test
	void everyWriteRouteOfThePlatformIsFuzzed() throws Exception {
		List<String> fuzzed = new ArrayList<>();
		endpoints().forEach(e -> fuzzed.add(e.method() + " " + e.path()));
		forms().forEach(f -> fuzzed.add("POST " + f.path()));
		Set<String> routesThatWrite = new TreeSet<>();
		routes.getHandlerMethods().keySet().forEach(mapping -> mapping.getMethodsCondition().getMethods().stream()
			.filter(m -> m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS)
			.forEach(m -> mapping.getPatternValues()
				.forEach(pattern -> routesThatWrite.add(m + " " + pattern.replaceAll("\\{[^}]*}", "{}")))));
		assertThat(routesThatWrite).as("write routes of the platform").hasSizeGreaterThan(50);
		// A route's {} matches any one segment: POST /api/v1/enterprises/{}/{} is fuzzed as …/{}/suspension and others.
		List<String> notFuzzed = routesThatWrite.stream()
			.filter(route -> fuzzed.stream().noneMatch(f -> f.matches(java.util.regex.Pattern.quote(route)
				.replace("{}", "\\E[^/]+\\Q"))))
			.toList();
		assertThat(notFuzzed).as("write routes the fuzz suite sends no variant to").isEmpty();
	}

	/**
	 * Found by the fuzz suite (variant #2282): the refusal quoted the quantity with {@code toPlainString()}, a billion
	 * characters, and ran out of memory (500).
	 */
	@Test
	void aPermitApplicationForABillionDigitQuantityIsRefusedWithoutWritingItOut() throws Exception {
		for (String quantity : List.of("1E+999999999", "-1E+999999999", "1E-999999999")) {
			String before = counts(List.of("permit_application"));
			MockHttpServletResponse response = send(HttpMethod.POST, URI.create("/api/v1/permit-applications"),
					"trader.chip", """
							{"catalogueCode":"AIL","applicant":"%s","scope":"computers","goods":["8471300000"],
							 "requestedQuantity":%s,"documents":["FORM-1"]}""".formatted(CHIP, quantity),
					MediaType.APPLICATION_JSON);
			assertThat(response.getStatus()).as(quantity).isEqualTo(422);
			assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("errors").findValuesAsString(
					"field")).as(quantity).contains("requestedQuantity");
			assertThat(counts(List.of("permit_application"))).as(quantity).isEqualTo(before);
		}
	}

	/**
	 * Whether the security firewall refuses the address as a whole before any route is chosen (an encoded percent
	 * sign, slash, backslash, dot, NUL, line feed, carriage return or Unicode line or paragraph separator, a
	 * semicolon, an empty segment): no field is at fault (api/conventions.md).
	 */
	static boolean refusedAsAnAddress(URI uri) {
		String path = uri.getRawPath().toUpperCase(java.util.Locale.ROOT);
		return java.util.stream.Stream.of("%25", "%2F", "%5C", "%2E", "%00", "%0A", "%0D", "%E2%80%A8", "%E2%80%A9", "%3B",
				";", "//").anyMatch(path::contains);
	}

	private void answersWithA4xxProblemAndStoresNothing(int number, Variant variant, List<Endpoint> endpoints)
			throws Exception {
		Endpoint endpoint = endpoints.get(Math.floorMod(variant.endpoint(), endpoints.size()));
		List<String> variables = new ArrayList<>(endpoint.variables());
		if (!variables.isEmpty() && variant.pathSegment() != null) {
			variables.set(Math.floorMod(variant.endpoint() / 31, variables.size()), variant.pathSegment());
		}
		String body = variant.applyTo(JSON.readTree(endpoint.body()), endpoint.protectedFields());
		answersWithA4xxProblemAndStoresNothing("variant #%d of seed %d".formatted(number, SEED), endpoint,
				uri(endpoint.path() + endpoint.query(), variables), body);
	}

	/**
	 * Every number in every endpoint's valid body, in turn, takes each of the numbers a {@code BigDecimal} reads whole
	 * but cannot round or print cheaply. Found by the fuzz suite (seed 20261209, variant of a tariff assessment): a
	 * line's value {@code 1e-999999999} passed the checks as zero and was then rounded to fen as typed, which needs
	 * 10^999999997 (500). A seeded stream reaches a given number of a given endpoint with a given extreme only by
	 * chance; this walks all of them.
	 */
	@Test
	void everyNumberOfEveryBodyTakesTheDecimalExtremesWithoutA500() throws Exception {
		walkEveryBody("numbers", JsonNode::isNumber,
				DECIMAL_EXTREMES.stream().map(x -> (JsonNode) NODES.numberNode(new BigDecimal(x))).toList());
	}

	/**
	 * Every text in every endpoint's valid body, in turn, takes each of the texts that broke parsers, columns or pages
	 * elsewhere: a NUL (PostgreSQL refuses it in text), text far beyond any column, a byte-order mark with a
	 * right-to-left override, digits that are not ASCII, and a number no column holds written as text.
	 */
	@Test
	void everyTextOfEveryBodyTakesTheHostileTextsWithoutA500() throws Exception {
		walkEveryBody("texts", JsonNode::isString, HOSTILE_TEXTS.stream().map(x -> (JsonNode) NODES.stringNode(x))
			.toList());
	}

	/**
	 * Every endpoint given a body that is no object at all: JSON's {@code null} (read without complaint as no object,
	 * the decisions topic's connector met it with a NullPointerException), an array, a bare text or number, nothing.
	 */
	@Test
	void everyEndpointTakesBodiesThatAreNoObjectWithoutA500() throws Exception {
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints()) {
			for (String body : List.of("null", "[]", "[null]", "\"x\"", "1e999999999", "")) {
				sent++;
				try {
					answersWithA4xxProblemAndStoresNothing("body " + body, endpoint,
							uri(endpoint.path() + endpoint.query(), endpoint.variables()), body);
				} catch (AssertionError failure) {
					failures.add(failure.getMessage());
				}
			}
		}
		assertThat(failures).as("bodies answered wrongly, of " + sent).isEmpty();
	}

	static final List<String> HOSTILE_TEXTS = List.of("\u0000", "x".repeat(20_000), "\uFEFF\u202Eevil", "١٢٣",
			"1e999999999");

	/** Each value of every body that {@code which} picks, in turn, replaced by each of {@code replacements}. */
	private void walkEveryBody(String what, Predicate<JsonNode> which, List<JsonNode> replacements)
			throws Exception {
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints()) {
			JsonNode valid = JSON.readTree(endpoint.body());
			for (List<Object> path : leaves(valid, which, new ArrayList<>())) {
				if (endpoint.protectedFields().contains(String.valueOf(path.get(0)))) {
					continue;
				}
				for (JsonNode replacement : replacements) {
					JsonNode body = valid.deepCopy();
					replace(body, path, replacement);
					sent++;
					try {
						answersWithA4xxProblemAndStoresNothing(path + " = " + abbreviate(replacement.toString()), endpoint,
								uri(endpoint.path() + endpoint.query(), endpoint.variables()), JSON.writeValueAsString(body));
					} catch (AssertionError failure) {
						failures.add(failure.getMessage());
					}
				}
			}
		}
		assertThat(sent).as(what + " sent").isGreaterThan(100);
		assertThat(failures).as(what + " answered wrongly, of " + sent).isEmpty();
	}

	/**
	 * Every endpoint's valid body sent with each of the headers a client or a proxy may get wrong: languages no one
	 * speaks or weighted wrongly, an Idempotency-Key that is empty, blank, a NUL, a right-to-left override or longer than
	 * a reference (every POST that needs a key takes one, and one request's key is another's 409), answers
	 * asked for in types the endpoint does not write, a body declared in a charset that does not exist or is not its
	 * own, forwarding and preference headers that mean nothing.
	 */
	@Test
	void everyEndpointTakesHostileHeadersWithoutA500() throws Exception {
		List<String[]> headers = List.of(new String[] { "Accept-Language", "xx;q=abc" },
				new String[] { "Accept-Language", "zh-CN;q=2, *;q=-1" }, new String[] { "Accept-Language", "a".repeat(5_000) },
				new String[] { "Idempotency-Key", "" }, new String[] { "Idempotency-Key", " " },
				new String[] { "Idempotency-Key", "\u202eabc" }, new String[] { "Idempotency-Key", "\u0000" },
				new String[] { "Idempotency-Key", "k".repeat(101) },
				new String[] { "Accept", "application/xml" }, new String[] { "Accept", "text/csv;q=x" },
				new String[] { "Content-Type", "application/json;charset=bogus" },
				new String[] { "Content-Type", "application/json;charset=UTF-16" },
				new String[] { "X-Forwarded-For", "999.999.999.999, ::::, " + "a".repeat(3_000) },
				new String[] { "Prefer", "return=bogus, respond-async, wait=-1" });
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints()) {
			URI uri = uri(endpoint.path() + endpoint.query(), endpoint.variables());
			for (String[] header : headers) {
				String before = counts(endpoint.tables());
				var request = request(endpoint.method(), uri).contentType(endpoint.contentType())
					.content(endpoint.body().getBytes(StandardCharsets.UTF_8));
				if (endpoint.user() != null) {
					request.header("Authorization", bearer(endpoint.user()));
				}
				if ("Content-Type".equals(header[0])) {
					request.contentType(header[1]);
				} else {
					request.header(header[0], header[1]);
				}
				sent++;
				answeredWithoutA5xx(endpoint, header, before, () -> {
					MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
					return new Answer(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8));
				}, failures);
			}
		}
		assertThat(failures).as("hostile headers answered wrongly, of " + sent).isEmpty();
	}

	/**
	 * The headers MockMvc cannot send as a client does — it adds a charset to every content type and reads no header
	 * through Tomcat (its cookie parser, its locale from {@code Accept-Language}, its character encoding) — sent over
	 * HTTP to every write endpoint. A bare wildcard content type answered a 500 (found by hand, 2026-12-08), which the
	 * MockMvc sweep above, sending {@code *}{@code /*;charset=UTF-8}, never saw.
	 */
	@Test
	void everyEndpointTakesHostileHeadersOverHttpWithoutA500() throws Exception {
		List<String[]> headers = List.of(new String[] { "Content-Type", "*/*" },
				new String[] { "Content-Type", "application/*" }, new String[] { "Content-Type", "*" },
				new String[] { "Content-Type", "application/json; charset=\"" },
				new String[] { "Content-Type", "application/json;;;q" },
				new String[] { "Content-Type", "multipart/form-data" },
				new String[] { "Content-Type", "multipart/form-data; boundary=" },
				new String[] { "Content-Type", "application/json; charset=x-bogus" },
				new String[] { "Accept-Language", "zh-CN;q=0.5;q=0.6, ;;, en-US-x-" + "a".repeat(300) },
				new String[] { "Cookie", "SESSION=%%%; SESSION=; =x; lang=\"zh_CN" },
				new String[] { "Accept", "*/*;q=x, application/json;q=-1" });
		var http = java.net.http.HttpClient.newHttpClient();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints()) {
			URI uri = URI.create("http://localhost:" + port
					+ uri(endpoint.path() + endpoint.query(), endpoint.variables()).toString());
			for (String[] header : headers) {
				String before = counts(endpoint.tables());
				var request = java.net.http.HttpRequest.newBuilder(uri)
					.method(endpoint.method().name(),
							java.net.http.HttpRequest.BodyPublishers.ofString(endpoint.body(), StandardCharsets.UTF_8))
					.header(header[0], header[1]);
				if (!"Content-Type".equals(header[0])) {
					request.header("Content-Type", endpoint.contentType().toString());
				}
				if (endpoint.user() != null) {
					request.header("Authorization", bearer(endpoint.user()));
				}
				sent++;
				answeredWithoutA5xx(endpoint, header, before, () -> {
					var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
					return new Answer(response.statusCode(), response.body());
				}, failures);
			}
		}
		assertThat(failures).as("hostile headers answered wrongly over HTTP, of " + sent).isEmpty();
	}

	/** A status and a body, however the request was sent. */
	record Answer(int status, String body) {
	}

	/**
	 * Sends one hostile header's request and records in {@code failures}, rather than stopping at the first, an answer
	 * of 5xx or a refusal that stored something ({@code before}: the endpoint's tables counted before it).
	 */
	private void answeredWithoutA5xx(Endpoint endpoint, String[] header, String before,
			java.util.concurrent.Callable<Answer> send, List<String> failures) {
		try {
			Answer answer = send.call();
			String context = "%s: %s=%s -> %d %s".formatted(endpoint.name(), header[0], abbreviate(header[1]),
					answer.status(), abbreviate(answer.body()));
			assertThat(answer.status()).as(context).isLessThan(500);
			if (answer.status() >= 400) {
				assertThat(counts(endpoint.tables())).as(context).isEqualTo(before);
			}
		} catch (AssertionError | Exception failure) {
			failures.add(endpoint.name() + " " + header[0] + ": " + failure.getMessage());
		}
	}

	/** The Authorization header of a demo account, or of a key given in full ({@code Bearer …}). */
	private static String bearer(String user) {
		return user.startsWith("Bearer ") ? user : "Bearer sw-demo-" + user;
	}

	/** Zero and one far beyond any column's scale, both ways, and a magnitude no column holds. */
	static final List<String> DECIMAL_EXTREMES = List.of("1e-999999999", "-1e-999999999", "0E+999999999",
			"0E-999999999", "1e999999999");

	/** The paths (field names and array indexes) of every value in {@code node} that {@code which} picks. */
	private static List<List<Object>> leaves(JsonNode node, Predicate<JsonNode> which,
			List<Object> at) {
		List<List<Object>> found = new ArrayList<>();
		if (which.test(node)) {
			found.add(List.copyOf(at));
		} else if (node.isObject()) {
			for (String name : node.propertyNames()) {
				at.add(name);
				found.addAll(leaves(node.get(name), which, at));
				at.removeLast();
			}
		} else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				at.add(i);
				found.addAll(leaves(node.get(i), which, at));
				at.removeLast();
			}
		}
		return found;
	}

	private static void replace(JsonNode body, List<Object> path, JsonNode value) {
		JsonNode parent = body;
		for (Object step : path.subList(0, path.size() - 1)) {
			parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
		}
		Object last = path.getLast();
		if (last instanceof Integer i) {
			((ArrayNode) parent).set(i, value);
		} else {
			((ObjectNode) parent).set((String) last, value);
		}
	}

	private void answersWithA4xxProblemAndStoresNothing(String label, Endpoint endpoint, URI uri, String body)
			throws Exception {
		String before = counts(endpoint.tables());
		MockHttpServletResponse response = send(endpoint.method(), uri, endpoint.user(), body, endpoint.contentType());
		// The answer before the body, and the body as escaped JSON text, so that a report file keeps them readable.
		String context = "%s: endpoint='%s' %s %s -> %d %s; body=%s".formatted(label, endpoint.name(),
				endpoint.method(), uri, response.getStatus(),
				abbreviate(response.getContentAsString(StandardCharsets.UTF_8)), abbreviate(JSON.writeValueAsString(body)));
		assertThat(response.getStatus()).as(context).isLessThan(500);
		if (response.getStatus() >= 400) {
			assertThat(response.getContentType()).as(context).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
			assertThat(problem.path("code").asString("")).as(context).isNotBlank();
			if ((response.getStatus() == 400 || response.getStatus() == 422) && !refusedAsAnAddress(uri)) {
				// The refusal of what the caller sent names the offending field, in words (the API's conventions).
				assertThat(problem.path("field").asString("")).as(context).isNotBlank();
				problem.path("errors").forEach(error -> assertThat(error.path("message").asString(""))
					.as(context).isNotBlank().isNotEqualTo(error.path("code").asString("")));
			}
			assertThat(counts(endpoint.tables())).as(context).isEqualTo(before);
		}
	}

	/**
	 * A form answers with a redirect when it took the input, else with the form again (field errors) or an error page
	 * in the layout; never a 5xx, and a refusal stores nothing.
	 */
	private void answersWithAPageAndStoresNothing(int number, FormVariant variant, List<Form> forms) throws Exception {
		Form form = forms.get(Math.floorMod(variant.endpoint(), forms.size()));
		List<String> variables = new ArrayList<>(form.variables());
		if (!variables.isEmpty() && variant.pathSegment() != null) {
			variables.set(Math.floorMod(variant.endpoint() / 31, variables.size()), variant.pathSegment());
		}
		Map<String, List<String>> params = variant.applyTo(form.params(), form.protectedFields());
		answersWithAPageAndStoresNothing("form variant #%d of seed %d".formatted(number, SEED), form,
				uri(form.path(), variables), params);
	}

	/** As {@link #everyNumberOfEveryBodyTakesTheDecimalExtremesWithoutA500}, for every number a web form sends. */
	@Test
	void everyNumberOfEveryWebFormTakesTheDecimalExtremesWithoutA500() throws Exception {
		walkEveryForm("numbers", HostileInputFuzzTests::isNumber, DECIMAL_EXTREMES);
	}

	/** As {@link #everyTextOfEveryBodyTakesTheHostileTextsWithoutA500}, for every field a web form sends. */
	@Test
	void everyFieldOfEveryWebFormTakesTheHostileTextsWithoutA500() throws Exception {
		// Three of the texts: a form's every field is many (18 s for all five), and the others are the bodies' walk's.
		walkEveryForm("texts", value -> true, List.of("\u0000", "x".repeat(20_000), "1e999999999"));
	}

	/** Each field of every form that {@code which} picks by its valid value, in turn, given each of {@code values}. */
	private void walkEveryForm(String what, Predicate<String> which, List<String> values)
			throws Exception {
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Form form : forms()) {
			for (Map.Entry<String, String> field : form.params().entrySet()) {
				if (form.protectedFields().contains(field.getKey()) || !which.test(field.getValue())) {
					continue;
				}
				for (String value : values) {
					Map<String, List<String>> params = new LinkedHashMap<>();
					form.params().forEach((name, valid) -> params.put(name, new ArrayList<>(List.of(valid))));
					params.put(field.getKey(), new ArrayList<>(List.of(value)));
					sent++;
					try {
						answersWithAPageAndStoresNothing(field.getKey() + " = " + abbreviate(value), form,
								uri(form.path(), form.variables()), params);
					} catch (AssertionError failure) {
						failures.add(failure.getMessage());
					}
				}
			}
		}
		assertThat(sent).as("form " + what + " sent").isGreaterThan(50);
		assertThat(failures).as("form " + what + " answered wrongly, of " + sent).isEmpty();
	}

	private static boolean isNumber(String value) {
		try {
			new BigDecimal(value.strip());
			return true;
		} catch (NumberFormatException notOne) {
			return false;
		}
	}

	private void answersWithAPageAndStoresNothing(String label, Form form, URI uri, Map<String, List<String>> params)
			throws Exception {
		String before = counts(form.tables());
		MockHttpServletResponse response = post(form, uri, params);
		String context = "%s: form='%s' POST %s -> %d %s; params=%s".formatted(label, form.name(), uri,
				response.getStatus(), abbreviate(response.getContentAsString(StandardCharsets.UTF_8)),
				abbreviate(JSON.writeValueAsString(params)));
		assertThat(response.getStatus()).as(context).isLessThan(500);
		if (response.getStatus() < 300 || response.getStatus() >= 400) {
			if (response.getContentType() == null && response.getContentLength() == 0
					&& (response.getStatus() == 404 || response.getStatus() == 405)) {
				// An address no route matches (an action path segment replaced): the servlet container's error page
				// answers it, which MockMvc does not render.
			} else if (String.valueOf(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
				// Only the security firewall answers a page's address with problem+json: a NUL, an encoded slash …
				// in the path are refused before any page, session or controller is involved (RejectedRequests).
				assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("code").asString(""))
					.as(context).isEqualTo("MALFORMED_REQUEST");
			} else {
				assertThat(response.getContentType()).as(context).startsWith(MediaType.TEXT_HTML_VALUE);
			}
			assertThat(counts(form.tables())).as(context).isEqualTo(before);
		}
	}

	/**
	 * One write endpoint.
	 *
	 * @param path with {@code {}} for each path variable, filled from {@code variables}
	 * @param query appended to the path as it is (never varied)
	 * @param user the demo account calling ({@literal null}: anonymous, or {@code Bearer …} given in full)
	 * @param protectedFields top-level fields no variant touches (stale versions)
	 * @param tables the tables the endpoint writes
	 */
	record Endpoint(String name, HttpMethod method, String path, String query, List<String> variables, String user,
			String body, Set<String> protectedFields, List<String> tables, MediaType contentType) {

		Endpoint(String name, HttpMethod method, String path, List<String> variables, String user, String body,
				Set<String> protectedFields, List<String> tables) {
			this(name, method, path, "", variables, user, body, protectedFields, tables, MediaType.APPLICATION_JSON);
		}
	}

	/**
	 * One web form, posted by a person logged in at a browser (CSRF token included, as the page's form sends it).
	 *
	 * @param path with {@code {}} for each path variable, filled from {@code variables}
	 * @param user who is logged in ({@literal null}: anonymous)
	 * @param params the valid form, in the order the page sends it
	 * @param protectedFields parameters no variant touches (stale versions)
	 * @param file the name of a file parameter (a multipart form), else {@literal null}
	 */
	record Form(String name, String path, List<String> variables, String user, Map<String, String> params,
			Set<String> protectedFields, List<String> tables, String file) {

		Form(String name, String path, List<String> variables, String user, Map<String, String> params,
				Set<String> protectedFields, List<String> tables) {
			this(name, path, variables, user, params, protectedFields, tables, null);
		}
	}

	/** What the endpoints act on: the fuzz suite's own enterprise, declaration, task, permit application, rule, profile. */
	record Targets(Registrations.Registered registered, Registrations.Registered closing, String declarationId,
			String customsTaskId, String applicationId, String permit, String routingRule, String riskProfile) {
	}

	static final List<String> DECLARATION_TABLES = List.of("declaration", "declaration_item", "agency_task",
			"declaration_event", "declaration_route");

	/** What a correction of a cleared declaration writes besides the declaration's own rows. */
	static final List<String> CORRECTION_TABLES = java.util.stream.Stream.concat(DECLARATION_TABLES.stream(),
			java.util.stream.Stream.of("declaration_correction", "declaration_correction_line", "statistics_fact"))
		.toList();

	/** What a workbook of several declarations writes: a batch, then the declarations the batch job submits. */
	static final List<String> BATCH_TABLES = java.util.stream.Stream.concat(DECLARATION_TABLES.stream(),
			java.util.stream.Stream.of("declaration_batch", "declaration_batch_entry")).toList();

	static final String ROUTING_RULE = """
			{"code":"FUZZ_RULE","descriptionZh":"模糊测试","descriptionEn":"Fuzzing","conditionType":"HS_PREFIX",
			 "values":"9999","agency":"TAX","priority":1,"active":false}""";

	static final String RISK_PROFILE = """
			{"code":"FUZZ_PROFILE","nameZh":"模糊测试","nameEn":"Fuzzing","originCountries":["FR"],
			 "hsPrefixes":["999999"],"tradeModes":["0110"],"flow":"IMPORT","channel":"YELLOW",
			 "selectionPercent":1,"aeoFactor":0.5,"active":false}""";

	Targets targets() throws Exception {
		var registered = Registrations.register(mvc, ApplicationFixtures.anApplication());
		// The licence changes act on an enterprise of their own: a variant whose body lost its version acts on the
		// current licence (as the API allows), and a revocation or deregistration disables the enterprise's accounts,
		// the account the form variants log in with among them.
		var closing = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String declaration = send(HttpMethod.POST, URI.create("/api/v1/declarations"), "trader.chip",
				chipDeclaration(), MediaType.APPLICATION_JSON).getContentAsString(StandardCharsets.UTF_8);
		assertThat(JSON.readTree(declaration).has("id")).as("the fuzz suite's declaration: " + declaration).isTrue();
		String declarationId = JSON.readTree(declaration).get("id").asString();
		String customsTaskId = jdbc.sql("SELECT id::text FROM agency_task WHERE declaration_id = ?::uuid ORDER BY agency")
			.param(declarationId).query(String.class).list().getFirst();
		String application = send(HttpMethod.POST, URI.create("/api/v1/permit-applications"), "trader.chip", """
				{"catalogueCode":"AIL","applicant":"%s","scope":"fuzzing","goods":["8471300000"],
				 "requestedQuantity":10,"documents":["Import contract","Application form"]}""".formatted(CHIP),
				MediaType.APPLICATION_JSON).getContentAsString(StandardCharsets.UTF_8);
		String permit = jdbc.sql("""
				SELECT number FROM permit WHERE holder_uscc = ? AND catalogue_code = 'AIL' AND issued_by = 'demo-data'""")
			.param(CHIP).query(String.class).single();
		send(HttpMethod.POST, URI.create("/api/v1/routing/rules"), "admin", ROUTING_RULE, MediaType.APPLICATION_JSON);
		send(HttpMethod.POST, URI.create("/api/v1/risk/profiles"), "admin", RISK_PROFILE, MediaType.APPLICATION_JSON);
		JsonNode applied = JSON.readTree(application).get("id");
		// In the whole suite another test's pending AIL application of the chip maker refuses a second one: the
		// endpoints only need an application the commerce officer decides, so they act on an existing one then.
		String applicationId = applied != null ? applied.asString()
				: jdbc.sql("SELECT id::text FROM permit_application WHERE catalogue_code = 'AIL' ORDER BY id LIMIT 1")
					.query(String.class).single();
		return new Targets(registered, closing, declarationId, customsTaskId, applicationId, permit, "FUZZ_RULE", "FUZZ_PROFILE");
	}

	List<Endpoint> endpoints() throws Exception {
		var registered = targets.registered();
		String declarationId = targets.declarationId();
		String declaration = chipDeclaration();
		String unknown = UUID.randomUUID().toString();
		String routingRule = ROUTING_RULE;
		String riskProfile = RISK_PROFILE;
		String catalogueEntry = """
				{"code":"AIL","nameZh":"自动进口许可","nameEn":"Automatic import licence",
				 "issuingAgency":"COMMERCE","mode":"APPROVAL","reviewDays":10,"validityMonths":6,
				 "documentsZh":["申请表"],"documentsEn":["Form"],"active":true,"version":%d}""".formatted(STALE);
		String licenceChange = "{\"reason\":\"inspection\",\"version\":" + STALE + "}";
		List<String> licenceTables = List.of("enterprise", "licence_event");
		List<String> declarationTables = DECLARATION_TABLES;
		return List.of(
				new Endpoint("submit a declaration", HttpMethod.POST, "/api/v1/declarations", List.of(), "trader.chip",
						declaration, Set.of(), declarationTables),
				new Endpoint("assess a declaration before submitting it", HttpMethod.POST,
						"/api/v1/declarations/assessments", List.of(), "trader.chip", declaration, Set.of(),
						declarationTables),
				new Endpoint("amend a declaration", HttpMethod.PUT, "/api/v1/declarations/{}", List.of(declarationId),
						"trader.chip", declaration, Set.of(), declarationTables),
				new Endpoint("answer a query", HttpMethod.POST, "/api/v1/declarations/{}/queries/{}/answer",
						List.of(declarationId, "CIQ"), "trader.chip", "{\"answer\":\"certificate attached\"}", Set.of(),
						declarationTables),
				new Endpoint("release goods", HttpMethod.POST, "/api/v1/declarations/{}/release", List.of(declarationId),
						"officer.customs", "{}", Set.of(), declarationTables),
				// The shared declaration is under review: every variant read is refused, none is recorded as paid.
				new Endpoint("record a duty payment", HttpMethod.POST, "/api/v1/declarations/{}/duty-payment",
						List.of(declarationId), "officer.customs",
						"{\"amount\":3645.12,\"paidOn\":\"2026-12-01\",\"reference\":\"ICBC-20261201-0001\"}", Set.of(),
						declarationTables),
				// The shared declaration is under review: every variant read is refused, no guarantee is accepted.
				new Endpoint("accept a duty guarantee", HttpMethod.POST, "/api/v1/declarations/{}/duty-guarantee",
						List.of(declarationId), "officer.customs",
						"{\"kind\":\"BANK_GUARANTEE\",\"amount\":3645.12,\"validUntil\":\"2026-12-31\",\"reference\":\"BOC-LG-1\"}",
						Set.of(), declarationTables),
				// The shared declaration is under review and has no guarantee: every variant read is refused, nothing taken.
				new Endpoint("enforce a duty guarantee", HttpMethod.POST,
						"/api/v1/declarations/{}/duty-guarantee/enforcement", List.of(declarationId), "officer.customs",
						"{\"amount\":3645.12,\"paidOn\":\"2026-12-01\",\"reference\":\"DEP-1-TAKEN\"}", Set.of(),
						declarationTables),
				// The shared declaration is not cancelled: every variant read is refused, nothing is refunded.
				new Endpoint("record a duty refund", HttpMethod.POST, "/api/v1/declarations/{}/duty-refund",
						List.of(declarationId), "officer.customs",
						"{\"amount\":3645.12,\"paidOn\":\"2026-12-01\",\"reference\":\"BOC-R-1\"}", Set.of(),
						declarationTables),
				// Lodged once; a variant that still reads is another guarantee of the chip maker, or the same again.
				new Endpoint("lodge a general guarantee", HttpMethod.POST, "/api/v1/general-guarantees", List.of(),
						"officer.customs", "{\"enterprise\":\"" + CHIP + "\",\"kind\":\"BANK_GUARANTEE\",\"amount\":500000,"
								+ "\"validUntil\":\"2099-12-31\",\"reference\":\"BOC-GG-FUZZ\",\"summaryPayment\":true}",
						Set.of(), List.of("general_guarantee")),
				// No such guarantee: every variant refused, nothing paid.
				new Endpoint("pay a summary statement", HttpMethod.POST,
						"/api/v1/general-guarantees/{}/statements/{}/payment", List.of(unknown, "2026-11"),
						"officer.customs", "{\"amount\":7587.06,\"paidOn\":\"2026-12-04\",\"reference\":\"ICBC-SUM-1\"}",
						Set.of(), declarationTables),
				new Endpoint("give back a general guarantee", HttpMethod.POST, "/api/v1/general-guarantees/{}/return",
						List.of(unknown), "officer.customs", "{}", Set.of(), List.of("general_guarantee")),
				// A correction the shared declaration does not have: every variant refused, nothing settled.
				new Endpoint("settle a correction's difference", HttpMethod.POST,
						"/api/v1/declarations/{}/corrections/{}/settlement",
						List.of(declarationId, UUID.randomUUID().toString()), "officer.customs",
						"{\"amount\":120.50,\"paidOn\":\"2026-12-01\",\"reference\":\"ICBC-20261201-0002\"}", Set.of(),
						declarationTables),
				// Always of a version long gone: no variant withdraws the declaration the other endpoints work on.
				new Endpoint("withdraw a declaration", HttpMethod.POST, "/api/v1/declarations/{}/withdrawal",
						List.of(declarationId), "trader.chip", "{\"reason\":\"sent twice\",\"version\":" + STALE + "}",
						Set.of("version"), declarationTables),
				// Likewise: the shared declaration is under review, and the version is stale, so nothing is cancelled.
				new Endpoint("cancel a declaration", HttpMethod.POST, "/api/v1/declarations/{}/cancellation",
						List.of(declarationId), "officer.customs",
						"{\"reason\":\"export not shipped\",\"version\":" + STALE + "}", Set.of("version"),
						declarationTables),
				// Likewise: the shared declaration is under review and the version stale, so nothing is corrected.
				new Endpoint("correct a declaration", HttpMethod.POST, "/api/v1/declarations/{}/correction",
						List.of(declarationId), "officer.customs", "{\"reason\":\"credit note\",\"version\":" + STALE
								+ ",\"lines\":[{\"lineNo\":1,\"value\":100}]}", Set.of("version"), CORRECTION_TABLES),
				new Endpoint("apply for a correction", HttpMethod.POST, "/api/v1/declarations/{}/correction-application",
						List.of(declarationId), "trader.chip", "{\"reason\":\"credit note\",\"version\":" + STALE
								+ ",\"lines\":[{\"lineNo\":1,\"value\":100}]}", Set.of("version"), CORRECTION_TABLES),
				new Endpoint("refuse a correction", HttpMethod.POST,
						"/api/v1/declarations/{}/correction-application/refusal", List.of(declarationId),
						"officer.customs", "{\"reason\":\"not signed\"}", Set.of(), CORRECTION_TABLES),
				// The shared declaration is under review: an application is refused, a refusal finds none.
				new Endpoint("apply for a cancellation", HttpMethod.POST,
						"/api/v1/declarations/{}/cancellation-application", List.of(declarationId), "trader.chip",
						"{\"reason\":\"goods returned\",\"version\":" + STALE + "}", Set.of("version"),
						declarationTables),
				new Endpoint("refuse a cancellation", HttpMethod.POST,
						"/api/v1/declarations/{}/cancellation-application/refusal", List.of(declarationId),
						"officer.customs", "{\"reason\":\"sold on in the zone\"}", Set.of(), declarationTables),
				new Endpoint("decide a task", HttpMethod.POST, "/api/v1/tasks/{}/decision",
						List.of(targets.customsTaskId()), "officer.customs",
						"{\"decision\":\"QUERY\",\"reason\":\"Which model?\",\"version\":" + STALE + "}", Set.of("version"),
						declarationTables),
				new Endpoint("register an enterprise", HttpMethod.POST, "/api/v1/enterprises", List.of(), null,
						ApplicationFixtures.anApplication().json(), Set.of(), List.of("enterprise", "user_account",
								"agency_registration", "enterprise_activity", "licence_event")),
				new Endpoint("record an existing enterprise", HttpMethod.POST, "/api/v1/enterprises/recorded", List.of(),
						"officer.samr", "{\"uscc\":\"91350206MA0000001X\",\"establishedOn\":\"2014-10-01\",\"application\":"
								+ ApplicationFixtures.anApplication().without("username").without("password").json() + "}",
						Set.of(), List.of("enterprise", "user_account", "agency_registration", "licence_event")),
				new Endpoint("amend a licence", HttpMethod.PATCH, "/api/v1/enterprises/{}",
						List.of(registered.uscc().value()), registered.bearer(),
						"{\"nameEn\":\"Fuzzed Trading Co.\",\"address\":\"象屿路 1 号\",\"registeredCapital\":1000000}",
						Set.of(), List.of("enterprise", "licence_amendment")),
				new Endpoint("suspend a licence", HttpMethod.POST, "/api/v1/enterprises/{}/suspension",
						List.of(targets.closing().uscc().value()), "officer.samr", licenceChange, Set.of("version"),
						licenceTables),
				new Endpoint("reinstate a licence", HttpMethod.POST, "/api/v1/enterprises/{}/reinstatement",
						List.of(targets.closing().uscc().value()), "officer.samr", licenceChange, Set.of("version"),
						licenceTables),
				new Endpoint("revoke a licence", HttpMethod.POST, "/api/v1/enterprises/{}/revocation",
						List.of(targets.closing().uscc().value()), "officer.samr", licenceChange, Set.of("version"),
						licenceTables),
				new Endpoint("deregister an enterprise", HttpMethod.POST, "/api/v1/enterprises/{}/deregistration",
						List.of(targets.closing().uscc().value()), targets.closing().bearer(), licenceChange, Set.of("version"),
						licenceTables),
				new Endpoint("apply for a permit", HttpMethod.POST, "/api/v1/permit-applications", List.of(),
						"trader.chip", """
								{"catalogueCode":"AIL","applicant":"%s","scope":"computers","goods":["8471300000"],
								 "requestedQuantity":500,"documents":["FORM-1"],"commitmentSigned":true}"""
							.formatted(CHIP), Set.of(), List.of("permit_application", "permit_application_step", "permit")),
				new Endpoint("decide a permit application", HttpMethod.POST, "/api/v1/permit-applications/{}/decision",
						List.of(targets.applicationId()), "officer.commerce",
						"{\"decision\":\"APPROVE\",\"grantedQuantity\":10,\"version\":" + STALE + "}", Set.of("version"),
						List.of("permit_application", "permit")),
				new Endpoint("supplement a permit application", HttpMethod.POST,
						"/api/v1/permit-applications/{}/supplement", List.of(targets.applicationId()), "trader.chip",
						"{\"documents\":[\"Contract\"],\"note\":\"as asked\",\"version\":" + STALE + "}", Set.of("version"),
						List.of("permit_application", "permit_application_step")),
				new Endpoint("suspend a permit", HttpMethod.POST, "/api/v1/permits/{}/suspension",
						List.of("AIL-1999-999999"), "officer.commerce", "{\"reason\":\"inspection\"}", Set.of(),
						List.of("permit_history")),
				new Endpoint("reinstate a permit", HttpMethod.POST, "/api/v1/permits/{}/reinstatement",
						List.of(targets.permit()), "officer.commerce", "{\"reason\":\"inspection over\"}", Set.of(),
						List.of("permit_history")),
				new Endpoint("revoke a permit", HttpMethod.POST, "/api/v1/permits/{}/revocation",
						List.of("AIL-1999-999999"), "officer.commerce", "{\"reason\":\"fraud\"}", Set.of(),
						List.of("permit_history")),
				new Endpoint("verify a permit's use", HttpMethod.POST, "/api/v1/permits/{}/verification",
						List.of("AIL-1999-999999"), "officer.commerce", "{\"outcome\":\"VERIFIED\",\"reason\":\"ok\"}",
						Set.of(), List.of("permit_history")),
				new Endpoint("save a declaration for later", HttpMethod.POST, "/api/v1/unsent-declarations", List.of(),
						"trader.coffee", """
								{"flow":"IMPORT","port":"CNXMN","packages":3,"items":[{"hsCode":"0901210000",
								 "description":"roasted coffee","quantity":120,"unit":"KGM","value":"2400"}]}""",
						Set.of(), List.of("declaration_unsent")),
				new Endpoint("save a declaration for later again", HttpMethod.PUT, "/api/v1/unsent-declarations/{}",
						List.of(unknown), "trader.coffee", """
								{"version":1,"port":"CNXMN","items":[{"hsCode":"0901210000","quantity":120}]}""",
						Set.of(), List.of("declaration_unsent")),
				new Endpoint("delete a declaration saved for later", HttpMethod.DELETE,
						"/api/v1/unsent-declarations/{}", List.of(unknown), "trader.coffee", "{}", Set.of(),
						List.of("declaration_unsent")),
				new Endpoint("register a webhook", HttpMethod.POST, "/api/v1/webhooks", List.of(), "trader.coffee",
						"{\"url\":\"https://93.184.215.14/hook\"}", Set.of(), List.of("webhook_subscription")),
				new Endpoint("delete a webhook", HttpMethod.DELETE, "/api/v1/webhooks/{}", List.of(unknown),
						"trader.coffee", "{}", Set.of(), List.of("webhook_subscription")),
				new Endpoint("create an API key", HttpMethod.POST, "/api/v1/api-keys", List.of(), "trader.coffee",
						"{\"label\":\"fuzz\"}", Set.of(), List.of("api_key")),
				new Endpoint("revoke an API key", HttpMethod.DELETE, "/api/v1/api-keys/{}", List.of(unknown),
						"trader.coffee", "{}", Set.of(), List.of("api_key")),
				new Endpoint("change one's password", HttpMethod.PUT, "/api/v1/me/password", List.of(),
						registered.bearer(), """
								{"currentPassword":"not-the-password","newPassword":"lantern-quietly-48",
								 "repeatPassword":"lantern-quietly-48"}""", Set.of("currentPassword"),
						List.of("user_account")),
				new Endpoint("open an account", HttpMethod.POST, "/api/v1/accounts", List.of(), "admin", """
						{"username":"officer.customs","displayName":"Fuzz","role":"OFFICER","agency":"CUSTOMS",
						 "password":"lantern-quietly-47"}""", Set.of("username"), List.of("user_account")),
				new Endpoint("deactivate an account", HttpMethod.POST, "/api/v1/accounts/{}/deactivate", List.of(unknown),
						"admin", "{}", Set.of(), List.of("user_account")),
				new Endpoint("reactivate an account", HttpMethod.POST, "/api/v1/accounts/{}/reactivate", List.of(unknown),
						"admin", "{}", Set.of(), List.of("user_account")),
				new Endpoint("open an operator's account", HttpMethod.POST, "/api/v1/operators", List.of(),
						registered.bearer(), """
						{"username":"officer.customs","displayName":"Fuzz","password":"lantern-quietly-47",
						 "rights":["DECLARE"]}""",
						Set.of("username"), List.of("user_account")),
				new Endpoint("deactivate an operator", HttpMethod.POST, "/api/v1/operators/{}/deactivate",
						List.of(unknown), registered.bearer(), "{}", Set.of(), List.of("user_account")),
				new Endpoint("reactivate an operator", HttpMethod.POST, "/api/v1/operators/{}/reactivate",
						List.of(unknown), registered.bearer(), "{}", Set.of(), List.of("user_account")),
				new Endpoint("hand the administration over", HttpMethod.POST, "/api/v1/operators/{}/administration",
						List.of(unknown), registered.bearer(), "{}", Set.of(), List.of("user_account")),
				new Endpoint("set an operator's rights", HttpMethod.PUT, "/api/v1/operators/{}/rights",
						List.of(unknown), registered.bearer(), "{\"rights\":[\"DECLARE\"]}", Set.of(),
						List.of("user_account")),
				new Endpoint("set the principals an operator handles", HttpMethod.PUT, "/api/v1/operators/{}/principals",
						List.of(unknown), "broker", "{\"principals\":[\"91350200MA31C0017J\"]}", Set.of(),
						List.of("user_account")),
				new Endpoint("reset an operator's password", HttpMethod.POST, "/api/v1/operators/{}/password",
						List.of(unknown), registered.bearer(), "{\"password\":\"harbour-fog-bell-12\"}", Set.of(),
						List.of("user_account")),
				new Endpoint("reset a password", HttpMethod.POST, "/api/v1/accounts/{}/password", List.of(unknown),
						"admin", "{\"password\":\"harbour-fog-bell-12\"}", Set.of(), List.of("user_account")),
				new Endpoint("name an enterprise's administrator", HttpMethod.POST,
						"/api/v1/accounts/{}/enterprise-administration", List.of(unknown), "admin", "{}", Set.of(),
						List.of("user_account")),
				new Endpoint("authorise a broker", HttpMethod.POST, "/api/v1/broker-authorisations", List.of(),
						"trader.coffee", "{\"broker\":\"" + NOBODY + "\",\"validUntil\":\"2099-12-31\"}", Set.of(),
						List.of("broker_authorisation")),
				new Endpoint("revoke a broker's authority", HttpMethod.DELETE, "/api/v1/broker-authorisations/{}",
						List.of(NOBODY), "trader.coffee", "{}", Set.of(), List.of("broker_authorisation")),
				// A variant that still reads is one more agreement awaiting the chip maker's confirmation, never confirmed.
				new Endpoint("propose an agency agreement", HttpMethod.POST, "/api/v1/agency-agreements", List.of(),
						"broker", "{\"principal\":\"" + CHIP + "\",\"flow\":\"IMPORT\",\"goods\":\"processors\","
								+ "\"hsCode\":\"854231\",\"transportDocument\":\"MSKU1234567\",\"validUntil\":\"2099-12-31\","
								+ "\"documentsReceived\":[\"INVOICE\",\"PACKING_LIST\"],\"otherDocuments\":\"certificate of origin\","
								+ "\"documentsReceivedOn\":\"2026-12-01\",\"fee\":\"300.00\"}",
						Set.of(), List.of("agency_agreement")),
				new Endpoint("confirm an agency agreement", HttpMethod.POST, "/api/v1/agency-agreements/{}/confirm",
						List.of(NO_AGREEMENT), "trader.chip", "{}", Set.of(), List.of("agency_agreement")),
				new Endpoint("decline an agency agreement", HttpMethod.POST, "/api/v1/agency-agreements/{}/decline",
						List.of(NO_AGREEMENT), "trader.chip", "{\"reason\":\"We ship these ourselves\"}", Set.of(),
						List.of("agency_agreement")),
				new Endpoint("withdraw an agency agreement", HttpMethod.POST, "/api/v1/agency-agreements/{}/withdraw",
						List.of(NO_AGREEMENT), "broker", "{}", Set.of(), List.of("agency_agreement")),
				// Reset after every test (agreementsAreNotRequiredAfterwards): a variant that reads sets a day.
				new Endpoint("set the agency agreement rule", HttpMethod.PUT, "/api/v1/agency-agreement-rule", List.of(),
						"admin", "{\"requiredFrom\":\"2099-12-31\"}", Set.of(), List.of("agency_agreement_rule")),
				new Endpoint("assess duties", HttpMethod.POST, "/api/v1/tariff/assessments", List.of(), "trader.chip", """
						{"flow":"IMPORT","incoterm":"CIF","currency":"USD","freight":10,"insurance":1,"date":"2026-11-02",
						 "items":[{"hsCode":"8542319000","value":1000,"origin":"US","preferenceAgreement":null},
						          {"hsCode":"0207142200","value":2000,"origin":"BR","quantity":1000}]}""",
						Set.of(), List.of()),
				new Endpoint("set an exchange rate", HttpMethod.PUT, "/api/v1/exchange-rates/{}/{}",
						List.of("NZD", "2019-03"), "admin", "{\"rate\":4.25}", Set.of(), List.of("exchange_rate")),
				// Its days untouched: a variant that is taken records a rate of 1999, which no other test's import pays.
				new Endpoint("record a trade remedy", HttpMethod.POST, "/api/v1/tariff/trade-remedies", List.of(),
						"admin", """
						{"kind":"ANTI_DUMPING","notice":"FUZZ 1999/1","hsCode":"2204210000","origin":"AU",
						 "producer":null,"rate":0.2,"firstDay":"1999-01-01","lastDay":"1999-12-31"}""",
						Set.of("firstDay", "lastDay"), List.of("trade_remedy")),
				new Endpoint("end a trade remedy", HttpMethod.POST, "/api/v1/tariff/trade-remedies/{}/end",
						List.of("999999999"), "admin", "{\"lastDay\":\"1999-12-31\"}", Set.of(), List.of("trade_remedy")),
				// Its days untouched: a variant that is taken lists an origin in 1999, which no other test's import is of.
				new Endpoint("list an origin without MFN", HttpMethod.POST, "/api/v1/tariff/origins-without-mfn",
						List.of(), "admin", """
						{"origin":"AU","notice":"FUZZ 1999/3","firstDay":"1999-01-01","lastDay":"1999-12-31"}""",
						Set.of("firstDay", "lastDay"), List.of("origin_without_mfn")),
				new Endpoint("end an origin without MFN", HttpMethod.POST, "/api/v1/tariff/origins-without-mfn/{}/end",
						List.of("999999999"), "admin", "{\"lastDay\":\"1999-12-31\"}", Set.of(),
						List.of("origin_without_mfn")),
				new Endpoint("submit a spreadsheet of declarations", HttpMethod.POST, "/api/v1/declarations/workbooks", "",
						// Variants of any body are no workbook: each must be refused whole, nothing stored.
						List.of(), "trader.chip", "{\"reference\":\"1\",\"hsCode\":\"8542319000\"}", Set.of(),
						BATCH_TABLES,
						MediaType.valueOf("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
				new Endpoint("attach a supporting document", HttpMethod.POST, "/api/v1/declarations/{}/documents", "",
						// Variants of a JSON body are no multipart form: each must be refused whole, nothing stored.
						List.of(declarationId), "trader.chip", "{\"kind\":\"INVOICE\",\"file\":\"%PDF-1.7\"}", Set.of(),
						List.of("declaration_document", "declaration_event"), MediaType.MULTIPART_FORM_DATA),
				new Endpoint("submit an EDIFACT interchange", HttpMethod.POST, "/api/v1/interchanges", "",
						// Variants of any body are no interchange: each must be refused whole, nothing stored.
						List.of(), "trader.chip", "{\"UNB\":\"UNOW:4\",\"UNH\":\"CUSDEC:D:96B:UN\"}", Set.of(),
						List.of("interchange", "declaration", "declaration_batch"),
						MediaType.valueOf("application/EDIFACT")),
				new Endpoint("submit a WCO DM declaration", HttpMethod.POST, "/api/v1/interchanges", "",
						// Variants of a JSON body are no WCO DM declaration: each must be refused whole, nothing stored.
						List.of(), "trader.chip", "{\"Declaration\":{\"FunctionalReferenceID\":\"fuzz\"}}", Set.of(),
						List.of("declaration", "declaration_batch"), MediaType.APPLICATION_XML),
				new Endpoint("import a tariff file", HttpMethod.POST, "/api/v1/admin/tariff/imports", "?fileName=fuzz.csv",
						List.of(), "admin", "{\"hs_code\":\"8542319000\",\"mfn_rate\":\"x\"}", Set.of(),
						List.of("tariff_import"), MediaType.valueOf("text/csv")),
				new Endpoint("record a working calendar", HttpMethod.PUT, "/api/v1/working-calendar/{}", List.of("1999"),
						"admin", """
								{"source":"fuzzing","days":[{"date":"1999-10-01","kind":"OFF","holiday":"National Day"},
								 {"date":"1999-10-01","kind":"WORK","holiday":"twice"}]}""", Set.of(),
						List.of("calendar_year", "calendar_day")),
				new Endpoint("rebuild the statistics", HttpMethod.POST, "/api/v1/statistics/rebuild", "?year=1990",
						List.of(), "admin", "{}", Set.of(), List.of(), MediaType.APPLICATION_JSON),
				new Endpoint("create a routing rule", HttpMethod.POST, "/api/v1/routing/rules", List.of(), "admin",
						routingRule, Set.of("code", "active"), List.of("routing_rule")),
				new Endpoint("change a routing rule", HttpMethod.PUT, "/api/v1/routing/rules/{}", List.of("FUZZ_RULE"),
						"admin", routingRule.replace("\"active\":false", "\"active\":false,\"version\":" + STALE),
						Set.of("version", "active"), List.of("routing_rule")),
				new Endpoint("create a risk profile", HttpMethod.POST, "/api/v1/risk/profiles", List.of(), "admin",
						riskProfile, Set.of("code", "active"), List.of("risk_profile")),
				new Endpoint("change a risk profile", HttpMethod.PUT, "/api/v1/risk/profiles/{}",
						List.of("FUZZ_PROFILE"), "admin",
						riskProfile.replace("\"active\":false", "\"active\":false,\"version\":" + STALE),
						Set.of("version", "active"), List.of("risk_profile")),
				new Endpoint("deactivate a risk profile", HttpMethod.POST, "/api/v1/risk/profiles/{}/deactivate",
						List.of("FUZZ_PROFILE"), "admin", "{}", Set.of(), List.of("risk_profile")),
				new Endpoint("create a permit catalogue entry", HttpMethod.POST, "/api/v1/permit-catalogue", List.of(),
						"admin", catalogueEntry, Set.of("code", "active"), List.of("permit_catalogue")),
				new Endpoint("change a permit catalogue entry", HttpMethod.PUT, "/api/v1/permit-catalogue/{}",
						List.of("AIL"), "admin", catalogueEntry, Set.of("version", "active"), List.of("permit_catalogue")));
	}

	/** Every web form that writes, with the person who may use it and a valid form that is refused late, or once. */
	List<Form> forms() {
		var registered = targets.registered();
		String declarationId = targets.declarationId();
		String unknown = UUID.randomUUID().toString();
		String stale = Integer.toString(STALE);
		return List.of(
				new Form("log in", "/login", List.of(), null,
						params("username", "fuzz.nobody", "password", "not-the-password"), Set.of(), List.of()),
				new Form("set up the first administrator", "/setup", List.of(), null,
						params("token", "not-the-token", "username", "first.admin", "displayName", "First",
								"password", "lantern-quietly-47", "repeatPassword", "lantern-quietly-47"),
						Set.of(), List.of("user_account")),
				new Form("register an enterprise", "/register", List.of(), null, registrationForm(), Set.of("username"),
						List.of("enterprise", "user_account", "licence_event")),
				new Form("record an existing enterprise", "/enterprises/record", List.of(), "officer.samr",
						recordForm(), Set.of(), List.of("enterprise", "user_account", "licence_event")),
				new Form("amend a licence", "/licences/{}/amend", List.of(registered.uscc().value()),
						registered.username(), amendmentForm(), Set.of("version"),
						List.of("enterprise", "licence_amendment")),
				new Form("change a licence", "/licences/{}/{}", List.of(targets.closing().uscc().value(), "suspend"),
						"officer.samr", params("reason", "inspection", "version", stale), Set.of("version"),
						List.of("enterprise", "licence_event")),
				new Form("declare goods", "/declarations/new", List.of(), "trader.chip", declarationForm(), Set.of(),
						DECLARATION_TABLES),
				new Form("check a declaration's duties and taxes before submitting it", "/declarations/new", List.of(),
						"trader.chip", checking(declarationForm()), Set.of(), DECLARATION_TABLES),
				// 暂存: saved unchecked, so most variants are kept (a redirect); one a database cannot hold is refused at
				// its field with nothing stored. The coffee trader's, so that the chip maker's hundred are never reached.
				new Form("save a declaration for later", "/declarations/new", List.of(), "trader.coffee",
						savingForLater(declarationForm()), Set.of(), List.of("declaration_unsent")),
				new Form("delete a declaration saved for later", "/declarations/unsent/{}/delete",
						List.of(UUID.randomUUID().toString()), "trader.chip", params(), Set.of(),
						List.of("declaration_unsent")),
				new Form("fill the declaration form from a workbook", "/declarations/new/workbook", List.of(),
						"trader.chip", params("workbook", "not a workbook"), Set.of(), BATCH_TABLES, "workbook"),
				new Form("send an EDIFACT interchange from the upload page", "/interchanges", List.of(), "trader.chip",
						params("interchange", "not an interchange"), Set.of(),
						List.of("interchange", "declaration", "declaration_batch"), "interchange"),
				new Form("submit a workbook's declarations as a batch", "/declarations/batches/{}/submit",
						List.of(unknown), "trader.chip", params(), Set.of(), BATCH_TABLES),
				// A host that never resolves (RFC 6761 .invalid): no variant adds a receiver that other tests' declarations
				// would then queue deliveries for.
				new Form("add a webhook", "/account/webhooks", List.of(), "trader.chip",
						params("url", "https://hooks.invalid/single-window"), Set.of(), List.of("webhook_subscription")),
				new Form("delete a webhook", "/account/webhooks/{}/delete", List.of(UUID.randomUUID().toString()),
						"trader.chip", params(), Set.of(), List.of("webhook_subscription")),
				new Form("amend a declaration", "/declarations/{}/amend", List.of(declarationId), "trader.chip",
						declarationForm(), Set.of(), DECLARATION_TABLES),
				new Form("check an amended declaration's duties and taxes", "/declarations/{}/amend",
						List.of(declarationId), "trader.chip", checking(declarationForm()), Set.of(), DECLARATION_TABLES),
				new Form("answer a query", "/declarations/{}/answer", List.of(declarationId), "trader.chip",
						params("agency", "CIQ", "answer", "certificate attached"), Set.of(), DECLARATION_TABLES),
				new Form("release goods", "/declarations/{}/release", List.of(declarationId), "officer.customs",
						params(), Set.of(), DECLARATION_TABLES),
				new Form("record a duty payment", "/declarations/{}/duty-payment", List.of(declarationId),
						"officer.customs", params("amount", "3,645.12", "paidOn", "2026-12-01", "reference",
								"ICBC-20261201-0001"), Set.of(), DECLARATION_TABLES),
				new Form("accept a duty guarantee", "/declarations/{}/duty-guarantee", List.of(declarationId),
						"officer.customs", params("kind", "DEPOSIT", "amount", "3,645.12", "validUntil", "2026-12-31",
								"reference", "DEP-1"), Set.of(), DECLARATION_TABLES),
				new Form("enforce a duty guarantee", "/declarations/{}/duty-guarantee/enforcement",
						List.of(declarationId), "officer.customs", params("amount", "3,645.12", "paidOn", "2026-12-01",
								"reference", "DEP-1-TAKEN"), Set.of(), DECLARATION_TABLES),
				new Form("record a duty refund", "/declarations/{}/duty-refund", List.of(declarationId),
						"officer.customs", params("amount", "3,645.12", "paidOn", "2026-12-01", "reference", "BOC-R-1"),
						Set.of(), DECLARATION_TABLES),
				new Form("lodge a general guarantee", "/general-guarantees", List.of(), "officer.customs",
						params("enterprise", CHIP, "kind", "DEPOSIT", "amount", "80,000.00", "validUntil", "",
								"reference", "DEP-GG-FUZZ", "summaryPayment", "true"), Set.of(), List.of("general_guarantee")),
				new Form("pay a summary statement", "/general-guarantees/{}/statements/{}/payment",
						List.of(unknown, "2026-11"), "officer.customs",
						params("amount", "7,587.06", "paidOn", "2026-12-04", "reference", "ICBC-SUM-1"), Set.of(),
						DECLARATION_TABLES),
				new Form("give back a general guarantee", "/general-guarantees/{}/return", List.of(unknown),
						"officer.customs", params(), Set.of(), List.of("general_guarantee")),
				new Form("settle a correction's difference", "/declarations/{}/corrections/{}/settlement",
						List.of(declarationId, UUID.randomUUID().toString()), "officer.customs",
						params("amount", "120.50", "paidOn", "2026-12-01", "reference", "ICBC-20261201-0002"), Set.of(),
						DECLARATION_TABLES),
				// Variants of a file that is no document: each refused at its field, nothing stored.
				new Form("attach a supporting document", "/declarations/{}/documents", List.of(declarationId),
						"trader.chip", params("kind", "INVOICE", "file", "not a document"), Set.of(),
						List.of("declaration_document", "declaration_event"), "file"),
				// A declaration nobody has: the form's variants are read and refused, the shared one stays under review.
				new Form("withdraw a declaration", "/declarations/{}/withdrawal", List.of(unknown), "trader.chip",
						params("reason", "sent twice"), Set.of(), DECLARATION_TABLES),
				new Form("cancel a declaration", "/declarations/{}/cancellation", List.of(unknown), "officer.customs",
						params("reason", "export not shipped"), Set.of(), DECLARATION_TABLES),
				new Form("correct a declaration", "/declarations/{}/correction", List.of(unknown), "officer.customs",
						params("reason", "credit note", "value-1", "100", "version", "1"), Set.of(), CORRECTION_TABLES),
				new Form("apply for a correction", "/declarations/{}/correction-application", List.of(unknown),
						"trader.chip", params("reason", "credit note", "value-1", "100", "version", "1"), Set.of(),
						CORRECTION_TABLES),
				new Form("refuse a correction", "/declarations/{}/correction-application/refusal", List.of(unknown),
						"officer.customs", params("reason", "not signed"), Set.of(), CORRECTION_TABLES),
				new Form("apply for a cancellation", "/declarations/{}/cancellation-application", List.of(unknown),
						"trader.chip", params("reason", "goods returned"), Set.of(), DECLARATION_TABLES),
				new Form("refuse a cancellation", "/declarations/{}/cancellation-application/refusal", List.of(unknown),
						"officer.customs", params("reason", "sold on in the zone"), Set.of(), DECLARATION_TABLES),
				new Form("decide a task", "/tasks/{}/decision", List.of(targets.customsTaskId()), "officer.customs",
						params("decision", "QUERY", "reason", "Which model?", "declarationId", declarationId,
								"version", stale),
						Set.of("version"), DECLARATION_TABLES),
				new Form("apply for a permit", "/permits/apply", List.of(), "trader.chip",
						params("catalogueCode", "AIL", "applicant", CHIP, "scope", "computers", "goods", "8471300000",
								"requestedQuantity", "500", "documents", "FORM-1"),
						Set.of(), List.of("permit_application", "permit_application_step", "permit")),
				new Form("supplement a permit application", "/permits/applications/{}/supplement",
						List.of(targets.applicationId()), "trader.chip",
						params("documents", "Contract", "note", "as asked", "version", stale), Set.of("version"),
						List.of("permit_application", "permit_application_step")),
				new Form("decide a permit application", "/permits/applications/{}/decision",
						List.of(targets.applicationId()), "officer.commerce",
						params("decision", "APPROVE", "reason", "complete", "grantedQuantity", "10", "version", stale),
						Set.of("version"), List.of("permit_application", "permit")),
				new Form("supervise a permit", "/permits/{}/{}", List.of("AIL-1999-999999", "suspension"),
						"officer.commerce", params("reason", "inspection", "outcome", "VERIFIED"), Set.of(),
						List.of("permit_history")),
				new Form("change a permit catalogue entry", "/admin/permit-catalogue", List.of(), "admin",
						params("code", "AIL", "nameZh", "自动进口许可", "nameEn", "Automatic import licence",
								"issuingAgency", "COMMERCE", "mode", "APPROVAL", "reviewDays", "10",
								"verificationDays", "", "documentsZh", "申请表", "documentsEn", "Form",
								"validityMonths", "6", "quotaKind", "QUANTITY", "quotaUnit", "C62",
								"importScope", "8471300000", "exportScope", "", "active", "true", "version", stale,
								"creating", "false"),
						Set.of("version", "code", "creating"), List.of("permit_catalogue")),
				new Form("change a routing rule", "/admin/routing", List.of(), "admin",
						params("code", "FUZZ_RULE", "descriptionZh", "模糊测试", "descriptionEn", "Fuzzing",
								"conditionType", "HS_PREFIX", "values", "9999", "agency", "TAX", "priority", "1",
								"version", stale),
						Set.of("version", "code", "active"), List.of("routing_rule")),
				new Form("create a risk profile", "/admin/risk", List.of(), "admin", riskForm(),
						Set.of("code", "active"), List.of("risk_profile")),
				new Form("change a risk profile", "/admin/risk/{}", List.of("FUZZ_PROFILE"), "admin", riskForm(),
						Set.of("version", "active"), List.of("risk_profile")),
				new Form("deactivate a risk profile", "/admin/risk/{}/deactivate", List.of("FUZZ_PROFILE"), "admin",
						params(), Set.of(), List.of("risk_profile")),
				new Form("record a working calendar", "/admin/calendar", List.of(), "admin",
						params("year", "1999", "source", "fuzzing",
								"days", "date,kind,holiday\n1999-10-01,OFF,National Day\n1999-10-01,WORK,twice"),
						Set.of(), List.of("calendar_year", "calendar_day")),
				new Form("open an account", "/admin/accounts", List.of(), "admin",
						params("username", "officer.customs", "displayName", "Fuzz", "role", "OFFICER",
								"agency", "CUSTOMS", "password", "lantern-quietly-47"),
						Set.of("username"), List.of("user_account")),
				new Form("deactivate an account", "/admin/accounts/{}/deactivate", List.of(unknown), "admin", params(),
						Set.of(), List.of("user_account")),
				new Form("reactivate an account", "/admin/accounts/{}/reactivate", List.of(unknown), "admin", params(),
						Set.of(), List.of("user_account")),
				// Refused (not one's own), so the list is shown again with the view the buttons carry.
				new Form("deactivate one's own account from a search's page", "/admin/accounts/{}/deactivate",
						List.of(jdbc.sql("SELECT id FROM user_account WHERE username = 'admin'").query(String.class)
							.single()),
						"admin", params("q", "officer", "role", "OFFICER", "cursor", ""), Set.of(),
						List.of("user_account")),
				new Form("open an operator's account", "/account/operators", List.of(), registered.username(),
						params("username", "officer.customs", "displayName", "Fuzz", "password", "lantern-quietly-47",
								"rights", "DECLARE"),
						Set.of("username"), List.of("user_account")),
				new Form("set an operator's rights", "/account/operators/{}/rights", List.of(unknown),
						registered.username(), params("rights", "DECLARE"), Set.of(), List.of("user_account")),
				new Form("set the principals an operator handles", "/account/operators/{}/principals", List.of(unknown),
						"broker", params("principals", "91350200MA31C0017J"), Set.of(), List.of("user_account")),
				new Form("deactivate an operator", "/account/operators/{}/deactivate", List.of(unknown),
						registered.username(), params(), Set.of(), List.of("user_account")),
				new Form("reactivate an operator", "/account/operators/{}/reactivate", List.of(unknown),
						registered.username(), params(), Set.of(), List.of("user_account")),
				new Form("hand the administration over", "/account/operators/{}/administration", List.of(unknown),
						registered.username(), params(), Set.of(), List.of("user_account")),
				new Form("reset an operator's password", "/account/operators/{}/password", List.of(unknown),
						registered.username(), params("password", "harbour-fog-bell-12"), Set.of(),
						List.of("user_account")),
				new Form("reset a password", "/admin/accounts/{}/password", List.of(unknown), "admin",
						params("password", "harbour-fog-bell-12"), Set.of(), List.of("user_account")),
				new Form("authorise a broker", "/account/brokers", List.of(), "trader.coffee",
						params("broker", NOBODY, "validUntil", "2099-12-31"), Set.of(), List.of("broker_authorisation")),
				new Form("revoke a broker's authority", "/account/brokers/{}/revoke", List.of(NOBODY), "trader.coffee",
						params(), Set.of(), List.of("broker_authorisation")),
				new Form("propose an agency agreement", "/agency-agreements", List.of(), "broker",
						params("principal", CHIP, "flow", "IMPORT", "goods", "processors", "hsCode", "854231",
								"transportDocument", "", "validUntil", "2099-12-31", "documentsReceived", "INVOICE",
								"otherDocuments", "", "documentsReceivedOn", "2026-12-01", "fee", "300"), Set.of(),
						List.of("agency_agreement")),
				new Form("confirm an agency agreement", "/agency-agreements/{}/confirm", List.of(NO_AGREEMENT),
						"trader.chip", params(), Set.of(), List.of("agency_agreement")),
				new Form("decline an agency agreement", "/agency-agreements/{}/decline", List.of(NO_AGREEMENT),
						"trader.chip", params("reason", "We ship these ourselves"), Set.of(), List.of("agency_agreement")),
				new Form("withdraw an agency agreement", "/agency-agreements/{}/withdraw", List.of(NO_AGREEMENT),
						"broker", params(), Set.of(), List.of("agency_agreement")),
				new Form("set the agency agreement rule", "/agency-agreements/rule", List.of(), "admin",
						params("requiredFrom", "2099-12-31"), Set.of(), List.of("agency_agreement_rule")),
				new Form("name an enterprise's administrator", "/admin/accounts/{}/enterprise-administration",
						List.of(unknown), "admin", params(), Set.of(), List.of("user_account")),
				new Form("begin a second factor", "/account/second-factor/begin", List.of(), registered.username(),
						params(), Set.of(), List.of("user_account")),
				new Form("confirm a second factor", "/account/second-factor/confirm", List.of(), registered.username(),
						params("code", "123456"), Set.of(), List.of("user_account", "security_event",
								"second_factor_recovery_code")),
				new Form("turn a second factor off", "/account/second-factor/disable", List.of(), registered.username(),
						params("code", "123456"), Set.of(), List.of("user_account", "security_event",
								"second_factor_recovery_code")),
				new Form("make recovery codes", "/account/second-factor/recovery-codes", List.of(),
						registered.username(), params("code", "abcde-fghjk"), Set.of(),
						List.of("second_factor_recovery_code", "security_event")),
				new Form("reset an operator's second factor", "/account/operators/{}/second-factor/reset", List.of(unknown),
						registered.username(), params(), Set.of(), List.of("user_account", "security_event")),
				new Form("reset a second factor", "/admin/accounts/{}/second-factor/reset", List.of(unknown), "admin",
						params(), Set.of(), List.of("user_account", "security_event")),
				// An unknown role kept in place: a variant that required a second factor of a real role would lead
				// every later test's accounts of that role to the enrolment page.
				new Form("require a second factor", "/admin/accounts/second-factor-requirement", List.of(), "admin",
						params("roles", "PILOT"), Set.of("roles"), List.of("second_factor_requirement", "security_event")),
				new Form("change one's password", "/account/password", List.of(), registered.username(),
						params("currentPassword", "not-the-password", "newPassword", "lantern-quietly-48",
								"repeatPassword", "lantern-quietly-48"),
						Set.of("currentPassword"), List.of("user_account")),
				new Form("create an API key", "/account/api-keys", List.of(), registered.username(),
						params("label", "", "expiresOn", "2099-01-01"), Set.of("label"), List.of("api_key")),
				new Form("revoke an API key", "/account/api-keys/{}/revoke", List.of(unknown), registered.username(),
						params(), Set.of(), List.of("api_key")),
				new Form("rebuild the statistics", "/statistics/rebuild", List.of(), "admin", params(), Set.of(),
						List.of()),
				new Form("assess duties", "/tariff/assess", List.of(), "trader.chip",
						params("flow", "IMPORT", "incoterm", "CIF", "currency", "USD", "freight", "10", "insurance", "1",
								"date", "2026-11-02", "hsCode", "8542319000", "value", "1000", "origin", "US",
								"agreement", ""),
						Set.of(), List.of()),
				new Form("set an exchange rate", "/admin/exchange-rates", List.of(), "admin",
						params("currency", "NZD", "month", "2019-03", "rate", "4.25"), Set.of(), List.of("exchange_rate")),
				new Form("record a trade remedy", "/admin/trade-remedies", List.of(), "admin",
						params("kind", "ANTI_DUMPING", "notice", "FUZZ 1999/2", "hsCode", "2204210000", "origin", "AU",
								"producer", "", "ratePercent", "20", "firstDay", "1999-01-01", "lastDay", "1999-12-31"),
						Set.of("firstDay", "lastDay"), List.of("trade_remedy")),
				new Form("end a trade remedy", "/admin/trade-remedies/{}/end", List.of("999999999"), "admin",
						params("lastDay", "1999-12-31"), Set.of(), List.of("trade_remedy")),
				new Form("list an origin without MFN", "/admin/origins-without-mfn", List.of(), "admin",
						params("origin", "AU", "notice", "FUZZ 1999/4", "firstDay", "1999-01-01", "lastDay", "1999-12-31"),
						Set.of("firstDay", "lastDay"), List.of("origin_without_mfn")),
				new Form("end an origin without MFN", "/admin/origins-without-mfn/{}/end", List.of("999999999"), "admin",
						params("lastDay", "1999-12-31"), Set.of(), List.of("origin_without_mfn")),
				new Form("import a tariff file", "/admin/tariff/imports", List.of(), "admin",
						params("file", "hs_code,mfn_rate\n8542319000,x\n"), Set.of(), List.of("tariff_import"), "file"));
	}

	static Map<String, String> params(String... namesAndValues) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	/** A registration that is refused only because its user name is taken (by the demo trader). */
	static Map<String, String> registrationForm() {
		Map<String, String> form = amendmentForm();
		form.remove("version");
		form.put("entityType", "LIMITED_LIABILITY_COMPANY");
		form.put("legalRepresentative", "李四");
		form.put("capitalCurrency", "CNY");
		form.put("zoneArea", "HAICANG_BONDED_PORT");
		form.put("businessScope", "C3240");
		form.put("industrialChain", "TUNGSTEN");
		form.put("username", "trader.chip");
		form.put("password", "password123");
		return form;
	}

	static Map<String, String> recordForm() {
		Map<String, String> form = registrationForm();
		form.remove("username");
		form.remove("password");
		form.put("uscc", "91350206MA0000001X");
		form.put("establishedOn", "2014-10-01");
		return form;
	}

	static Map<String, String> amendmentForm() {
		return params("nameZh", "厦门模糊测试有限公司", "nameEn", "Fuzzed Trading Co.", "registeredCapital", "1000000",
				"address", "象屿路 1 号", "version", Integer.toString(STALE));
	}

	/** A form's fields with its "Check duties and taxes" button pressed: assessed, nothing stored. */
	static Map<String, String> savingForLater(Map<String, String> form) {
		Map<String, String> saved = new LinkedHashMap<>(form);
		saved.put("saveUnsent", "1");
		return saved;
	}

	static Map<String, String> checking(Map<String, String> form) {
		Map<String, String> checked = new LinkedHashMap<>(form);
		checked.put("assess", "1");
		return checked;
	}

	static Map<String, String> declarationForm() {
		return params("declarant", CHIP, "flow", "IMPORT", "tradeMode", "0110", "transportMode", "4", "port", "CNXMN",
				"originCountry", "US", "destinationCountry", "CN", "tradingCountry", "US", "currency", "USD",
				"incoterm", "CIF", "freight", "10", "packages", "3", "grossWeight", "120", "netWeight", "100",
				"consignor", "Intel (demo)", "items[0].hsCode", "8542319000", "items[0].description", "processors",
				"items[0].quantity", "200", "items[0].unit", "C62", "items[0].value", "4000", "items[0].origin", "US");
	}

	/** The fuzz suite's own profile again (its code is taken, so a creation is refused; a change has a stale version). */
	static Map<String, String> riskForm() {
		return params("code", "FUZZ_PROFILE", "nameZh", "模糊测试", "nameEn", "Fuzzing", "originCountries", "FR",
				"hsPrefixes", "999999", "tradeModes", "0110", "flow", "IMPORT", "newEnterpriseDays", "",
				"priceDeviationPercent", "", "channel", "YELLOW", "selectionPercent", "1", "aeoFactor", "0.5",
				"validFrom", "", "validTo", "", "version", Integer.toString(STALE));
	}

	MockHttpServletResponse post(Form form, URI uri, Map<String, List<String>> params) throws Exception {
		var request = form.file() == null ? request(HttpMethod.POST, uri) : multipart(uri);
		if (form.file() != null && params.containsKey(form.file())) {
			((org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) request)
				.file(new MockMultipartFile(form.file(), "fuzz.csv", "text/csv",
						String.join("\n", params.get(form.file())).getBytes(StandardCharsets.UTF_8)));
		}
		request.with(csrf()).characterEncoding(StandardCharsets.UTF_8).contentType(form.file() == null
				? MediaType.APPLICATION_FORM_URLENCODED : MediaType.MULTIPART_FORM_DATA);
		params.forEach((name, values) -> {
			if (!name.equals(form.file())) {
				request.param(name, values.toArray(String[]::new));
			}
		});
		if (form.user() != null) {
			request.cookie(session(form.user()));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private Cookie session(String user) throws Exception {
		Cookie session = sessions.get(user);
		if (session == null) {
			String password = user.equals(targets.registered().username()) ? targets.registered().password()
					: "demo12345";
			MockHttpServletResponse login = mvc.perform(formLogin("/login").user(user).password(password)).andReturn()
				.getResponse();
			session = login.getCookie("SESSION");
			assertThat(session).as("login of " + user + " -> " + login.getRedirectedUrl()).isNotNull();
			sessions.put(user, session);
		}
		return session;
	}

	MockHttpServletResponse send(HttpMethod method, URI uri, String user, String body, MediaType contentType)
			throws Exception {
		var request = request(method, uri).contentType(contentType)
			.content(body.getBytes(StandardCharsets.UTF_8));
		if (user != null) {
			request.header("Authorization", bearer(user));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	static URI uri(String path, List<String> variables) {
		StringBuilder uri = new StringBuilder();
		Iterator<String> values = variables.iterator();
		for (String part : path.split("\\{}", -1)) {
			uri.append(part);
			if (values.hasNext()) {
				uri.append(UriUtils.encodePathSegment(values.next(), StandardCharsets.UTF_8));
			}
		}
		return URI.create(uri.toString());
	}

	/** The row counts of {@code tables}, read in one statement. */
	String counts(List<String> tables) {
		if (tables.isEmpty()) {
			return "";
		}
		return jdbc.sql(tables.stream().map(t -> "(SELECT count(*) FROM " + t + ")::text")
			.collect(java.util.stream.Collectors.joining(" || ',' || ", "SELECT ", ""))).query(String.class).single();
	}

	static String abbreviate(String s) {
		return s.length() <= 600 ? s : s.substring(0, 600) + "…(" + s.length() + " chars)";
	}

	static String chipDeclaration() {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":3,
				 "grossWeight":120,"netWeight":100,"consignor":"Intel (demo)",
				 "items":[{"hsCode":"8542319000","description":"processors","quantity":200,"unit":"C62","value":4000,
				           "origin":"US","statisticalQuantity":200,"tariffQuotaCertificate":null}]}""";
	}

	/**
	 * One generated request: which endpoint, up to three mutations of its valid body, now and then a body that is not
	 * JSON at all or a hostile path segment.
	 *
	 * @param corruption 0–2 replace the whole body (cut JSON, a leading NUL, a bare value), anything else keeps it
	 */
	record Variant(int endpoint, List<Mutation> mutations, int corruption, JsonNode bareValue, String pathSegment) {

		String applyTo(JsonNode valid, Set<String> protectedFields) {
			String text = valid.toString();
			switch (corruption) {
				case 0 -> {
					return text.substring(0, Math.floorMod(endpoint, text.length()));
				}
				case 1 -> {
					return "\u0000" + text;
				}
				case 2 -> {
					return bareValue.toString();
				}
				default -> {
				}
			}
			JsonNode body = valid.deepCopy();
			for (Mutation mutation : mutations) {
				mutation.applyTo(body, protectedFields);
			}
			return JSON.writeValueAsString(body);
		}

		@Override
		public String toString() {
			return "endpoint#" + endpoint + " " + mutations + " corruption=" + corruption + " path=" + pathSegment;
		}
	}

	/**
	 * One generated form post: which form, one to three changes of its valid parameters, and in about one variant of
	 * seven a hostile path segment.
	 */
	record FormVariant(int endpoint, List<FormMutation> mutations, String pathSegment) {

		Map<String, List<String>> applyTo(Map<String, String> valid, Set<String> protectedFields) {
			Map<String, List<String>> params = new LinkedHashMap<>();
			valid.forEach((name, value) -> params.put(name, new ArrayList<>(List.of(value))));
			for (FormMutation mutation : mutations) {
				mutation.applyTo(params, protectedFields);
			}
			return params;
		}
	}

	/**
	 * @param kind 0 remove the parameter, 1 add an extra one, 2 send the parameter 2–60 times, else replace its value
	 * @param where which parameter, as a fraction of all of them in the form's order
	 */
	record FormMutation(int kind, double where, String value, String extraName) {

		void applyTo(Map<String, List<String>> params, Set<String> protectedFields) {
			List<String> names = params.keySet().stream().filter(n -> !protectedFields.contains(n)).toList();
			if (kind == 1 || names.isEmpty()) {
				params.put(extraName, new ArrayList<>(List.of(value)));
				return;
			}
			String name = names.get(Math.min(names.size() - 1, (int) (where * names.size())));
			switch (kind) {
				case 0 -> params.remove(name);
				case 2 -> {
					List<String> values = params.get(name);
					for (int c = 1 + (int) (where * 59); c > 0; c--) {
						values.add(c % 2 == 0 ? value : values.getFirst());
					}
				}
				default -> params.put(name, new ArrayList<>(List.of(value)));
			}
		}

		@Override
		public String toString() {
			return kind + "@" + String.format("%.3f", where) + "=" + abbreviate(value);
		}
	}

	/**
	 * @param kind 0 remove the field, 1 add an extra field, 2 repeat an array's first element 40+ times, else replace
	 * @param where which field or element, as a fraction of all of them in document order
	 */
	record Mutation(int kind, double where, JsonNode value, String extraName) {

		void applyTo(JsonNode body, Set<String> protectedFields) {
			List<Slot> slots = new ArrayList<>();
			collect(body, slots, true, protectedFields);
			if (slots.isEmpty()) {
				return;
			}
			Slot slot = slots.get(Math.min(slots.size() - 1, (int) (where * slots.size())));
			switch (kind) {
				case 0 -> slot.remove();
				case 1 -> {
					if (slot.parent() instanceof ObjectNode o) {
						o.set(extraName, value);
					}
				}
				case 2 -> {
					if (slot.parent() instanceof ArrayNode a && !a.isEmpty()) {
						JsonNode first = a.get(0);
						for (int c = 0; c < 40 + (int) (where * 40); c++) {
							a.add(first.deepCopy());
						}
					} else {
						slot.replace(value);
					}
				}
				default -> slot.replace(value);
			}
		}

		@Override
		public String toString() {
			return kind + "@" + String.format("%.3f", where) + "=" + abbreviate(String.valueOf(value));
		}
	}

	record Slot(JsonNode parent, String name, int index) {

		void replace(JsonNode value) {
			if (parent instanceof ObjectNode o) {
				o.set(name, value);
			} else if (parent instanceof ArrayNode a && index < a.size()) {
				a.set(index, value);
			}
		}

		void remove() {
			if (parent instanceof ObjectNode o) {
				o.remove(name);
			} else if (parent instanceof ArrayNode a && index < a.size()) {
				a.remove(index);
			}
		}
	}

	static void collect(JsonNode node, List<Slot> slots, boolean top, Set<String> protectedFields) {
		if (node instanceof ObjectNode o) {
			for (String name : List.copyOf(o.propertyNames())) {
				if (top && protectedFields.contains(name)) {
					continue;
				}
				slots.add(new Slot(o, name, -1));
				collect(o.get(name), slots, false, protectedFields);
			}
		} else if (node instanceof ArrayNode a) {
			for (int i = 0; i < a.size(); i++) {
				slots.add(new Slot(a, null, i));
				collect(a.get(i), slots, false, protectedFields);
			}
		}
	}

	static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE declaration; --", "\" OR \"\"=\"",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "../../etc/passwd", "%00", "\\u0000",
			"CN\u0000", "0901210000\u0000", "9".repeat(400), "NaN", "Infinity", "-0", "null", "true", "[]", "{}",
			"\u202Eevil\u202C", "e\u0301\u0301\u0301", "\uD83D\uDE00\uD83C\uDDE8\uD83C\uDDF3", "\uD800", "\uDFFF",
			"\uFEFF", "\u0085", "a\tb\nc\rd", "\u3000", "ＣＮ", "cn", "ıİ", "ß", "١٢٣", "٣.١٤", "1e308", "0x10",
			"1_000", "1,000.00");

	static final List<String> NUMBERS = List.of("0", "-0", "-1", "0.001", "0.005", "1e-7", "1e-999999999", "1.5",
			"2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e13", "1e15", "1e16", "1e308",
			"1e999999999", "-1e999999999", "123456789012345678901234567890", "9999999999999999.995",
			"0.000000000000000000000000000001", "3.14159265358979323846264338327950288");

	/**
	 * The variants, drawn from one seeded stream: an endpoint (each gets its share), one to three mutations of the valid
	 * body, now and then a corruption of the whole body, and in about one variant of seven a hostile path segment.
	 */
	static final class HostileVariants {

		private static final String ODD_CHARACTERS = "x厦\u202E\u0301\uD83D\uDE00 ";

		private final SplittableRandom random;

		HostileVariants(long seed) {
			this.random = new SplittableRandom(seed);
		}

		Variant next() {
			int endpoint = random.nextInt(10_001);
			List<Mutation> mutations = new ArrayList<>();
			for (int m = 1 + random.nextInt(3); m > 0; m--) {
				mutations.add(new Mutation(random.nextInt(10), random.nextDouble(), value(), injection()));
			}
			String pathSegment = pathSegment();
			return new Variant(endpoint, mutations, random.nextInt(40), value(), pathSegment);
		}

		FormVariant nextForm() {
			int endpoint = random.nextInt(10_001);
			List<FormMutation> mutations = new ArrayList<>();
			for (int m = 1 + random.nextInt(3); m > 0; m--) {
				mutations.add(new FormMutation(random.nextInt(10), random.nextDouble(), formValue(), injection()));
			}
			return new FormVariant(endpoint, mutations, pathSegment());
		}

		/** What a person, or a script posing as one, can type into a form field: text only, any text. */
		private String formValue() {
			return switch (random.nextInt(8)) {
				case 0 -> anyText(0, 60);
				case 1 -> text(ODD_CHARACTERS, 200, 20_000);
				case 2, 3 -> injection();
				case 4 -> pick(NUMBERS);
				case 5 -> new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(20)).toPlainString();
				case 6 -> "";
				default -> pick(List.of(" ", "\u0000", "\u0000x", "2026-02-30", "9999-99", "-1", "true", "on",
						"00000000-0000-0000-0000-000000000000", "APPROVE", "REJECT", "QUERY", "ADMIN", "OFFICER"));
			};
		}

		private String pathSegment() {
			return random.nextDouble() < 0.85 ? null : switch (random.nextInt(3)) {
				case 0 -> injection();
				case 1 -> anyText(0, 30);
				default -> pick(NUMBERS);
			};
		}

		private JsonNode value() {
			return switch (random.nextInt(10)) {
				case 0 -> NODES.stringNode(anyText(0, 60));
				case 1 -> NODES.stringNode(text(ODD_CHARACTERS, 200, 20_000));
				case 2 -> NODES.stringNode(injection());
				case 3 -> NODES.numberNode(new BigDecimal(pick(NUMBERS)));
				case 4 -> NODES.numberNode(new BigDecimal(random.nextLong()).movePointLeft(9 + random.nextInt(10)));
				case 5 -> NODES.numberNode(random.nextLong());
				case 6 -> NODES.booleanNode(random.nextBoolean());
				case 7 -> NODES.nullNode();
				case 8 -> NODES.arrayNode().add(injection()).add(1.5);
				default -> NODES.objectNode().put("nested", injection());
			};
		}

		private String injection() {
			return pick(INJECTIONS);
		}

		private String pick(List<String> choices) {
			return choices.get(random.nextInt(choices.size()));
		}

		/** Any UTF-16 code units, lone surrogates and control characters included. */
		private String anyText(int min, int max) {
			StringBuilder text = new StringBuilder();
			for (int n = min + random.nextInt(max - min + 1); n > 0; n--) {
				text.append((char) random.nextInt(Character.MAX_VALUE + 1));
			}
			return text.toString();
		}

		private String text(String alphabet, int min, int max) {
			StringBuilder text = new StringBuilder();
			for (int n = min + random.nextInt(max - min + 1); n > 0; n--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			return text.toString();
		}
	}
}
