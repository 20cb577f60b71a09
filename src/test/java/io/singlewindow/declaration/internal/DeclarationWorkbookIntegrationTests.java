package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.Workbooks.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Declarations from a spreadsheet through the REST API: the template, a filled workbook giving the same declaration
 * as its JSON twin, every problem named by its cell, batches, and files that are not what they claim.
 */
@SingleWindowIntegrationTest
class DeclarationWorkbookIntegrationTests {

	static final MediaType XLSX = MediaType.parseMediaType(DeclarationWorkbooks.CONTENT_TYPE);

	static final List<String> HEADER = List.of("reference", "clientReference", "flow", "tradeMode", "transportMode",
			"port", "originCountry", "destinationCountry", "tradingCountry", "currency", "incoterm", "packages",
			"grossWeight", "netWeight");

	static final List<String> GOODS = List.of("reference", "hsCode", "description", "quantity", "unit", "value",
			"origin");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void templateHasHeaderGoodsNotesAndListsInTheTradersLanguageWithDropDowns() throws Exception {
		byte[] en = template("en");
		byte[] zh = template("zh-CN");

		assertThat(Workbooks.sheetNames(en)).containsExactly("Declarations", "Goods", "Notes", "Lists");
		assertThat(Workbooks.sheetNames(zh)).containsExactly("报关单", "商品", "说明", "代码表");
		assertThat(Workbooks.headings(en, 1)).startsWith("Declaration ref *", "Commodity code *");
		assertThat(Workbooks.headings(zh, 1)).startsWith("报关单序号 *", "商品编码 *");
		String sheets = Workbooks.entryText(en, "xl/worksheets/sheet1.xml");
		assertThat(sheets).contains("<dataValidation").contains("'Lists'!$A$2:$A$3").doesNotContain("\"null\"");
		assertThat(Workbooks.entryText(en, "xl/sharedStrings.xml")).contains("USD", "KGM", "0110", "CIF", "FR");
	}

