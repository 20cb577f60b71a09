package io.singlewindow.interchange.internal;

import static io.singlewindow.interchange.internal.CusdecFixtures.aCusdec;
import static io.singlewindow.interchange.internal.CusdecFixtures.anInterchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * A broker's software that sent a CUSDEC hears of the officer's later decision by webhook: every status event links
 * the declaration's response, which answers the new CUSRES, and a webhook that asked for {@code EDIFACT} receives that
 * CUSRES in the event itself, one that asked for {@code XML} the WCO DM Response. The CUSRES are read back by StAEDI
 * and carry the new status; so does the Response.
 */
@SingleWindowIntegrationTest
class InterchangeWebhookIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aDecisionAfterSubmissionSendsAWebhookWhoseCusresShowsTheNewStatus() throws Exception {
		Map<String, List<String>> received = new ConcurrentHashMap<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		for (String path : List.of("/json", "/edifact", "/xml")) {
			server.createContext(path, exchange -> {
				received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
					.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
		}
		server.start();
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		String linking = register(base + "/json", null);
		String carrying = register(base + "/edifact", "edifact");
		String carryingXml = register(base + "/xml", "xml");
		try {
			String run = InterchangeIntegrationTests.run();
			var answer = mvc.perform(post("/api/v1/interchanges").header("Authorization", InterchangeIntegrationTests.TRADER)
				.contentType(InterchangeApi.EDIFACT)
				.content(anInterchange("WH" + run).with(aCusdec("1").clientReference("webhook-" + run)).text()
					.getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isOk()).andReturn();
			String id = InterchangeIntegrationTests.uuid(EdifactReadBack.read(answer.getResponse().getContentAsByteArray())
				.all("RFF").stream().filter(r -> r.startsWith("RFF+ZID:")).findFirst().orElseThrow().substring(8))
				.toString();

			String declaration = InterchangeIntegrationTests.json(mvc.perform(get("/api/v1/declarations/" + id)
				.header("Authorization", InterchangeIntegrationTests.TRADER)).andReturn());
			String submittedAs = JsonPath.read(declaration, "$.status");
			InterchangeIntegrationTests.rejectedByAnAgency(mvc, declaration);

			// The platform's scheduler delivers the outbox every two seconds.
			String linked = awaitEvent(received, "/json", id, "REJECTED");
			String carried = awaitEvent(received, "/edifact", id, "REJECTED");
			String carriedXml = awaitEvent(received, "/xml", id, "REJECTED");

			// The submission's own event carries the CUSRES of the status it announces: the message was submitted in
			// a chunk whose rows are written together, and the document is read once they are.
			String onSubmission = awaitEvent(received, "/edifact", id, submittedAs);
			assertThat(EdifactReadBack.read(JsonPath.<String>read(onSubmission, "$.document")
				.getBytes(StandardCharsets.UTF_8)).all("GIS")).containsExactly("GIS+ZST:::" + submittedAs);

			assertThat(JsonPath.<String>read(linked, "$.response")).isEqualTo("/api/v1/declarations/" + id + "/response");
			assertThat(linked).doesNotContain("\"document\"");
			EdifactReadBack fetched = EdifactReadBack.read(mvc.perform(get(JsonPath.<String>read(linked, "$.response"))
				.header("Authorization", InterchangeIntegrationTests.TRADER).accept(InterchangeApi.EDIFACT))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
			assertThat(fetched.errors).isEmpty();
			assertThat(fetched.all("GIS")).containsExactly("GIS+ZST:::REJECTED");

			assertThat(JsonPath.<String>read(carried, "$.format")).isEqualTo("EDIFACT");
			EdifactReadBack cusres = EdifactReadBack.read(JsonPath.<String>read(carried, "$.document")
				.getBytes(StandardCharsets.UTF_8));
			assertThat(cusres.errors).isEmpty();
			assertThat(cusres.all("GIS")).containsExactly("GIS+ZST:::REJECTED");
			assertThat(cusres.all("RFF")).contains("RFF+ZID:" + id.replace("-", ""));
			assertThat(cusres.all("RFF")).containsAll(fetched.all("RFF"));

			assertThat(JsonPath.<String>read(carriedXml, "$.format")).isEqualTo("XML");
			var wco = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
				.parse(new java.io.ByteArrayInputStream(JsonPath.<String>read(carriedXml, "$.document")
					.getBytes(StandardCharsets.UTF_8)));
			String ns = "urn:wco:datamodel:WCO:RES-DMS:2";
			assertThat(wco.getDocumentElement().getLocalName()).isEqualTo("Response");
			// 10: rejected (docs/interchange.md, Response function codes)
			assertThat(wco.getElementsByTagNameNS(ns, "FunctionCode").item(0).getTextContent()).isEqualTo("10");
			assertThat(wco.getElementsByTagNameNS(ns, "ID").item(0).getTextContent())
				.isEqualTo(JsonPath.<String>read(declaration, "$.number"));
		}
		finally {
			for (String webhook : List.of(linking, carrying, carryingXml)) {
				mvc.perform(delete("/api/v1/webhooks/{id}", webhook).header("Authorization",
						InterchangeIntegrationTests.TRADER));
			}
			server.stop(0);
		}
	}

	@Test
	void aWebhookFormatNoChannelWritesIsRefusedNamingTheFormatsThereAre() throws Exception {
		mvc.perform(post("/api/v1/webhooks").header("Authorization", InterchangeIntegrationTests.TRADER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://hooks.invalid/x12\",\"format\":\"X12\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("format"))
			.andExpect(jsonPath("$.errors[0].code").value("WEBHOOK_FORMAT_UNKNOWN"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("EDIFACT, JSON, XML")));
	}

	private String register(String url, String format) throws Exception {
		String body = format == null ? "{\"url\":\"" + url + "\"}"
				: "{\"url\":\"" + url + "\",\"format\":\"" + format + "\"}";
		String created = mvc.perform(post("/api/v1/webhooks").header("Authorization", InterchangeIntegrationTests.TRADER)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<String>read(created, "$.format")).isEqualTo(format == null ? "JSON"
				: format.toUpperCase(java.util.Locale.ROOT));
		return JsonPath.read(created, "$.id");
	}

	/** The event of the declaration reaching {@code status}, received at {@code path}. */
	private static String awaitEvent(Map<String, List<String>> received, String path, String declarationId,
			String status) throws InterruptedException {
		long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < giveUp) {
			for (String payload : received.getOrDefault(path, List.of())) {
				if (payload.contains(declarationId) && payload.contains("\"status\":\"" + status + "\"")) {
					return payload;
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no " + status + " event for " + declarationId + " at " + path + ": " + received);
	}
}
