package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.BusinessTime;

/**
 * Software that sends a request of the API again under its {@code Idempotency-Key} — after a time-out, a dropped
 * connection, a restart — gets the first answer again and does the work once; the key with another request is
 * refused, a refusal is not kept, and another caller's key is its own.
 */
@SingleWindowIntegrationTest
class RequestsSentAgainIntegrationTests {

	private static final String CHIP = "91350200MA31C0017J";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessTime time;

	@Test
	void anAgreementProposedAgainAfterALostAnswerIsProposedOnceAndAnsweredAsTheFirstTime() throws Exception {
		String key = UUID.randomUUID().toString();
		String goods = "processors " + key;
		MockHttpServletResponse first = propose(key, goods);
		MockHttpServletResponse again = propose(key, goods);

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(first.getHeader(IdempotencyHeaders.REPLAYED)).isNull();
		assertThat(again.getStatus()).isEqualTo(201);
		assertThat(again.getHeader(IdempotencyHeaders.REPLAYED)).isEqualTo("true");
		assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location"));
		assertThat(again.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(first.getContentAsString(
				StandardCharsets.UTF_8));
		assertThat(again.getContentType()).isEqualTo(first.getContentType());
		assertThat(agreementsOf(goods)).isEqualTo(1);

		assertThat(propose(UUID.randomUUID().toString(), goods).getStatus()).as("another key: another agreement")
			.isEqualTo(201);
		assertThat(propose(null, goods).getStatus()).as("no key: as ever").isEqualTo(201);
		assertThat(agreementsOf(goods)).isEqualTo(3);
	}

	@Test
	void theKeyOfOneRequestSentWithAnotherIsRefusedAndNothingIsDone() throws Exception {
		String key = UUID.randomUUID().toString();
		String goods = "processors " + key;
		assertThat(propose(key, goods).getStatus()).isEqualTo(201);

		MockHttpServletResponse other = propose(key, goods + " and memory");
		assertThat(other.getStatus()).isEqualTo(409);
		assertThat(JsonPath.<String>read(other.getContentAsString(), "$.code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(agreementsOf(goods + " and memory")).isZero();
	}

	@Test
	void anotherCallersKeyIsItsOwn() throws Exception {
		String key = UUID.randomUUID().toString();
		String goods = "processors " + key;
		String number = JsonPath.read(propose(key, goods).getContentAsString(), "$.number");
		MockHttpServletResponse confirmed = mvc.perform(post("/api/v1/agency-agreements/{n}/confirm", number)
			.header("Authorization", "Bearer sw-demo-trader.chip").header(IdempotencyHeaders.KEY, key))
			.andReturn().getResponse();
		assertThat(confirmed.getStatus()).as(confirmed.getContentAsString()).isEqualTo(200);
		assertThat(confirmed.getHeader(IdempotencyHeaders.REPLAYED)).isNull();
		assertThat(jdbc.sql("SELECT status FROM agency_agreement WHERE number = ?").param(number).query(String.class)
			.single()).isEqualTo("CONFIRMED");
	}

	@Test
	void aRefusalIsNotKeptAndTheRequestPutRightIsDoneUnderTheSameKey() throws Exception {
		String key = UUID.randomUUID().toString();
		MockHttpServletResponse refused = propose(key, "");
		assertThat(refused.getStatus()).isEqualTo(422);
		MockHttpServletResponse refusedAgain = propose(key, "");
		assertThat(refusedAgain.getStatus()).isEqualTo(422);
		assertThat(refusedAgain.getHeader(IdempotencyHeaders.REPLAYED)).as("judged again, not replayed").isNull();

		String goods = "processors " + key;
		assertThat(propose(key, goods).getStatus()).isEqualTo(201);
		assertThat(propose(key, goods).getHeader(IdempotencyHeaders.REPLAYED)).isEqualTo("true");
		assertThat(agreementsOf(goods)).isEqualTo(1);
	}

	@Test
	void twoAtOneInstantDoTheWorkOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		String goods = "processors " + key;
		ExecutorService senders = Executors.newFixedThreadPool(2);
		try {
			List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
			Callable<MockHttpServletResponse> send = () -> propose(key, goods);
			answers.add(senders.submit(send));
			answers.add(senders.submit(send));
			assertThat(answers.get(0).get().getStatus()).isEqualTo(201);
			assertThat(answers.get(1).get().getStatus()).isEqualTo(201);
			assertThat(answers.get(1).get().getHeader("Location")).isEqualTo(answers.get(0).get().getHeader("Location"));
		} finally {
			senders.shutdown();
		}
		assertThat(agreementsOf(goods)).isEqualTo(1);
	}

	@Test
	void aRequestSentWhileTheFirstIsAtWorkWaitsForItsAnswer() throws Exception {
		String key = UUID.randomUUID().toString();
		String goods = "processors " + key;
		String first = propose(key, goods).getContentAsString();
		// As while the first is at work: written down, its answer not yet.
		jdbc.sql("UPDATE api_request_sent SET status = NULL WHERE idempotency_key = ?").param(key).update();
		Thread answer = Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(500);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			jdbc.sql("UPDATE api_request_sent SET status = 201 WHERE idempotency_key = ?").param(key).update();
		});
		MockHttpServletResponse again = propose(key, goods);
		answer.join();
		assertThat(again.getStatus()).isEqualTo(201);
		assertThat(again.getContentAsString()).isEqualTo(first);
		assertThat(agreementsOf(goods)).isEqualTo(1);
	}

