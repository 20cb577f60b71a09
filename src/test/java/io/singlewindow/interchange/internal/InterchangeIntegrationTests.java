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
import io.singlewindow.core.InputLimits;

/**
 * Declarations as UN/EDIFACT CUSDEC messages through POST /api/v1/interchanges: each message submitted like its REST
 * twin and answered with a CUSRES, syntax errors answered with CONTRL and nothing stored, the same interchange sent
 * twice stored once. Every answer is read back by StAEDI against the schemas it was written for.
 */
@SingleWindowIntegrationTest
class InterchangeIntegrationTests {

	static final String TRADER = "Bearer sw-demo-trader.chip";
	static final String CUSTOMS = "Bearer sw-demo-officer.customs";

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

	/**
	 * Before 2026-12-03 a CUSDEC cancellation (BGM 1225 = 1) was refused, so EDI software had to leave EDIFACT to
	 * withdraw a declaration it had sent; before 2026-12-02 it was stored as a second declaration of the same goods.
	 */
	@Test
	void aCancellationOfADeclarationTheAgenciesStillDecideWithdrawsItAndStoresNoSecondDeclaration() throws Exception {
		String run = run();
		String declaration = submitted("sent-" + run);
		String id = JsonPath.read(declaration, "$.id");
		String number = JsonPath.read(declaration, "$.number");
		assertThat(JsonPath.<String>read(declaration, "$.status")).isEqualTo("UNDER_REVIEW");
		long before = declarations();

		// The original sent again with its function changed, as EDI software does, naming the number it was given.
		EdifactReadBack read = EdifactReadBack.read(send(anInterchange("IC" + run + "C").with(
				aCusdec("1").clientReference("sent-" + run).cancelling(number, "Sent twice by our software")),
				status().isOk()).getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("BGM")).containsExactly("BGM+962+" + number + "+29");
		assertThat(read.all("GIS")).containsExactly("GIS+ZST:::WITHDRAWN", "GIS+ZRQ:::WITHDRAWN");
		assertThat(read.all("RFF")).contains("RFF+ABT:" + number, "RFF+ACW:1", "RFF+ZID:" + id.replace("-", ""));
		String withdrawn = declaration(id);
		assertThat(JsonPath.<String>read(withdrawn, "$.status")).isEqualTo("WITHDRAWN");
		assertThat(JsonPath.<List<String>>read(withdrawn, "$.timeline[?(@.event == 'WITHDRAWN')].reason"))
			.containsExactly("Sent twice by our software");
		assertThat(declarations()).isEqualTo(before);

		// Sent again in another interchange (no answer reached the sender): the same answer, nothing done twice.
		EdifactReadBack again = EdifactReadBack.read(send(anInterchange("IC" + run + "D").with(
				aCusdec("1").cancelling(number, "Sent twice by our software")), status().isOk()).getResponse()
			.getContentAsByteArray());
		assertThat(again.all("GIS")).containsExactly("GIS+ZST:::WITHDRAWN", "GIS+ZRQ:::WITHDRAWN");
		assertThat(again.all("RFF")).filteredOn(r -> r.startsWith("RFF+ZVN")).isEqualTo(
				read.all("RFF").stream().filter(r -> r.startsWith("RFF+ZVN")).toList());
		assertThat(JsonPath.<List<String>>read(declaration(id), "$.timeline[?(@.event == 'WITHDRAWN')]")).hasSize(1);
	}

