package io.singlewindow.interchange.internal;

import static io.singlewindow.interchange.internal.CusdecFixtures.aCusdec;
import static io.singlewindow.interchange.internal.CusdecFixtures.anInterchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Declarations as UN/EDIFACT CUSDEC messages through POST /api/v1/interchanges: each message submitted like its REST
 * twin and answered with a CUSRES, syntax errors answered with CONTRL and nothing stored, the same interchange sent
 * twice stored once. Every answer is read back by StAEDI against the schemas it was written for.
 */
@SingleWindowIntegrationTest
class InterchangeIntegrationTests {

	static final String TRADER = "Bearer sw-demo-trader.chip";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCusdecGivesTheSameDeclarationAsItsRestTwinAndACusresWithItsNumberAndStatus() throws Exception {
		String run = run();
		var answer = send(anInterchange("IC" + run).with(aCusdec("1").clientReference("edi-" + run)
			.consignee("厦门芯片贸易有限公司")), status().isOk());

		EdifactReadBack read = EdifactReadBack.read(answer.getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("UCI")).containsExactly("UCI+IC" + run + "+BROKERSOFT:ZZZ+SINGLEWINDOW+7");
		assertThat(read.all("UCM")).isEmpty();
		assertThat(read.all("BGM")).singleElement().asString().startsWith("BGM+962+").endsWith("+29");
		String id = read.all("RFF").stream().filter(r -> r.startsWith("RFF+ZID:")).findFirst().orElseThrow()
			.substring(8);
		String declaration = json(mvc.perform(get("/api/v1/declarations/" + uuid(id)).header("Authorization", TRADER))
			.andExpect(status().isOk()).andReturn());
		assertThat(read.all("GIS")).containsExactly("GIS+ZST:::" + JsonPath.read(declaration, "$.status"));
		assertThat(read.all("RFF")).contains("RFF+ABT:" + JsonPath.read(declaration, "$.number"), "RFF+ACW:1");
		// Chinese text through UNOW, unharmed.
		assertThat(JsonPath.<String>read(declaration, "$.consignee")).isEqualTo("厦门芯片贸易有限公司");

		String twin = json(mvc.perform(post("/api/v1/declarations").header("Authorization", TRADER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CusdecFixtures.restTwin("twin-" + run)))
			.andExpect(status().isCreated()).andReturn());
		for (String field : CusdecFixtures.SAME_DECLARATION) {
			assertThat((Object) JsonPath.read(declaration, field)).as(field).isEqualTo(JsonPath.read(twin, field));
		}
	}

	@Test
	void aContentErrorIsAnsweredInTheCusresWithTheRestCodeSegmentAndElementAndNothingIsStored() throws Exception {
		String run = run();
		long before = declarations();

		var answer = send(anInterchange("IC" + run).with(
				aCusdec("1").clientReference("bad-" + run).replacing("CST+2+", "CST+2+84713"),
				aCusdec("2").clientReference("good-" + run)), status().isOk());

		EdifactReadBack read = EdifactReadBack.read(answer.getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("BGM")).containsExactly("BGM+962+1+27", read.all("BGM").get(1));
		assertThat(read.all("BGM").get(1)).endsWith("+29");
		// The second CST is the 21st segment of the message (UNH is the 1st): its C246 7361 holds the HS code.
		assertThat(read.all("ERC")).containsExactly("ERC+HS_CODE_FORMAT");
		assertThat(read.all("ERP")).containsExactly("ERP+1+CST:21");
		assertThat(read.all("FTX")).singleElement().asString().startsWith("FTX+AAO+++").contains("84713")
			.endsWith(":C246.7361");
		assertThat(declarations()).isEqualTo(before + 1);
	}

	@Test
	void aCancellationIsAnsweredNotAcceptedAndStoresNoSecondDeclaration() throws Exception {
		String run = run();
		send(anInterchange("IC" + run).with(aCusdec("1").clientReference("sent-" + run)), status().isOk());
		long before = declarations();

		var answer = send(anInterchange("IC" + run + "C").with(aCusdec("1").clientReference("sent-" + run).function("1")),
				status().isOk());

		EdifactReadBack read = EdifactReadBack.read(answer.getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("BGM")).containsExactly("BGM+962+1+27");
		assertThat(read.all("ERC")).containsExactly("ERC+INTERCHANGE_FUNCTION_NOT_SUPPORTED");
		assertThat(read.all("ERP")).containsExactly("ERP+1+BGM:2");
		assertThat(declarations()).isEqualTo(before);
	}