	@Test
	void aFilledTemplateGivesTheSameDeclarationAsItsRestTwin() throws Exception {
		byte[] template = template("en");
		String reference = "wb-" + UUID.randomUUID();
		Map<String, Object> header = processorsHeader(reference);
		List<Object> headerRow = new ArrayList<>();
		DeclarationWorkbooks.headerColumns().forEach(c -> headerRow.add(header.get(c)));
		List<Object> line1 = new ArrayList<>();
		List<Object> line2 = new ArrayList<>();
		Map<String, Object> goods1 = Map.of("reference", "1", "hsCode", "8542319000", "description", "processors",
				"quantity", 200, "unit", "C62", "value", "4,000.00", "origin", "US");
		Map<String, Object> goods2 = Map.of("reference", "1", "hsCode", "8471300000", "description", "laptops",
				"quantity", 5, "unit", "C62", "value", 4000, "origin", "US");
		DeclarationWorkbooks.goodsColumns().forEach(c -> line1.add(goods1.get(c)));
		DeclarationWorkbooks.goodsColumns().forEach(c -> line2.add(goods2.get(c)));
		byte[] filled = workbook().sheet("Declarations", Workbooks.headings(template, 0), headerRow)
			.sheet("Goods", Workbooks.headings(template, 1), line1, line2)
			.bytes();

		String fromWorkbook = body(submit(filled, "key-" + reference, "en").andExpect(status().isCreated()));
		String twin = body(mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"clientReference":"twin-%s","flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN",
					 "originCountry":"US","destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF",
					 "packages":3,"grossWeight":12,"netWeight":10,
					 "items":[{"hsCode":"8542319000","description":"processors","quantity":200,"unit":"C62","value":4000,"origin":"US"},
					          {"hsCode":"8471300000","description":"laptops","quantity":5,"unit":"C62","value":4000,"origin":"US"}]}"""
				.formatted(reference)))
			.andExpect(status().isCreated()));

		for (String field : List.of("$.flow", "$.tradeMode", "$.transportMode", "$.port", "$.originCountry",
				"$.destinationCountry", "$.tradingCountry", "$.currency", "$.incoterm", "$.packages", "$.grossWeight",
				"$.netWeight", "$.consignee", "$.items", "$.status")) {
			assertThat((Object) JsonPath.read(fromWorkbook, field)).as(field).isEqualTo(JsonPath.read(twin, field));
		}
		assertThat(JsonPath.<List<?>>read(fromWorkbook, "$.items")).hasSize(2);
		// The same workbook again with the same key: the first declaration, not a second one.
		String again = body(submit(filled, "key-" + reference, "en").andExpect(status().isOk()));
		assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(JsonPath.read(fromWorkbook, "$.id"));
	}

	@Test
	void everyProblemIsNamedByItsCellInTheTradersLanguageAndNothingIsStored() throws Exception {
		String reference = "bad-" + UUID.randomUUID();
		byte[] bad = workbook().sheet("Declarations", HEADER,
				row(HEADER, processorsHeader(reference), Map.of("currency", "XYZ")))
			.sheet("Goods", GOODS, goods("1", "8542319000", "$160,000"), goods("1", "84713", "900"),
					goods("1", "8542319000", "1.234,50"))
			.bytes();
		long before = declarations();

		String problem = body(submit(bad, null, "en").andExpect(status().isUnprocessableContent()));

		assertThat(JsonPath.<String>read(problem, "$.code")).isEqualTo("INVALID_INPUT");
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field"))
			.containsExactlyInAnyOrder("Declarations!J2", "Goods!F2", "Goods!B3");
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[?(@.field == 'Goods!F2')].code"))
			.containsExactly("NUMBER_UNREADABLE");
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[?(@.field == 'Goods!B3')].message").getFirst())
			.contains("84713");
		assertThat(declarations()).isEqualTo(before);

		String chinese = body(submit(bad, null, "zh-CN").andExpect(status().isUnprocessableContent()));
		assertThat(JsonPath.<List<String>>read(chinese, "$.errors[?(@.field == 'Goods!F2')].message").getFirst())
			.contains("不是数字");
	}

	@Test
	void aWorkbookOfSeveralDeclarationsIsABatchWithAnOutcomeForEach() throws Exception {
		String reference = "batch-" + UUID.randomUUID();
		byte[] batch = workbook().sheet("Declarations", HEADER,
				row(HEADER, processorsHeader(reference + "-a"), Map.of("reference", "A")),
				row(HEADER, processorsHeader(reference + "-b"), Map.of("reference", "B", "currency", "XYZ")),
				row(HEADER, processorsHeader(reference + "-c"), Map.of("reference", "C")))
			.sheet("Goods", GOODS, goods("A", "8542319000", "4000"), goods("B", "8542319000", "4000"),
					goods("C", "8542319000", "4000"), goods("C", "8471300000", "800"))
			.bytes();
		long before = declarations();

		String result = body(submit(batch, "batch-" + reference, "en").andExpect(status().isOk()));

		assertThat(JsonPath.<List<String>>read(result, "$.results[*].outcome"))
			.containsExactly("CREATED", "REJECTED", "CREATED");
		assertThat(JsonPath.<List<String>>read(result, "$.results[1].errors[*].field")).containsExactly("Declarations!J3");
		assertThat(JsonPath.<Integer>read(result, "$.rejected")).isEqualTo(1);
		assertThat(declarations()).isEqualTo(before + 2);

		String repeated = body(submit(batch, "batch-" + reference, "en").andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(repeated, "$.results[*].outcome"))
			.containsExactly("REPEATED", "REJECTED", "REPEATED");
		assertThat(declarations()).isEqualTo(before + 2);
	}

	/**
	 * Until 2026-12-03 a workbook sent with an Idempotency-Key kept each of its declarations under the key and the row's
	 * reference: the trader's own client references were replaced by that, and the same declarations sent again in
	 * another workbook (under another key) were stored a second time.
	 */
	@Test
	void aWorkbooksDeclarationsAreKeyedByTheirOwnClientReferencesWhateverTheWorkbooksKey() throws Exception {
		String reference = "own-" + UUID.randomUUID();
		byte[] batch = workbook().sheet("Declarations", HEADER,
				row(HEADER, processorsHeader(reference + "-a"), Map.of("reference", "A")),
				row(HEADER, processorsHeader(reference + "-b"), Map.of("reference", "B")))
			.sheet("Goods", GOODS, goods("A", "8542319000", "4000"), goods("B", "8542319000", "4000"))
			.bytes();
		long before = declarations();

		String result = body(submit(batch, "first-" + reference, "en").andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(result, "$.results[*].outcome")).containsExactly("CREATED", "CREATED");
		assertThat(jdbc.sql("SELECT client_reference FROM declaration WHERE client_reference LIKE ? ORDER BY 1")
			.param(reference + "%").query(String.class).list()).containsExactly(reference + "-a", reference + "-b");

		String again = body(submit(batch, "second-" + reference, "en").andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(again, "$.results[*].outcome")).containsExactly("REPEATED", "REPEATED");
		assertThat(declarations()).isEqualTo(before + 2);

		// A reference used before for other goods is refused at its cell; the other row is a declaration of its own.
		byte[] other = workbook().sheet("Declarations", HEADER,
				row(HEADER, processorsHeader(reference + "-a"), Map.of("reference", "A", "packages", 4)),
				row(HEADER, processorsHeader(reference + "-c"), Map.of("reference", "C")))
			.sheet("Goods", GOODS, goods("A", "8542319000", "4000"), goods("C", "8542319000", "4000"))
			.bytes();
		String refused = body(submit(other, "third-" + reference, "en").andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(refused, "$.results[*].outcome")).containsExactly("REJECTED", "CREATED");
		assertThat(JsonPath.<List<String>>read(refused, "$.results[0].errors[*].code"))
			.containsExactly("IDEMPOTENCY_KEY_REUSED");
		assertThat(JsonPath.<List<String>>read(refused, "$.results[0].errors[*].field")).containsExactly("Declarations!B2");
		assertThat(declarations()).isEqualTo(before + 3);
	}

	@Test
	void anIdempotencyKeyLongerThanAReferenceIsRefusedByItsNameAndNothingIsStored() throws Exception {
		String reference = "long-" + UUID.randomUUID();
		List<List<?>> rows = new ArrayList<>(List.of(HEADER));
		List<List<?>> goods = new ArrayList<>(List.of(GOODS));
		for (int i = 0; i < 6; i++) {
			rows.add(row(HEADER, processorsHeader(reference + "-" + i), Map.of("reference", "R" + i)));
			goods.add(goods("R" + i, "8542319000", "4000"));
		}
		byte[] batch = workbook().sheet("Declarations", rows.toArray(List[]::new))
			.sheet("Goods", goods.toArray(List[]::new)).bytes();
		// Random, so that PostgreSQL cannot compress it below the largest entry of a unique index.
		var random = new java.util.Random(7);
		String key = random.ints(6_000, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
				StringBuilder::append).toString();
		long batches = jdbc.sql("SELECT count(*) FROM declaration_batch").query(Long.class).single();

		submit(batch, key, "en").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.errors[0].code").value("CLIENT_REFERENCE_TOO_LONG"));

		assertThat(jdbc.sql("SELECT count(*) FROM declaration_batch").query(Long.class).single()).isEqualTo(batches);
	}

	@Test
	void theLongestKeyAllowedSubmitsEveryDeclarationOnceWhateverTheirReferences() throws Exception {
		// Each declaration is kept under the batch's key and its own reference; at the limit those two together are
		// longer than a key may be, and every declaration used to be refused CLIENT_REFERENCE_TOO_LONG.
		String reference = "edge-" + UUID.randomUUID();
		String longReference = "R".repeat(60);
		byte[] batch = workbook().sheet("Declarations", HEADER,
				row(HEADER, processorsHeader(reference + "-a"), Map.of("reference", longReference + "A")),
				row(HEADER, processorsHeader(reference + "-b"), Map.of("reference", longReference + "B")))
			.sheet("Goods", GOODS, goods(longReference + "A", "8542319000", "4000"),
					goods(longReference + "B", "8542319000", "4000"))
			.bytes();
		String key = (reference + "-").repeat(3).substring(0, 100);
		long before = declarations();

		String result = body(submit(batch, key, "en").andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(result, "$.results[*].outcome")).containsExactly("CREATED", "CREATED");
		assertThat(declarations()).isEqualTo(before + 2);

		String repeated = body(submit(batch, key, "en").andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(repeated, "$.results[*].outcome")).containsExactly("REPEATED", "REPEATED");
		assertThat(declarations()).isEqualTo(before + 2);

		// One character more is the header's fault, and said so before a row is read.
		submit(batch, key + "x", "en").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.errors[0].code").value("CLIENT_REFERENCE_TOO_LONG"));
		assertThat(declarations()).isEqualTo(before + 2);
	}

	@Test
	void formulasAreReadByTheirCachedValueDatesAsDatesAndNumbersInEitherConvention() throws Exception {
		String reference = "f-" + UUID.randomUUID();
		Map<String, Object> header = new HashMap<>(processorsHeader(reference));
		header.put("grossWeight", new Workbooks.Formula("6*2"));
		header.put("clientReference", LocalDate.of(2026, 11, 30));
		byte[] calculated = Workbooks.rezip(workbook().sheet("Declarations", HEADER, row(HEADER, header, Map.of()))
			.sheet("Goods", GOODS, goods("1", "8542319000", "4.000,00"), goods("1", "8471300000", "1 200,5"))
			.bytes(), xml -> xml.replace("<f>6*2</f>", "<f>6*2</f><v>12</v>"), Map.of());
		String created = body(submit(calculated, null, "en").andExpect(status().isCreated()));
		assertThat(JsonPath.<Double>read(created, "$.grossWeight")).isEqualTo(12.0);
		assertThat(JsonPath.<List<Double>>read(created, "$.items[*].value")).containsExactly(4000.0, 1200.5);
		assertThat(jdbc.sql("SELECT count(*) FROM declaration WHERE client_reference = '2026-11-30'").query(Long.class)
			.single()).isEqualTo(1);

		// Never calculated (a file written by a program): the formula is not evaluated, the cell is named.
		header.put("clientReference", reference + "-uncalculated");
		byte[] uncalculated = workbook().sheet("Declarations", HEADER, row(HEADER, header, Map.of()))
			.sheet("Goods", GOODS, goods("1", "8542319000", "4000"))
			.bytes();
		String problem = body(submit(uncalculated, null, "en").andExpect(status().isUnprocessableContent()));
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).contains("Declarations!M2");
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].code")).contains("WORKBOOK_FORMULA_WITHOUT_VALUE");
	}

	@Test
	void filesThatAreNoUsableWorkbookGetAClearAnswer() throws Exception {
		byte[] good = workbook().sheet("Declarations", HEADER, row(HEADER, processorsHeader("x"), Map.of()))
			.sheet("Goods", GOODS, goods("1", "8542319000", "4000"))
			.bytes();
		byte[] ole2 = new byte[4096];
		System.arraycopy(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 }, 0, ole2, 0, 8);
		byte[] encrypted = ole2.clone();
		byte[] marker = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
		System.arraycopy(marker, 0, encrypted, 1024, marker.length);
		// 200 MB of zeros deflate to about 200 KB.
		var bomb = new java.io.ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(bomb)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 200; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		List<List<Object>> manyRows = new ArrayList<>();
		manyRows.add(new ArrayList<>(GOODS));
		for (int i = 0; i < 100_000; i++) {
			manyRows.add(List.of("1", "8542319000"));
		}
		byte[] hundredThousandRows = workbook().sheet("Declarations", HEADER, row(HEADER, processorsHeader("y"), Map.of()))
			.rows("Goods", manyRows)
			.bytes();

		Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
		hostile.put("WORKBOOK_NOT_XLSX", "reference,hsCode\n1,8542319000\n".getBytes(StandardCharsets.UTF_8));
		hostile.put("WORKBOOK_LEGACY_XLS", ole2);
		hostile.put("WORKBOOK_ENCRYPTED", encrypted);
		hostile.put("WORKBOOK_MACROS", Workbooks.rezip(good, xml -> xml, Map.of("xl/vbaProject.bin", new byte[100])));
		hostile.put("WORKBOOK_UNPACKS_TOO_LARGE", bomb.toByteArray());
		hostile.put("WORKBOOK_TOO_MANY_ROWS", hundredThousandRows);
		hostile.put("WORKBOOK_COLUMN_UNKNOWN",
				workbook().sheet("Declarations", List.of("reference", "Shoe size"), List.of("1", "42"))
					.sheet("Goods", GOODS)
					.bytes());
		hostile.put("WORKBOOK_NO_DECLARATION", workbook().sheet("Declarations", HEADER).sheet("Goods", GOODS).bytes());
		long before = declarations();
		for (var file : hostile.entrySet()) {
			String problem = body(submit(file.getValue(), null, "en").andExpect(status().isUnprocessableContent()));
			assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].code")).as(file.getKey() + " " + problem)
				.contains(file.getKey());
			assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].message")).as(file.getKey())
				.noneMatch(m -> m.startsWith("WORKBOOK_"));
		}
		assertThat(declarations()).isEqualTo(before);
		// Larger than any template filled by a person: refused before it is read.
		submit(new byte[2 * 1024 * 1024], null, "en").andExpect(status().isPayloadTooLarge());
	}

	static Map<String, Object> processorsHeader(String clientReference) {
		Map<String, Object> header = new HashMap<>(Map.of("reference", "1", "flow", "IMPORT", "tradeMode", "0110",
				"transportMode", "4", "port", "CNXMN", "originCountry", "US", "destinationCountry", "CN",
				"tradingCountry", "US", "currency", "USD", "incoterm", "CIF"));
		header.putAll(Map.of("packages", 3, "grossWeight", "12", "netWeight", 10, "clientReference", clientReference));
		return header;
	}

	static List<Object> row(List<String> columns, Map<String, Object> values, Map<String, Object> changed) {
		Map<String, Object> all = new HashMap<>(values);
		all.putAll(changed);
		List<Object> row = new ArrayList<>();
		columns.forEach(c -> row.add(all.get(c)));
		return row;
	}

	static List<Object> goods(String reference, String hsCode, String value) {
		return List.of(reference, hsCode, "processors", 200, "C62", value, "US");
	}

	private byte[] template(String language) throws Exception {
		return mvc.perform(get("/api/v1/declarations/template.xlsx").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private ResultActions submit(byte[] xlsx, String key, String language) throws Exception {
		return submit(mvc, xlsx, key, language);
	}

	/** The workbook posted by trader.chip's API key, with an Idempotency-Key unless {@literal null}. */
	static ResultActions submit(MockMvc mvc, byte[] xlsx, String key, String language) throws Exception {
		var request = post("/api/v1/declarations/workbooks").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Accept-Language", language)
			.contentType(XLSX)
			.content(xlsx);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	private long declarations() {
		return jdbc.sql("SELECT count(*) FROM declaration").query(Long.class).single();
	}

	static String body(ResultActions actions) throws Exception {
		return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
