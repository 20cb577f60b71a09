package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.core.Uscc;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;

/**
 * An officer's decision sent again — a second press of the button, a back-office system's retry after an answer it
 * lost — is answered as the first time and recorded once; any other decision on a task already decided is refused, so
 * no decision is ever flipped by a repeat.
 */
class RepeatedDecisionIntegrationTests extends CustomsDeskTestCase {

	static final String CHIP = DeclarationCorrectionIntegrationTests.CHIP;

	@Autowired
	PermitLedger permits;

	@Test
	void theSameDecisionSentAgainIsAnsweredAsTheFirstAndAnotherIsRefused() throws Exception {
		String task = aPendingCiqTask();
		MvcResult first = decide(task, "{\"decision\":\"QUERY\",\"reason\":\"Battery test report?\"}");
		MvcResult again = decide(task, "{\"decision\":\"QUERY\",\"reason\":\"Battery test report?\"}");
		assertThat(first.getResponse().getStatus()).isEqualTo(200);
		assertThat(again.getResponse().getStatus()).as(again.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(again.getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.tasks[?(@.agency == 'CIQ')].status")).containsExactly("QUERIED");
		assertThat(recorded(task, "AGENCY_TASK_QUERIED")).as("recorded once").isOne();

		MvcResult otherQuestion = decide(task, "{\"decision\":\"QUERY\",\"reason\":\"Another question\"}");
		MvcResult flipped = decide(task, "{\"decision\":\"APPROVE\"}");
		MvcResult rejectedWithTheQuestion = decide(task,
				"{\"decision\":\"REJECT\",\"reason\":\"Battery test report?\"}");
		assertThat(rejectedWithTheQuestion.getResponse().getStatus()).as("another decision, the same words").isEqualTo(409);
		assertThat(otherQuestion.getResponse().getStatus()).isEqualTo(409);
		assertThat(flipped.getResponse().getStatus()).isEqualTo(409);
		assertThat(flipped.getResponse().getContentAsString()).contains("TASK_ALREADY_DECIDED");
		assertThat(recorded(task, "AGENCY_TASK_APPROVED") + recorded(task, "AGENCY_TASK_REJECTED")).as("never flipped")
			.isZero();
	}

	@Test
	void twoPressesOfApproveAtOneInstantRecordOneDecisionAndAnswerBoth() throws Exception {
		String task = aPendingCiqTask();
		ExecutorService presses = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> press = () -> decide(task, "{\"decision\":\"APPROVE\"}").getResponse().getStatus();
			List<Future<Integer>> answers = new ArrayList<>(List.of(presses.submit(press), presses.submit(press)));
			assertThat(answers.get(0).get()).isEqualTo(200);
			assertThat(answers.get(1).get()).isEqualTo(200);
		}
		finally {
			presses.shutdown();
		}
		assertThat(recorded(task, "AGENCY_TASK_APPROVED")).isOne();
	}

	/** A new import of the chip maker's under its automatic import licence: the CIQ's task waits for a decision. */
	private String aPendingCiqTask() throws Exception {
		HeldPermit licence = permits.heldBy(Uscc.parse(CHIP)).stream().filter(p -> p.catalogueCode().equals("AIL"))
			.filter(p -> p.status().equals("IN_FORCE")).findFirst().orElseThrow();
		String created = ResponsePdfIntegrationTests.api(mvc, "trader.chip", post("/api/v1/declarations"),
				SingleWindowFlowIntegrationTests.chipDeclaration(licence.number(), "1"));
		return JsonPath.<List<String>>read(created, "$.tasks[?(@.agency == 'CIQ' && @.status == 'PENDING')].id")
			.getFirst();
	}

	private MvcResult decide(String task, String json) throws Exception {
		return mvc.perform(post("/api/v1/tasks/{id}/decision", task).header("Authorization", "Bearer sw-demo-officer.ciq")
			.contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
	}

	private long recorded(String task, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_type = 'AGENCY_TASK' AND subject_id = ? AND action = ?")
			.params(task, action).query(Long.class).single();
	}
}