	@Test
	void aCancellationOfAClearedDeclarationIsTheDeclarantsApplicationThatCustomsDecides() throws Exception {
		String run = run();
		Cleared cleared = cleared("cleared-" + run);
		String id = cleared.id();
		String number = cleared.number();
		int version = cleared.version();

		EdifactReadBack read = EdifactReadBack.read(send(anInterchange("IC" + run + "C").with(
				aCusdec("7").cancelling(number, "Goods returned unshipped")), status().isOk()).getResponse()
			.getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("GIS")).containsExactly("GIS+ZST:::CLEARED", "GIS+ZRQ:::CANCEL_APPLIED");
		assertThat(read.all("RFF")).contains("RFF+ACW:7", "RFF+ZVN:" + version);
		String applied = declaration(id);
		assertThat(JsonPath.<String>read(applied, "$.status")).isEqualTo("CLEARED");
		assertThat(JsonPath.<String>read(applied, "$.cancellationApplication.reason"))
			.isEqualTo("Goods returned unshipped");

		// Sent again: acknowledged again. Another reason while the application waits: refused at RFF, nothing changed.
		assertThat(EdifactReadBack.read(send(anInterchange("IC" + run + "D").with(
				aCusdec("7").cancelling(number, "Goods returned unshipped")), status().isOk()).getResponse()
			.getContentAsByteArray()).all("GIS")).contains("GIS+ZRQ:::CANCEL_APPLIED");
		EdifactReadBack other = EdifactReadBack.read(send(anInterchange("IC" + run + "E").with(
				aCusdec("8").cancelling(number, "Price was wrong")), status().isOk()).getResponse()
			.getContentAsByteArray());
		assertThat(other.all("BGM")).containsExactly("BGM+962+8+27");
		assertThat(other.all("ERC")).containsExactly("ERC+CANCELLATION_ALREADY_APPLIED");
		assertThat(other.all("ERP")).singleElement().asString().startsWith("ERP+1+RFF:");
		assertThat(JsonPath.<List<String>>read(declaration(id),
				"$.timeline[?(@.event == 'CANCELLATION_APPLIED')].reason")).containsExactly("Goods returned unshipped");
	}

