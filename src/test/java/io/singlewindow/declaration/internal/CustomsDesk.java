package io.singlewindow.declaration.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * What the tests of customs' money desk do as its users: read a declaration through the API or its page, post a page's
 * form, release, and read what the audit trail recorded.
 */
final class CustomsDesk {

	private final MockMvc mvc;
	private final JdbcClient jdbc;

	private CustomsDesk(MockMvc mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	/**
	 * The desk, with the chip maker long established and declaring processors at the zone's usual prices: its
	 * declarations clear at once, in the green channel.
	 */
	static CustomsDesk forTheChipMaker(MockMvc mvc, JdbcClient jdbc, io.singlewindow.tariff.ExchangeRates rates,
			io.singlewindow.platform.BusinessTime time) {
		new RiskOfTheDay(jdbc, rates, time)
			.registeredAYearAgo(io.singlewindow.core.Uscc.parse(DeclarationCorrectionIntegrationTests.CHIP))
			.usualUnitPrice("8542319000", "C62", "20").usualUnitPrice("8471300000", "C62", "800");
		return new CustomsDesk(mvc, jdbc);
	}

	/** A two-line import of processors from the chip maker, cleared at once: its id. */
	String cleared(String first, String second) throws Exception {
		String cleared = submitted(DeclarationCorrectionIntegrationTests.processorsFob(first, second));
		org.assertj.core.api.Assertions.assertThat(JsonPath.<String>read(cleared, "$.status")).isEqualTo("CLEARED");
		return JsonPath.read(cleared, "$.id");
	}

	/** The chip maker's trader submits {@code json} through the API: the declaration as answered (201). */
	String submitted(String json) throws Exception {
		return body(mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated()));
	}

	/**
	 * What the declarant's list says of a declaration's duties: its cell on the chip maker's trader's list page, found
	 * by searching the number, as text.
	 */
	String listedDuties(String number) throws Exception {
		java.util.regex.Matcher cell = java.util.regex.Pattern.compile("id=\"duties-" + number + "\">(.*?)</td>",
				java.util.regex.Pattern.DOTALL).matcher(page("trader.chip", "/declarations?q=" + number));
		org.assertj.core.api.Assertions.assertThat(cell.find()).as("listed: " + number).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(cell.group(1).replaceAll("<[^>]*>", " "))
			.replaceAll("\\s+", " ").strip();
	}

	/** Customs corrects one line's declared value, at the version it reads first. */
	ResultActions correct(String id, int line, String value) throws Exception {
		int version = JsonPath.read(view("officer.customs", id), "$.version");
		return mvc.perform(post("/api/v1/declarations/{id}/correction", id)
			.header("Authorization", "Bearer sw-demo-officer.customs").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"reason":"Post-clearance audit: line %d's price","version":%d,"lines":[{"lineNo":%d,"value":%s}]}"""
				.formatted(line, version, line, value)));
	}

	/**
	 * {@code user} records money moved for the declaration at {@code what} ({@code duty-payment}, {@code duty-refund},
	 * {@code duty-guarantee/enforcement}, {@code corrections/<id>/settlement}) with a payment's body; the amount goes
	 * into the JSON as written (a test may write what no client should).
	 *
	 * @param paidOn the day, {@literal null}: none sent (today)
	 */
	ResultActions money(String user, String what, String id, String amount, String paidOn, String reference)
			throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/" + what, id).header("Authorization", "Bearer sw-demo-" + user)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\":" + amount + ",\"paidOn\":" + (paidOn == null ? "null" : "\"" + paidOn + "\"")
					+ ",\"reference\":\"" + reference + "\"}"));
	}

	/** {@code user} accepts a guarantee for the declaration's duties; the amount goes into the JSON as written. */
	ResultActions guarantee(String user, String id, String kind, String amount, String validUntil, String reference)
			throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/duty-guarantee", id)
			.header("Authorization", "Bearer sw-demo-" + user).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"" + kind + "\",\"amount\":" + amount + ",\"validUntil\":"
					+ (validUntil == null ? "null" : "\"" + validUntil + "\"") + ",\"reference\":\"" + reference + "\"}"));
	}

	ResultActions release(String id) throws Exception {
		return mvc.perform(post("/api/v1/declarations/{id}/release", id)
			.header("Authorization", "Bearer sw-demo-officer.customs"));
	}

	/** What the audit trail recorded of the declaration, oldest first: "ACTION by user". */
	List<String> audited(String id) {
		return jdbc.sql("""
				SELECT action || ' by ' || actor_name FROM audit_entry
				WHERE subject_type = 'DECLARATION' AND subject_id = ? ORDER BY id""").param(id).query(String.class).list();
	}

	String view(String user, String id) throws Exception {
		return body(mvc.perform(get("/api/v1/declarations/{id}", id).header("Authorization", "Bearer sw-demo-" + user))
			.andExpect(status().isOk()));
	}

	String page(String user, String address) throws Exception {
		return mvc.perform(get(address).cookie(session(user)).header("Accept-Language", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The status {@code user} is answered with on opening a page. */
	int statusOf(String user, String address) throws Exception {
		return mvc.perform(get(address).cookie(session(user)).header("Accept-Language", "en")).andReturn().getResponse()
			.getStatus();
	}

	/** A document a page offers (the response's PDF), as {@code user} downloads it. */
	byte[] download(String user, String address) throws Exception {
		return mvc.perform(get(address).cookie(session(user))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
	}

	MockHttpServletResponse pagePost(String user, String address, Map<String, String> form) throws Exception {
		var request = post(address).cookie(session(user)).header("Accept-Language", "en")
			.with(SecurityMockMvcRequestPostProcessors.csrf());
		form.forEach(request::param);
		return mvc.perform(request).andReturn().getResponse();
	}

	jakarta.servlet.http.Cookie session(String user) throws Exception {
		return mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password("demo12345"))
			.andReturn().getResponse().getCookie("SESSION");
	}

	static BigDecimal amount(String json, String path) {
		return new BigDecimal(JsonPath.parse(json).read(path, Object.class).toString());
	}

	static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
