package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.BrowserSession;

/** What applicants and officers click: an approval from application to permit, and a false commitment revoked. */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermitBrowserTests {

	@LocalServerPort
	int port;

	BrowserSession browser;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new BrowserSession(port);
	}

	@AfterAll
	void stopBrowser() {
		browser.close();
	}

	@BeforeEach
	void startLoggedOut() {
		browser.driver().manage().deleteAllCookies();
	}

	/** Logs in and waits for the home page, so that the next navigation does not cut the login short. */
	void logIn(String user) {
		browser.logInAs(user, "demo12345");
		browser.waitFor(By.cssSelector("section.home"));
	}

	boolean eventually(By by, String text) {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(by, text));
	}

	@Test
	void anApplicantAppliesAnOfficerApprovesAndTheApplicantSeesThePermit() throws Exception {
		logIn("trader.chip");
		browser.open("/permits/catalogue?lang=en").click("apply-DUAL_USE_EXPORT");
		browser.type("scope", "Laser cutting heads for a customer in Penang")
			.type("goods", "9013200000")
			.type("requestedValue", "1200000")
			.type("document-0", "HT-2026-0815")
			.type("document-1", "EU-STMT-33")
			.type("document-2", "TECH-LASER-7");
		browser.screenshot("permit-apply-en");
		browser.click("apply-submit");
		assertThat(browser.text(By.id("application-status"))).isEqualTo("Under review");
		String application = browser.driver().getCurrentUrl().replaceAll("\\?.*$", "").replaceAll("^.*(/permits/applications/)", "$1");
		browser.click("logout");

		logIn("officer.commerce");
		browser.open("/permits/queue?lang=zh_CN");
		assertThat(browser.waitFor(By.id("queue-table")).getText()).contains("两用物项和技术出口许可证");
		browser.open(application + "?lang=zh_CN");
		browser.select("decision", "APPROVE").type("grantedValue", "1000000");
		browser.screenshot("permit-decide-zh");
		browser.click("decision-submit");
		assertThat(browser.confirm()).isEqualTo("确认作出以下决定：批准并发证？");
		// The decided page replaces the one we are on, which has the same status field: wait for the new one.
		assertThat(eventually(By.id("application-status"), "已批准")).isTrue();
		String number = browser.text(By.id("application-permit"));
		assertThat(number).startsWith("DUAL_USE_EXPORT-");
		browser.click("logout");

		logIn("trader.chip");
		browser.open("/permits?lang=en");
		assertThat(browser.text(By.id("permits-table"))).contains(number, "CNY 1,000,000.00 / 1,000,000.00");
		browser.driver().findElement(By.linkText(number)).click();
		assertThat(browser.text(By.id("permit-status"))).isEqualTo("In force");
		browser.screenshot("permit-detail-en");
		browser.click("logout");
	}

	@Test
	void aCommitmentIsIssuedAtOnceAndRevokedWhenFoundFalse() throws Exception {
		logIn("trader.bio");
		browser.open("/permits/apply?code=HAZARDOUS_CHEMICALS&lang=en");
		browser.type("scope", "Trading of laboratory reagents, no storage")
			.type("document-0", "CMT-2026-01")
			.type("document-1", "SAFETY-RULES-3")
			.type("document-2", "TRAIN-CERT-9");
		browser.click("apply-submit");
		// Unsigned: the form comes back with the problem next to the checkbox, nothing stored.
		assertThat(browser.waitFor(By.cssSelector("p.field-error[role=alert]")).getText()).contains("Sign the commitment");
		browser.click("commitmentSigned").click("apply-submit");
		assertThat(browser.text(By.id("application-status"))).isEqualTo("Issued on commitment");
		String number = browser.text(By.id("application-permit"));
		browser.click("logout");

		logIn("officer.samr");
		browser.open("/permits/verification?lang=zh_CN");
		browser.driver().findElement(By.linkText(number)).click();
		browser.select("outcome", "FALSE").type("verification-reason", "现场核查无经营场所");
		browser.click("verification-submit");
		assertThat(eventually(By.id("permit-status"), "已撤销")).isTrue();
		browser.click("logout");

		logIn("trader.bio");
		browser.open("/permits?lang=en").click("record-link");
		String history = browser.text(By.id("record-history"));
		assertThat(history).contains(number, "Commitment found false", "Revoked", "现场核查无经营场所");
		browser.screenshot("permit-record-en");
		browser.click("logout");
	}

	@Test
	void aRejectionRefusedForWantOfAReasonStaysARejectionAndIsConfirmedBeforeItIsRecorded() throws Exception {
		logIn("trader.chip");
		browser.open("/permits/apply?code=DUAL_USE_EXPORT&lang=en");
		browser.type("scope", "Thermal cameras for a research institute")
			.type("goods", "9013200000")
			.type("requestedValue", "300000")
			.type("document-0", "HT-2026-0901")
			.type("document-1", "EU-STMT-41")
			.type("document-2", "TECH-CAM-2");
		browser.click("apply-submit");
		assertThat(browser.text(By.id("application-status"))).isEqualTo("Under review");
		String application = browser.driver().getCurrentUrl().replaceAll("\\?.*$", "").replaceAll("^.*(/permits/applications/)", "$1");
		browser.click("logout");

		logIn("officer.commerce");
		browser.open(application + "?lang=zh_CN");
		// No decision is chosen for the officer.
		assertThat(browser.value("decision")).isEmpty();
		browser.select("decision", "REJECT");
		browser.click("decision-submit");
		assertThat(browser.confirm()).isEqualTo("确认作出以下决定：不予许可？");
		// Refused for want of a reason: the officer's choice is still Reject, nothing was recorded.
		assertThat(browser.waitFor(By.cssSelector("p.field-error[role=alert]")).isDisplayed()).isTrue();
		assertThat(browser.value("decision")).isEqualTo("REJECT");
		assertThat(browser.text(By.id("application-status"))).isEqualTo("审查中");
		browser.screenshot("permit-reject-without-reason-zh");

		browser.open(application + "?lang=en");
		browser.select("decision", "REJECT").type("reason", "End user not verifiable");
		browser.click("decision-submit");
		assertThat(browser.confirm()).isEqualTo("Record this decision: Reject?");
		assertThat(eventually(By.id("application-status"), "Rejected")).isTrue();
		assertThat(browser.text(By.id("decision-recorded"))).isEqualTo("Decision recorded. The application is now: Rejected.");
		assertThat(browser.driver().findElements(By.id("application-permit"))).as("no permit issued").isEmpty();
		browser.screenshot("permit-rejected-en");
		browser.click("logout");
	}
}
