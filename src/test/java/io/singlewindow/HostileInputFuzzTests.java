package io.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.enterprise.Registrations;
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

	static final long SEED = 20261129L;

	/** About 200 variants for each of the 18 endpoints. */
	static final int TRIES = 3_600;

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	static final String CHIP = EnterpriseFixtures.demo("CHIP").value();

	/** Stale versions: an update variant passes every check and is then refused, so shared data stays as it is. */
	static final int STALE = 999_999;

	/** Created once per test JVM: the declarations, enterprise, rule and profile the endpoints act on. */
	private static List<Endpoint> endpoints;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void createTheTargetsOnce() throws Exception {
		synchronized (HostileInputFuzzTests.class) {
			if (endpoints == null) {
				endpoints = endpoints();
			}
		}
	}

	@Test
	void everyWriteEndpointAnswersHostileVariantsWithA4xxProblemAndStoresNothing() throws Exception {
		HostileVariants variants = new HostileVariants(SEED);
		for (int number = 1; number <= TRIES; number++) {
			answersWithA4xxProblemAndStoresNothing(number, variants.next());
		}
	}

	private void answersWithA4xxProblemAndStoresNothing(int number, Variant variant) throws Exception {
		Endpoint endpoint = endpoints.get(Math.floorMod(variant.endpoint(), endpoints.size()));
		List<String> variables = new ArrayList<>(endpoint.variables());
		if (!variables.isEmpty() && variant.pathSegment() != null) {
			variables.set(Math.floorMod(variant.endpoint() / 31, variables.size()), variant.pathSegment());
		}
		String body = variant.applyTo(JSON.readTree(endpoint.body()), endpoint.protectedFields());
		URI uri = uri(endpoint.path(), variables);
		String before = counts(endpoint.tables());
		MockHttpServletResponse response = send(endpoint.method(), uri, endpoint.user(), body);
		// The answer before the body, and the body as escaped JSON text, so that a report file keeps them readable.
		String context = "variant #%d of seed %d: endpoint='%s' %s %s -> %d %s; body=%s".formatted(number, SEED,
				endpoint.name(), endpoint.method(), uri, response.getStatus(),
				abbreviate(response.getContentAsString(StandardCharsets.UTF_8)), abbreviate(JSON.writeValueAsString(body)));
		assertThat(response.getStatus()).as(context).isLessThan(500);
		if (response.getStatus() >= 400) {
			assertThat(response.getContentType()).as(context).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
			assertThat(problem.path("code").asString("")).as(context).isNotBlank();
			assertThat(counts(endpoint.tables())).as(context).isEqualTo(before);
		}
	}

	/**
	 * One write endpoint.
	 *
	 * @param path with {@code {}} for each path variable, filled from {@code variables}
	 * @param user the demo account calling ({@literal null}: anonymous, or {@code Bearer …} given in full)
	 * @param protectedFields top-level fields no variant touches (stale versions)
	 * @param tables the tables the endpoint writes
	 */
	record Endpoint(String name, HttpMethod method, String path, List<String> variables, String user, String body,
			Set<String> protectedFields, List<String> tables) {
	}

	List<Endpoint> endpoints() throws Exception {
		var registered = Registrations.register(mvc, ApplicationFixtures.anApplication());
		String declaration = chipDeclaration();
		String declarationId = JSON.readTree(send(HttpMethod.POST, URI.create("/api/v1/declarations"),
				"Bearer sw-demo-trader.chip", declaration).getContentAsString(StandardCharsets.UTF_8)).get("id").asString();
		String routingRule = """
				{"code":"FUZZ_RULE","descriptionZh":"模糊测试","descriptionEn":"Fuzzing","conditionType":"HS_PREFIX",
				 "values":"9999","agency":"TAX","priority":1,"active":false}""";
		send(HttpMethod.POST, URI.create("/api/v1/routing/rules"), "Bearer sw-demo-admin", routingRule);
		String riskProfile = """
				{"code":"FUZZ_PROFILE","nameZh":"模糊测试","nameEn":"Fuzzing","originCountries":["FR"],
				 "hsPrefixes":["999999"],"tradeModes":["0110"],"flow":"IMPORT","channel":"YELLOW",
				 "selectionPercent":1,"aeoFactor":0.5,"active":false}""";
		send(HttpMethod.POST, URI.create("/api/v1/risk/profiles"), "Bearer sw-demo-admin", riskProfile);

		List<String> declarationTables = List.of("declaration", "declaration_item", "agency_task", "declaration_event",
				"declaration_route");
		return List.of(
				new Endpoint("submit a declaration", HttpMethod.POST, "/api/v1/declarations", List.of(), "trader.chip",
						declaration, Set.of(), declarationTables),
				new Endpoint("amend a declaration", HttpMethod.PUT, "/api/v1/declarations/{}", List.of(declarationId),
						"trader.chip", declaration, Set.of(), declarationTables),
				new Endpoint("answer a query", HttpMethod.POST, "/api/v1/declarations/{}/queries/{}/answer",
						List.of(declarationId, "CIQ"), "trader.chip", "{\"answer\":\"certificate attached\"}", Set.of(),
						declarationTables),
				new Endpoint("decide a task", HttpMethod.POST, "/api/v1/tasks/{}/decision",
						List.of(UUID.randomUUID().toString()), "officer.customs",
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
						List.of(registered.uscc().value()), "officer.samr",
						"{\"reason\":\"inspection\",\"version\":" + STALE + "}", Set.of("version"),
						List.of("licence_event")),
				new Endpoint("apply for a permit", HttpMethod.POST, "/api/v1/permit-applications", List.of(),
						"trader.chip", """
								{"catalogueCode":"AIL","applicant":"%s","scope":"computers","goods":["8471300000"],
								 "requestedQuantity":500,"documents":["FORM-1"],"commitmentSigned":true}"""
							.formatted(CHIP), Set.of(), List.of("permit_application", "permit_application_step", "permit")),
				new Endpoint("decide a permit application", HttpMethod.POST, "/api/v1/permit-applications/{}/decision",
						List.of(UUID.randomUUID().toString()), "officer.commerce",
						"{\"decision\":\"APPROVE\",\"grantedQuantity\":10,\"version\":" + STALE + "}", Set.of("version"),
						List.of("permit_application", "permit")),
				new Endpoint("supervise a permit", HttpMethod.POST, "/api/v1/permits/{}/suspension",
						List.of("AIL-1999-999999"), "officer.commerce", "{\"reason\":\"inspection\"}", Set.of(),
						List.of("permit_history")),
				new Endpoint("register a webhook", HttpMethod.POST, "/api/v1/webhooks", List.of(), "trader.coffee",
						"{\"url\":\"https://93.184.215.14/hook\"}", Set.of(), List.of("webhook_subscription")),
				new Endpoint("create an API key", HttpMethod.POST, "/api/v1/api-keys", List.of(), "trader.coffee",
						"{\"label\":\"fuzz\"}", Set.of(), List.of("api_key")),
				new Endpoint("assess duties", HttpMethod.POST, "/api/v1/tariff/assessments", List.of(), "trader.chip", """
						{"flow":"IMPORT","incoterm":"CIF","currency":"USD","freight":10,"insurance":1,"date":"2026-11-02",
						 "items":[{"hsCode":"8542319000","value":1000,"origin":"US","preferenceAgreement":null}]}""",
						Set.of(), List.of()),
				new Endpoint("set an exchange rate", HttpMethod.PUT, "/api/v1/exchange-rates/{}/{}",
						List.of("NZD", "2019-03"), "admin", "{\"rate\":4.25}", Set.of(), List.of("exchange_rate")),
				new Endpoint("change a routing rule", HttpMethod.PUT, "/api/v1/routing/rules/{}", List.of("FUZZ_RULE"),
						"admin", routingRule.replace("\"active\":false", "\"active\":false,\"version\":" + STALE),
						Set.of("version", "active"), List.of("routing_rule")),
				new Endpoint("change a risk profile", HttpMethod.PUT, "/api/v1/risk/profiles/{}",
						List.of("FUZZ_PROFILE"), "admin",
						riskProfile.replace("\"active\":false", "\"active\":false,\"version\":" + STALE),
						Set.of("version", "active"), List.of("risk_profile")),
				new Endpoint("change a permit catalogue entry", HttpMethod.PUT, "/api/v1/permit-catalogue/{}",
						List.of("AIL"), "admin", """
								{"code":"AIL","nameZh":"自动进口许可","nameEn":"Automatic import licence",
								 "issuingAgency":"COMMERCE","mode":"APPROVAL","reviewDays":10,"validityMonths":6,
								 "documentsZh":["申请表"],"documentsEn":["Form"],"active":true,"version":%d}"""
							.formatted(STALE), Set.of("version", "active"), List.of("permit_catalogue")));
	}

	MockHttpServletResponse send(HttpMethod method, URI uri, String user, String body) throws Exception {
		var request = request(method, uri).contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8));
		if (user != null) {
			request.header("Authorization", user.startsWith("Bearer ") ? user : "Bearer sw-demo-" + user);
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
				           "origin":"US","statisticalQuantity":200}]}""";
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
			String pathSegment = random.nextDouble() < 0.85 ? null : switch (random.nextInt(3)) {
				case 0 -> injection();
				case 1 -> anyText(0, 30);
				default -> pick(NUMBERS);
			};
			return new Variant(endpoint, mutations, random.nextInt(40), value(), pathSegment);
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