	@Test
	void aSenderMayOnlyDeclareForEnterprisesItMayActFor() throws Exception {
		String run = run();
		long before = declarations();

		var answer = send(anInterchange("IC" + run).with(aCusdec("1").clientReference("foreign-" + run)
			.declarant(io.singlewindow.enterprise.EnterpriseFixtures.demo("COFFEE").value())), status().isOk());

		EdifactReadBack read = EdifactReadBack.read(answer.getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("ERC")).containsExactly("ERC+NOT_AUTHORISED_FOR_ENTERPRISE");
		assertThat(read.all("BGM")).containsExactly("BGM+962+1+27");
		assertThat(declarations()).isEqualTo(before);
	}

	@Test
	void aMessageWithSyntaxErrorsIsNamedInTheContrlAndNothingOfItIsStoredWhileTheOthersGoOn() throws Exception {
		String run = run();
		long before = declarations();

		var answer = send(anInterchange("IC" + run).with(
				aCusdec("1").clientReference("unknown-" + run).withSegment("XYZ+1"),
				aCusdec("2").clientReference("count-" + run).counting(99),
				aCusdec("3").clientReference("d01b-" + run).directory("D:01B"),
				aCusdec("4").clientReference("ok-" + run)), status().isOk());

		EdifactReadBack read = EdifactReadBack.read(answer.getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("UCM")).containsExactly("UCM+1+CUSDEC:D:96B:UN+4", "UCM+2+CUSDEC:D:96B:UN+4",
				"UCM+3+CUSDEC:D:01B:UN+4+14+UNH+2:3");
		assertThat(read.all("UCS")).containsExactly("UCS+26+15", "UCS+28");
		assertThat(read.all("UCD")).containsExactly("UCD+29+1");
		assertThat(read.all("BGM")).singleElement().asString().endsWith("+29");
		assertThat(declarations()).isEqualTo(before + 1);
	}