	@Test
	void aCancellationThatCannotBeTakenIsRefusedAtItsSegmentAndChangesNothing() throws Exception {
		String run = run();
		String id = JsonPath.read(submitted("kept-" + run), "$.id");
		String number = JsonPath.read(declaration(id), "$.number");

		assertRequestRefused(aCusdec("1").cancelling(null, "Sent twice"), "DECLARATION_NUMBER_REQUIRED",
				"ERP+1+BGM:2");
		assertRequestRefused(aCusdec("1").cancelling("XM" + run, "Sent twice"), "DECLARATION_NOT_FOUND",
				"ERP+1+RFF:");
		assertRequestRefused(aCusdec("1").cancelling("' OR 1=1 --", "Sent twice"), "DECLARATION_NOT_FOUND",
				"ERP+1+RFF:");
		assertRequestRefused(aCusdec("1").cancelling(number, null), "REASON_REQUIRED", "ERP+1+BGM:2");
		// Five parts of C108, each within 4440's 512 characters, joined longer than a reason may be.
		String parts = String.join(":", java.util.Collections.nCopies(5, "x".repeat(InputLimits.REASON / 5)));
		assertRequestRefused(aCusdec("1").withHeader("FTX+ACD+++" + parts).cancelling(number, null), "SIZE",
				"ERP+1+FTX:");
		assertRequestRefused(aCusdec("1").cancelling(number, "Sent twice").withHeader("RFF+ABT:" + number),
				"INTERCHANGE_VALUE_REPEATED", "ERP+1+RFF:");
		assertRequestRefused(aCusdec("1").function("4"), "INTERCHANGE_FUNCTION_NOT_SUPPORTED", "ERP+1+BGM:2");
		EdifactReadBack foreign = EdifactReadBack.read(mvc.perform(post("/api/v1/interchanges")
			.header("Authorization", "Bearer sw-demo-trader.coffee").contentType(InterchangeApi.EDIFACT)
			.content(anInterchange("IC" + run + "F").with(aCusdec("1").cancelling(number, "Not yours")).text()
				.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(foreign.all("ERC")).containsExactly("ERC+NOT_AUTHORISED_FOR_ENTERPRISE");
		assertThat(JsonPath.<String>read(declaration(id), "$.status")).isEqualTo("UNDER_REVIEW");

		rejectedByAnAgency(mvc, declaration(id));
		assertRequestRefused(aCusdec("1").cancelling(number, "Sent twice"), "DECLARATION_NOT_CANCELLABLE",
				"ERP+1+RFF:");
		assertThat(JsonPath.<String>read(declaration(id), "$.status")).isEqualTo("REJECTED");
	}

	/**
	 * Before 2026-12-03 a replacement (BGM 1225 = 5) was refused: to correct a declaration under review (an agency's
	 * question asking for it), EDI software had to leave EDIFACT for the REST API's PUT.
	 */
	@Test
	void aReplacementAmendsADeclarationTheAgenciesStillDecide() throws Exception {
		String run = run();
		String declaration = submitted("amend-" + run);
		String id = JsonPath.read(declaration, "$.id");
		String number = JsonPath.read(declaration, "$.number");
		int version = JsonPath.read(declaration, "$.version");
		long before = declarations();

		EdifactReadBack read = EdifactReadBack.read(send(anInterchange("IC" + run + "R").with(
				aCusdec("1").clientReference("amend-" + run).consignee("Xiamen Chip Trading Co").function("5")
					.withHeader("RFF+ABT:" + number).withHeader("RFF+ZVN:" + version)),
				status().isOk()).getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("BGM")).containsExactly("BGM+962+" + number + "+29");
		assertThat(read.all("GIS")).contains("GIS+ZRQ:::AMENDED");
		String amended = declaration(id);
		assertThat(JsonPath.<String>read(amended, "$.consignee")).isEqualTo("Xiamen Chip Trading Co");
		assertThat(JsonPath.<Integer>read(amended, "$.version")).isGreaterThan(version);
		assertThat(read.all("RFF")).contains("RFF+ZVN:" + JsonPath.read(amended, "$.version"));
		assertThat(JsonPath.<List<String>>read(amended, "$.timeline[?(@.event == 'AMENDED')].actor"))
			.containsExactly("trader.chip");
		assertThat(declarations()).isEqualTo(before);

		// Sent again in a new interchange (its software got no answer): answered as the first time, no new version.
		EdifactReadBack again = EdifactReadBack.read(send(anInterchange("IC" + run + "S").with(
				aCusdec("1").consignee("Xiamen Chip Trading Co").function("5").withHeader("RFF+ABT:" + number)
					.withHeader("RFF+ZVN:" + version)),
				status().isOk()).getResponse().getContentAsByteArray());
		assertThat(again.all("GIS")).isEqualTo(read.all("GIS"));
		assertThat(again.all("RFF")).contains("RFF+ZVN:" + JsonPath.read(amended, "$.version"));
		assertThat(JsonPath.<Integer>read(declaration(id), "$.version")).isEqualTo(JsonPath.read(amended, "$.version"));
		assertThat(JsonPath.<List<String>>read(declaration(id), "$.timeline[?(@.event == 'AMENDED')].actor"))
			.containsExactly("trader.chip");

		// The version it read is no longer the declaration's: refused at RFF+ABT, nothing changed.
		assertRequestRefused(aCusdec("1").consignee("Someone else").function("5").withHeader("RFF+ABT:" + number)
			.withHeader("RFF+ZVN:" + version), "DECLARATION_CHANGED", "ERP+1+RFF:");
		assertRequestRefused(aCusdec("1").function("5").withHeader("RFF+ABT:" + number)
			.replacing("CST+2+", "CST+2+84713"), "HS_CODE_FORMAT", "ERP+1+CST:");
		assertRequestRefused(aCusdec("1").function("5"), "DECLARATION_NUMBER_REQUIRED", "ERP+1+BGM:2");
		assertRequestRefused(aCusdec("1").function("5").withHeader("RFF+ABT:" + number).withHeader("RFF+ZVN:x1"),
				"INTEGER_REQUIRED", "ERP+1+RFF:");
		assertRequestRefused(aCusdec("1").function("5").withHeader("RFF+ABT:XM" + run), "DECLARATION_NOT_FOUND",
				"ERP+1+RFF:");
		assertThat(JsonPath.<String>read(declaration(id), "$.consignee")).isEqualTo("Xiamen Chip Trading Co");

		// Cleared, a replacement that changes more than the lines' values is refused where it differs (the consignee).
		clearedByEveryAgency(mvc, declaration(id));
		assertRequestRefused(aCusdec("1").function("5").withHeader("FTX+ACD+++Credit note")
			.withHeader("RFF+ABT:" + number), "CHANGED_AFTER_CLEARANCE", "ERP+1+NAD:");
	}

	/**
	 * Before 2026-12-04 a replacement of a cleared declaration was refused DECLARATION_NOT_AMENDABLE, so EDI software
	 * had to leave EDIFACT to apply for a correction of its values (报关单修改申请) through the REST API.
	 */
	@Test
	void aReplacementOfAClearedDeclarationChangingOnlyValuesIsAnApplicationForTheirCorrection() throws Exception {
		String run = run();
		Cleared cleared = cleared("correct-" + run);
		long before = declarations();

		// The declaration sent again as it was cleared, line 2's value lowered by the seller's credit note.
		var credited = aCusdec("1").function("5").withHeader("FTX+ACD+++Seller?'s credit note CN-7")
			.withHeader("RFF+ABT:" + cleared.number()).withHeader("RFF+ZVN:" + cleared.version());
		credited.goods.set(credited.goods.lastIndexOf("MOA+38:4000"), "MOA+38:3650.50");
		EdifactReadBack read = EdifactReadBack.read(send(anInterchange("IC" + run + "A").with(credited),
				status().isOk()).getResponse().getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("BGM")).containsExactly("BGM+962+" + cleared.number() + "+29");
		assertThat(read.all("GIS")).containsExactly("GIS+ZST:::CLEARED", "GIS+ZRQ:::CORRECT_APPLIED");
		assertThat(read.all("RFF")).contains("RFF+ZVN:" + cleared.version());
		String applied = declaration(cleared.id());
		assertThat(JsonPath.<String>read(applied, "$.status")).isEqualTo("CLEARED");
		assertThat(JsonPath.<Integer>read(applied, "$.version")).isEqualTo(cleared.version());
		assertThat(JsonPath.<String>read(applied, "$.correctionApplication.reason"))
			.isEqualTo("Seller's credit note CN-7");
		assertThat(JsonPath.<List<Integer>>read(applied, "$.correctionApplication.lines[*].lineNo"))
			.containsExactly(2);
		assertThat(JsonPath.<List<Number>>read(applied, "$.correctionApplication.lines[*].value"))
			.singleElement().satisfies(v -> assertThat(new java.math.BigDecimal(v.toString()))
				.isEqualByComparingTo("3650.50"));
		assertThat(JsonPath.<List<String>>read(applied, "$.timeline[?(@.event == 'CORRECTION_APPLIED')].actor"))
			.containsExactly("trader.chip");
		assertThat(declarations()).isEqualTo(before);

		// Sent again in a new interchange (its software got no answer): the same answer, applied once.
		var again = aCusdec("1").function("5").withHeader("FTX+ACD+++Seller?'s credit note CN-7")
			.withHeader("RFF+ABT:" + cleared.number());
		again.goods.set(again.goods.lastIndexOf("MOA+38:4000"), "MOA+38:3650.5");
		assertThat(EdifactReadBack.read(send(anInterchange("IC" + run + "B").with(again), status().isOk())
			.getResponse().getContentAsByteArray()).all("GIS")).containsExactly("GIS+ZST:::CLEARED",
					"GIS+ZRQ:::CORRECT_APPLIED");
		assertThat(JsonPath.<List<String>>read(declaration(cleared.id()),
				"$.timeline[?(@.event == 'CORRECTION_APPLIED')].actor")).containsExactly("trader.chip");

		// Another application while it waits, one without a reason, one of a quantity or of nothing: refused.
		var other = aCusdec("1").function("5").withHeader("FTX+ACD+++Price")
			.withHeader("RFF+ABT:" + cleared.number())
			.replacing("MOA+38:4000", "MOA+38:3900");
		assertRequestRefused(other, "CORRECTION_ALREADY_APPLIED", "ERP+1+RFF:");
		assertRequestRefused(aCusdec("1").function("5").withHeader("RFF+ABT:" + cleared.number())
			.replacing("MOA+38:4000", "MOA+38:3900"), "REASON_REQUIRED", "ERP+1+BGM:");
		assertRequestRefused(aCusdec("1").function("5").withHeader("FTX+ACD+++Counted again")
			.withHeader("RFF+ABT:" + cleared.number()).replacing("QTY+47:200:C62", "QTY+47:190:C62"),
				"CHANGED_AFTER_CLEARANCE", "ERP+1+QTY:");
		assertRequestRefused(aCusdec("1").function("5").withHeader("FTX+ACD+++Price")
			.withHeader("RFF+ABT:" + cleared.number())
			.withHeader("RFF+ZVN:0").replacing("MOA+38:4000", "MOA+38:3900"), "DECLARATION_CHANGED",
				"ERP+1+RFF:");

		// Customs corrects as applied (through its pages or system); the same replacement again corrects nothing.
		mvc.perform(post("/api/v1/declarations/" + cleared.id() + "/correction").header("Authorization", CUSTOMS)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Credit note seen\",\"lines\":[{\"lineNo\":2,\"value\":3650.50}]}"))
			.andExpect(status().isOk());
		assertRequestRefused(again, "NOTHING_CORRECTED", "ERP+1");
		assertThat(JsonPath.<String>read(declaration(cleared.id()), "$.status")).isEqualTo("CLEARED");
	}

	@Test
	void replacementsBeyondWhatIsAnsweredAtOnceAreRefusedAndChangeNothing() throws Exception {
		String run = run();
		String declaration = submitted("many-" + run);
		String number = JsonPath.read(declaration, "$.number");
		var interchange = anInterchange("IC" + run + "M");
		for (int i = 1; i <= Interchanges.SYNCHRONOUS_UP_TO + 1; i++) {
			interchange.with(aCusdec(String.valueOf(i)).function("5").withHeader("RFF+ABT:" + number));
		}

		EdifactReadBack read = EdifactReadBack.read(send(interchange, status().isOk()).getResponse()
			.getContentAsByteArray());
		assertThat(read.errors).isEmpty();
		assertThat(read.all("ERC")).hasSize(Interchanges.SYNCHRONOUS_UP_TO + 1)
			.containsOnly("ERC+INTERCHANGE_REPLACEMENTS_TOO_MANY");
		assertThat(JsonPath.<List<String>>read(declaration(JsonPath.read(declaration, "$.id")),
				"$.timeline[?(@.event == 'AMENDED')]")).isEmpty();
	}

	private void assertRequestRefused(CusdecFixtures.Message cancellation, String code, String at)
			throws Exception {
		long before = declarations();
		EdifactReadBack read = EdifactReadBack.read(send(anInterchange("IC" + run()).with(cancellation),
				status().isOk()).getResponse().getContentAsByteArray());
		assertThat(read.errors).as(code).isEmpty();
		assertThat(read.all("UCM")).as(code).isEmpty();
		assertThat(read.all("BGM")).as(code).containsExactly("BGM+962+1+27");
		assertThat(read.all("GIS")).as(code).containsExactly("GIS+ZST:::REFUSED");
		assertThat(read.all("ERC")).as(code).containsExactly("ERC+" + code);
		assertThat(read.all("ERP")).as(code).singleElement().asString().startsWith(at);
		assertThat(declarations()).as(code).isEqualTo(before);
	}

	/** A declaration submitted as a CUSDEC under {@code reference} and cleared by every agency it was routed to. */
	private Cleared cleared(String reference) throws Exception {
		String id = JsonPath.read(submitted(reference), "$.id");
		clearedByEveryAgency(mvc, declaration(id));
		String cleared = declaration(id);
		return new Cleared(id, JsonPath.read(cleared, "$.number"), JsonPath.read(cleared, "$.version"));
	}

	private record Cleared(String id, String number, int version) {
	}

	/** A declaration submitted as a CUSDEC under {@code reference}, as the API shows it. */
	private String submitted(String reference) throws Exception {
		EdifactReadBack read = EdifactReadBack.read(send(anInterchange("IC" + run()).with(
				aCusdec("1").clientReference(reference)), status().isOk()).getResponse().getContentAsByteArray());
		String id = read.all("RFF").stream().filter(r -> r.startsWith("RFF+ZID:")).findFirst().orElseThrow()
			.substring(8);
		return declaration(uuid(id).toString());
	}

	private String declaration(String id) throws Exception {
		return json(mvc.perform(get("/api/v1/declarations/" + id).header("Authorization", TRADER))
			.andExpect(status().isOk()).andReturn());
	}

	/** Every agency's officer approves the declaration's pending tasks: it is cleared. */
	static void clearedByEveryAgency(MockMvc mvc, String declaration) throws Exception {
		List<String> tasks = JsonPath.read(declaration, "$.tasks[?(@.status == 'PENDING')].id");
		List<String> agencies = JsonPath.read(declaration, "$.tasks[?(@.status == 'PENDING')].agency");
		for (int i = 0; i < tasks.size(); i++) {
			mvc.perform(post("/api/v1/tasks/" + tasks.get(i) + "/decision")
				.header("Authorization", "Bearer sw-demo-officer." + agencies.get(i).toLowerCase())
				.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
				.andExpect(status().isOk());
		}
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

	/**
	 * Until 2026-12-03 a declaration was keyed by its interchange and message reference, so EDI software that got no
	 * answer and sent the declaration again under a new control reference stored it twice, and the trader's document
	 * number (BGM 1004) was read and lost.
	 */
	@Test
	void aDeclarationSentAgainInANewInterchangeIsAnsweredWithTheFirstUnderItsDocumentNumber() throws Exception {
		String run = run();
		var message = aCusdec("1").clientReference("DOC/" + run);
		EdifactReadBack first = EdifactReadBack.read(send(anInterchange("IC" + run).with(message), status().isOk())
			.getResponse().getContentAsByteArray());
		String id = first.all("RFF").stream().filter(r -> r.startsWith("RFF+ZID:")).findFirst().orElseThrow()
			.substring(8);
		long before = declarations();

		EdifactReadBack again = EdifactReadBack.read(send(anInterchange("ID" + run).with(message), status().isOk())
			.getResponse().getContentAsByteArray());
		assertThat(again.errors).isEmpty();
		assertThat(again.all("RFF")).contains("RFF+ZID:" + id);
		assertThat(again.all("BGM")).isEqualTo(first.all("BGM"));
		// The sender's software tells the answer to a repeat from a first acceptance: nothing new was declared.
		assertThat(first.all("GIS")).doesNotContain("GIS+ZRQ:::DECLARED_BEFORE");
		assertThat(again.all("GIS")).containsExactly(first.all("GIS").getFirst(), "GIS+ZRQ:::DECLARED_BEFORE");
		assertThat(declarations()).isEqualTo(before);
		String declaration = declaration(uuid(id).toString());
		assertThat(JsonPath.<String>read(declaration, "$.clientReference")).isEqualTo("DOC/" + run);

		// The same document number for other goods is another declaration under a number already used: refused at it.
		EdifactReadBack other = EdifactReadBack.read(send(anInterchange("IE" + run).with(aCusdec("1")
			.clientReference("DOC/" + run).consignee("Another consignee")), status().isOk()).getResponse()
			.getContentAsByteArray());
		assertThat(other.errors).isEmpty();
		assertThat(other.all("BGM")).containsExactly("BGM+962+1+27");
		assertThat(other.all("ERC")).containsExactly("ERC+IDEMPOTENCY_KEY_REUSED");
		assertThat(other.all("ERP")).singleElement().asString().startsWith("ERP+1+BGM:2");
		assertThat(declarations()).isEqualTo(before);
	}

	/** A document number is a key now, stored and looked up: what no person types is refused at it, not a 500. */
	@Test
	void aHostileDocumentNumberIsRefusedAtItOrKeptAsTextAndNeverFailsTheInterchange() throws Exception {
		String run = run();
		for (String number : List.of("PO\u0000" + run, "PO\u0007" + run, "PO\u009B" + run, "PO\u202E" + run)) {
			long before = declarations();
			EdifactReadBack read = EdifactReadBack.read(send(anInterchange("IC" + run())
				.with(aCusdec("1").clientReference(number)), status().isOk()).getResponse().getContentAsByteArray());
			assertThat(read.errors).as(number).isEmpty();
			assertThat(declarations()).as(number).isEqualTo(before);
			// Refused at BGM: for its content (CUSRES), or by the repertoire's check (CONTRL).
			assertThat(read.all("ERP").isEmpty() ? read.all("UCS") : read.all("ERP")).as(number).isNotEmpty()
				.allMatch(at -> at.equals("ERP+1+BGM:2") || at.startsWith("UCS+2"));
		}
		for (String number : List.of("'; DROP TABLE d; --" + run, "订单" + run, "x".repeat(27) + run)) {
			String escaped = number.replace("?", "??").replace("+", "?+").replace(":", "?:").replace("'", "?'");
			EdifactReadBack read = EdifactReadBack.read(send(anInterchange("IC" + run())
				.with(aCusdec("1").clientReference(escaped)), status().isOk()).getResponse().getContentAsByteArray());
			assertThat(read.all("BGM")).as(number).singleElement().asString().endsWith("+29");
			String id = read.all("RFF").stream().filter(r -> r.startsWith("RFF+ZID:")).findFirst().orElseThrow()
				.substring(8);
			assertThat(JsonPath.<String>read(declaration(uuid(id).toString()), "$.clientReference")).isEqualTo(number);
		}
	}

	/** A message without a document number is keyed by where it came: its sender, interchange and message. */
	@Test
	void aDeclarationWithoutDocumentNumberIsKeyedByItsInterchangeAndMessage() throws Exception {
		String run = run();
		var message = aCusdec("7").withoutDocumentNumber();
		String id = EdifactReadBack.read(send(anInterchange("IC" + run).with(message), status().isOk()).getResponse()
			.getContentAsByteArray()).all("RFF").stream().filter(r -> r.startsWith("RFF+ZID:")).findFirst()
			.orElseThrow().substring(8);
		assertThat(JsonPath.<String>read(declaration(uuid(id).toString()), "$.clientReference"))
			.isEqualTo("edifact:BROKERSOFT:IC" + run + "/7");
		long before = declarations();

		send(anInterchange("ID" + run).with(message), status().isOk());
		assertThat(declarations()).as("nothing says it is the same declaration").isEqualTo(before + 1);
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
		String earlier = JsonPath.read(submitted("earlier-" + run), "$.number");
		var interchange = anInterchange("IC" + run);
		for (int i = 1; i <= Interchanges.SYNCHRONOUS_UP_TO + 1; i++) {
			interchange.with(aCusdec(String.valueOf(i)).clientReference("large-" + run + "-" + i));
		}
		// A cancellation among them names a declaration sent before: done at once, answered at once and with every poll.
		interchange.with(aCusdec("X").cancelling(earlier, "Replaced by this batch"));

		var accepted = send(interchange, status().isAccepted());
		String location = accepted.getResponse().getHeader("Location");
		EdifactReadBack received = EdifactReadBack.read(accepted.getResponse().getContentAsByteArray());
		assertThat(received.errors).isEmpty();
		assertThat(received.all("UCI")).containsExactly("UCI+IC" + run + "+BROKERSOFT:ZZZ+SINGLEWINDOW+8");
		assertThat(received.all("GIS")).containsExactly("GIS+ZST:::WITHDRAWN", "GIS+ZRQ:::WITHDRAWN");

		EdifactReadBack read = finalAnswer(location);
		assertThat(read.errors).isEmpty();
		assertThat(read.all("UCI")).singleElement().asString().endsWith("+7");
		assertThat(read.all("BGM")).hasSize(Interchanges.SYNCHRONOUS_UP_TO + 2).allMatch(b -> b.endsWith("+29"));
		assertThat(read.all("GIS")).containsOnlyOnce("GIS+ZRQ:::WITHDRAWN");
		assertThat(read.all("RFF")).contains("RFF+ACW:X");
	}

	/**
	 * A batch's declarations are keyed by their document numbers as the ones answered at once are: one sent before (the
	 * software resends what it got no answer for with new ones) is answered with the declaration stored then.
	 */
	@Test
	void aLargeInterchangesDeclarationsAreKeyedByTheirDocumentNumbers() throws Exception {
		String run = run();
		var sentBefore = aCusdec("1").clientReference("batch-" + run + "-1");
		String earlier = EdifactReadBack.read(send(anInterchange("IC" + run).with(sentBefore), status().isOk())
			.getResponse().getContentAsByteArray()).all("RFF").stream().filter(r -> r.startsWith("RFF+ZID:"))
			.findFirst().orElseThrow().substring(8);
		long before = declarations();
		var interchange = anInterchange("ID" + run).with(sentBefore);
		for (int i = 2; i <= Interchanges.SYNCHRONOUS_UP_TO + 1; i++) {
			interchange.with(aCusdec(String.valueOf(i)).clientReference("batch-" + run + "-" + i));
		}

		String location = send(interchange, status().isAccepted()).getResponse().getHeader("Location");
		EdifactReadBack read = finalAnswer(location);
		assertThat(read.errors).isEmpty();
		assertThat(read.all("BGM")).hasSize(Interchanges.SYNCHRONOUS_UP_TO + 1).allMatch(b -> b.endsWith("+29"));
		assertThat(read.all("RFF")).containsOnlyOnce("RFF+ZID:" + earlier);
		assertThat(declarations()).isEqualTo(before + Interchanges.SYNCHRONOUS_UP_TO);
		assertThat(jdbc.sql("SELECT count(*) FROM declaration WHERE client_reference LIKE ?")
			.param("batch-" + run + "-%").query(Long.class).single()).isEqualTo(Interchanges.SYNCHRONOUS_UP_TO + 1);
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

	/** The answer of a large interchange at its address once the batch job has answered every message. */
	private EdifactReadBack finalAnswer(String location) throws Exception {
		EdifactReadBack read = null;
		for (int attempt = 0; attempt < 120; attempt++) {
			var poll = mvc.perform(get(location).header("Authorization", TRADER)).andExpect(status().isOk())
				.andReturn();
			read = EdifactReadBack.read(poll.getResponse().getContentAsByteArray());
			if (poll.getResponse().getHeader("Retry-After") == null) {
				return read;
			}
			Thread.sleep(500);
		}
		return read;
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
