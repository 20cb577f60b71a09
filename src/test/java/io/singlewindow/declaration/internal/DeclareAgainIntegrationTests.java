package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * 复制新增: a declarant declaring the same goods again opens the new-declaration form filled from an earlier
 * declaration — every field as declared except its own reference and the certificates' numbers — checks it, and
 * submits a new declaration; the earlier one is untouched. Only those who may declare for its declarant are offered
 * it: not customs' officer, not another enterprise.
 */
class DeclareAgainIntegrationTests extends CustomsDeskTestCase {

	private static final Pattern INPUT = Pattern.compile("<input id=\"([^\"]+)\" name=\"([^\"]+)\"([^>]*)>");
	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
	private static final Pattern SELECTED = Pattern.compile(
			"<select id=\"([^\"]+)\" name=\"([^\"]+)\"[^>]*>.*?<option value=\"([^\"]*)\"[^>]*selected", Pattern.DOTALL);

	@Test
	void aDeclarantDeclaresTheSameGoodsAgainFromAnEarlierDeclarationAndOnlyItIsOfferedTo() throws Exception {
		String earlier = desk.submitted(DeclarationCorrectionIntegrationTests.processorsFob("3000", "1000")
			.replace("{\"flow\"", "{\"clientReference\":\"PO-" + java.util.UUID.randomUUID() + "\",\"flow\"")
			.replace("\"value\":1000,\"origin\":\"US\"}",
					"\"value\":1000,\"origin\":\"US\",\"certificateAgreement\":\"RCEP\",\"certificateNumber\":\"E26-0002\"}"));
		String id = JsonPath.read(earlier, "$.id");
		String number = JsonPath.read(earlier, "$.number");

		assertThat(desk.page("trader.chip", "/declarations/" + id)).contains("id=\"declare-again\"",
				"href=\"/declarations/new?from=" + id + "\"");
		assertThat(desk.page("officer.customs", "/declarations/" + id)).doesNotContain("id=\"declare-again\"");

		String form = desk.page("trader.chip", "/declarations/new?from=" + id);
		assertThat(form).contains("Filled from declaration " + number);
		Map<String, String> fields = fields(form);
		assertThat(fields).containsEntry("declarant", DeclarationCorrectionIntegrationTests.CHIP)
			.containsEntry("flow", "IMPORT").containsEntry("tradeMode", "0110").containsEntry("transportMode", "2")
			.containsEntry("port", "CNXMN").containsEntry("tradingCountry", "US").containsEntry("incoterm", "FOB")
			.containsEntry("freight", "100").containsEntry("packages", "3")
			.containsEntry("items[0].hsCode", "8542319000").containsEntry("items[0].value", "3000")
			.containsEntry("items[1].value", "1000").containsEntry("items[1].certificateAgreement", "RCEP")
			.containsEntry("clientReference", "").as("a certificate serves one consignment")
			.containsEntry("items[1].certificateNumber", "");
		assertThat(fields).doesNotContainKey("items[2].hsCode");

		// As copied, the form asks for the certificate's number; with it, a new declaration of the same goods.
		MockHttpServletResponse refused = desk.pagePost("trader.chip", "/declarations/new", fields);
		assertThat(refused.getRedirectedUrl()).as("not submitted").isNull();
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"item1-certificateNumber-error\"");
		fields.put("items[1].certificateNumber", "E26-0003");
		MockHttpServletResponse submitted = desk.pagePost("trader.chip", "/declarations/new", fields);
		assertThat(submitted.getStatus()).isEqualTo(302);
		String again = submitted.getRedirectedUrl().substring("/declarations/".length());
		assertThat(again).isNotEqualTo(id);
		String declaredAgain = desk.view("trader.chip", again);
		assertThat(JsonPath.<Object>read(declaredAgain, "$.items[*].value"))
			.isEqualTo(JsonPath.read(earlier, "$.items[*].value"));
		assertThat(JsonPath.<String>read(declaredAgain, "$.items[1].certificateNumber")).isEqualTo("E26-0003");
		assertThat(JsonPath.<String>read(desk.view("trader.chip", id), "$.items[1].certificateNumber"))
			.as("the earlier declaration untouched").isEqualTo("E26-0002");

		// The broker who declares for the chip maker may copy it; another enterprise, customs and a mistyped id may not.
		assertThat(desk.page("broker", "/declarations/new?from=" + id)).contains("Filled from declaration " + number);
		assertThat(desk.statusOf("trader.coffee", "/declarations/new?from=" + id)).as("as its page").isEqualTo(403);
		assertThat(desk.statusOf("officer.customs", "/declarations/new?from=" + id)).isEqualTo(403);
		assertThat(desk.statusOf("trader.chip", "/declarations/new?from=not-a-declaration")).isEqualTo(400);
	}

	/** What the form would send: every input's value (blank when it has none) and each select's chosen option. */
	private static Map<String, String> fields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher select = SELECTED.matcher(html);
		while (select.find()) {
			fields.put(select.group(2), select.group(3));
		}
		Matcher input = INPUT.matcher(html);
		while (input.find()) {
			Matcher value = VALUE.matcher(input.group(3));
			fields.put(input.group(2), value.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(value.group(1))
					: "");
		}
		return fields;
	}

}