	@Test
	void aNulInAMessageHeaderRefusesThatMessageAndTheInterchangeIsStillAnsweredAndKept() throws Exception {
		String run = run();
		long before = declarations();
		// PostgreSQL keeps no NUL in text: what is kept of the refused message must do without it.
		String text = anInterchange("IC" + run).with(aCusdec("1").clientReference("nul-" + run),
				aCusdec("2").clientReference("ok-" + run)).text().replace("UNH+1+", "UNH+1\u0000+");

		byte[] answer = mvc.perform(post("/api/v1/interchanges").header("Authorization", TRADER)
			.contentType(InterchangeApi.EDIFACT).content(text.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

		EdifactReadBack read = EdifactReadBack.read(answer);
		assertThat(read.errors).isEmpty();
		assertThat(read.all("UCM")).singleElement().asString().startsWith("UCM+1_+CUSDEC:D:96B:UN+4");
		assertThat(read.all("BGM")).singleElement().asString().endsWith("+29");
		assertThat(declarations()).isEqualTo(before + 1);
		byte[] again = mvc.perform(post("/api/v1/interchanges").header("Authorization", TRADER)
			.contentType(InterchangeApi.EDIFACT).content(text.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(again).as("kept, and answered again as before").isEqualTo(answer);
	}

	@Test
	void theSameInterchangeSentAgainIsAnsweredAsBeforeAndOtherContentUnderItsReferenceIsRefused() throws Exception {
		String run = run();
		var interchange = anInterchange("IC" + run).with(aCusdec("1").clientReference("again-" + run));
		byte[] first = send(interchange, status().isOk()).getResponse().getContentAsByteArray();
		long before = declarations();

		byte[] again = send(interchange, status().isOk()).getResponse().getContentAsByteArray();
		assertThat(again).isEqualTo(first);
		assertThat(declarations()).isEqualTo(before);

		var other = anInterchange("IC" + run).with(aCusdec("1").clientReference("other-" + run));
		EdifactReadBack refused = EdifactReadBack.read(send(other, status().isConflict()).getResponse()
			.getContentAsByteArray());
		assertThat(refused.errors).isEmpty();
		assertThat(refused.all("UCI")).containsExactly("UCI+IC" + run + "+BROKERSOFT:ZZZ+SINGLEWINDOW+4+26+UNB+5");
		assertThat(declarations()).isEqualTo(before);
	}

	@Test
	void syntaxThreeAndLatinOneWithoutUnaOnOneLineAreRead() throws Exception {
		String run = run();
		var interchange = anInterchange("IC" + run).syntax("UNOC:3").withoutUna().onOneLine()
			.with(aCusdec("1").clientReference("latin-" + run).consignee("Café Xiamen"));

		var answer = mvc.perform(post("/api/v1/interchanges").header("Authorization", TRADER)
			.contentType(InterchangeApi.EDIFACT).content(interchange.text().getBytes(StandardCharsets.ISO_8859_1)))
			.andExpect(status().isOk()).andReturn();

		EdifactReadBack read = EdifactReadBack.read(answer.getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("BGM")).singleElement().asString().endsWith("+29");
		String id = read.all("RFF").stream().filter(r -> r.startsWith("RFF+ZID:")).findFirst().orElseThrow()
			.substring(8);
		String declaration = json(mvc.perform(get("/api/v1/declarations/" + uuid(id)).header("Authorization", TRADER))
			.andReturn());
		assertThat(JsonPath.<String>read(declaration, "$.consignee")).isEqualTo("Café Xiamen");
	}

	@Test
	void aLargeInterchangeIsAcceptedAsABatchAndItsAnswersAreReadAtItsAddress() throws Exception {
		String run = run();
		var interchange = anInterchange("IC" + run);
		for (int i = 1; i <= Interchanges.SYNCHRONOUS_UP_TO + 1; i++) {
			interchange.with(aCusdec(String.valueOf(i)).clientReference("large-" + run + "-" + i));
		}

		var accepted = send(interchange, status().isAccepted());
		String location = accepted.getResponse().getHeader("Location");
		assertThat(EdifactReadBack.read(accepted.getResponse().getContentAsByteArray()).all("UCI"))
			.containsExactly("UCI+IC" + run + "+BROKERSOFT:ZZZ+SINGLEWINDOW+8");

		EdifactReadBack read = null;
		for (int attempt = 0; attempt < 120; attempt++) {
			var poll = mvc.perform(get(location).header("Authorization", TRADER)).andExpect(status().isOk())
				.andReturn();
			read = EdifactReadBack.read(poll.getResponse().getContentAsByteArray());
			if (poll.getResponse().getHeader("Retry-After") == null) {
				break;
			}
			Thread.sleep(500);
		}
		assertThat(read.errors).isEmpty();
		assertThat(read.all("UCI")).singleElement().asString().endsWith("+7");
		assertThat(read.all("BGM")).hasSize(Interchanges.SYNCHRONOUS_UP_TO + 1).allMatch(b -> b.endsWith("+29"));
	}

	@Test
	void theResponseAsCusresFollowsTheDeclarationsLaterStatus() throws Exception {
		String run = run();
		var answer = send(anInterchange("IC" + run).with(aCusdec("1").clientReference("later-" + run)),
				status().isOk());
		String id = EdifactReadBack.read(answer.getResponse().getContentAsByteArray()).all("RFF").stream()
			.filter(r -> r.startsWith("RFF+ZID:")).findFirst().orElseThrow().substring(8);
		EdifactReadBack before = cusres(uuid(id));
		assertThat(before.errors).isEmpty();
		assertThat(before.all("GIS")).containsExactly("GIS+ZST:::UNDER_REVIEW");

		String declaration = json(mvc.perform(get("/api/v1/declarations/" + uuid(id)).header("Authorization", TRADER))
			.andReturn());
		rejectedByAnAgency(mvc, declaration);

		EdifactReadBack after = cusres(uuid(id));
		assertThat(after.errors).isEmpty();
		assertThat(after.all("GIS")).containsExactly("GIS+ZST:::REJECTED");
		assertThat(after.all("RFF")).doesNotContainAnyElementsOf(before.all("RFF").stream()
			.filter(r -> r.startsWith("RFF+ZVN")).toList());
		// Asked for JSON (or for anything), the same path still answers the JSON download.
		mvc.perform(get("/api/v1/declarations/" + uuid(id) + "/response").header("Authorization", TRADER))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
	}

	/** An officer of the agency of the declaration's first pending task rejects it. */
	static void rejectedByAnAgency(MockMvc mvc, String declaration) throws Exception {
		String task = JsonPath.<List<String>>read(declaration, "$.tasks[?(@.status == 'PENDING')].id").getFirst();
		String agency = JsonPath.<List<String>>read(declaration, "$.tasks[?(@.status == 'PENDING')].agency")
			.getFirst();
		mvc.perform(post("/api/v1/tasks/" + task + "/decision")
			.header("Authorization", "Bearer sw-demo-officer." + agency.toLowerCase())
			.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECT\",\"reason\":\"not today\"}"))
			.andExpect(status().isOk());
	}

	private EdifactReadBack cusres(UUID id) throws Exception {
		return EdifactReadBack.read(mvc.perform(get("/api/v1/declarations/" + id + "/response")
			.header("Authorization", TRADER).accept(InterchangeApi.EDIFACT))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
	}

	private MvcResult send(CusdecFixtures.Interchange interchange, ResultMatcher expected) throws Exception {
		return mvc.perform(post("/api/v1/interchanges").header("Authorization", TRADER)
			.contentType(InterchangeApi.EDIFACT).content(interchange.text().getBytes(StandardCharsets.UTF_8)))
			.andExpect(expected).andReturn();
	}

	static String run() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	static UUID uuid(String hex) {
		return UUID.fromString(hex.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5"));
	}

	private long declarations() {
		return jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single();
	}

	static String json(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
