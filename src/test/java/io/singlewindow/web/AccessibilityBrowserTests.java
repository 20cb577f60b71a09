package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * axe-core ({@link Axe}) checks the pages each role uses — anonymous, trader, broker, every agency's officer,
 * administrator — in both languages: no serious or critical accessibility violation.
 */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	BrowserSession browser;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new BrowserSession(port);
	}

	@AfterAll
	void stopBrowser() throws Exception {
		if (browser != null) {
			browser.close();
		}
	}

	/** Serious and critical violations on the page now open, one line each: rule, count, first element. */
	List<String> violations() {
		return Axe.seriousViolations(browser.driver());
	}

	/**
	 * Fields whose placeholder a person could take for a typed value. Examples belong in a hint under the field
	 * (issue 15, item 16), so every placeholder counts: one that only says what to do is as easily misread when the
	 * field is small.
	 */
	List<String> placeholders() {
		Object found = ((JavascriptExecutor) browser.driver()).executeScript("""
				return Array.from(document.querySelectorAll('[placeholder]'))
				  .map(function (e) { return 'placeholder on #' + (e.id || e.name) + ': ' + e.getAttribute('placeholder'); });""");
		List<String> lines = new ArrayList<>();
		((List<?>) found).forEach(p -> lines.add(String.valueOf(p)));
		return lines;
	}

	@Test
	void everyRolesPagesHaveNoSeriousOrCriticalViolationsInEitherLanguage() throws IOException, InterruptedException {
		String declaration = new SingleWindowClient(port).submitPerfumeImport("trader.chip");
		String chipUscc = jdbc.sql("SELECT uscc FROM user_account WHERE username = 'trader.chip'").query(String.class)
			.single();
		// An agency agreement the broker proposed to the chip maker: its trader's page has the forms to decide it.
		jdbc.sql("""
				INSERT INTO agency_agreement (number, broker, principal, flow, goods, hs_code, valid_until, status,
				                              proposed_by, proposed_at)
				SELECT 'WT2026' || lpad(nextval('agency_agreement_seq')::text, 8, '0'), b.uscc, ?, 'IMPORT', 'processors',
				       '854231', DATE '2099-12-31', 'PROPOSED', 'broker', now()
				FROM user_account b WHERE b.username = 'broker'""").param(chipUscc).update();
		// A form saved for later (暂存): the list shows it above the declarations, the form opens filled from it.
		java.util.UUID unsent = java.util.UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO declaration_unsent (id, declarant, saved_by, saved_at, fields, version)
				VALUES (?, ?, 'trader.chip', now(), '{"items[0].hsCode": "8471300000", "items[0].description": "laptops"}', 1)""")
			.params(unsent, chipUscc).update();
		// Every officer opens the same pages: what differs is their agency's data and menu.
		List<String> officerPages = List.of("/", "/agency/queue", "/agency/queue?status=QUERIED", "/agency-agreements",
				"/declarations/" + declaration, "/permits/queue", "/permits/verification", "/permits/catalogue",
				"/enterprises", "/risk/assessments", "/statistics", "/hs?code=8471", "/tariff/assess");
		Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
		String permit = jdbc.sql("SELECT number FROM permit WHERE holder_uscc = ? ORDER BY number LIMIT 1")
			.param(chipUscc).query(String.class).single();
		pages.put("anonymous", List.of("/login", "/login?error", "/register", "/verify", "/verify?uscc=123",
				"/verify/" + chipUscc, "/verify/permits/" + permit, "/verify/permits?number=NO-SUCH", "/no-such-page"));
		pages.put("trader.chip", List.of("/", "/declarations", "/declarations/new", "/declarations/" + declaration,
				"/declarations/" + declaration + "/response", "/declarations/new?unsent=" + unsent,
				"/declarations/new?from=" + declaration, "/permits", "/permits/catalogue", "/permits/apply?code=AIL",
				"/licences/mine", "/hs?q=coffee", "/hs?code=090122", "/tariff/lines", "/tariff/assess",
				"/account/api-keys", "/account/webhooks", "/account/password", "/account/operators",
				"/account/brokers", "/account/second-factor", "/agency-agreements"));
		pages.put("broker", List.of("/", "/declarations", "/declarations/new", "/permits", "/licences/mine",
				"/account/webhooks", "/account/api-keys", "/hs?q=咖啡", "/account/principals", "/agency-agreements"));
		pages.put("officer.customs", officerPages);
		// The other five open the same templates: what differs is their menu and their agency's tasks, on these.
		List<String> ownData = List.of("/", "/agency/queue", "/declarations/" + declaration, "/permits/queue");
		for (String agency : List.of("ciq", "commerce", "samr", "msa", "tax")) {
			pages.put("officer." + agency, ownData);
		}
		pages.put("admin", List.of("/", "/agency/queue", "/agency/queue?agency=CUSTOMS", "/permits/queue",
				"/admin/routing", "/admin/routing/CUSTOMS_ALWAYS", "/admin/risk",
				"/admin/tariff", "/admin/exchange-rates", "/admin/trade-remedies", "/admin/origins-without-mfn", "/tariff/lines/2208200000",
				"/admin/permit-catalogue", "/admin/accounts",
				"/admin/calendar", "/admin/audit", "/statistics", "/agency-agreements"));
		List<String> found = new ArrayList<>();
		for (var visitor : pages.entrySet()) {
			browser.driver().manage().deleteAllCookies();
			if (!visitor.getKey().equals("anonymous")) {
				browser.logInAs(visitor.getKey(), "demo12345");
				browser.waitFor(By.cssSelector("section.home"));
			}
			for (String page : visitor.getValue()) {
				for (String lang : languagesFor(visitor.getKey())) {
					browser.open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
					browser.waitFor(By.tagName("main"));
					violations().forEach(v -> found.add(visitor.getKey() + " " + page + " [" + lang + "] " + v));
					placeholders().forEach(p -> found.add(visitor.getKey() + " " + page + " [" + lang + "] " + p));
				}
			}
		}
		assertThat(found).as("serious or critical accessibility violations, placeholders").isEmpty();
	}

	/**
	 * Both languages for every role, except that of the six agencies' officers — who open the same pages with their own
	 * data and menu — customs is checked in both and the other five each in one, alternating: what a language changes
	 * (text, lang attribute) is the same for every agency, and the pass is the suite's longest class (255 s on two
	 * cores when every officer opened every page).
	 */
	static List<String> languagesFor(String visitor) {
		return switch (visitor) {
			case "officer.ciq", "officer.samr", "officer.tax" -> List.of("en");
			case "officer.commerce", "officer.msa" -> List.of("zh_CN");
			default -> List.of("en", "zh_CN");
		};
	}
}
