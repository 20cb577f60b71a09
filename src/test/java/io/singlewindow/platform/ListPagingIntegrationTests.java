package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Cursor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists that grow are read a page at a time: {@code limit} rows, then the next page from the RFC 8288 {@code Link}
 * header, until there is none. Pages read one after another are the whole list in its order — a trader reaches his
 * oldest declarations — and a row added while a client pages neither shifts the next page nor repeats a row.
 */
@SingleWindowIntegrationTest
class ListPagingIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

	@Autowired
	MockMvc mvc;

	record Page(List<String> keys, String next) {
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			trader.coffee | /api/v1/declarations                | id
			officer.samr  | /api/v1/enterprises                 | uscc
			officer.ciq   | /api/v1/agencies/CIQ/tasks          | taskId
			admin         | /api/v1/audit?action=LICENCE_ISSUED | id
			admin         | /api/v1/accounts                    | username
			officer.commerce | /api/v1/permit-applications/queue | reference
			officer.samr  | /api/v1/permits/verification-queue  | number
			""")
	void pagesReadOneAfterAnotherAreTheWholeListInItsOrder(String account, String list, String key) throws Exception {
		for (int i = 0; i < 3; i++) {
			submitRoastedCoffee();
			submitComputersForInspection();
			registerACoffeeTrader();
			applyForAnImportLicence(TRADERS.get(i));
			commitToSellPrepackagedFood(TRADERS.get(i));
		}
		boolean audit = list.startsWith("/api/v1/audit");
		String size = audit ? "size" : "limit";
		List<String> whole = readAll(account, address(list, size + "=" + (audit ? 200 : 500)), key);
		assertThat(whole).as("rows of " + list + " to page through").hasSizeGreaterThan(2).doesNotHaveDuplicates();

		List<String> paged = new ArrayList<>();
		Page page = read(account, address(list, size + "=2"), key);
		int pages = 1;
		paged.addAll(page.keys());
		while (page.next() != null) {
			assertThat(page.keys()).as("a page that has a next one is full").hasSize(2);
			page = read(account, page.next(), key);
			paged.addAll(page.keys());
			pages++;
		}
		assertThat(paged).as(list + " read page by page").containsExactlyElementsOf(whole);
		assertThat(pages).as("pages of two rows").isEqualTo((whole.size() + 1) / 2);
	}

	/** The lists a test cannot fill at will still read on after any row: the keyset query of the next page runs. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			trader.chip   | /api/v1/permits             | CHIP-PERMIT-0001
			trader.chip   | /api/v1/permit-applications | PA-2099-000001
			trader.coffee | /api/v1/webhooks/deliveries | 00000000-0000-0000-0000-000000000001
			officer.samr  | /api/v1/enterprises         | 91350200MA31C0017J
			admin         | /api/v1/accounts            | TRADER::trader.zzz
			officer.commerce | /api/v1/permit-applications/queue | UNDER_REVIEW:2026-12-31:PA-2099-000001
			officer.commerce | /api/v1/permit-applications/queue | DOCUMENTS_REQUESTED::PA-2099-000001
			officer.samr  | /api/v1/permits/verification-queue | 2026-12-31:SAMR-9999
			officer.samr  | /api/v1/permits/verification-queue | :SAMR-9999
			""")
	void aListReadsOnAfterTheRowACursorNames(String account, String list, String lastKey) throws Exception {
		String cursor = new Cursor(Instant.parse("2100-01-01T00:00:00Z"), lastKey).text();
		MockHttpServletResponse response = mvc.perform(as(account, get(list).param("cursor", cursor))).andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	/** A cursor of the right shape whose key no page of that list would have written. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			admin            | /api/v1/accounts                    | OWNER::someone
			admin            | /api/v1/accounts                    | TRADER:CUSTOMS
			officer.commerce | /api/v1/permit-applications/queue | ISSUED::PA-2099-000001
			officer.commerce | /api/v1/permit-applications/queue | UNDER_REVIEW:tomorrow:PA-2099-000001
			officer.commerce | /api/v1/permit-applications/queue | UNDER_REVIEW:2026-12-31
			officer.samr     | /api/v1/permits/verification-queue  | 31.12.2026:SAMR-9999
			officer.samr     | /api/v1/permits/verification-queue  | SAMR-9999
			""")
	void aCursorKeyNoPageOfTheListWroteIsRefused(String account, String list, String key) throws Exception {
		refusesTheCursor(account, list, new Cursor(Instant.parse("2026-12-01T00:00:00Z"), key));
	}

	/**
	 * A cursor built by hand with a time or a day beyond what PostgreSQL holds (Java reads years up to a billion): the
	 * list refuses it as any cursor it did not write, rather than failing in the database.
	 */
	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			trader.coffee    | /api/v1/declarations               | +999999-01-01T00:00:00Z | 00000000-0000-0000-0000-000000000001
			trader.chip      | /api/v1/permits                    | -999999-01-01T00:00:00Z | CHIP-PERMIT-0001
			officer.samr     | /api/v1/enterprises                | +999999-01-01T00:00:00Z | 91350200MA31C0017J
			admin            | /api/v1/audit?action=LICENCE_ISSUED | +999999-01-01T00:00:00Z | 1
			admin            | /api/v1/accounts                   | +999999-01-01T00:00:00Z | TRADER::trader.zzz
			officer.commerce | /api/v1/permit-applications/queue | 2026-12-01T00:00:00Z    | UNDER_REVIEW:+999999999-12-31:PA-2099-000001
			officer.samr     | /api/v1/permits/verification-queue | 2026-12-01T00:00:00Z    | -999999999-01-01:SAMR-9999
			""")
	void aCursorBeyondTheDatabasesCalendarIsRefused(String account, String list, String at, String key)
			throws Exception {
		refusesTheCursor(account, list, new Cursor(Instant.parse(at), key));
	}

	/** {@code list} read after {@code cursor} by {@code account}: 422 {@code CURSOR_INVALID}. */
	private void refusesTheCursor(String account, String list, Cursor cursor) throws Exception {
		MockHttpServletResponse response = mvc.perform(as(account, get(list).param("cursor", cursor.text())))
			.andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
		JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("CURSOR_INVALID");
	}

	/**
	 * A cursor made by hand whose key holds a NUL or another control character: the lists that bind their key as text
	 * (a USCC, a permit's number, an application's reference) would hand PostgreSQL a string it refuses.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			officer.samr | /api/v1/enterprises
			trader.chip  | /api/v1/permits
			trader.chip  | /api/v1/permit-applications
			""")
	void aCursorKeyWithAControlCharacterIsRefused(String account, String list) throws Exception {
		for (String key : List.of("9135\u0000", "PA-2026\u0000-1", "a\u001bb")) {
			String cursor = new Cursor(Instant.parse("2026-12-01T00:00:00Z"), key).text();
			MockHttpServletResponse response = mvc.perform(as(account, get(list).param("cursor", cursor))).andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
		}
	}

	@Test
	void aTraderWithMoreDeclarationsThanAPageReachesTheOldestOne() throws Exception {
		String oldest = submitRoastedCoffee();
		for (int i = 0; i < 3; i++) {
			submitRoastedCoffee();
		}
		List<String> seen = new ArrayList<>();
		Page page = read("trader.coffee", "/api/v1/declarations?limit=2", "id");
		seen.addAll(page.keys());
		while (page.next() != null) {
			page = read("trader.coffee", page.next(), "id");
			seen.addAll(page.keys());
		}
		assertThat(seen).contains(oldest).doesNotHaveDuplicates();
		assertThat(seen.indexOf(oldest)).as("newest first").isGreaterThanOrEqualTo(3);
	}

	@Test
	void aDeclarationSubmittedWhileATraderPagesNeitherShiftsTheNextPageNorRepeatsARow() throws Exception {
		submitRoastedCoffee();
		submitRoastedCoffee();
		List<String> before = read("trader.coffee", "/api/v1/declarations?limit=500", "id").keys();
		Page first = read("trader.coffee", "/api/v1/declarations?limit=1", "id");
		assertThat(first.keys()).containsExactly(before.getFirst());

		String submittedMeanwhile = submitRoastedCoffee();
		Page second = read("trader.coffee", first.next(), "id");

		assertThat(second.keys()).as("the row after the first page's, as the list was when it was read")
			.containsExactly(before.get(1))
			.doesNotContain(submittedMeanwhile);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			limit=0       | limit  | TOO_SMALL
			limit=501     | limit  | TOO_LARGE
			limit=ten     | limit  | MALFORMED_VALUE
			cursor=abc    | cursor | CURSOR_INVALID
			cursor=MXxub3QgYSB0aW1lfHg | cursor | CURSOR_INVALID
			""")
	void aLimitOutsideOneToFiveHundredOrACursorNoPageGaveIsRefusedByField(String query, String field, String code)
			throws Exception {
		for (String list : List.of("/api/v1/declarations", "/api/v1/permits", "/api/v1/webhooks/deliveries")) {
			MockHttpServletResponse response = mvc.perform(as("trader.chip", get(list + "?" + query))).andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(list + "?" + query).isEqualTo(422);
			JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
			assertThat(problem.path("field").asString()).isEqualTo(field);
			assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo(code);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			limit=501 | This value is too large: at most 500.
			limit=0   | This value is too small: at least 1.
			""")
	void aLimitOutOfRangeIsToldTheRange(String query, String message) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(as("trader.chip", get("/api/v1/declarations?" + query)).header("Accept-Language", "en"))
			.andReturn().getResponse();
		JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo(message);
	}

	/** Every row, in pages of the largest size. */
	private List<String> readAll(String account, String address, String key) throws Exception {
		Page page = read(account, address, key);
		List<String> all = new ArrayList<>(page.keys());
		while (page.next() != null) {
			page = read(account, page.next(), key);
			all.addAll(page.keys());
		}
		return all;
	}

	private Page read(String account, String address, String key) throws Exception {
		MockHttpServletResponse response = mvc.perform(as(account, get(URI.create(address)))).andReturn().getResponse();
		assertThat(response.getStatus()).as(address).isEqualTo(200);
		JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		JsonNode rows = body.isArray() ? body : body.path("entries");
		List<String> keys = new ArrayList<>();
		rows.forEach(row -> keys.add(row.path(key).asString()));
		String link = response.getHeader("Link");
		if (link == null) {
			return new Page(keys, null);
		}
		Matcher next = NEXT.matcher(link);
		assertThat(next.find()).as("Link: " + link).isTrue();
		return new Page(keys, next.group(1));
	}

	private static String address(String list, String parameter) {
		return list + (list.contains("?") ? "&" : "?") + parameter;
	}

	/** A declaration of roasted coffee by the coffee trader: the document's own example. */
	private String submitRoastedCoffee() throws Exception {
		MockHttpServletResponse response = mvc.perform(as("trader.coffee", post("/api/v1/declarations"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ApiExamples.requestExample("/api/v1/declarations", "post", "roastedCoffee")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("id").asString();
	}

	/** The document's registration example, with new names: a licence issued, and audited. */
	private void registerACoffeeTrader() throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
			.content(ApiExamples.fresh("post /api/v1/enterprises",
					ApiExamples.requestExample("/api/v1/enterprises", "post", "coffeeTrader"))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
	}

	/** Three demo traders and their enterprises, each applying for permits once (a second application waits). */
	private static final List<String[]> TRADERS = List.of(new String[] { "trader.chip", "91350200MA31C0017J" },
			new String[] { "trader.coffee", "91350200MA31C0025D" },
			new String[] { "trader.tungsten", "91350200MA31C00338" });

	/**
	 * An automatic import licence for computers: commerce's queue holds it until decided. An enterprise's second
	 * application for it is refused while the first waits (409), which leaves the queue as full.
	 */
	private void applyForAnImportLicence(String[] trader) throws Exception {
		apply(trader[0], """
				{"catalogueCode":"AIL","applicant":"%s","scope":"computers","goods":["8471300000"],
				 "requestedQuantity":10,"documents":["Import contract","Application form"]}""".formatted(trader[1]));
	}

	/** A food business licence on a commitment: issued at once, market regulation reviews it afterwards. */
	private void commitToSellPrepackagedFood(String[] trader) throws Exception {
		apply(trader[0], """
				{"catalogueCode":"FOOD_BUSINESS_LICENCE","applicant":"%s","scope":"预包装食品销售",
				 "documents":["CMT-1","Premises","Food safety rules"],"commitmentSigned":true}""".formatted(trader[1]));
	}

	private void apply(String account, String json) throws Exception {
		MockHttpServletResponse response = mvc.perform(as(account, post("/api/v1/permit-applications"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isIn(201, 409);
	}

	/** Computers and processors of the chip maker: inspection and quarantine decide on them (a CIQ task). */
	private void submitComputersForInspection() throws Exception {
		MockHttpServletResponse response = mvc.perform(as("trader.chip", post("/api/v1/declarations"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
					 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":3,
					 "grossWeight":120,"netWeight":100,
					 "items":[{"hsCode":"8471300000","description":"portable computers","quantity":1,"unit":"C62",
					 "value":800,"origin":"US"},{"hsCode":"8542319000","description":"processors","quantity":200,
					 "unit":"C62","value":4000,"origin":"US"}]}"""))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
	}

	private static MockHttpServletRequestBuilder as(String account, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer sw-demo-" + account);
	}
}
