package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.sun.net.httpserver.HttpServer;

import io.singlewindow.SingleWindowIntegrationTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The findings of the hostile-input review of the single window, each kept as a regression: what used to answer
 * 500, store a wrong number or call an inward address now answers 4xx problem+json naming the field, and stores
 * nothing.
 */
@SingleWindowIntegrationTest
class HostileDeclarationIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Webhooks webhooks;

	@ParameterizedTest(name = "NUL in {0}")
	@ValueSource(strings = { "items[0].description", "consignee", "consignor", "items[0].permitNumber" })
	void aNulByteInFreeTextIsAFieldErrorNotA500(String field) throws Exception {
		refused(d -> set(d, field, "pro\u0000cessors"), field, "CONTROL_CHARACTER");
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({ "items[0].value, 1e13, TOO_LARGE", "items[0].value, 1e15, TOO_LARGE",
			"items[0].value, 1e308, TOO_LARGE", "insurance, 1e15, TOO_LARGE",
			"items[0].value, 123456789012345678901234567890, TOO_LARGE", "items[0].quantity, 1e15, TOO_LARGE",
			"items[0].quantity, 1e308, TOO_LARGE", "freight, 1e308, TOO_LARGE", "grossWeight, 1e308, TOO_LARGE",
			"items[0].value, 0.001, VALUE_NOT_POSITIVE", "items[0].quantity, 1e-7, QUANTITY_NOT_POSITIVE",
			"netWeight, 0.0001, QUANTITY_NOT_POSITIVE", "items[0].statisticalQuantity, 1e-9, QUANTITY_NOT_POSITIVE",
			"packages, 1.5, INTEGER_REQUIRED", "packages, 1e10, INTEGER_REQUIRED", "packages, 10000000, TOO_LARGE" })
	void numbersTheColumnsCannotHoldOrThatRoundToZeroAreRefused(String field, String number, String code)
			throws Exception {
		refused(d -> set(d, field, new java.math.BigDecimal(number)), field, code);
	}

	/**
	 * "This value is too large" alone left a declarant guessing how large a value may be; each refusal says the largest
	 * its field holds, in the reader's language.
	 */
	@ParameterizedTest(name = "{0} = {1} ({2})")
	@CsvSource(delimiter = '|', textBlock = """
			items[0].value    | 1e15     | en    | This value is too large: at most 9,999,999,999,999.99.
			items[0].quantity | 1e308    | en    | This value is too large: at most 999,999,999,999,999.999.
			packages          | 10000000 | en    | This value is too large: at most 9,999,999.
			packages          | 10000000 | zh-CN | 该值过大：最多为 9,999,999。
			""")
	void aNumberTooLargeIsToldTheLargestItsFieldHolds(String field, String number, String language, String message)
			throws Exception {
		long declarations = count("declaration");
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON)
			.content(declaration(d -> set(d, field, new java.math.BigDecimal(number)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message")
				.value(org.hamcrest.Matchers.contains(message)));
		assertThat(count("declaration")).isEqualTo(declarations);
	}

	@ParameterizedTest(name = "{0} twice")
	@CsvSource(delimiter = '|', value = { "currency | \"currency\":\"USD\" | \"currency\":\"USD\",\"currency\":\"EUR\"",
			"items[0].value | \"value\":4000 | \"value\":4000,\"value\":40",
			"declarant | \"declarant\":null | \"declarant\":null,\"declarant\":null" })
	void aMemberNamedTwiceInOneObjectIsRefusedNotReadAsEitherValue(String field, String from, String to)
			throws Exception {
		// RFC 8259 leaves duplicate names to the reader, and readers differ (first wins, last wins): which currency a
		// declaration of {"currency":"USD","currency":"EUR"} is in must not be the platform's guess.
		String json = SingleWindowFlowIntegrationTests.chipDeclaration(null, null);
		assertThat(json).contains(from);
		long declarations = count("declaration");

		submit(json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].code").value("DUPLICATE_MEMBER"));
		assertThat(count("declaration")).isEqualTo(declarations);
	}

	@Test
	void aValueIsStoredExactlyAsItWasCheckedAndAssessed() throws Exception {
		String created = body(submit(declaration(d -> set(d, "items[0].value", new java.math.BigDecimal("4000.005"))))
			.andExpect(status().isCreated()));
		String id = com.jayway.jsonpath.JsonPath.read(created, "$.id");
		assertThat(jdbc.sql("SELECT value FROM declaration_item WHERE declaration_id = ?").param(UUID.fromString(id))
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("4000.01");
	}

	@Test
	void freeTextHasALimitPerField() throws Exception {
		refused(d -> set(d, "items[0].description", "x".repeat(513)), "items[0].description", "SIZE");
		refused(d -> set(d, "consignee", "x".repeat(101)), "consignee", "SIZE");
	}

	@Test
	void aFiveMegabyteBodyIsRefusedAs413BeforeAnythingReadsIt() throws Exception {
		long before = count("declaration");
		submit(declaration(d -> set(d, "items[0].description", "x".repeat(5_000_000))))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
		assertThat(count("declaration")).isEqualTo(before);
	}

	@Test
	void moreItemsThanADeclarationHoldsAreRefusedBeforeAnyLookup() throws Exception {
		refused(d -> {
			var items = (tools.jackson.databind.node.ArrayNode) d.get("items");
			for (int i = 0; i < 60; i++) {
				items.add(items.get(0).deepCopy());
			}
		}, "items", "TOO_MANY_ITEMS");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "destinationCountry, US, DESTINATION_NOT_CHINA", "currency, XXX, CURRENCY_UNKNOWN",
			"currency, XAU, CURRENCY_UNKNOWN" })
	void implausibleDeclarationsAreRefused(String field, String value, String code) throws Exception {
		refused(d -> d.put(field, value), field, code);
	}

	@Test
	void anExportLeavesFromChina() throws Exception {
		long before = count("declaration");
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.tungsten")
			.contentType(MediaType.APPLICATION_JSON)
			.content(SingleWindowFlowIntegrationTests.tungstenExport().replace("\"originCountry\":\"CN\"",
					"\"originCountry\":\"DE\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("originCountry"))
			.andExpect(jsonPath("$.errors[0].code").value("ORIGIN_NOT_CHINA"));
		assertThat(count("declaration")).isEqualTo(before);
	}

	@Test
	void anIdempotencyKeyLongerThanAReferenceIsRefusedByTheHeadersName() throws Exception {
		long before = count("declaration");
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Idempotency-Key", "k".repeat(101))
			.contentType(MediaType.APPLICATION_JSON).content(declaration(d -> {
			})))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.errors[0].code").value("CLIENT_REFERENCE_TOO_LONG"));
		assertThat(count("declaration")).isEqualTo(before);
	}

	@Test
	void aReplayWithTheSameKeyHonoursPreferReturnMinimal() throws Exception {
		String key = "replay-" + UUID.randomUUID();
		String json = declaration(d -> {
		});
		String first = body(submit(json).andExpect(status().isCreated()));
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Idempotency-Key", key).header("Prefer", "return=minimal")
			.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Idempotency-Key", key).header("Prefer", "return=minimal")
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isOk())
			.andExpect(header().string("Preference-Applied", "return=minimal"))
			.andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.startsWith("XM")))
			.andExpect(jsonPath("$.status").exists())
			.andExpect(jsonPath("$.items").doesNotExist());
		assertThat(first).contains("items");
	}

	@Test
	void anAnswerAndAReasonRefuseControlCharactersAndLength() throws Exception {
		mvc.perform(post("/api/v1/tasks/{id}/decision", UUID.randomUUID())
			.header("Authorization", "Bearer sw-demo-officer.ciq").contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"REJECT\",\"reason\":\"no\\u0000\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
	}

	@Test
	void aPathTheSecurityFirewallRefusesIsAMalformedRequestProblem() throws Exception {
		// Found by HostileInputFuzzTests: a semicolon in the path was a bare 400 without a body.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put(java.net.URI.create("/api/v1/declarations/';%20DROP%20TABLE%20declaration;%20--"))
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON).content("{"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
	}

	@ParameterizedTest(name = "webhook to {0}")
	@ValueSource(strings = { "http://localhost:5432/", "https://localhost/", "https://169.254.169.254/latest/",
			"https://10.0.0.1/hook", "https://192.168.0.10/", "https://[::1]/", "https://0.0.0.0/",
			"https://[::ffff:127.0.0.1]/", "https://224.0.0.1/" })
	void aWebhookToAnInwardAddressIsRefusedAtRegistration(String url) throws Exception {
		webhookRefused(url, "WEBHOOK_ADDRESS_NOT_PUBLIC", "public addresses only");
	}

	/** {@code 0177.0.0.1} was accepted (201): the JDK reads 177.0.0.1, curl and browsers 127.0.0.1. */
	@ParameterizedTest(name = "webhook to {0}")
	@ValueSource(strings = { "https://0177.0.0.1/hook", "https://2130706433/", "https://0x7f000001/" })
	void aWebhookToAnAddressThatProgramsReadDifferentlyIsRefusedAtRegistration(String url) throws Exception {
		webhookRefused(url, "WEBHOOK_ADDRESS_AMBIGUOUS", "four decimal numbers");
	}

	private void webhookRefused(String url, String code, String saying) throws Exception {
		long before = count("webhook_subscription");
		mvc.perform(post("/api/v1/webhooks").header("Authorization", "Bearer sw-demo-trader.coffee")
			.contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"" + url + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.field").value("url"))
			.andExpect(jsonPath("$.errors[0].code").value(code))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(saying)));
		assertThat(count("webhook_subscription")).isEqualTo(before);
	}

	@Test
	void aStoredWebhookThatNowLeadsInwardsIsRefusedAtDeliveryAndNeverCalled() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			calls.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		UUID subscription = UUID.randomUUID();
		UUID delivery = UUID.randomUUID();
		Instant due = Instant.now().minus(Duration.ofMinutes(1));
		try {
			// Stored as if registered before the policy, or while its name still resolved outwards: "localhost"
			// is not on the test's allow-list, 127.0.0.1 is.
			jdbc.sql("""
					INSERT INTO webhook_subscription (id, enterprise, url, secret, created_by, created_at)
					VALUES (?, 'X', ?, 'whsec_test', 'test', now())""")
				.params(subscription, "http://localhost:" + receiver.getAddress().getPort() + "/hook").update();
			jdbc.sql("""
					INSERT INTO webhook_delivery (id, subscription_id, declaration_id, event_type, payload,
					    next_attempt_at, created_at) VALUES (?, ?, ?, 'declaration.status', '{}', ?, ?)""")
				.params(delivery, subscription, UUID.randomUUID(), Timestamp.from(due), Timestamp.from(due)).update();

			webhooks.deliverDue(Instant.now());
			// This poll or the background poller (every 2 s) may have claimed it: wait until one of them wrote down
			// why it was not delivered (a CI run read the row while the background poller still held it).
			long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (lastError(delivery) == null && System.nanoTime() < giveUp) {
				Thread.sleep(100);
			}

			assertThat(lastError(delivery)).isEqualTo("WEBHOOK_ADDRESS_NOT_PUBLIC");
			assertThat(calls.get()).isZero();
		} finally {
			jdbc.sql("UPDATE webhook_subscription SET active = FALSE WHERE id = ?").param(subscription).update();
			receiver.stop(0);
		}
	}

	// --- helpers -----------------------------------------------------------------------------------------------------

	private String lastError(UUID delivery) {
		String error = jdbc.sql("SELECT coalesce(last_error, '') FROM webhook_delivery WHERE id = ?").param(delivery)
			.query(String.class).single();
		return error.isEmpty() ? null : error;
	}

	private void refused(Consumer<ObjectNode> change, String field, String code) throws Exception {
		long declarations = count("declaration");
		long items = count("declaration_item");
		submit(declaration(change))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].code")
				.value(org.hamcrest.Matchers.hasItem(code)));
		assertThat(count("declaration")).isEqualTo(declarations);
		assertThat(count("declaration_item")).isEqualTo(items);
	}

	static String declaration(Consumer<ObjectNode> change) {
		ObjectNode d = (ObjectNode) JSON.readTree(SingleWindowFlowIntegrationTests.chipDeclaration(null, null));
		change.accept(d);
		return JSON.writeValueAsString(d);
	}

	/** Sets {@code items[0].value} style paths. */
	static void set(ObjectNode d, String path, Object value) {
		ObjectNode target = d;
		String name = path;
		if (path.startsWith("items[")) {
			int i = Integer.parseInt(path.substring(6, path.indexOf(']')));
			target = (ObjectNode) d.get("items").get(i);
			name = path.substring(path.indexOf("].") + 2);
		}
		if (value instanceof java.math.BigDecimal n) {
			target.put(name, n);
		} else {
			target.put(name, (String) value);
		}
	}

	private ResultActions submit(String json) throws Exception {
		return mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}
}
