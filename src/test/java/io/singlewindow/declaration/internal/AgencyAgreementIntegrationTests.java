package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.AtOneInstant;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.platform.BusinessTime;
import jakarta.servlet.http.Cookie;

/**
 * Electronic agency agreements (电子代理报关委托协议): the demo broker proposes one per declaration to the chip maker,
 * which authorises its brokerage; the chip maker's trader confirms or declines it; the broker's next declaration for the
 * chip maker in that direction takes a confirmed one that serves it, and from the day the zone's administrators set, a
 * broker's declaration for a principal without one is refused with nothing stored.
 */
@SingleWindowIntegrationTest
class AgencyAgreementIntegrationTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessTime time;

	@BeforeEach
	void noAgreementIsLeftToTake() {
		// Another test's confirmed agreement would serve this test's declarations first.
		jdbc.sql("""
				DELETE FROM agency_agreement_given_back g USING agency_agreement a
				WHERE a.number = g.number AND a.declaration_id IS NULL""").update();
		jdbc.sql("DELETE FROM agency_agreement WHERE declaration_id IS NULL").update();
	}

	@AfterEach
	void agreementsAreNotRequired() {
		jdbc.sql("UPDATE agency_agreement_rule SET required_from = NULL").update();
	}

	@Test
	void aBrokersDeclarationForItsPrincipalTakesTheAgreementThePrincipalConfirmed() throws Exception {
		String proposed = body(propose("broker", CHIP.value(), "IMPORT", "processors", "854231", "MSKU1234567")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PROPOSED"))
			.andExpect(jsonPath("$.principalName").value("厦门鹭芯微电子有限公司（演示）")));
		String number = JsonPath.read(proposed, "$.number");
		assertThat(number).matches("WT" + time.today().getYear() + "\\d{8}");

		// Its parties and customs read it; nobody else learns it exists.
		read("trader.chip", number).andExpect(status().isOk()).andExpect(jsonPath("$.transportDocument").value("MSKU1234567"));
		read("officer.customs", number).andExpect(status().isOk());
		for (String stranger : List.of("trader.tungsten", "officer.ciq", "admin")) {
			read(stranger, number).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("AGENCY_AGREEMENT_NOT_FOUND"));
		}
		mvc.perform(get("/api/v1/agency-agreements").param("status", "PROPOSED").header("Authorization", bearer("trader.chip")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].number").value(number));

		// The chip maker's trader hears of it on its home page.
		Cookie trader = logIn("trader.chip");
		assertThat(page(trader, "/")).contains("href=\"/agency-agreements?status=PROPOSED\"")
			.contains("One agency agreement a broker proposed waits for your confirmation.");

		// Not yet confirmed: the declaration goes through (the zone does not require one) and does not take it.
		declare("broker").andExpect(status().isCreated());
		read("broker", number).andExpect(jsonPath("$.status").value("PROPOSED"))
			.andExpect(jsonPath("$.declaration").doesNotExist());

		act("trader.chip", number, "confirm", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED")).andExpect(jsonPath("$.decidedBy").value("trader.chip"));
		act("trader.chip", number, "confirm", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("AGENCY_AGREEMENT_NOT_PROPOSED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(it is Confirmed)")));
		assertThat(page(trader, "/")).doesNotContain("href=\"/agency-agreements?status=PROPOSED\"");

		String taken = body(declare("broker").andExpect(status().isCreated()));
		String taking = JsonPath.read(taken, "$.number");
		read("broker", number).andExpect(jsonPath("$.declaration").value(taking))
			.andExpect(jsonPath("$.declarationId").value(JsonPath.<String>read(taken, "$.id")));
		// Customs reads it on the declaration's page.
		assertThat(page(logIn("officer.customs"), "/declarations/" + JsonPath.read(taken, "$.id")))
			.contains("id=\"agency-agreement\">" + number + "<");
		// One agreement, one declaration: the next one takes none.
		String next = JsonPath.read(body(declare("broker").andExpect(status().isCreated())), "$.number");
		assertThat(next).isNotEqualTo(taking);
		read("officer.customs", number).andExpect(jsonPath("$.declaration").value(taking));
		// The chip maker declaring for itself needs and takes none.
		declare("trader.chip").andExpect(status().isCreated());
	}

	@Test
	void fromTheDayTheZoneSetsABrokersDeclarationWithoutAnAgreementThatServesItIsRefusedAndNothingIsStored()
			throws Exception {
		rule("trader.chip", time.today().toString()).andExpect(status().isForbidden());
		rule("admin", "2026-13-01").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].code").value("DATE_FORMAT"));
		rule("admin", time.today().toString()).andExpect(status().isOk())
			.andExpect(jsonPath("$.requiredFrom").value(time.today().toString()))
			.andExpect(jsonPath("$.changedBy").value("admin"));
		mvc.perform(get("/api/v1/agency-agreement-rule").header("Authorization", bearer("broker")))
			.andExpect(jsonPath("$.requiredFrom").value(time.today().toString()));

		long before = declarationsOfChip();
		refused(declare("broker"));
		// Agreements that do not serve it: another direction, other goods, undecided.
		confirmed(propose("broker", CHIP.value(), "EXPORT", "processors", null, null));
		confirmed(propose("broker", CHIP.value(), "IMPORT", "coffee beans", "090111", null));
		propose("broker", CHIP.value(), "IMPORT", "processors", null, null).andExpect(status().isCreated());
		refused(declare("broker"));
		assertThat(declarationsOfChip()).isEqualTo(before);
		declare("trader.chip").andExpect(status().isCreated());

		String serving = confirmed(propose("broker", CHIP.value(), "IMPORT", "processors", "85423190", null));
		String key = "AGR-" + UUID.randomUUID();
		String taking = JsonPath.read(body(declare("broker", key).andExpect(status().isCreated())), "$.number");
		read("broker", serving).andExpect(jsonPath("$.declaration").value(taking));
		// The client's retry of the declaration that took the last agreement is answered with it, not refused.
		declare("broker", key).andExpect(status().isOk()).andExpect(jsonPath("$.number").value(taking));
		refused(declare("broker"));
		assertThat(declarationsOfChip()).isEqualTo(before + 2);

		// The standards channel meets the same rule: a CUSDEC the broker sends for the chip maker is refused at its
		// declarant (NAD+DT), nothing stored.
		String cusres = mvc.perform(post("/api/v1/interchanges").header("Authorization", bearer("broker"))
			.contentType(MediaType.parseMediaType("application/EDIFACT")).content(cusdecOfChip("AGR-" + System.nanoTime())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(cusres).contains("GIS+ZST:::REFUSED'").contains("ERP+1+NAD").contains("ERC+AGENCY_AGREEMENT_REQUIRED'");
		assertThat(declarationsOfChip()).isEqualTo(before + 2);

		rule("admin", "").andExpect(status().isOk()).andExpect(jsonPath("$.requiredFrom").doesNotExist());
		declare("broker").andExpect(status().isCreated());
	}

	@Test
	void aDeclarationThatEndsWithoutItsGoodsMovingGivesItsAgreementBackAndTheNextOneTakesIt() throws Exception {
		rule("admin", time.today().toString()).andExpect(status().isOk());
		String agreement = confirmed(propose("broker", CHIP.value(), "IMPORT", "processors", "854231", "MSKU7654321"));
		List<String> served = new ArrayList<>();

		// The broker withdraws the declaration that took it: the agreement is free again, and says which it served.
		String withdrawn = body(declareForInspection("broker").andExpect(status().isCreated()));
		served.add(JsonPath.read(withdrawn, "$.number"));
		mvc.perform(post("/api/v1/declarations/{id}/withdrawal", JsonPath.<String>read(withdrawn, "$.id"))
			.header("Authorization", bearer("broker")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"sent before the invoice was final\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
		read("broker", agreement).andExpect(jsonPath("$.declaration").doesNotExist())
			.andExpect(jsonPath("$.declarationId").doesNotExist())
			.andExpect(jsonPath("$.givenBack[0].declaration").value(served.get(0)))
			.andExpect(jsonPath("$.givenBack[0].because").value("WITHDRAWN"));
		// The withdrawn declaration's page still names the agreement it took, and says it gave it back.
		assertThat(page(logIn("officer.customs"), "/declarations/" + JsonPath.read(withdrawn, "$.id")))
			.contains("id=\"agency-agreement\">" + agreement + "<").contains("id=\"agency-agreement-given-back\"");

		// The declaration filed again takes it under the zone's rule; an agency rejects it: given back again.
		String rejected = body(declareForInspection("broker").andExpect(status().isCreated()));
		served.add(JsonPath.read(rejected, "$.number"));
		read("broker", agreement).andExpect(jsonPath("$.declaration").value(served.get(1)));
		decide("officer.ciq", taskOf(rejected, "CIQ"), "REJECT", "the batteries were not tested")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
		read("trader.chip", agreement).andExpect(jsonPath("$.declaration").doesNotExist())
			.andExpect(jsonPath("$.givenBack[1].declaration").value(served.get(1)))
			.andExpect(jsonPath("$.givenBack[1].because").value("REJECTED"));

		// Taken a third time, cleared, then cancelled by customs: given back; a cleared one keeps it.
		String cancelled = cleared(body(declare("broker").andExpect(status().isCreated())));
		served.add(JsonPath.read(cancelled, "$.number"));
		read("broker", agreement).andExpect(jsonPath("$.declaration").value(served.get(2)));
		mvc.perform(post("/api/v1/declarations/{id}/cancellation", JsonPath.<String>read(cancelled, "$.id"))
			.header("Authorization", bearer("officer.customs")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"the goods were never shipped\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
		String kept = cleared(body(declare("broker").andExpect(status().isCreated())));
		read("officer.customs", agreement).andExpect(jsonPath("$.declaration").value(JsonPath.<String>read(kept, "$.number")))
			.andExpect(jsonPath("$.givenBack[2].declaration").value(served.get(2)))
			.andExpect(jsonPath("$.givenBack[2].because").value("CANCELLED"))
			.andExpect(jsonPath("$.givenBack.length()").value(3));
		refused(declare("broker"));

		// Both sides read the history on the list; the audit trail says who ended what and why it came back.
		String list = page(logIn("trader.chip"), "/agency-agreements");
		for (int i = 0; i < 3; i++) {
			assertThat(list).contains("id=\"agreement-given-back-" + agreement + "-" + i + "\"").contains(served.get(i));
		}
		assertThat(jdbc.sql("""
				SELECT after_state ->> 'because' FROM audit_entry
				WHERE action = 'AGENCY_AGREEMENT_GIVEN_BACK' AND subject_id = ? ORDER BY id""").param(agreement)
			.query(String.class).list()).containsExactly("WITHDRAWN", "REJECTED", "CANCELLED");
	}

	/** {@code declared} once the agencies approved every task still pending; its JSON then. */
	private String cleared(String declared) throws Exception {
		for (String agency : JsonPath.<List<String>>read(declared, "$.tasks[?(@.status == 'PENDING')].agency")) {
			decide("officer." + agency.toLowerCase(java.util.Locale.ROOT), taskOf(declared, agency), "APPROVE", null)
				.andExpect(status().isOk());
		}
		String now = body(mvc.perform(get("/api/v1/declarations/{id}", JsonPath.<String>read(declared, "$.id"))
			.header("Authorization", bearer("broker"))).andExpect(status().isOk()));
		assertThat(JsonPath.<String>read(now, "$.status")).isEqualTo("CLEARED");
		return now;
	}

	private ResultActions decide(String officer, String task, String decision, String reason) throws Exception {
		return mvc.perform(post("/api/v1/tasks/{id}/decision", task).header("Authorization", bearer(officer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"" + decision + "\",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
					+ "}"));
	}

	private static String taskOf(String declaration, String agency) {
		return JsonPath.<List<String>>read(declaration, "$.tasks[?(@.agency == '" + agency + "')].id").getFirst();
	}

	/** One CUSDEC of the chip maker's processors, sent by the demo brokerage, with document number {@code key}. */
	private static String cusdecOfChip(String key) {
		return ("UNA:+.?*'UNB+UNOW:4+" + EnterpriseFixtures.demo("BROKER").value() + ":ZZZ+SINGLEWINDOW+20261206:0700+"
				+ key.substring(key.length() - 12) + "'UNH+1+CUSDEC:D:96B:UN'BGM+929+" + key + "+9'LOC+22+CNXMN'"
				+ "LOC+27+US'LOC+28+CN'LOC+ZTC+US'GIS+ZTM:::0110'PAC+3'MEA+WT+G+KGM:12'MEA+WT+N+KGM:10'NAD+DT+"
				+ CHIP.value() + "'TDT+11++4'TOD+++CIF'CUX+2:USD:4'UNS+D'CST+1+8542319000'FTX+AAA+++processors'"
				+ "LOC+27+US'QTY+47:200:C62'MOA+38:4000'UNS+S'CNT+5:1'UNT+23+1'UNZ+1+" + key.substring(key.length() - 12)
				+ "'");
	}

	@Test
	void declarationsSubmittedAtOnceNeverTakeTheSameAgreement() throws Exception {
		rule("admin", time.today().toString()).andExpect(status().isOk());
		Set<String> agreements = new HashSet<>();
		for (int i = 0; i < 2; i++) {
			agreements.add(confirmed(propose("broker", CHIP.value(), "IMPORT", "processors", null, null)));
		}
		long before = declarationsOfChip();
		List<Integer> statuses = AtOneInstant.statuses(8, () -> declare("broker"));
		// Two taken, one each; every other refused (422 before it wrote, or 409 when the last was taken meanwhile).
		assertThat(statuses).filteredOn(code -> code == 201).hasSize(2);
		assertThat(statuses).filteredOn(code -> code != 201).allMatch(code -> code == 422 || code == 409);
		assertThat(declarationsOfChip()).isEqualTo(before + 2);
		assertThat(jdbc.sql("SELECT count(DISTINCT declaration_id) FROM agency_agreement WHERE number IN (:numbers)")
			.param("numbers", agreements).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aPrincipalDeclinesSayingWhyAndABrokerWithdrawsWhatIsStillUndecided() throws Exception {
		String declined = JsonPath.read(body(propose("broker", CHIP.value(), "IMPORT", "processors", null, null)),
				"$.number");
		act("trader.chip", declined, "decline", "{\"reason\":\" \"}").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].code").value("REASON_REQUIRED"));
		act("broker", declined, "decline", "{\"reason\":\"not ours\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		act("trader.tungsten", declined, "decline", "{\"reason\":\"not ours\"}").andExpect(status().isNotFound());
		act("trader.chip", declined, "decline", "{\"reason\":\"We ship these processors ourselves\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"))
			.andExpect(jsonPath("$.declineReason").value("We ship these processors ourselves"));
		act("trader.chip", declined, "confirm", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("AGENCY_AGREEMENT_NOT_PROPOSED"));
		act("broker", declined, "withdraw", null).andExpect(status().isConflict());

		String withdrawn = JsonPath.read(body(propose("broker", CHIP.value(), "IMPORT", "processors", null, null)),
				"$.number");
		act("trader.chip", withdrawn, "withdraw", null).andExpect(status().isForbidden());
		act("broker", withdrawn, "withdraw", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		act("trader.chip", withdrawn, "confirm", null).andExpect(status().isConflict());

		// Only to a principal that authorises the brokerage, never to itself, and only by a broker.
		propose("broker", EnterpriseFixtures.demo("TUNGSTEN").value(), "IMPORT", "ore", null, null)
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("NOT_AUTHORISED_FOR_ENTERPRISE"));
		propose("broker", EnterpriseFixtures.demo("BROKER").value(), "IMPORT", "ore", null, null)
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].code").value("AGENCY_AGREEMENT_OWN_ENTERPRISE"));
		propose("trader.chip", CHIP.value(), "IMPORT", "processors", null, null).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/agency-agreements").header("Authorization", bearer("broker"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"principal\":\"X\",\"flow\":\"SIDEWAYS\",\"goods\":\"\",\"hsCode\":\"12\",\"validUntil\":\"2000-01-01\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("principal", "flow",
					"goods", "hsCode")));
		mvc.perform(post("/api/v1/agency-agreements").header("Authorization", bearer("broker"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"principal\":\"" + CHIP.value() + "\",\"flow\":\"IMPORT\",\"goods\":\"x\",\"validUntil\":\""
					+ time.today().minusDays(1) + "\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].code").value("VALID_UNTIL_IN_PAST"));
	}

	@Test
	void theBrokerProposesOnThePageThePrincipalConfirmsThereAndTheAdministratorSetsTheDay() throws Exception {
		Cookie broker = logIn("broker");
		String form = page(broker, "/agency-agreements");
		assertThat(form).contains("id=\"agreement-form\"").contains(CHIP.value());
		mvc.perform(post("/agency-agreements").cookie(broker).with(csrf()).header("Accept-Language", "en")
			.param("principal", CHIP.value()).param("flow", "IMPORT").param("goods", "")
			.param("validUntil", time.today().plusDays(10).toString()))
			.andExpect(status().isUnprocessableEntity());
		String location = mvc.perform(post("/agency-agreements").cookie(broker).with(csrf())
			.param("principal", CHIP.value()).param("flow", "IMPORT").param("goods", "processors")
			.param("validUntil", time.today().plusDays(10).toString()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String number = location.substring(location.indexOf('=') + 1);

		Cookie trader = logIn("trader.chip");
		assertThat(page(trader, "/agency-agreements")).contains("id=\"confirm-" + number + "\"")
			.doesNotContain("id=\"agreement-form\"");
		mvc.perform(post("/agency-agreements/{n}/confirm", number).cookie(trader).with(csrf()))
			.andExpect(redirectedUrl("/agency-agreements?confirmed=" + number));
		assertThat(page(trader, "/agency-agreements?status=CONFIRMED")).contains(number)
			.doesNotContain("id=\"confirm-" + number + "\"");
		assertThat(page(broker, "/agency-agreements?status=PROPOSED")).doesNotContain(number);

		Cookie admin = logIn("admin");
		mvc.perform(post("/agency-agreements/rule").cookie(admin).with(csrf()).param("requiredFrom", "2027-01-01"))
			.andExpect(redirectedUrl("/agency-agreements?ruleChanged"));
		assertThat(page(admin, "/agency-agreements")).contains("From 2027-01-01")
			.doesNotContain("id=\"agreement-table\"");
		mvc.perform(post("/agency-agreements/rule").cookie(trader).with(csrf()).param("requiredFrom", ""))
			.andExpect(status().isForbidden());
	}

	@Test
	void theBrokerRecordsTheDocumentsItReceivedAndItsFeeWhichThePrincipalReadsBeforeConfirming() throws Exception {
		String body = body(proposeWith(
				"\"documentsReceived\":[\"PACKING_LIST\",\"INVOICE\",\"INVOICE\"],\"otherDocuments\":\"原产地证书\",\"fee\":\"1,200.5\"")
			.andExpect(status().isCreated()));
		String number = JsonPath.read(body, "$.number");
		// In the paper agreement's order, each once; received today when no day is named; the fee to the fen.
		read("trader.chip", number).andExpect(status().isOk())
			.andExpect(jsonPath("$.documentsReceived").value(org.hamcrest.Matchers.contains("INVOICE", "PACKING_LIST")))
			.andExpect(jsonPath("$.otherDocuments").value("原产地证书"))
			.andExpect(jsonPath("$.documentsReceivedOn").value(time.today().toString()))
			.andExpect(jsonPath("$.fee").value(1200.50));
		assertThat(page(logIn("trader.chip"), "/agency-agreements"))
			.contains("id=\"confirm-" + number + "\"")
			.contains("id=\"agreement-handover-" + number + "\"><span>Documents received " + time.today()
					+ ": </span><span>Invoice</span><span>, </span><span>Packing list</span><span>, </span><span>原产地证书</span>")
			.contains("id=\"agreement-fee-" + number + "\">Fee 1,200.50 CNY<");
		// A client's JSON number is read as written, as a day named is kept as named.
		proposeWith("\"documentsReceived\":[\"CONTRACT\"],\"documentsReceivedOn\":\"" + time.today().minusDays(2)
				+ "\",\"fee\":300").andExpect(status().isCreated())
			.andExpect(jsonPath("$.documentsReceivedOn").value(time.today().minusDays(2).toString()))
			.andExpect(jsonPath("$.fee").value(300.00));
		// Proposed without them (as before 2026-12-06): none recorded.
		propose("broker", CHIP.value(), "IMPORT", "processors", null, null).andExpect(status().isCreated())
			.andExpect(jsonPath("$.documentsReceived").isEmpty())
			.andExpect(jsonPath("$.documentsReceivedOn").doesNotExist()).andExpect(jsonPath("$.fee").doesNotExist());

		// What cannot be read is refused, every problem at once, nothing stored.
		long before = jdbc.sql("SELECT count(*) FROM agency_agreement").query(Long.class).single();
		proposeWith("\"documentsReceived\":[\"INVOICE\",\"BILL\"],\"documentsReceivedOn\":\"2026-13-01\",\"fee\":\"¥300\","
				+ "\"otherDocuments\":\"" + "证".repeat(AgencyAgreements.OTHER_DOCUMENTS + 1) + "\"").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
					"documentsReceived[1]", "documentsReceivedOn", "fee", "otherDocuments")))
			.andExpect(jsonPath("$.errors[?(@.field == 'documentsReceived[1]')].code").value("AGREEMENT_DOCUMENT_UNKNOWN"))
			.andExpect(jsonPath("$.errors[?(@.field == 'fee')].code").value("NUMBER_UNREADABLE"));
		// Then what it says: a day to come, a day without documents, a negative fee, a fee over the column.
		proposeWith("\"documentsReceived\":[\"INVOICE\"],\"documentsReceivedOn\":\"" + time.today().plusDays(1)
				+ "\",\"fee\":\"-5\"").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.containsInAnyOrder(
					"DOCUMENTS_RECEIVED_IN_FUTURE", "AMOUNT_NEGATIVE")));
		proposeWith("\"documentsReceivedOn\":\"" + time.today() + "\"").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("documentsReceivedOn"))
			.andExpect(jsonPath("$.errors[0].code").value("DOCUMENTS_RECEIVED_NONE"));
		proposeWith("\"fee\":\"1e30\"").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].code").value("TOO_LARGE"));
		assertThat(jdbc.sql("SELECT count(*) FROM agency_agreement").query(Long.class).single()).isEqualTo(before);

		// On the page: the boxes ticked, the fee as people write it; a refusal keeps what was ticked.
		Cookie broker = logIn("broker");
		String refused = mvc.perform(post("/agency-agreements").cookie(broker).with(csrf()).header("Accept-Language", "en")
			.param("principal", CHIP.value()).param("flow", "IMPORT").param("goods", "processors")
			.param("validUntil", time.today().plusDays(10).toString()).param("documentsReceived", "CONTRACT", "LICENCE")
			.param("fee", "300 yuan"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"fee-error\"").containsPattern(
				"id=\"agreement-document-LICENCE\" value=\"LICENCE\" checked");
		String location = mvc.perform(post("/agency-agreements").cookie(broker).with(csrf())
			.param("principal", CHIP.value()).param("flow", "IMPORT").param("goods", "processors")
			.param("validUntil", time.today().plusDays(10).toString()).param("documentsReceived", "CONTRACT", "LICENCE")
			.param("documentsReceivedOn", "").param("otherDocuments", "").param("fee", "１５０"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		read("broker", location.substring(location.indexOf('=') + 1))
			.andExpect(jsonPath("$.documentsReceived").value(org.hamcrest.Matchers.contains("CONTRACT", "LICENCE")))
			.andExpect(jsonPath("$.otherDocuments").doesNotExist()).andExpect(jsonPath("$.fee").value(150.00));
	}

	@Test
	void eachPartysSystemHearsWhatTheOtherDidToAnAgreementOnItsWebhooks() throws Exception {
		String principalHook = webhook("trader.chip");
		String brokerHook = webhook("broker");
		try {
			String confirmed = JsonPath.read(body(propose("broker", CHIP.value(), "IMPORT", "processors", "854231", null)
				.andExpect(status().isCreated())), "$.number");
			act("trader.chip", confirmed, "confirm", null).andExpect(status().isOk());
			String declined = JsonPath.read(body(propose("broker", CHIP.value(), "EXPORT", "processors", null, null)
				.andExpect(status().isCreated())), "$.number");
			act("trader.chip", declined, "decline", "{\"reason\":\"we ship these ourselves\"}").andExpect(status().isOk());
			String withdrawn = JsonPath.read(body(propose("broker", CHIP.value(), "EXPORT", "coffee", null, null)
				.andExpect(status().isCreated())), "$.number");
			act("broker", withdrawn, "withdraw", null).andExpect(status().isOk());
			String declared = body(declareForInspection("broker").andExpect(status().isCreated()));
			mvc.perform(post("/api/v1/declarations/{id}/withdrawal", JsonPath.<String>read(declared, "$.id"))
				.header("Authorization", bearer("broker")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"sent twice\"}")).andExpect(status().isOk());

			assertThat(agreementEvents(principalHook)).containsExactlyInAnyOrder("agency-agreement.proposed " + confirmed,
					"agency-agreement.proposed " + declined, "agency-agreement.proposed " + withdrawn,
					"agency-agreement.withdrawn " + withdrawn);
			assertThat(agreementEvents(brokerHook)).containsExactlyInAnyOrder("agency-agreement.confirmed " + confirmed,
					"agency-agreement.declined " + declined, "agency-agreement.given-back " + confirmed);
			String givenBack = jdbc.sql("""
					SELECT payload FROM webhook_delivery
					WHERE subscription_id = ?::uuid AND event_type = 'agency-agreement.given-back'""")
				.param(brokerHook).query(String.class).single();
			assertThat(JsonPath.<String>read(givenBack, "$.declaration")).isEqualTo(JsonPath.read(declared, "$.number"));
			assertThat(JsonPath.<String>read(givenBack, "$.reason")).isEqualTo("WITHDRAWN");
			assertThat(JsonPath.<String>read(givenBack, "$.agreement")).isEqualTo("/api/v1/agency-agreements/" + confirmed);
			String refusal = jdbc.sql("""
					SELECT payload FROM webhook_delivery
					WHERE subscription_id = ?::uuid AND event_type = 'agency-agreement.declined'""")
				.param(brokerHook).query(String.class).single();
			assertThat(JsonPath.<String>read(refusal, "$.reason")).isEqualTo("we ship these ourselves");
			assertThat(JsonPath.<String>read(refusal, "$.by")).isEqualTo("trader.chip");
			assertThat(JsonPath.<String>read(refusal, "$.principal")).isEqualTo(CHIP.value());
		}
		finally {
			for (String[] hook : List.of(new String[] { "trader.chip", principalHook }, new String[] { "broker", brokerHook })) {
				mvc.perform(delete("/api/v1/webhooks/{id}", hook[1]).header("Authorization", bearer(hook[0])))
					.andExpect(status().isNoContent());
			}
		}
	}

	@Test
	void customsFindsAnAgreementByAPieceOfItsNumberBillOfLadingGoodsOrAPartysName() throws Exception {
		String mark = Long.toString(System.nanoTime() % 1_000_000_000L);
		String byBill = JsonPath.read(body(propose("broker", CHIP.value(), "IMPORT", "wafers", null, "COSU" + mark)
			.andExpect(status().isCreated())), "$.number");
		String byGoods = JsonPath.read(body(propose("broker", CHIP.value(), "IMPORT", "probe cards " + mark, null, null)
			.andExpect(status().isCreated())), "$.number");
		assertThat(searched("officer.customs", "cosu" + mark)).containsExactly(byBill);
		assertThat(searched("officer.customs", "PROBE CARDS " + mark)).containsExactly(byGoods);
		assertThat(searched("officer.customs", byGoods.substring(4))).containsExactly(byGoods);
		// A piece of the principal's registered name, and of the broker's USCC, find both among the others.
		assertThat(searched("officer.customs", "鹭芯")).contains(byBill, byGoods);
		assertThat(searched("trader.chip", EnterpriseFixtures.demo("BROKER").value().substring(2, 12)))
			.contains(byBill, byGoods);
		assertThat(searched("broker", mark)).containsExactlyInAnyOrder(byBill, byGoods);
		// Wildcards are what was typed; a text nobody wrote finds nothing; one too long is refused where it is.
		assertThat(searched("officer.customs", "%" + mark)).isEmpty();
		assertThat(searched("officer.customs", "_OSU" + mark)).isEmpty();
		mvc.perform(get("/api/v1/agency-agreements").param("q", "x".repeat(AgencyAgreements.SEARCHED + 1))
			.header("Authorization", bearer("officer.customs"))).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("q")).andExpect(jsonPath("$.errors[0].code").value("SIZE"));
		// On the page: the search is kept in the form and narrows the list.
		String page = page(logIn("officer.customs"), "/agency-agreements?q=COSU" + mark);
		assertThat(page).contains("id=\"agreement-" + byBill + "\"").doesNotContain("id=\"agreement-" + byGoods + "\"")
			.contains("value=\"COSU" + mark + "\"");
	}

	@Test
	void theBrokerHearsOnItsHomePageOfConfirmedAgreementsEndingUnused() throws Exception {
		Cookie broker = logIn("broker");
		String ending = confirmed(mvc.perform(post("/api/v1/agency-agreements").header("Authorization", bearer("broker"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"principal":"%s","flow":"IMPORT","goods":"processors","validUntil":"%s"}"""
				.formatted(CHIP.value(), time.today().plusDays(AgencyAgreements.ENDING_WITHIN_DAYS - 1)))));
		confirmed(propose("broker", CHIP.value(), "EXPORT", "processors", null, null));
		assertThat(page(broker, "/")).contains("href=\"/agency-agreements?status=CONFIRMED\"")
			.contains("One agency agreement your principals confirmed ends within 3 days and no declaration took it yet");
		assertThat(page(logIn("trader.chip"), "/")).doesNotContain("href=\"/agency-agreements?status=CONFIRMED\"");
		// Taken by a declaration: nothing more to tell.
		String taking = JsonPath.read(body(declare("broker").andExpect(status().isCreated())), "$.number");
		read("broker", ending).andExpect(jsonPath("$.declaration").value(taking));
		assertThat(page(broker, "/")).doesNotContain("href=\"/agency-agreements?status=CONFIRMED\"");
	}

	/** The numbers of the agreements {@code user} finds with {@code q}. */
	private List<String> searched(String user, String q) throws Exception {
		return JsonPath.read(body(mvc.perform(get("/api/v1/agency-agreements").param("q", q).param("limit", "500")
			.header("Authorization", bearer(user))).andExpect(status().isOk())), "$[*].number");
	}

	/** A webhook of {@code user}'s enterprise (to an address nobody answers: only what is written is read). */
	private String webhook(String user) throws Exception {
		return JsonPath.read(body(mvc.perform(post("/api/v1/webhooks").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"http://127.0.0.1:9/hook\"}"))
			.andExpect(status().isCreated())), "$.id");
	}

	/** The agreement events written for a webhook: type and agreement number. */
	private List<String> agreementEvents(String hook) {
		return jdbc.sql("""
				SELECT payload FROM webhook_delivery WHERE subscription_id = ?::uuid AND event_type LIKE 'agency-agreement.%'""").param(hook).query(String.class).list().stream()
			.map(p -> JsonPath.<String>read(p, "$.type") + " " + JsonPath.<String>read(p, "$.number")).toList();
	}

	/** A proposal to the chip maker of processors for 30 days, with {@code more} members of its JSON. */
	private ResultActions proposeWith(String more) throws Exception {
		String json = """
				{"principal":"%s","flow":"IMPORT","goods":"processors","validUntil":"%s",%s}"""
			.formatted(CHIP.value(), time.today().plusDays(30), more);
		return mvc.perform(post("/api/v1/agency-agreements").header("Authorization", bearer("broker"))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private Cookie logIn(String user) throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user(user).password("demo12345")).andReturn().getResponse()
			.getCookie("SESSION");
		assertThat(session).as("session cookie for " + user).isNotNull();
		return session;
	}

	private String page(Cookie session, String path) throws Exception {
		return mvc.perform(get(path).cookie(session).header("Accept-Language", "en")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private long declarationsOfChip() {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE declarant = ?").param(CHIP.value()).query(Long.class)
			.single();
	}

	private static void refused(ResultActions declared) throws Exception {
		declared.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("declarant"))
			.andExpect(jsonPath("$.errors[0].code").value("AGENCY_AGREEMENT_REQUIRED"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.matchesPattern("(?s).*\\((Import|Export), in force.*")));
	}

	private String confirmed(ResultActions proposed) throws Exception {
		String number = JsonPath.read(body(proposed.andExpect(status().isCreated())), "$.number");
		act("trader.chip", number, "confirm", null).andExpect(status().isOk());
		return number;
	}

	private ResultActions propose(String user, String principal, String flow, String goods, String hsCode,
			String transportDocument) throws Exception {
		String json = """
				{"principal":"%s","flow":"%s","goods":"%s","hsCode":%s,"transportDocument":%s,"validUntil":"%s"}"""
			.formatted(principal, flow, goods, hsCode == null ? "null" : "\"" + hsCode + "\"",
					transportDocument == null ? "null" : "\"" + transportDocument + "\"", time.today().plusDays(30));
		return mvc.perform(post("/api/v1/agency-agreements").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ResultActions read(String user, String number) throws Exception {
		return mvc.perform(get("/api/v1/agency-agreements/{n}", number).header("Authorization", bearer(user)));
	}

	private ResultActions act(String user, String number, String action, String json) throws Exception {
		var request = post("/api/v1/agency-agreements/{n}/" + action, number).header("Authorization", bearer(user));
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	private ResultActions rule(String user, String requiredFrom) throws Exception {
		return mvc.perform(put("/api/v1/agency-agreement-rule").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content("{\"requiredFrom\":\"" + requiredFrom + "\"}"));
	}

	/** An import of processors by the chip maker, declared by {@code user} (its own trader or its broker). */
	private ResultActions declare(String user) throws Exception {
		return declare(user, null);
	}

	/**
	 * An import by the chip maker of processors and a portable computer, which waits for the inspection agency (CIQ)
	 * whatever the risk channel, declared by {@code user}.
	 */
	private ResultActions declareForInspection(String user) throws Exception {
		return mvc.perform(post("/api/v1/declarations").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content(SingleWindowFlowIntegrationTests.chipDeclaration(null, "1")
				.replace("{\"declarant\":null", "{\"declarant\":\"" + CHIP.value() + "\"")));
	}

	/** {@link #declare(String)} with an Idempotency-Key ({@literal null}: none). */
	private ResultActions declare(String user, String key) throws Exception {
		String json = SingleWindowFlowIntegrationTests.chipDeclaration(null, null)
			.replace("{\"declarant\":null", "{\"declarant\":\"" + CHIP.value() + "\"");
		var request = post("/api/v1/declarations").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON).content(json);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	private static String bearer(String user) {
		return "Bearer sw-demo-" + user;
	}

	private static String body(ResultActions actions) throws Exception {
		return actions.andReturn().getResponse().getContentAsString();
	}
}
