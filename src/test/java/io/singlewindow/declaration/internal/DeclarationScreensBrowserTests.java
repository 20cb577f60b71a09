package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.web.BrowserTestCase;

/**
 * The declaration page as people rely on it: an officer's empty reason is a field error, what a trader types survives
 * the live updates, the trader is never offered an amendment that can no longer be made, and withdraws with a reason;
 * a declarant applies for the cancellation of a released declaration, and a customs officer cancels it with a reason.
 */
class DeclarationScreensBrowserTests extends BrowserTestCase {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.singlewindow.platform.TestClock clock;

	@Test
	void anOfficersQueryOrRejectionWithoutAReasonIsAFieldErrorInEitherLanguage() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		logIn("officer.ciq");

		browser.open("/declarations/" + id + "?lang=zh_CN");
		browser.click("reject-CIQ");
		assertThat(browser.text(By.id("reason-error-CIQ"))).isEqualTo("请填写理由或问题。");
		assertThat(browser.waitFor(By.id("reason-CIQ")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.driver().findElements(By.cssSelector("[id^=error-]"))).isEmpty();
		browser.screenshot("declaration-reject-without-reason-zh");

		browser.open("/declarations/" + id + "?lang=en");
		browser.click("query-CIQ");
		assertThat(browser.text(By.id("reason-error-CIQ"))).isEqualTo("Give a reason or a question.");
		browser.screenshot("declaration-query-without-reason-en");
		// Nothing was decided; with a question the query goes through.
		assertThat(api.status(id)).isNotEqualTo("QUERIED");
		browser.type("reason-CIQ", "Which fragrance concentration?");
		browser.click("query-CIQ");
		assertThat(browser.waitForText(By.cssSelector("#task-CIQ .badge"), "Queried")).isTrue();
	}

	@Test
	void whatATraderTypesSurvivesTheLiveUpdatesOfTheDeclaration() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.decide(id, "CIQ", "QUERY", "Which fragrance concentration?");
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=en");
		browser.append("answer-CIQ", "Eau de parfum, ");

		// Meanwhile the declaration changes (another agency's step is recorded): the page shows it without a reload…
		jdbc.sql("INSERT INTO declaration_event (id, declaration_id, at, event, agency, actor, reason) VALUES (?, ?, ?, 'ROUTED', 'CUSTOMS', 'test', 'second look')")
			.params(UUID.randomUUID(), UUID.fromString(id), java.sql.Timestamp.from(Instant.now())).update();
		jdbc.sql("UPDATE declaration SET updated_at = now() WHERE id = ?").param(UUID.fromString(id)).update();
		assertThat(browser.waitForText(By.cssSelector("#timeline li:last-child span:last-child"), "second look")).isTrue();
		// It was pushed (Server-Sent Events from PostgreSQL's NOTIFY), not polled: polling starts only when the push fails.
		assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return !document.getElementById('live-trigger')._poll;")).isTrue();

