package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.CustomsDesk.amount;
import static io.singlewindow.declaration.internal.CustomsDesk.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * A general guarantee (总担保): one bank letter or deposit an enterprise lodges with customs for many declarations, so
 * that customs releases each of them before its duties are paid without a guarantee of its own. Each declaration
 * released against it holds part of its cover until the declarant pays (or the declaration is cancelled); what customs
 * takes from it on an overdue one is gone for good; it never covers more than its amount, however many officers draw
 * on it at once; and it is given back only when nothing holds it.
 */
class GeneralGuaranteeIntegrationTests extends CustomsDeskTestCase {

	@org.springframework.beans.factory.annotation.Autowired
	javax.sql.DataSource dataSource;

	@Test
	void customsReleasesDeclarationsAgainstTheEnterprisesGeneralGuaranteeUntilItsCoverIsUsedUp() throws Exception {
		String first = desk.cleared("3000", "1000");
		BigDecimal firstDue = amount(desk.view("officer.customs", first), "$.duties.amountDue");
		String second = desk.cleared("3000", "1000");
		BigDecimal secondDue = amount(desk.view("officer.customs", second), "$.duties.amountDue");
		String third = desk.cleared("3000", "1000");
		BigDecimal cover = firstDue.add(secondDue).add(new BigDecimal("100.00"));
		String reference = "BOC-GG-" + UUID.randomUUID();
		LocalDate until = time.today().plusYears(1);

		String lodged = body(lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "BANK_GUARANTEE",
				cover.toPlainString(), until.toString(), reference).andExpect(status().isCreated()));
		String general = JsonPath.read(lodged, "$.id");
		assertThat(JsonPath.<String>read(lodged, "$.state")).isEqualTo("ACTIVE");
		assertThat(amount(lodged, "$.available")).isEqualByComparingTo(cover);
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "BANK_GUARANTEE", cover.toPlainString(),
				until.toString(), reference).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(general));
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "BANK_GUARANTEE", "1", until.toString(),
				reference).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("GENERAL_GUARANTEE_EXISTS"));

		desk.guarantee("officer.customs", first, "GENERAL", firstDue.toPlainString(), null, reference)
			.andExpect(status().isOk()).andExpect(jsonPath("$.duties.guarantee.kind").value("GENERAL"))
			.andExpect(jsonPath("$.duties.guarantee.state").value("HELD"))
			.andExpect(jsonPath("$.duties.guarantee.validUntil").value(until.toString()));
		desk.release(first).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));
		desk.guarantee("officer.customs", second, "GENERAL", secondDue.toPlainString(), null, reference)
			.andExpect(status().isOk());
		assertThat(amount(read("officer.customs", general), "$.available")).isEqualByComparingTo("100.00");
		assertThat(amount(read("officer.customs", general), "$.inUse")).isEqualByComparingTo(firstDue.add(secondDue));

		desk.guarantee("officer.customs", third, "GENERAL", firstDue.toPlainString(), null, reference)
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("GENERAL_GUARANTEE_EXHAUSTED"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("100.00")));
		assertThat(JsonPath.<Object>read(desk.view("officer.customs", third), "$.duties.guarantee"))
			.as("nothing refused is kept").isNull();

		desk.money("officer.customs", "duty-payment", first, firstDue.toPlainString(), null, "ICBC-GG-1")
			.andExpect(status().isOk()).andExpect(jsonPath("$.duties.guarantee.state").value("DISCHARGED"));
		assertThat(amount(read("officer.customs", general), "$.available")).as("the paid declaration's part is free")
			.isEqualByComparingTo(firstDue.add(new BigDecimal("100.00")));
		desk.guarantee("officer.customs", third, "GENERAL", firstDue.toPlainString(), null, reference)
			.andExpect(status().isOk());

		String seen = read("trader.chip", general);
		assertThat(JsonPath.<List<String>>read(seen, "$.declarations[*].id")).containsExactlyInAnyOrder(first, second,
				third);
		assertThat(JsonPath.<List<String>>read(seen, "$.declarations[?(@.id == '" + first + "')].state"))
			.containsExactly("DISCHARGED");
		assertThat(JsonPath.<List<String>>read(body(mvc.perform(get("/api/v1/general-guarantees")
			.header("Authorization", "Bearer sw-demo-trader.chip")).andExpect(status().isOk())), "$[*].id"))
			.contains(general);
		for (String stranger : List.of("trader.coffee", "officer.ciq")) {
			mvc.perform(get("/api/v1/general-guarantees/{id}", general).header("Authorization", "Bearer sw-demo-" + stranger))
				.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("GENERAL_GUARANTEE_NOT_FOUND"));
			assertThat(JsonPath.<List<String>>read(body(mvc.perform(get("/api/v1/general-guarantees")
				.header("Authorization", "Bearer sw-demo-" + stranger)).andExpect(status().isOk())), "$[*].id"))
				.doesNotContain(general);
		}
		assertThat(desk.audited(first)).contains("DECLARATION_DUTIES_GUARANTEED by officer.customs");
	}

	@Test
	void onlyCustomsLodgesAGeneralGuaranteeAndOnlyOneItCanReadForTheEnterpriseItWasGivenFor() throws Exception {
		String until = time.today().plusYears(1).toString();
		for (String stranger : List.of("trader.chip", "broker", "officer.ciq", "admin")) {
			lodge(stranger, DeclarationCorrectionIntegrationTests.CHIP, "BANK_GUARANTEE", "1000", until, "X-1")
				.andExpect(status().isForbidden());
		}
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "BANK_GUARANTEE", "1000", null, "X-2")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("validUntil"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "BANK_GUARANTEE", "1000",
				time.today().minusDays(1).toString(), "X-3").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("validUntil"))
			.andExpect(jsonPath("$.errors[0].code").value("GUARANTEE_EXPIRED"));
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "DEPOSIT", "0", null, "X-4")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].code").value("AMOUNT_NOT_POSITIVE"));
		lodge("officer.customs", "91350200MA00000000", "DEPOSIT", "1000", null, "X-5")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("enterprise"));
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "SURETY", "1000", null, "X-6")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].code").value("GUARANTEE_KIND_UNKNOWN"));
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "GENERAL", "1000", null, "X-7")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].code").value("GUARANTEE_KIND_UNKNOWN"));
		assertThat(jdbc.sql("SELECT count(*) FROM general_guarantee WHERE reference LIKE 'X-%'").query(Long.class)
			.single()).as("nothing refused is stored").isZero();

		String coffee = io.singlewindow.enterprise.EnterpriseFixtures.demo("COFFEE").value();
		String reference = "DEP-GG-" + UUID.randomUUID();
		lodge("officer.customs", coffee, "DEPOSIT", "500000", null, reference).andExpect(status().isCreated());
		String id = desk.cleared("3000", "1000");
		BigDecimal due = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		desk.guarantee("officer.customs", id, "GENERAL", due.toPlainString(), null, reference)
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reference"))
			.andExpect(jsonPath("$.errors[0].code").value("GENERAL_GUARANTEE_UNKNOWN"));
	}

	@Test
	void whatCustomsTakesFromItForAnOverdueDeclarationIsGoneAndItIsGivenBackOnlyWhenNothingHoldsIt() throws Exception {
		String id = desk.cleared("3000", "1000");
		BigDecimal due = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		String reference = "DEP-GG-" + UUID.randomUUID();
		BigDecimal cover = due.multiply(new BigDecimal("3"));
		String general = JsonPath.read(body(lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP,
				"DEPOSIT", cover.toPlainString(), null, reference).andExpect(status().isCreated())), "$.id");
		BigDecimal drawn = due.add(new BigDecimal("500.00"));
		desk.guarantee("officer.customs", id, "GENERAL", drawn.toPlainString(), null, reference)
			.andExpect(status().isOk());
		desk.release(id).andExpect(status().isOk());

		giveBack("officer.customs", general).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("GENERAL_GUARANTEE_IN_USE"));
		clock.pin(time.now().plus(Duration.ofDays(70)));
		BigDecimal dueNow = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		desk.money("officer.customs", "duty-guarantee/enforcement", id, dueNow.toPlainString(), null, "DEP-GG-TAKEN")
			.andExpect(status().isOk()).andExpect(jsonPath("$.duties.guarantee.state").value("ENFORCED"));
		String after = read("officer.customs", general);
		assertThat(amount(after, "$.taken")).isEqualByComparingTo(dueNow);
		assertThat(amount(after, "$.inUse")).isZero();
		assertThat(amount(after, "$.available")).isEqualByComparingTo(cover.subtract(dueNow));

		giveBack("trader.chip", general).andExpect(status().isForbidden());
		giveBack("officer.customs", general).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RETURNED"))
			.andExpect(jsonPath("$.available").value(0));
		giveBack("officer.customs", general).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RETURNED"));
		clock.release();
		String next = desk.cleared("3000", "1000");
		desk.guarantee("officer.customs", next, "GENERAL", due.toPlainString(), null, reference)
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("GENERAL_GUARANTEE_RETURNED"));
		assertThat(jdbc.sql("""
				SELECT action FROM audit_entry WHERE subject_type = 'GENERAL_GUARANTEE' AND subject_id = ? ORDER BY id""")
			.param(general).query(String.class).list())
			.containsExactly("GENERAL_GUARANTEE_LODGED", "GENERAL_GUARANTEE_RETURNED");
	}

	@Test
	void officersDrawingOnItAtOnceNeverTakeMoreThanItCovers() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(desk.cleared("3000", "1000"));
		}
		BigDecimal due = amount(desk.view("officer.customs", ids.getFirst()), "$.duties.amountDue");
		String reference = "BOC-GG-" + UUID.randomUUID();
		// Room for three declarations' duties, not four.
		BigDecimal cover = due.multiply(new BigDecimal("3")).add(new BigDecimal("1.00"));
		String general = JsonPath.read(body(lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP,
				"BANK_GUARANTEE", cover.toPlainString(), time.today().plusYears(1).toString(), reference)
			.andExpect(status().isCreated())), "$.id");
		List<Callable<Integer>> draws = new ArrayList<>();
		for (String id : ids) {
			draws.add(() -> desk.guarantee("officer.customs", id, "GENERAL", due.toPlainString(), null, reference)
				.andReturn().getResponse().getStatus());
		}
		List<Integer> answers = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(8)) {
			for (Future<Integer> answer : pool.invokeAll(draws)) {
				answers.add(answer.get());
			}
		}
		assertThat(answers).containsOnly(200, 422);
		assertThat(answers.stream().filter(s -> s == 200).count()).isEqualTo(3);
		String read = read("officer.customs", general);
		assertThat(amount(read, "$.inUse")).isEqualByComparingTo(due.multiply(new BigDecimal("3")));
		assertThat(amount(read, "$.available")).isEqualByComparingTo("1.00");
	}

	@Test
	void customsLodgesOneFromItsPageAndTheDeclarantSeesWhatIsLeftOfIt() throws Exception {
		String reference = "BOC-GG-" + UUID.randomUUID();
		MockHttpServletResponse refused = desk.pagePost("officer.customs", "/general-guarantees",
				Map.of("enterprise", DeclarationCorrectionIntegrationTests.CHIP, "kind", "BANK_GUARANTEE", "amount",
						"lots", "validUntil", time.today().plusYears(1).toString(), "reference", reference));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("id=\"general-guarantee-error\"");
		MockHttpServletResponse lodged = desk.pagePost("officer.customs", "/general-guarantees",
				Map.of("enterprise", DeclarationCorrectionIntegrationTests.CHIP, "kind", "BANK_GUARANTEE", "amount",
						"80000", "validUntil", time.today().plusYears(1).toString(), "reference", reference));
		assertThat(lodged.getStatus()).isEqualTo(302);
		String general = jdbc.sql("SELECT id::text FROM general_guarantee WHERE reference = ?").param(reference)
			.query(String.class).single();
		assertThat(lodged.getRedirectedUrl()).isEqualTo("/general-guarantees/" + general);

		String id = desk.cleared("3000", "1000");
		String due = amount(desk.view("officer.customs", id), "$.duties.amountDue").toPlainString();
		assertThat(desk.page("officer.customs", "/declarations/" + id)).contains("value=\"GENERAL\"")
			.as("the declarant's general guarantees offered with what each still covers")
			.contains("list=\"guarantee-generals\"").contains("<option value=\"" + reference + "\"")
			.contains(reference + " (80,000.00)");
		MockHttpServletResponse drawn = desk.pagePost("officer.customs", "/declarations/" + id + "/duty-guarantee",
				Map.of("kind", "GENERAL", "amount", due, "reference", reference));
		assertThat(drawn.getStatus()).isEqualTo(302);

		assertThat(desk.page("trader.chip", "/general-guarantees")).contains(reference);
		String page = desk.page("trader.chip", "/general-guarantees/" + general);
		assertThat(page).contains("id=\"general-guarantee-available\"").contains("id=\"general-guarantee-in-use\"")
			.contains(JsonPath.<String>read(desk.view("trader.chip", id), "$.number"))
			.doesNotContain("id=\"general-guarantee-return\"");
		assertThat(desk.page("officer.customs", "/general-guarantees/" + general))
			.as("held by a declaration: not offered back").doesNotContain("id=\"general-guarantee-return\"");
		assertThat(desk.page("trader.coffee", "/general-guarantees")).doesNotContain(reference);
		assertThat(desk.page("officer.customs", "/")).contains("href=\"/general-guarantees\"");
		assertThat(desk.page("officer.ciq", "/")).as("customs' desk, not the other agencies'")
			.doesNotContain("href=\"/general-guarantees\"");
		assertThat(desk.page("officer.ciq", "/general-guarantees")).doesNotContain(reference)
			.contains("kept by customs");
	}

	@Test
	void customsIsToldOfALetterAboutToLapseAndALapsedOneIsNoLongerOffered() throws Exception {
		String id = desk.cleared("3000", "1000");
		String reference = "BOC-GG-" + UUID.randomUUID();
		String letter = JsonPath.read(body(lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP,
				"BANK_GUARANTEE", "90000", time.today().plusDays(10).toString(), reference)
			.andExpect(status().isCreated()).andExpect(jsonPath("$.daysLeft").value(10))), "$.id");
		String deposit = "DEP-GG-" + UUID.randomUUID();
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "DEPOSIT", "90000", null, deposit)
			.andExpect(status().isCreated()).andExpect(jsonPath("$.daysLeft").doesNotExist());

		assertThat(desk.page("officer.customs", "/general-guarantees")).contains("id=\"general-guarantees-expiring\"")
			.contains("id=\"expiring-" + letter + "\"").contains("Letter expires in 10 days");
		assertThat(desk.page("officer.customs", "/general-guarantees/" + letter))
			.contains("id=\"general-guarantee-expiring\"").contains("lapses in 10 days");
		assertThat(desk.page("officer.customs", "/declarations/" + id)).contains("<option value=\"" + reference + "\"");

		clock.pin(time.now().plus(Duration.ofDays(11)));
		assertThat(JsonPath.<Integer>read(read("officer.customs", letter), "$.daysLeft")).isEqualTo(-1);
		assertThat(desk.page("officer.customs", "/general-guarantees/" + letter)).contains("lapsed on");
		assertThat(desk.page("officer.customs", "/declarations/" + id)).as("a lapsed letter covers nothing more")
			.doesNotContain("<option value=\"" + reference + "\"").contains("<option value=\"" + deposit + "\"");
	}

	/**
	 * A guarantee's reading lists its first declarations; the whole list is read a page at a time, the latest first,
	 * each declaration once, by customs and the enterprise alike — and by nobody else.
	 */
	@Test
	void everyDeclarationDrawingOnAGuaranteeIsReadPageByPage() throws Exception {
		String reference = "DEP-GG-" + UUID.randomUUID();
		String general = JsonPath.read(body(lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP,
				"DEPOSIT", "90000", null, reference).andExpect(status().isCreated())), "$.id");
		List<String> drawn = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String id = desk.cleared("3000", "1000");
			desk.guarantee("officer.customs", id, "GENERAL",
					amount(desk.view("officer.customs", id), "$.duties.amountDue").toPlainString(), null, reference)
				.andExpect(status().isOk());
			drawn.add(id);
		}
		for (String reader : List.of("officer.customs", "trader.chip")) {
			MockHttpServletResponse first = mvc.perform(get("/api/v1/general-guarantees/{id}/declarations?limit=2",
					general).header("Authorization", "Bearer sw-demo-" + reader))
				.andExpect(status().isOk()).andReturn().getResponse();
			List<String> seen = new ArrayList<>(JsonPath.<List<String>>read(first.getContentAsString(), "$[*].id"));
			assertThat(seen).hasSize(2);
			String next = first.getHeader("Link");
			assertThat(next).contains("rel=\"next\"").contains("limit=2");
			String nextPage = next.substring(next.indexOf("/api/"), next.indexOf('>'));
			MockHttpServletResponse second = mvc.perform(get(java.net.URI.create(nextPage))
				.header("Authorization", "Bearer sw-demo-" + reader)).andExpect(status().isOk()).andReturn().getResponse();
			seen.addAll(JsonPath.<List<String>>read(second.getContentAsString(), "$[*].id"));
			assertThat(second.getHeader("Link")).as("the last page").isNull();
			assertThat(seen).as(reader).containsExactlyElementsOf(drawn.reversed());
			assertThat(JsonPath.<List<String>>read(second.getContentAsString(), "$[*].state")).containsOnly("HELD");
		}
		mvc.perform(get("/api/v1/general-guarantees/{id}/declarations", general)
			.header("Authorization", "Bearer sw-demo-trader.coffee")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("GENERAL_GUARANTEE_NOT_FOUND"));
		mvc.perform(get("/api/v1/general-guarantees/{id}/declarations", general).param("limit", "0")
			.header("Authorization", "Bearer sw-demo-trader.chip")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	/**
	 * The general guarantees are read a page at a time in the order of the whole list — in force first, the latest
	 * first — each once, across the line between those in force and those given back.
	 */
	@Test
	void theGuaranteesAreReadPageByPageInTheOrderOfTheWholeList() throws Exception {
		String returned = JsonPath.read(body(lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP,
				"DEPOSIT", "1000", null, "DEP-GG-" + UUID.randomUUID()).andExpect(status().isCreated())), "$.id");
		giveBack("officer.customs", returned).andExpect(status().isOk());
		for (int i = 0; i < 3; i++) {
			lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "DEPOSIT", "1000", null,
					"DEP-GG-" + UUID.randomUUID()).andExpect(status().isCreated());
		}
		for (String reader : List.of("officer.customs", "trader.chip")) {
			List<String> whole = JsonPath.read(body(mvc.perform(get("/api/v1/general-guarantees")
				.header("Authorization", "Bearer sw-demo-" + reader)).andExpect(status().isOk())), "$[*].id");
			assertThat(whole).contains(returned).hasSizeGreaterThan(3).hasSizeLessThan(GeneralGuarantees.LISTED);
			List<String> paged = new ArrayList<>();
			String address = "/api/v1/general-guarantees?limit=2";
			while (address != null && paged.size() <= whole.size()) {
				MockHttpServletResponse page = mvc.perform(get(java.net.URI.create(address))
					.header("Authorization", "Bearer sw-demo-" + reader)).andExpect(status().isOk()).andReturn()
					.getResponse();
				paged.addAll(JsonPath.<List<String>>read(page.getContentAsString(), "$[*].id"));
				String next = page.getHeader("Link");
				address = next == null ? null : next.substring(next.indexOf("/api/"), next.indexOf('>'));
			}
			assertThat(paged).as(reader).containsExactlyElementsOf(whole);
		}
		mvc.perform(get("/api/v1/general-guarantees").param("cursor", new io.singlewindow.core.Cursor(
				java.time.Instant.parse("2026-12-05T00:00:00Z"), UUID.randomUUID().toString()).text())
			.header("Authorization", "Bearer sw-demo-officer.customs")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("CURSOR_INVALID"))
			// Every paged list's refusal; it said "not given by the audit trail", the first list that was paged.
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("by this list")));
	}

	/**
	 * Customs' page of general guarantees a page at a time: following its links reads every guarantee once, and the
	 * notice of letters lapsing counts them all, also those on a later page (it counted the rows shown; the page
	 * showed the first 500 and nothing else before).
	 */
	@Test
	void customsReadsTheGuaranteesPageByPageAndIsToldOfEveryLetterLapsing() throws Exception {
		String enterprise = io.singlewindow.enterprise.EnterpriseFixtures
			.namedAlike(jdbc, "Guaranteed " + UUID.randomUUID().toString().substring(0, 8), 1).getFirst().value();
		// The first lodged lapses within the month; the ones lodged after it fill the first page.
		String lapsing = JsonPath.read(body(lodge("officer.customs", enterprise, "BANK_GUARANTEE", "1000",
				time.today().plusDays(10).toString(), "BOC-GG-" + UUID.randomUUID()).andExpect(status().isCreated())),
				"$.id");
		List<String> lodged = new ArrayList<>(List.of(lapsing));
		for (int i = 0; i < GeneralGuaranteePages.LIST_PAGE; i++) {
			lodged.add(JsonPath.read(body(lodge("officer.customs", enterprise, "DEPOSIT", "1000", null,
					"DEP-GG-" + UUID.randomUUID()).andExpect(status().isCreated())), "$.id"));
		}
		long lapsingInAll = jdbc.sql("""
				SELECT count(*) FROM general_guarantee WHERE returned_at IS NULL AND valid_until <= ?""")
			.param(time.today().plusDays(GeneralGuaranteeView.EXPIRY_NOTICE_DAYS)).query(Long.class).single();
		List<String> pages = io.singlewindow.web.ListPages.follow("/general-guarantees?lang=en", "general-guarantees",
				path -> desk.page("officer.customs", path));
		assertThat(pages.getFirst()).as("on the first page, the lapsing letter on a later one")
			.doesNotContain("id=\"general-guarantee-" + lapsing + "\"")
			.contains("id=\"general-guarantees-expiring\"", "or lapsed: " + lapsingInAll + ".");
		List<String> listed = io.singlewindow.web.ListPages.rows(pages, "<tr id=\"general-guarantee-([0-9a-f-]{36})\"");
		assertThat(pages).hasSizeGreaterThan(1);
		assertThat(listed).doesNotHaveDuplicates().containsAll(lodged);
	}

	/**
	 * A guarantee's reading lists the first declarations and says so; the page of its own lists every one, the latest
	 * first, a page at a time, each once.
	 */
	@Test
	void aGuaranteesDeclarationsAreReadOnPagesOfTheirOwnWhereItsReadingListsTheFirst() throws Exception {
		String enterprise = io.singlewindow.enterprise.EnterpriseFixtures
			.namedAlike(jdbc, "Drawing " + UUID.randomUUID().toString().substring(0, 8), 1).getFirst().value();
		String reference = "DEP-GG-" + UUID.randomUUID();
		String general = JsonPath.read(body(lodge("officer.customs", enterprise, "DEPOSIT", "9000000", null, reference)
			.andExpect(status().isCreated())), "$.id");
		// One declaration released against a guarantee of the chip maker is the model of the enterprise's: its row
		// again, as many times as the reading lists and one more, each accepted a second before the one after it.
		String model = desk.cleared("3000", "1000");
		String chipReference = "DEP-GG-" + UUID.randomUUID();
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "DEPOSIT", "90000", null, chipReference)
			.andExpect(status().isCreated());
		desk.guarantee("officer.customs", model, "GENERAL",
				amount(desk.view("officer.customs", model), "$.duties.amountDue").toPlainString(), null, chipReference)
			.andExpect(status().isOk());
		int drawing = GeneralGuarantees.DECLARATIONS_SHOWN + 1;
		List<String> columns = jdbc.sql("""
				SELECT column_name FROM information_schema.columns WHERE table_name = 'declaration'
				ORDER BY ordinal_position""").query(String.class).list();
		String copied = columns.stream().map(column -> switch (column) {
			case "id" -> "gen_random_uuid()";
			case "number" -> "'GGP' || substr(md5(random()::text), 1, 15)";
			case "declarant" -> ":enterprise";
			case "client_reference" -> "client_reference || '-' || n";
			case "idempotency_key" -> "NULL";
			case "duties_guarantee_reference" -> ":reference";
			case "duties_guarantee_at" -> "duties_guarantee_at + n * interval '1 second'";
			default -> column;
		}).collect(java.util.stream.Collectors.joining(", "));
		jdbc.sql("INSERT INTO declaration (" + String.join(", ", columns) + ") SELECT " + copied
				+ " FROM declaration, generate_series(1, :drawing) n WHERE id = :model")
			.param("enterprise", enterprise).param("reference", reference).param("drawing", drawing)
			.param("model", UUID.fromString(model)).update();
		List<String> numbers = jdbc.sql("""
				SELECT number FROM declaration WHERE declarant = ? ORDER BY duties_guarantee_at DESC, id DESC""")
			.param(enterprise).query(String.class).list();
		assertThat(numbers).hasSize(drawing);

		String reading = desk.page("officer.customs", "/general-guarantees/" + general + "?lang=en");
		assertThat(reading).contains("Only the first " + GeneralGuarantees.DECLARATIONS_SHOWN + " are listed here")
			.contains("id=\"general-guarantee-declarations-all\" href=\"/general-guarantees/" + general + "/declarations\"");
		List<String> pages = io.singlewindow.web.ListPages.follow("/general-guarantees/" + general
				+ "/declarations?lang=en", "general-guarantee-declarations", path -> desk.page("officer.customs", path));
		assertThat(pages).hasSize(3);
		assertThat(io.singlewindow.web.ListPages.rows(pages, "<tr id=\"drawn-([A-Z0-9a-f]+)\""))
			.containsExactlyElementsOf(numbers);
		assertThat(pages.getLast()).contains("id=\"general-guarantee-declarations-first\"");
		mvc.perform(get("/general-guarantees/{id}/declarations", general).cookie(desk.session("trader.coffee")))
			.andExpect(status().isNotFound());
	}

	/**
	 * 保函即将到期: from 30 days before a letter's last day its enterprise reads on its home page that it lapses, and,
	 * once a declaration holds part of it, customs does too (to call on the bank in time); after the last day both
	 * read that it lapsed with the duties still held. Another enterprise reads nothing of it.
	 */
	@Test
	void theEnterpriseAndCustomsReadOnTheirHomePagesThatALetterStillHeldRunsOut() throws Exception {
		String reference = "BOC-GG-" + UUID.randomUUID();
		LocalDate last = time.today().plusDays(31);
		String letter = JsonPath.read(body(lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP,
				"BANK_GUARANTEE", "90000", last.toString(), reference).andExpect(status().isCreated())), "$.id");
		String link = "href=\"/general-guarantees/" + letter + "\"";
		assertThat(desk.page("trader.chip", "/")).as("31 days before").doesNotContain(link);

		clock.pin(time.now().plus(Duration.ofDays(1)));
		assertThat(desk.page("trader.chip", "/")).contains("id=\"home-notices\"").contains(link)
			.contains(reference + " lapses on " + last + " (30 days left): after that day no declaration is released");
		assertThat(desk.page("officer.customs", "/")).as("nothing holds it yet").doesNotContain(link);

		String id = desk.cleared("3000", "1000");
		BigDecimal due = amount(desk.view("officer.customs", id), "$.duties.amountDue");
		desk.guarantee("officer.customs", id, "GENERAL", due.toPlainString(), null, reference)
			.andExpect(status().isOk());
		String held = new java.text.DecimalFormat("#,##0.00").format(due);
		assertThat(desk.page("trader.chip", "/")).contains(link)
			.contains(reference + " lapses on " + last + " (30 days left) while declarations still hold " + held
					+ " CNY of it: pay their duties");
		assertThat(desk.page("officer.customs", "/")).contains(link).contains("call on the bank");
		assertThat(desk.page("trader.coffee", "/")).as("another enterprise").doesNotContain(link);

		clock.pin(time.now().plus(Duration.ofDays(31)));
		assertThat(desk.page("trader.chip", "/")).contains(link)
			.contains(reference + " lapsed on " + last + " while declarations still hold " + held + " CNY");
		assertThat(desk.page("officer.customs", "/")).contains(link).contains("Demand them from the enterprise");
	}

	/**
	 * A correction that takes a drawn declaration's first notice to nothing (its VAT 50 CNY or less) gives its part
	 * back; a later correction that raises its taxes again is a notice of its own, paid apart, never the first notice
	 * come back: the part stays given back, so nothing holds the guarantee again without a draw under its lock.
	 */
	@Test
	void aCorrectionRaisingTaxesAgainAfterTheFirstNoticeWentToNothingHoldsNoPartAgain() throws Exception {
		// three processors at 20 USD: import VAT about 55 CNY, owed
		String cleared = desk.submitted(SmallTaxWaiverIntegrationTests.TWO_PROCESSORS
			.replace("\"quantity\":2", "\"quantity\":3").replace("\"value\":40", "\"value\":60"));
		String id = JsonPath.read(cleared, "$.id");
		BigDecimal vat = amount(cleared, "$.totalVat");
		assertThat(vat).isGreaterThan(new BigDecimal("50"));
		String reference = "DEP-GG-" + UUID.randomUUID();
		BigDecimal cover = vat.multiply(new BigDecimal("2"));
		String general = JsonPath.read(body(lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP,
				"DEPOSIT", cover.toPlainString(), null, reference).andExpect(status().isCreated())), "$.id");
		desk.guarantee("officer.customs", id, "GENERAL", vat.toPlainString(), null, reference)
			.andExpect(status().isOk()).andExpect(jsonPath("$.duties.guarantee.state").value("HELD"));
		assertThat(amount(read("officer.customs", general), "$.inUse")).isEqualByComparingTo(vat);

		// the seller's credit note: two of the three were free samples; the VAT left is not collected
		desk.correct(id, 1, "40").andExpect(status().isOk())
			.andExpect(jsonPath("$.duties.guarantee.state").value("RETURNED"));
		assertThat(amount(read("officer.customs", general), "$.inUse")).as("the part given back").isZero();

		// the audit finds the samples were sold after all: the VAT comes back, on a notice of its own
		String raised = body(desk.correct(id, 1, "60").andExpect(status().isOk()));
		assertThat(JsonPath.<String>read(raised, "$.corrections[1].difference.kind")).isEqualTo("COLLECT");
		assertThat(amount(raised, "$.corrections[1].difference.amount")).isEqualByComparingTo(vat);
		assertThat(amount(raised, "$.duties.taxes")).as("the first notice stays at nothing").isZero();
		assertThat(JsonPath.<String>read(raised, "$.duties.guarantee.state")).isEqualTo("RETURNED");
		String after = read("officer.customs", general);
		assertThat(amount(after, "$.inUse")).as("held again without a draw").isZero();
		assertThat(amount(after, "$.available")).isEqualByComparingTo(cover);
		assertThat(jdbc.sql("SELECT count(*) FROM declaration d JOIN general_guarantee g ON " + GeneralGuarantees.DRAWING
				+ " WHERE g.id = ?::uuid AND " + GeneralGuarantees.HOLDS).param(general).query(Long.class).single())
			.as("declarations holding it").isZero();
	}

	/**
	 * The guarantee form on a cleared declaration's page reads the declarant's general guarantees: each page shown
	 * gives its database connection back. Found by a suite run: the offer was read as an unclosed stream, so every
	 * page customs opened kept a connection, the pool ran dry and a permit test that needs sixteen at once failed.
	 */
	@Test
	void customsOpeningDeclarationPagesWithTheOfferNeverRunsThePoolDry() throws Exception {
		String reference = "DEP-GG-" + UUID.randomUUID();
		lodge("officer.customs", DeclarationCorrectionIntegrationTests.CHIP, "DEPOSIT", "90000", null, reference)
			.andExpect(status().isCreated());
		String id = desk.cleared("3000", "1000");
		var pool = ((com.zaxxer.hikari.HikariDataSource) dataSource).getHikariPoolMXBean();
		int size = ((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize();
		for (int shown = 0; shown <= size; shown++) {
			assertThat(desk.page("officer.customs", "/declarations/" + id)).contains("<option value=\"" + reference + "\"");
		}
		assertThat(pool.getActiveConnections()).as("connections still held after the pages were shown")
			.isLessThan(size / 2);
	}

	private ResultActions lodge(String user, String enterprise, String kind, String amount, String validUntil,
			String reference) throws Exception {
		return mvc.perform(post("/api/v1/general-guarantees").header("Authorization", "Bearer sw-demo-" + user)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterprise\":\"" + enterprise + "\",\"kind\":\"" + kind + "\",\"amount\":" + amount
					+ ",\"validUntil\":" + (validUntil == null ? "null" : "\"" + validUntil + "\"") + ",\"reference\":\""
					+ reference + "\"}"));
	}

	private String read(String user, String id) throws Exception {
		return body(mvc.perform(get("/api/v1/general-guarantees/{id}", id).header("Authorization", "Bearer sw-demo-" + user))
			.andExpect(status().isOk()));
	}

	private ResultActions giveBack(String user, String id) throws Exception {
		return mvc.perform(post("/api/v1/general-guarantees/{id}/return", id)
			.header("Authorization", "Bearer sw-demo-" + user));
	}
}