	@Test
	void aRequestWhoseFirstNeverAnsweredIsToldItIsInProgress() throws Exception {
		String key = UUID.randomUUID().toString();
		String goods = "processors " + key;
		propose(key, goods);
		// As after a node stopped during the first: whether it took effect is unknown here.
		jdbc.sql("UPDATE api_request_sent SET status = NULL WHERE idempotency_key = ?").param(key).update();

		MockHttpServletResponse again = propose(key, goods);
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(JsonPath.<String>read(again.getContentAsString(), "$.code")).isEqualTo("REQUEST_IN_PROGRESS");
		assertThat(agreementsOf(goods)).isEqualTo(1);
	}

	@Test
	void aKeyLongerThanAReferenceIsRefusedAtTheHeader() throws Exception {
		String goods = "processors " + UUID.randomUUID();
		MockHttpServletResponse refused = propose("k".repeat(101), goods);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.errors[0].field")).isEqualTo("Idempotency-Key");
		assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.errors[0].code"))
			.isEqualTo("CLIENT_REFERENCE_TOO_LONG");
		assertThat(agreementsOf(goods)).isZero();
		assertThat(propose("k".repeat(100), goods).getStatus()).isEqualTo(201);
	}

	@Test
	void hostileKeysAndBodiesAreAnsweredNeverWithAFiveHundred() throws Exception {
		for (String key : List.of("\"; DROP TABLE api_request_sent; --", "键\u0000", "%00%0d%0a", " ", "x".repeat(100),
				"é".repeat(101))) {
			for (String contentType : List.of("application/json", "application/json; charset=x-nonsense",
					"text/plain", "multipart/form-data")) {
				MockHttpServletResponse answer = mvc.perform(post("/api/v1/agency-agreements")
					.header("Authorization", "Bearer sw-demo-broker").header(IdempotencyHeaders.KEY, key)
					.header("Content-Type", contentType).content("{\"principal\":"))
					.andReturn().getResponse();
				assertThat(answer.getStatus()).as(key + " " + contentType).isBetween(400, 499);
			}
		}
		assertThat(mvc.perform(post("/api/v1/tasks/{id}/decision", UUID.randomUUID())
			.header("Authorization", "Bearer sw-demo-officer.ciq").header(IdempotencyHeaders.KEY, "k")
			.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\",\"version\":0}"))
			.andReturn().getResponse().getStatus()).as("a task nobody has").isEqualTo(404);
		assertThat(mvc.perform(post("/api/v1/no-such-thing").header("Authorization", "Bearer sw-demo-broker")
			.header(IdempotencyHeaders.KEY, "k")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aDocumentUploadedAgainIsAnsweredAsTheFirstTime() throws Exception {
		String id = underReview();
		String key = UUID.randomUUID().toString();
		List<MockHttpServletResponse> answers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			answers.add(mvc.perform(multipart("/api/v1/declarations/{id}/documents", id)
				.file(new MockMultipartFile("file", "invoice.pdf", "application/pdf",
						"%PDF-1.7\n% invoice 7\n%%EOF\n".getBytes(StandardCharsets.UTF_8)))
				.param("kind", "INVOICE").header("Authorization", "Bearer sw-demo-trader.chip")
				.header(IdempotencyHeaders.KEY, key)).andReturn().getResponse());
		}
		assertThat(answers.get(0).getStatus()).isEqualTo(201);
		assertThat(answers.get(1).getStatus()).isEqualTo(201);
		assertThat(answers.get(1).getHeader(IdempotencyHeaders.REPLAYED)).isEqualTo("true");
		assertThat(answers.get(1).getContentAsString()).isEqualTo(answers.get(0).getContentAsString());
	}

	/**
	 * A secret is shown once. Sent again under its key after a lost answer, the request makes no second key — a live
	 * credential nobody ever saw — but is told what the first made and where, and that its secret is not kept: the
	 * caller revokes that key and asks for another. The secret is never written down with the key.
	 */
	@Test
	void anApiKeyAskedForAgainUnderItsKeyIsMadeOnceAndItsSecretNeverKept() throws Exception {
		String key = UUID.randomUUID().toString();
		String label = "retried " + key;
		MockHttpServletResponse made = newApiKey(key, label);
		assertThat(made.getStatus()).isEqualTo(201);
		String secret = JsonPath.read(made.getContentAsString(), "$.key");

		MockHttpServletResponse again = newApiKey(key, label);
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(JsonPath.<String>read(again.getContentAsString(), "$.code")).isEqualTo("SECRET_SHOWN_ONCE");
		assertThat(again.getHeader("Location")).as("what the first made").isEqualTo(made.getHeader("Location"));
		assertThat(again.getContentAsString()).doesNotContain(secret);
		assertThat(again.getHeader(IdempotencyHeaders.REPLAYED)).isNull();
		assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE label = ?").param(label).query(Long.class).single())
			.as("one key made").isEqualTo(1);
		byte[] kept = jdbc.sql("SELECT body FROM api_request_sent WHERE idempotency_key = ?").param(key)
			.query(byte[].class).single();
		assertThat(new String(kept, StandardCharsets.UTF_8)).as("no secret written down").doesNotContain(secret)
			.isEmpty();
		// Another request under the key is refused as any other.
		assertThat(JsonPath.<String>read(newApiKey(key, label + " and more").getContentAsString(), "$.code"))
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
		// The caller revokes the key whose secret it lost and asks for another under a new key.
		String location = again.getHeader("Location");
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(location)
			.header("Authorization", "Bearer sw-demo-trader.chip")).andReturn().getResponse().getStatus())
			.isEqualTo(204);
		assertThat(newApiKey(UUID.randomUUID().toString(), label).getStatus()).isEqualTo(201);
	}

	@Test
	void aWebhookAskedForAgainUnderItsKeyIsRegisteredOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		String url = "http://127.0.0.1:9/retried-" + key;
		List<MockHttpServletResponse> answers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			answers.add(mvc.perform(post("/api/v1/webhooks").header("Authorization", "Bearer sw-demo-trader.coffee")
				.header(IdempotencyHeaders.KEY, key).contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"" + url + "\"}")).andReturn().getResponse());
		}
		assertThat(answers.get(0).getStatus()).isEqualTo(201);
		assertThat(answers.get(1).getStatus()).isEqualTo(409);
		assertThat(JsonPath.<String>read(answers.get(1).getContentAsString(), "$.code")).isEqualTo("SECRET_SHOWN_ONCE");
		assertThat(answers.get(1).getHeader("Location")).isEqualTo(answers.get(0).getHeader("Location"));
		assertThat(answers.get(1).getContentAsString())
			.doesNotContain(JsonPath.<String>read(answers.get(0).getContentAsString(), "$.secret"));
		assertThat(jdbc.sql("SELECT count(*) FROM webhook_subscription WHERE url = ?").param(url).query(Long.class)
			.single())
			.isEqualTo(1);
	}

	private MockHttpServletResponse newApiKey(String key, String label) throws Exception {
		return mvc.perform(post("/api/v1/api-keys").header("Authorization", "Bearer sw-demo-trader.chip")
			.header(IdempotencyHeaders.KEY, key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"label\":\"" + label + "\"}")).andReturn().getResponse();
	}

	/** A declaration's key is its reference too, with its own answer to a retry (200 with the declaration). */
	@Test
	void aDeclarationKeepsItsOwnRule() throws Exception {
		String key = UUID.randomUUID().toString();
		String json = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"FOB","freight":100,
				 "packages":3,"grossWeight":12,"netWeight":10,"items":[{"hsCode":"8542319000","description":"processors",
				 "quantity":150,"unit":"C62","value":3000,"origin":"US"}]}""";
		List<MockHttpServletResponse> answers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			answers.add(mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
				.header(IdempotencyHeaders.KEY, key).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn()
				.getResponse());
		}
		assertThat(answers.get(0).getStatus()).isEqualTo(201);
		assertThat(answers.get(1).getStatus()).isEqualTo(200);
		assertThat(answers.get(1).getHeader(IdempotencyHeaders.REPLAYED)).isNull();
		assertThat(jdbc.sql("SELECT count(*) FROM api_request_sent WHERE idempotency_key = ?").param(key)
			.query(Long.class).single()).isZero();
	}

	private String underReview() throws Exception {
		String json = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"FR",
				 "destinationCountry":"CN","tradingCountry":"FR","currency":"EUR","incoterm":"CIF","packages":4,
				 "grossWeight":60,"netWeight":50,"items":[{"hsCode":"3303000000","description":"perfume","quantity":200,
				 "statisticalQuantity":50,"unit":"C62","value":6000,"origin":"FR"}]}""";
		String submitted = mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(submitted, "$.status")).isEqualTo("UNDER_REVIEW");
		return JsonPath.read(submitted, "$.id");
	}

	private MockHttpServletResponse propose(String key, String goods) throws Exception {
		var request = post("/api/v1/agency-agreements").header("Authorization", "Bearer sw-demo-broker")
			.contentType(MediaType.APPLICATION_JSON).content("{\"principal\":\"" + CHIP + "\",\"flow\":\"IMPORT\","
					+ "\"goods\":\"" + goods + "\",\"validUntil\":\"" + time.today().plusDays(10) + "\"}");
		if (key != null) {
			request.header(IdempotencyHeaders.KEY, key);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private long agreementsOf(String goods) {
		return jdbc.sql("SELECT count(*) FROM agency_agreement WHERE goods = ?").param(goods).query(Long.class).single();
	}

	/** The headers' names, as a client writes them. */
	private static final class IdempotencyHeaders {

		static final String KEY = "Idempotency-Key";

		static final String REPLAYED = "Idempotent-Replayed";
	}
}
