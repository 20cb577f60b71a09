package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TestClock;
import io.singlewindow.tariff.ExchangeRates;

/**
 * The zone's statistics count what the single window cleared — cleared by rule at submission or by the last officer's
 * approval — in the month of clearance, each line at its customs value; what is not cleared is not counted. The clock
 * is pinned to the middle of the month, so the month of clearance is the month the test reads.
 */
@SingleWindowIntegrationTest
class ClearanceStatisticsIntegrationTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExchangeRates rates;

	@Autowired
	TestClock clock;

	@Autowired
	BusinessTime time;

	Instant clearance;

	@BeforeEach
	void midMonthAndAChipMakerOfLongStandingAtUsualPrices() {
		clearance = clock.pinMidMonth();
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(CHIP)
			.usualUnitPrice("8471300000", "C62", "800")
			.usualUnitPrice("8542319000", "C62", "20");
	}

	@AfterEach
	void letTimeRun() {
		clock.release();
	}

	@Test
	void aDeclarationClearedByRuleAtSubmissionIsCountedInItsMonth() throws Exception {
		long before = importsThisMonth();

		String cleared = submit(SingleWindowFlowIntegrationTests.processors("200", "4000"));
		assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		UUID id = UUID.fromString(JsonPath.read(cleared, "$.id"));

		List<Map<String, Object>> facts = awaitFacts(id);
		assertThat(facts).singleElement().satisfies(line -> {
			assertThat(line).containsEntry("flow", "IMPORT").containsEntry("hs_chapter", "85")
				.containsEntry("partner", "US").containsEntry("synthetic", false)
				.containsEntry("month", Date.valueOf(YearMonth.from(clearance.atZone(BusinessTime.ZONE)).atDay(1)));
			assertThat((BigDecimal) line.get("value_cny"))
				.isEqualByComparingTo(JsonPath.<Number>read(cleared, "$.items[0].customsValueCny").toString());
		});
		assertThat(importsThisMonth()).isEqualTo(before + 1);
	}

	@Test
	void aDeclarationIsCountedWhenTheLastOfficerApprovesAndNotBefore() throws Exception {
		String submitted = submit(SingleWindowFlowIntegrationTests.chipDeclaration(null, "2"));
		UUID id = UUID.fromString(JsonPath.read(submitted, "$.id"));
		assertThat(JsonPath.<String>read(submitted, "$.status")).isEqualTo("UNDER_REVIEW");

		decide("officer.ciq", taskId(submitted, "CIQ"));
		String afterCiq = decide("officer.commerce", taskId(submitted, "COMMERCE"));
		assertThat(JsonPath.<String>read(afterCiq, "$.status")).isEqualTo("CLEARED");

		List<Map<String, Object>> facts = awaitFacts(id);
		assertThat(facts).extracting(f -> f.get("line_no")).containsExactlyInAnyOrder(1, 2);
		assertThat(facts).allSatisfy(f -> assertThat(f).containsEntry("flow", "IMPORT")
			.containsEntry("declarant", CHIP.value()));
	}

	@Test
	void aRejectedDeclarationIsNeverCounted() throws Exception {
		String submitted = submit(SingleWindowFlowIntegrationTests.chipDeclaration(null, "1"));
		UUID rejected = UUID.fromString(JsonPath.read(submitted, "$.id"));
		mvc.perform(post("/api/v1/tasks/{id}/decision", taskId(submitted, "CIQ"))
			.header("Authorization", "Bearer sw-demo-officer.ciq").contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"REJECT\",\"reason\":\"No certificate\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
		// A declaration cleared afterwards is recorded; by then the listener has long had its chance at the rejected one.
		UUID later = UUID.fromString(JsonPath.read(submit(SingleWindowFlowIntegrationTests.processors("10", "200")),
				"$.id"));
		awaitFacts(later);

		assertThat(facts(rejected)).isEmpty();
	}

	/** The facts of a declaration once the aggregates count it too (the facts come with the clearance, they by a fold). */
	private List<Map<String, Object>> awaitFacts(UUID declaration) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<Map<String, Object>> facts = facts(declaration);
		while (facts.isEmpty() || waitingForTheFold(declaration)) {
			assertThat(System.nanoTime()).as("recorded in the statistics within 20 s").isLessThan(deadline);
			Thread.sleep(50);
			facts = facts(declaration);
		}
		return facts;
	}

	private boolean waitingForTheFold(UUID declaration) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM statistics_pending WHERE declaration_id = ?)").param(declaration)
			.query(Boolean.class).single();
	}

	private List<Map<String, Object>> facts(UUID declaration) {
		return jdbc.sql("SELECT * FROM statistics_fact WHERE declaration_id = ? ORDER BY line_no").param(declaration)
			.query().listOfRows();
	}

	private long importsThisMonth() throws Exception {
		YearMonth month = YearMonth.from(clearance.atZone(BusinessTime.ZONE));
		String json = body(mvc.perform(get("/api/v1/statistics/dashboard?year=" + month.getYear() + "&month="
				+ month.getMonthValue() + "&period=month&flow=IMPORT").header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isOk()).andReturn());
		return JsonPath.parse(json).read("$.figures.imports.current.declarations", Long.class);
	}

	private String submit(String json) throws Exception {
		return body(mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated()).andReturn());
	}

	private String decide(String officer, String task) throws Exception {
		return body(mvc.perform(post("/api/v1/tasks/{id}/decision", task).header("Authorization", "Bearer sw-demo-" + officer)
			.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
			.andExpect(status().isOk()).andReturn());
	}

	private static String taskId(String json, String agency) {
		return JsonPath.<List<String>>read(json, "$.tasks[?(@.agency == '" + agency + "')].id").getFirst();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