		// … and what the trader had typed is still there, to be finished and sent whole.
		browser.append("answer-CIQ", "15 % concentration");
		assertThat(browser.value("answer-CIQ")).isEqualTo("Eau de parfum, 15 % concentration");
		browser.screenshot("declaration-answer-survives-live-update");
		browser.click("send-answer-CIQ");
		assertThat(browser.text(By.cssSelector("#task-reason-CIQ"))).contains("Eau de parfum, 15 % concentration");
	}

	@Test
	void aBlankAnswerAndAnAmendmentWithANegativeQuantityAreRefusedAtTheirFieldsAndChangeNothing() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.decide(id, "CIQ", "QUERY", "Which fragrance concentration?");
		logIn("trader.chip");

		// Blanks pass the browser's own required check, so the platform's refusal is what the trader meets.
		browser.open("/declarations/" + id + "?lang=zh_CN");
		browser.type("answer-CIQ", "   ");
		browser.click("send-answer-CIQ");
		assertThat(assertSummaryLeadsToInvalidFields("declaration-answer-refused-zh")).containsExactly("answer-CIQ");
		assertThat(api.status(id)).as("the query is still open").isEqualTo("QUERIED");

		browser.open("/declarations/" + id + "/amend?lang=en");
		browser.type("item0-quantity", "-5");
		browser.click("submit-declaration");
		WebElement summary = browser.waitFor(By.id("form-errors"));
		assertThat(summary.getText()).contains("Item 1");
		// The summary's first link has the focus and leads to the field, which is marked invalid and red.
		WebElement focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getDomAttribute("href")).isEqualTo("#item0-quantity");
		WebElement quantity = browser.driver().findElement(By.id("item0-quantity"));
		assertThat(quantity.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(quantity.getCssValue("border-top-color")).isEqualTo(RED);
		assertThat(browser.value("item0-quantity")).as("what was typed stays").isEqualTo("-5");
		browser.screenshot("declaration-amendment-refused-en");
		assertThat(jdbc.sql("SELECT count(*) FROM declaration_event WHERE declaration_id = ? AND event = 'AMENDED'")
			.param(UUID.fromString(id)).query(Long.class).single()).as("nothing of the refused amendment is kept")
			.isZero();
		assertThat(api.status(id)).isEqualTo("QUERIED");
	}

	@Test
	void theAmendLinkGoesWhenTheDeclarationIsClearedAndARefusedAmendmentSaysWhyInWords() throws Exception {
		String watched = api.submitPerfumeImport("trader.chip");
		String amended = api.submitPerfumeImport("trader.chip");
		logIn("trader.chip");

		// An amendment started before the declaration was cleared is refused with the status in words.
		browser.open("/declarations/" + amended + "/amend?lang=en");
		browser.waitFor(By.id("submit-declaration"));
		api.approveAllPending(amended);
		browser.click("submit-declaration");
		assertThat(browser.text(By.id("form-errors"))).contains("is Cleared and can no longer be amended")
			.doesNotContain("{1}", "CLEARED");
		browser.open("/declarations/" + amended + "/amend?lang=zh_CN");
		assertThat(browser.text(By.cssSelector("#error-409 p.error"))).contains("审结").doesNotContain("{1}");
		browser.screenshot("declaration-amend-refused-zh");

		// The page that is open when the declaration is cleared loses its Amend link by itself.
		browser.open("/declarations/" + watched + "?lang=en");
		assertThat(browser.waitFor(By.id("amend")).isDisplayed()).isTrue();
		// The trader reads what happens next in words, and no internal rule or policy codes.
		assertThat(browser.text(By.id("declaration-next"))).contains("You can still amend");
		assertThat(browser.text(By.id("main"))).doesNotContain("CUSTOMS_ALWAYS", "CIQ_SUPERVISION_AB", "OFFICER_REVIEW",
				"CUSTOMS_GREEN_CHANNEL");
		api.approveAllPending(watched);
		assertThat(browser.waitForText(By.id("declaration-status"), "Cleared")).isTrue();
		assertThat(browser.gone(By.id("amend"))).isTrue();
		assertThat(browser.text(By.id("declaration-next")))
			.startsWith("Every agency approved. The duties and taxes are paid next, by ")
			.endsWith("; customs then releases the goods.");
	}

	@Test
	void customsReleasesAgainstADepositAndCollectsWhatALaterCorrectionAddsFromThePage() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.approveAllPending(id);
		logIn("officer.customs");
		browser.open("/declarations/" + id + "?lang=en");
		browser.click("guarantee-open");
		browser.select("guarantee-kind", "DEPOSIT");
		// A margin over what is due today: the deposit still covers the surcharge should the last day pass unpaid.
		java.math.BigDecimal due = new java.math.BigDecimal(browser.value("guarantee-amount"));
		browser.type("guarantee-amount", due.multiply(new java.math.BigDecimal("1.1"))
			.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
		browser.type("guarantee-reference", "DEP-20261204-3");
		browser.clickForNextPage("accept-guarantee");
		assertThat(browser.text(By.id("recorded"))).contains("the guarantee is accepted");
		assertThat(browser.text(By.id("duties-guarantee"))).contains("cash deposit").contains("DEP-20261204-3");
		assertThat(browser.text(By.id("declaration-next"))).contains("it may release the goods now");
		browser.screenshotOf("duties", "declaration-duties-guaranteed-en");
		browser.clickForNextPage("release");
		assertThat(browser.waitForText(By.id("declaration-status"), "Released")).isTrue();

		// An audit finds line 1 underdeclared: its taxes are a notice of their own, collected from the page.
		api.correct(id, 1, api.value(id, 1).multiply(new java.math.BigDecimal("1.2")), "Audit: line 1's price");
		browser.open("/declarations/" + id + "?lang=en");
		org.openqa.selenium.WebElement open = browser.driver()
			.findElement(By.cssSelector("summary[id^='settle-'][id$='-open']"));
		String part = open.getAttribute("id").replace("-open", "");
		assertThat(open.getText()).startsWith("Record the collection of the taxes the correction");
		browser.click(part + "-open");
		browser.type(part + "-reference", "ICBC-20261204-0077");
		browser.clickForNextPage(part + "-record");
		assertThat(browser.text(By.id("recorded"))).contains("the duties and taxes the correction added are paid");
		assertThat(browser.text(By.id("corrections"))).contains("Collected (补税)").contains("ICBC-20261204-0077");
		browser.screenshotOf("corrections", "declaration-difference-collected-en");

		// Seventy days on, the first notice is still unpaid: customs finds it in its queue and takes it from the deposit.
		clock.pin(clock.instant().plus(java.time.Duration.ofDays(70)));
		try {
			String number = jdbc.sql("SELECT number FROM declaration WHERE id = ?::uuid").param(id).query(String.class)
				.single();
			browser.open("/agency/queue?lang=en&q=" + number);
			browser.clickForNextPage("guarantee-" + number);
			browser.click("enforcement-open");
			browser.type("enforcement-reference", "DEP-20261204-3-TAKEN");
			browser.clickForNextPage("enforce-guarantee");
			assertThat(browser.text(By.id("recorded"))).contains("the duties were taken from the guarantee");
			assertThat(browser.text(By.id("duties-guarantee-enforced"))).contains("DEP-20261204-3-TAKEN");
			browser.screenshotOf("duties", "declaration-guarantee-enforced-en");
		} finally {
			clock.release();
		}
	}

	@Test
	void customsLodgesAnEnterprisesGeneralGuaranteeAndReleasesADeclarationAgainstItFromThePages() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.approveAllPending(id);
		String reference = "BOC-GG-" + UUID.randomUUID().toString().substring(0, 8);
		logIn("officer.customs");
		fillTheGeneralGuaranteeForm("BANK_GUARANTEE", "500,000.00", reference);
		browser.clickForNextPage("general-guarantee-lodge");
		assertThat(browser.text(By.id("general-guarantee-error"))).as("a letter needs its last day").contains("必填");
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
				"document.getElementById('general-guarantee-valid-until').value = '2099-12-31'");
		browser.clickForNextPage("general-guarantee-lodge");
		assertThat(browser.text(By.id("general-guarantee-available"))).isEqualTo("500,000.00");
		assertThat(io.singlewindow.web.Axe.seriousViolations(browser.driver())).as("a general guarantee").isEmpty();

		String due = acceptTheGeneralGuaranteeOnTheDeclarationsPage(id, reference);
		assertThat(browser.text(By.id("duties-guarantee"))).contains("总担保").contains(reference);
		browser.clickForNextPage("release");
		assertThat(browser.waitForText(By.id("declaration-status"), "已放行")).isTrue();

		logIn("trader.chip");
		browser.open("/general-guarantees?lang=zh_CN");
		assertThat(browser.text(By.id("general-guarantee-table"))).contains(reference).contains("银行保函");
		browser.open("/general-guarantees/" + jdbc.sql("SELECT id::text FROM general_guarantee WHERE reference = ?")
			.param(reference).query(String.class).single() + "?lang=zh_CN");
		assertThat(browser.text(By.id("general-guarantee-in-use")).replace(",", "")).isEqualTo(due);
		assertThat(new java.math.BigDecimal(browser.text(By.id("general-guarantee-available")).replace(",", "")))
			.isEqualByComparingTo(new java.math.BigDecimal("500000.00").subtract(new java.math.BigDecimal(due)));
		assertThat(browser.text(By.id("general-guarantee-declarations"))).contains("占用中");
		assertThat(browser.driver().findElements(By.id("general-guarantee-return"))).as("customs gives it back")
			.isEmpty();
		assertThat(io.singlewindow.web.Axe.seriousViolations(browser.driver())).as("the declarant's view").isEmpty();
		browser.screenshot("general-guarantee-zh");
	}

	@Test
	void customsPutsADeclarationOnTheMonthsSummaryStatementAndRecordsTheStatementsPaymentFromItsPage()
			throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.approveAllPending(id);
		String reference = "DEP-SUM-" + UUID.randomUUID().toString().substring(0, 8);
		logIn("officer.customs");
		fillTheGeneralGuaranteeForm("DEPOSIT", "300,000.00", reference);
		browser.click("general-guarantee-summary");
		browser.clickForNextPage("general-guarantee-lodge");
		assertThat(browser.text(By.id("general-guarantee-summary"))).contains("汇总缴税单");

		String due = acceptTheGeneralGuaranteeOnTheDeclarationsPage(id, reference);
		assertThat(browser.text(By.id("duties-guarantee-summary"))).contains("汇总征税");

		String general = jdbc.sql("SELECT id::text FROM general_guarantee WHERE reference = ?").param(reference)
			.query(String.class).single();
		String month = java.time.YearMonth.now(io.singlewindow.platform.BusinessTime.ZONE).toString();
		browser.open("/general-guarantees/" + general + "?lang=zh_CN");
		assertThat(browser.text(By.id("summary-statements"))).contains(month).contains("待缴");
		browser.open("/general-guarantees/" + general + "/statements/" + month + "?lang=zh_CN");
		assertThat(browser.text(By.id("summary-statement-due")).replace(",", "")).isEqualTo(due);
		assertThat(io.singlewindow.web.Axe.seriousViolations(browser.driver())).as("a summary statement").isEmpty();
		browser.click("statement-payment-open");
		assertThat(browser.value("statement-payment-amount")).as("what it costs today, filled in").isEqualTo(due);
		browser.type("statement-payment-reference", "ICBC-SUM-PAGE");
		browser.clickForNextPage("statement-payment-record");
		assertThat(browser.text(By.id("summary-statement-paid"))).contains("已缴纳");
		assertThat(browser.text(By.id("summary-statement-state"))).isEqualTo("已缴清");
		assertThat(browser.text(By.id("summary-statement-lines"))).contains("已缴").contains("ICBC-SUM-PAGE");
		assertThat(browser.text(By.tagName("main"))).as("every wording found").doesNotContain("??");
		browser.screenshot("summary-statement-zh");
	}

	/** Customs accepts the general guarantee of {@code reference} on the declaration's page: the amount drawn. */
	private String acceptTheGeneralGuaranteeOnTheDeclarationsPage(String id, String reference) {
		browser.open("/declarations/" + id + "?lang=zh_CN");
		browser.click("guarantee-open");
		browser.select("guarantee-kind", "GENERAL");
		String due = browser.value("guarantee-amount");
		browser.type("guarantee-reference", reference);
		browser.clickForNextPage("accept-guarantee");
		return due;
	}

	/** Customs opens the lodgement form of a general guarantee for the chip maker, in Chinese, and fills it in. */
	private void fillTheGeneralGuaranteeForm(String kind, String amount, String reference) {
		browser.open("/general-guarantees?lang=zh_CN");
		browser.click("general-guarantee-open");
		browser.type("general-guarantee-enterprise", io.singlewindow.enterprise.EnterpriseFixtures.demo("CHIP").value());
		browser.select("general-guarantee-kind", kind);
		browser.type("general-guarantee-amount", amount);
		browser.type("general-guarantee-reference", reference);
	}

	@Test
	void aDeclarantAppliesForTheCancellationOfAReleasedDeclarationAndCustomsCancelsIt() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.approveAllPending(id);
		logIn("officer.customs");
		browser.open("/declarations/" + id + "?lang=en");
		// The goods wait for their duties: customs records the payment as the bank reported it, then releases them.
		assertThat(browser.text(By.id("release-waits"))).contains("once the payment of their duties and taxes");
		assertThat(browser.driver().findElements(By.id("release"))).isEmpty();
		String due = browser.text(By.id("duties-amount-due"));
		browser.click("payment-open");
		browser.type("payment-amount", "1");
		browser.type("payment-reference", "ICBC-20261204-0042");
		browser.clickForNextPage("record-payment");
		assertThat(browser.text(By.id("payment-error"))).contains("the amount due is " + due.replace(",", ""));
		assertThat(browser.attribute(By.id("payment-reference"), "value")).isEqualTo("ICBC-20261204-0042");
		browser.screenshotOf("duties", "declaration-duty-payment-refused-en");
		browser.type("payment-amount", due.replace(" CNY", ""));
		browser.clickForNextPage("record-payment");
		assertThat(browser.text(By.id("recorded"))).contains("the duties and taxes are paid");
		assertThat(browser.text(By.id("duties-paid"))).contains(due).contains("ICBC-20261204-0042");
		browser.screenshotOf("duties", "declaration-duties-paid-en");
		browser.clickForNextPage("release");
		assertThat(browser.waitForText(By.id("declaration-status"), "Released")).isTrue();

		// The declarant applies for the cancellation; the declaration stays as it is until customs decides.
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=zh_CN");
		browser.click("apply-open");
		browser.type("apply-reason", "买方退货，货物原封退回");
		browser.clickForNextPage("apply");
		assertThat(browser.text(By.id("recorded"))).startsWith("已记录：撤销申请已提交");
		assertThat(browser.text(By.id("cancellation-applied"))).contains("trader.chip").contains("买方退货，货物原封退回");
		assertThat(browser.driver().findElements(By.id("apply-open"))).as("one application at a time").isEmpty();
		assertThat(api.status(id)).isEqualTo("RELEASED");
		browser.screenshot("declaration-cancellation-applied-zh");

		// Customs reads the application where it cancels. Blanks pass the browser's own required check: the
		// platform's refusal is what the officer meets.
		logIn("officer.customs");
		browser.open("/declarations/" + id + "?lang=en");
		assertThat(browser.text(By.id("cancellation-applied"))).startsWith("trader.chip applied for its cancellation");
		assertThat(browser.waitFor(By.id("refuse-application")).isDisplayed()).isTrue();
		browser.type("cancel-reason", "  ");
		browser.clickForNextPage("cancel");
		assertThat(browser.text(By.id("cancel-reason-error"))).isEqualTo("Give a reason or a question.");
		assertThat(browser.waitFor(By.id("cancel-reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(api.status(id)).isEqualTo("RELEASED");
		browser.screenshot("declaration-cancel-without-reason-en");

		browser.type("cancel-reason", "Returned to the seller unopened");
		browser.clickForNextPage("cancel");
		assertThat(browser.waitForText(By.id("declaration-status"), "Cancelled")).isTrue();
		assertThat(browser.text(By.id("recorded"))).startsWith("Recorded: the declaration is cancelled");
		assertThat(browser.text(By.id("timeline"))).contains("Cancelled by customs")
			.contains("Returned to the seller unopened");
		assertThat(browser.driver().findElements(By.id("cancel-open"))).as("nothing more to cancel").isEmpty();
		assertThat(api.status(id)).isEqualTo("CANCELLED");
		browser.screenshot("declaration-cancelled-en");

		// The trader reads it in its own language: cancelled by customs, what that means.
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=zh_CN");
		assertThat(browser.text(By.id("declaration-status"))).isEqualTo("已撤销");
		assertThat(browser.text(By.id("declaration-next"))).startsWith("已由海关撤销");
		assertThat(browser.driver().findElements(By.id("cancel-open"))).as("not the trader's act").isEmpty();
	}

	@Test
	void customsCorrectsAClearedDeclarationsValueAndTheDeclarantReadsWhatItOwesInItsLanguage() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.approveAllPending(id);
		logIn("officer.customs");
		browser.open("/declarations/" + id + "?lang=en");
		browser.click("correct-open");
		java.math.BigDecimal declared = new java.math.BigDecimal(
				browser.waitFor(By.id("correct-value-1")).getDomProperty("value"));

		// A value nobody can mean is refused at the form, with what was typed kept.
		browser.type("correct-value-1", "6.000,00 EUR");
		browser.type("correct-reason", "Price adjustment after the buyer's claim");
		browser.clickForNextPage("correct");
		assertThat(browser.text(By.id("correct-error"))).contains("is not a number");
		assertThat(browser.waitFor(By.id("correct-value-1")).getDomProperty("value")).isEqualTo("6.000,00 EUR");
		assertThat(api.status(id)).isEqualTo("CLEARED");

		browser.type("correct-value-1", declared.add(new java.math.BigDecimal("1500")).toPlainString());
		browser.clickForNextPage("correct");
		assertThat(browser.text(By.id("recorded"))).startsWith("Recorded: the declared values are corrected");
		assertThat(browser.text(By.id("corrections"))).contains("Price adjustment after the buyer's claim")
			.contains("Duties and taxes to collect (补税):");
		assertThat(browser.text(By.id("timeline"))).contains("Values corrected by customs");
		assertThat(browser.text(By.id("declaration-status"))).isEqualTo("Cleared");
		browser.screenshot("declaration-corrected-en");

		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=zh_CN");
		assertThat(browser.text(By.id("corrections"))).contains("通关后修改记录").contains("应补征税款（补税）：");
		assertThat(browser.text(By.id("timeline"))).contains("海关修改申报价格");
		assertThat(browser.driver().findElements(By.id("correct-open"))).as("customs' act, not the trader's").isEmpty();
		browser.screenshot("declaration-corrected-zh");
	}

	/**
	 * Until 2026-12-04 a released declaration's page held no push channel, and an open page showed a correction's
	 * values, duties and record only once reloaded: a declarant looking at it read the figures customs had just changed.
	 */
	@Test
	void anOpenPageOfAReleasedDeclarationShowsCustomsCorrectionWithoutAReload() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.approveAllPending(id);
		api.payDutiesAndRelease(id);
		java.math.BigDecimal corrected = api.value(id, 1).add(new java.math.BigDecimal("1500"));
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=en");
		assertThat(browser.driver().findElements(By.cssSelector("#corrections section"))).isEmpty();
		String taxes = browser.text(By.id("assessment-total-taxes"));

		api.correct(id, 1, corrected, "Price adjustment after the buyer's claim");

		browser.waitForCount(By.cssSelector("#corrections section"), 1);
		assertThat(browser.text(By.id("corrections"))).contains("Price adjustment after the buyer's claim")
			.contains("Duties and taxes to collect (补税):");
		assertThat(browser.text(By.cssSelector("#declaration-items tbody tr:first-child td:nth-child(5)")))
			.isEqualTo(new java.text.DecimalFormat("#,##0.00").format(corrected));
		assertThat(browser.text(By.id("assessment-total-taxes"))).isNotEqualTo(taxes);
		assertThat(browser.text(By.id("timeline"))).contains("Values corrected by customs");
		assertThat(browser.text(By.id("declaration-status"))).isEqualTo("Released");
		// Pushed (Server-Sent Events from PostgreSQL's NOTIFY), not polled.
		assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return !document.getElementById('live-trigger')._poll;")).isTrue();
		browser.screenshot("declaration-corrected-live-en");
	}

	@Test
	void theDeclarantAppliesForACorrectionAndCustomsCorrectsWithTheValuesAskedFor() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		api.approveAllPending(id);
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=zh_CN");
		browser.click("apply-correction-open");
		java.math.BigDecimal declared = new java.math.BigDecimal(
				browser.waitFor(By.id("apply-correction-value-1")).getDomProperty("value"));
		String asked = declared.subtract(new java.math.BigDecimal("500")).toPlainString();
		browser.type("apply-correction-value-1", asked);
		browser.type("apply-correction-reason", "卖方贷记单 CN-21：价格下调 500 欧元");
		browser.clickForNextPage("apply-correction");
		assertThat(browser.text(By.id("recorded"))).startsWith("已记录：修改申请已提交");
		assertThat(browser.text(By.id("correction-applied"))).contains("trader.chip").contains("卖方贷记单 CN-21");
		// What happens next is customs' decision, not "nothing more to do" (until 2026-12-04 it said the latter).
		assertThat(browser.text(By.id("declaration-next"))).startsWith("申报人已申请修改申报价格");
		assertThat(browser.driver().findElements(By.id("apply-correction-open"))).as("one application at a time")
			.isEmpty();
		browser.screenshot("declaration-correction-applied-zh");

		// Customs reads the application where it corrects: the form holds the value asked for.
		logIn("officer.customs");
		browser.open("/declarations/" + id + "?lang=en");
		assertThat(browser.text(By.id("correction-applied"))).startsWith("trader.chip applied for a correction");
		assertThat(browser.text(By.id("declaration-next"))).startsWith("Its declarant applied for a correction");
		assertThat(browser.waitFor(By.id("correct-value-1")).getDomProperty("value"))
			.isEqualTo(new java.math.BigDecimal(asked).setScale(2).toPlainString());
		assertThat(browser.waitFor(By.id("refuse-correction")).isDisplayed()).isTrue();
		browser.type("correct-reason", "Seller's credit note CN-21 checked");
		browser.screenshot("declaration-correction-to-decide-en");
		browser.clickForNextPage("correct");
		assertThat(browser.text(By.id("recorded"))).startsWith("Recorded: the declared values are corrected");
		assertThat(browser.text(By.id("corrections"))).contains("Duties and taxes to refund (退税):");
		assertThat(browser.driver().findElements(By.id("correction-applied"))).as("decided").isEmpty();
	}

	@Test
	void aTraderWithdrawsADeclarationGivingAReasonAndIsOfferedNothingMoreOnIt() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=zh_CN");

		// Blanks pass the browser's own required check: the platform's refusal is what the trader meets.
		browser.click("withdraw-open");
		browser.type("withdraw-reason", "   ");
		browser.clickForNextPage("withdraw");
		assertThat(browser.text(By.id("withdraw-reason-error"))).isEqualTo("请填写理由或问题。");
		assertThat(browser.waitFor(By.id("withdraw-reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(api.status(id)).isEqualTo("UNDER_REVIEW");
		browser.screenshot("declaration-withdraw-without-reason-zh");

		browser.type("withdraw-reason", "买方取消订单");
		browser.clickForNextPage("withdraw");
		assertThat(browser.waitForText(By.id("declaration-status"), "已撤回")).isTrue();
		assertThat(browser.text(By.id("recorded"))).startsWith("已记录：报关单已撤回");
		assertThat(browser.text(By.id("timeline"))).contains("申报人撤回").contains("买方取消订单");
		assertThat(browser.text(By.id("task-status-CIQ"))).as("the inspection's task waits for nobody").isEqualTo("不再审核");
		assertThat(browser.text(By.id("task-reason-CIQ"))).doesNotContain("由该部门关员决定");
		assertThat(browser.driver().findElements(By.id("withdraw-open"))).as("nothing more to withdraw").isEmpty();
		assertThat(browser.driver().findElements(By.id("amend"))).as("nor to amend").isEmpty();
		assertThat(api.status(id)).isEqualTo("WITHDRAWN");
		browser.screenshot("declaration-withdrawn-zh");
		String number = browser.text(By.id("declaration-number"));

		// The trader finds it again among its declarations by a piece of its number and its status.
		browser.open("/declarations?lang=zh_CN");
		browser.type("q", number.substring(8));
		browser.select("status", "WITHDRAWN");
		browser.clickForNextPage("list-filter-submit");
		assertThat(browser.text(By.id("declarations"))).contains(number).contains("已撤回");
		assertThat(browser.value("q")).isEqualTo(number.substring(8));
		browser.select("status", "CLEARED");
		browser.clickForNextPage("list-filter-submit");
		assertThat(browser.text(By.id("list-empty"))).isEqualTo("没有符合条件的报关单，请换一个状态、日期或搜索词。");

		// And by the day it was submitted on, the days kept in the form; a reversed range is named, not an error page.
		String today = java.time.LocalDate.now(io.singlewindow.platform.BusinessTime.ZONE).toString();
		browser.open("/declarations?lang=zh_CN&submittedFrom=" + today + "&submittedTo=" + today);
		assertThat(browser.text(By.id("declarations"))).contains(number);
		assertThat(browser.value("submittedFrom")).isEqualTo(today);
		assertThat(browser.value("submittedTo")).isEqualTo(today);
		browser.screenshot("declaration-list-days-zh");
		browser.open("/declarations?lang=zh_CN&submittedFrom=" + today + "&submittedTo=2000-01-01");
		assertThat(browser.text(By.id("list-filter-problem"))).startsWith("结束日期2000-01-01早于开始日期" + today);
	}

	@Test
	void aTraderAttachesACertificateAndTheInspectionOfficerOpensItFromTheDeclaration() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		java.nio.file.Path scan = java.nio.file.Files.createTempFile("certificate-", ".pdf");
		java.nio.file.Files.write(scan, SupportingDocumentsIntegrationTests.pdf("certificate of origin"));
		java.nio.file.Path photo = java.nio.file.Files.createTempFile("label-", ".gif");
		java.nio.file.Files.writeString(photo, "GIF89a;");
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=zh_CN");
		assertThat(browser.text(By.id("no-documents"))).isEqualTo("尚未上传随附单证。");

		// A file the platform does not take is refused on the same page, with the kind still chosen.
		browser.select("document-kind", "CERTIFICATE_OF_ORIGIN");
		browser.driver().findElement(By.id("document-file")).sendKeys(photo.toString());
		browser.clickForNextPage("attach-document");
		assertThat(browser.text(By.id("document-error"))).isEqualTo("该文件不是PDF、PNG或JPEG文件。");
		assertThat(browser.value("document-kind")).isEqualTo("CERTIFICATE_OF_ORIGIN");

		browser.driver().findElement(By.id("document-file")).sendKeys(scan.toString());
		browser.clickForNextPage("attach-document");
		assertThat(browser.text(By.id("recorded"))).startsWith("已记录：随附单证已上传");
		assertThat(browser.text(By.id("document-list"))).contains("原产地证明").contains(scan.getFileName().toString());
		assertThat(browser.text(By.id("timeline"))).contains("上传随附单证").contains("原产地证明");
		browser.screenshot("declaration-document-attached-zh");

		logIn("officer.ciq");
		browser.open("/declarations/" + id + "?lang=en");
		assertThat(browser.text(By.id("document-list"))).contains("Certificate of origin");
		assertThat(browser.driver().findElements(By.id("document-form"))).as("officers read, declarants attach").isEmpty();
		String link = browser.driver().findElement(By.cssSelector("#document-list a")).getDomAttribute("href");
		assertThat(link).startsWith("/declarations/" + id + "/documents/");
	}

	@Test
	void thePrintableResponsePrintsUnderTheContentSecurityPolicyAndLeadsBack() throws Exception {
		String id = api.submitPerfumeImport("trader.chip");
		logIn("trader.chip");
		browser.open("/declarations/" + id + "?lang=en");
		// Times are the zone's, with the offset.
		assertThat(browser.text(By.cssSelector("#timeline li span"))).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+08:00");
		browser.click("printable");
		// Chromium would open its print dialog; the test only needs to know that the button reached window.print.
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("window.print = function () { document.body.dataset.printed = 'yes'; };");
		browser.click("print-now");
		assertThat(browser.waitFor(By.tagName("body")).getDomAttribute("data-printed")).isEqualTo("yes");
		assertThat(browser.text(By.id("response-timeline"))).contains("Submitted").doesNotContain("SUBMITTED");
		browser.screenshot("declaration-printable-en");
		browser.click("back-to-declaration");
		assertThat(browser.waitFor(By.id("declaration-number")).isDisplayed()).isTrue();

		var favicon = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/favicon.ico")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(favicon.statusCode()).isEqualTo(200);
		assertThat(favicon.body()).hasSizeGreaterThan(20);
	}

	@Test
	void customsFindsClearedDeclarationsWaitingForReleaseAndNarrowsTheQueueByEnterpriseName() throws Exception {
		String cleared = api.submitPerfumeImport("trader.coffee");
		api.approveAllPending(cleared);
		String pending = api.submitPerfumeImport("trader.chip");
		logIn("officer.ciq");
		browser.open("/agency/queue?lang=en");
		// The menu marks where the officer is.
		assertThat(browser.attribute(By.cssSelector("nav.mainnav a[href='/agency/queue']"), "aria-current")).isEqualTo("page");
		String chipName = browser.text(By.cssSelector("#queue tbody tr:last-child td:nth-child(2) span"));
		assertThat(chipName).isNotBlank();
		browser.type("q", "no enterprise is called this");
		browser.click("queue-filter-submit");
		assertThat(browser.waitFor(By.id("queue-empty")).isDisplayed()).isTrue();
		browser.click("logout");

		logIn("officer.customs");
		// Narrowed to the one the officer looks for: the whole list shows the longest waiting, which in this shared
		// database (hundreds cleared by other tests) may not reach a declaration cleared just now.
		String clearedNumber = api.number(cleared);
		browser.open("/agency/queue?lang=zh_CN&q=" + clearedNumber);
		String number = browser.text(By.cssSelector("#release-table")).lines()
			.filter(line -> !line.isBlank()).toList().toString();
		assertThat(browser.waitFor(By.id("release-queue")).getText()).contains("已审结、待放行");
		assertThat(number).contains(clearedNumber);
		browser.screenshot("customs-release-queue-zh");
		browser.click("release-" + clearedNumber);
		// Its duties first, as the bank reported their payment: the amount due today is filled in.
		browser.click("payment-open");
		browser.type("payment-reference", "中国银行 20261204-17");
		browser.clickForNextPage("record-payment");
		assertThat(browser.text(By.id("duties-paid"))).contains("中国银行 20261204-17");
		browser.click("release");
		assertThat(browser.waitForText(By.id("declaration-status"), "已放行")).isTrue();
		assertThat(api.status(pending)).isEqualTo("UNDER_REVIEW");
	}
}
