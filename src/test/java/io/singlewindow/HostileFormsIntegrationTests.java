package io.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.enterprise.EnterpriseFixtures;
import jakarta.servlet.http.Cookie;

/**
 * The web forms of the two busiest write paths (anonymous registration, a trader's declaration) with a corpus of
 * hostile values in every field, one field at a time: the page comes back with the field's error (never a 500) and
 * nothing is stored.
 */
@SingleWindowIntegrationTest
class HostileFormsIntegrationTests {

	static final List<String> HOSTILE = List.of("pro\u0000cessors", "x".repeat(5_000), "1e999999999", "1.5", "-1",
			"' OR '1'='1", "\uD800");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRegistrationFormAnswersEveryHostileValueWithAFormAndStoresNothing() throws Exception {
		Map<String, String> valid = new LinkedHashMap<>();
		valid.put("nameZh", "厦门表单测试有限公司");
		valid.put("nameEn", "Form Test Co.");
		valid.put("entityType", "LIMITED_LIABILITY_COMPANY");
		valid.put("legalRepresentative", "李四");
		valid.put("registeredCapital", "1000000");
		valid.put("capitalCurrency", "CNY");
		valid.put("zoneArea", "HAICANG_BONDED_PORT");
		valid.put("address", "海沧大道 1 号");
		valid.put("businessScope", "C3240");
		valid.put("industrialChain", "TUNGSTEN");
		valid.put("username", "form" + System.nanoTime());
		valid.put("password", "password123");
		valid.put("formKey", java.util.UUID.randomUUID().toString());
		everyHostileValueIsAnsweredWithoutA5xxAndStoresNothing("/register", valid, null, "enterprise");
	}

	@Test
	void theDeclarationFormAnswersEveryHostileValueWithAFormAndStoresNothing() throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user("trader.chip").password("demo12345")).andReturn()
			.getResponse().getCookie("SESSION");
		Map<String, String> valid = new LinkedHashMap<>();
		valid.put("declarant", EnterpriseFixtures.demo("CHIP").value());
		valid.put("flow", "IMPORT");
		valid.put("tradeMode", "0110");
		valid.put("transportMode", "4");
		valid.put("port", "CNXMN");
		valid.put("originCountry", "US");
		valid.put("destinationCountry", "CN");
		valid.put("tradingCountry", "US");
		valid.put("currency", "USD");
		valid.put("incoterm", "CIF");
		valid.put("freight", "10");
		valid.put("packages", "3");
		valid.put("grossWeight", "120");
		valid.put("netWeight", "100");
		valid.put("consignor", "Intel (demo)");
		valid.put("items[0].hsCode", "8542319000");
		valid.put("items[0].description", "processors");
		valid.put("items[0].quantity", "200");
		valid.put("items[0].unit", "C62");
		valid.put("items[0].value", "4000");
		valid.put("items[0].origin", "US");
		valid.put("formKey", java.util.UUID.randomUUID().toString());
		everyHostileValueIsAnsweredWithoutA5xxAndStoresNothing("/declarations/new", valid, session, "declaration");
	}

	/** Each field of the valid form in turn takes each hostile value: never a 5xx, and a refusal stores no row. */
	private void everyHostileValueIsAnsweredWithoutA5xxAndStoresNothing(String path, Map<String, String> valid,
			Cookie session, String table) throws Exception {
		for (String field : valid.keySet()) {
			for (String hostile : HOSTILE) {
				long before = count(table);
				MockHttpServletResponse page = postForm(path, valid, field, hostile, session);
				String context = path + " " + field + "=" + abbreviate(hostile) + " -> " + page.getStatus();
				assertThat(page.getStatus()).as(context).isLessThan(500);
				if (page.getStatus() != 302) {
					assertThat(count(table)).as(context).isEqualTo(before);
				}
			}
		}
		// Every press went through the check of a form sent twice under the form's key (a valid one, and each hostile
		// value in its place): none is left half-written, as a press at work would be.
		assertThat(jdbc.sql("SELECT count(*) FROM page_form_sent WHERE form_key = ?::uuid AND answered_to IS NULL")
			.param(valid.get("formKey")).query(Long.class).single()).isZero();
	}

	/** Found by the fuzz suite (form variant #254): the firewall refused the name inside the handler, a 500 page. */
	@Test
	void aFormParameterNamedWithAControlCharacterIsAMalformedRequestPage() throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user("trader.chip").password("demo12345")).andReturn()
			.getResponse().getCookie("SESSION");
		long before = count("declaration");
		MockHttpServletResponse page = mvc.perform(post("/declarations/new").with(csrf()).cookie(session)
			.characterEncoding(StandardCharsets.UTF_8).param("declarant", EnterpriseFixtures.demo("CHIP").value())
			.param("CN\u0000", "x")).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(count("declaration")).isEqualTo(before);
	}

	/** Found by the fuzz suite: a NUL in an uploaded tariff file reached the INSERT, which PostgreSQL refused (500). */
	@Test
	void aTariffFileWithANulIsRefusedAndNothingIsQueued() throws Exception {
		long before = count("tariff_import");
		mvc.perform(post("/api/v1/admin/tariff/imports").header("Authorization", "Bearer sw-demo-admin")
			.contentType("text/csv").content("hs_code,mfn_rate\n8542319000,0\u0000\n".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
		Cookie admin = mvc.perform(formLogin("/login").user("admin").password("demo12345")).andReturn().getResponse()
			.getCookie("SESSION");
		MockHttpServletResponse page = mvc.perform(multipart("/admin/tariff/imports").file(new MockMultipartFile("file",
				"nul.csv", "text/csv", "hs_code,mfn_rate\n8542319000,0\u0000\n".getBytes(StandardCharsets.UTF_8)))
			.with(csrf()).cookie(admin)).andReturn().getResponse();
		assertThat(page.getStatus()).isLessThan(500);
		// The refusal in words, with its position: the page showed "The request has invalid fields."
		assertThat(page.getContentAsString()).contains("(at position 30)");
		assertThat(count("tariff_import")).isEqualTo(before);

		// A file Excel saved in GBK is refused on the page too, saying what to do, instead of imported as U+FFFD.
		MockHttpServletResponse gbk = mvc.perform(multipart("/admin/tariff/imports").file(new MockMultipartFile("file",
				"gbk.csv", "text/csv", "hs_code,mfn_rate\n0902300000,乌龙茶\n".getBytes(java.nio.charset.Charset.forName("GBK"))))
			.with(csrf()).cookie(admin).header("Accept-Language", "en").param("lang", "en")).andReturn().getResponse();
		assertThat(gbk.getStatus()).isEqualTo(200);
		assertThat(gbk.getContentAsString()).contains("The file is not UTF-8 text", "CSV UTF-8");
		assertThat(count("tariff_import")).isEqualTo(before);
	}

	private MockHttpServletResponse postForm(String path, Map<String, String> valid, String field, String value,
			Cookie session) throws Exception {
		var request = post(path).with(csrf()).characterEncoding(StandardCharsets.UTF_8);
		valid.forEach((name, v) -> request.param(name, name.equals(field) ? value : v));
		if (session != null) {
			request.cookie(session);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static String abbreviate(String s) {
		return s.length() <= 40 ? s : s.substring(0, 40) + "…";
	}
}
