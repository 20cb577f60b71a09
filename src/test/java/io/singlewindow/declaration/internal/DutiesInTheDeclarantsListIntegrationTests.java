package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.CustomsDesk.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

/**
 * The declarant's own list — its page and the API's — says of each cleared declaration what it owes customs and by
 * when — the way an importer finds the duties it must still pay — as customs' release list says it to customs.
 */
class DutiesInTheDeclarantsListIntegrationTests extends CustomsDeskTestCase {

	@Test
	void eachClearedDeclarationSaysWhetherItsDutiesArePaidGuaranteedDueOrOverdue() throws Exception {
		String owing = desk.cleared("3000", "1000");
		String paid = desk.cleared("3000", "1000");
		record("duty-payment", paid, amount(desk.view("officer.customs", paid), "$.duties.amountDue"), "ICBC-L-1");
		String guaranteed = desk.cleared("3000", "1000");
		BigDecimal due = amount(desk.view("officer.customs", guaranteed), "$.duties.amountDue");
		mvc.perform(post("/api/v1/declarations/{id}/duty-guarantee", guaranteed)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"DEPOSIT\",\"amount\":" + due.add(due).toPlainString() + ",\"reference\":\"DEP-L-1\"}"))
			.andExpect(status().isOk());
		desk.release(guaranteed).andExpect(status().isOk());

		assertThat(listed(owing)).contains("Due by").doesNotContain("Overdue").doesNotContain("Paid");
		assertThat(listed(paid)).contains("Paid").doesNotContain("Due by");
		assertThat(listed(guaranteed)).contains("Guaranteed", "Due by");

		String row = listedByTheApi(guaranteed);
		assertThat(JsonPath.<String>read(row, "$.duties.guarantee.state")).isEqualTo("HELD");
		assertThat(amount(row, "$.duties.amountDue")).isEqualByComparingTo(due);
		assertThat(JsonPath.<Object>read(listedByTheApi(paid), "$.duties.payment")).isNotNull();

		clock.pin(time.now().plus(Duration.ofDays(70)));
		assertThat(listed(owing)).contains("Due by", "Overdue");
		assertThat(JsonPath.<Boolean>read(listedByTheApi(owing), "$.duties.overdue")).isTrue();
		record("duty-guarantee/enforcement", guaranteed,
				amount(desk.view("officer.customs", guaranteed), "$.duties.amountDue"), "DEP-L-1-TAKEN");
		assertThat(listed(guaranteed)).contains("Taken from the guarantee").doesNotContain("Overdue");

		// A correction after the payment, collected on its own notice: a cancellation then owes it back with the taxes.
		desk.correct(paid, 1, "3600").andExpect(status().isOk());
		String corrected = desk.view("officer.customs", paid);
		record("corrections/" + JsonPath.read(corrected, "$.corrections[0].id") + "/settlement", paid,
				amount(corrected, "$.corrections[0].difference.amountDue"), "ICBC-L-2");
		mvc.perform(post("/api/v1/declarations/{id}/cancellation", paid)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Declared twice\"}")).andExpect(status().isOk());
		assertThat(listed(paid)).contains("Refund due");
		assertThat(amount(listedByTheApi(paid), "$.duties.refundDue")).as("as the declaration itself says")
			.isEqualByComparingTo(amount(desk.view("trader.chip", paid), "$.duties.refundDue"))
			.isGreaterThan(amount(desk.view("trader.chip", paid), "$.duties.taxes"));
		record("duty-refund", paid, amount(desk.view("officer.customs", paid), "$.duties.refundDue"), "BOC-L-1");
		assertThat(listed(paid)).contains("Refunded").doesNotContain("Refund due");
	}

	/** What the declarant's list says of the declaration's duties: its cell, found by searching its number. */
	private String listed(String id) throws Exception {
		return desk.listedDuties(JsonPath.read(desk.view("trader.chip", id), "$.number"));
	}

	/** The declaration's row in the declarant's list through the API, found by its number. */
	private String listedByTheApi(String id) throws Exception {
		String number = JsonPath.read(desk.view("trader.chip", id), "$.number");
		String rows = CustomsDesk.body(mvc.perform(get("/api/v1/declarations").param("q", number)
			.header("Authorization", "Bearer sw-demo-trader.chip")).andExpect(status().isOk()));
		List<Object> found = JsonPath.read(rows, "$[?(@.number == '" + number + "')]");
		assertThat(found).as("listed: " + number).hasSize(1);
		return JsonPath.parse(found.getFirst()).jsonString();
	}

	private void record(String what, String id, BigDecimal amount, String reference) throws Exception {
		desk.money("officer.customs", what, id, amount.toPlainString(), null, reference).andExpect(status().isOk());
	}
}
