package io.singlewindow.risk;

import static io.singlewindow.risk.RiskFixtures.aLine;
import static io.singlewindow.risk.RiskFixtures.aRiskRequest;
import static io.singlewindow.risk.RiskFixtures.anIdNotRandomlySelected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.BrowserSession;

/** An administrator defines a risk profile in the browser; an officer then sees why a declaration was selected. */
@SingleWindowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	RiskAssessor assessor;

	BrowserSession browser;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new BrowserSession(port);
	}

	@AfterAll
	void stopBrowser() {
		browser.close();
	}

	@Test
	void anAdministratorDefinesAProfileThatSendsADeclarationToTheRedChannel() throws Exception {
		String code = "BROWSER_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		String hs = RiskFixtures.anUnusedHsCode();

		browser.logInAs("admin", "demo12345").waitFor(By.id("home-admin"));
		browser.open("/admin/risk?lang=en").click("new-risk-profile");
		browser.type("code", code).type("nameZh", "浏览器测试").type("nameEn", "Browser test")
			.type("hsPrefixes", hs + ", 9x").type("selectionPercent", "100").select("channel", "RED");
		browser.click("save-risk-profile");
		assertThat(browser.text(By.id("hsPrefixes-error"))).contains("'9X' is not an HS prefix");
		browser.screenshot("risk-profile-form-rejected");

		browser.type("hsPrefixes", hs).click("save-risk-profile");
		assertThat(browser.text(By.id("risk-saved"))).contains(code);
		assertThat(browser.text(By.id("profile-" + code))).contains("Browser test", "HS " + hs, "RED");
		browser.screenshot("risk-profiles");
		browser.click("logout").waitFor(By.id("login-form"));

		var request = aRiskRequest().id(anIdNotRandomlySelected()).withLine(aLine().hs(hs).origin("FR")).build();
		assertThat(assessor.assess(request).channel()).isEqualTo(Channel.RED);

		browser.logInAs("officer.customs", "demo12345").waitFor(By.id("home-officer"));
		browser.open("/risk/assessments/" + request.declarationId() + "?lang=zh_CN");
		assertThat(browser.text(By.id("risk-channel"))).isEqualTo("红色通道");
		assertThat(browser.text(By.cssSelector(".risk-hits"))).contains(code);
		String chinese = browser.text(By.cssSelector("section.risk-assessment"));
		assertThat(chinese).contains("风险判定", "主要原因", "命中风险布控规则", "抽样值低于布控比例。")
			.doesNotContain("Risk assessment", "Main reason", "Risk profile matched");
		browser.screenshot("risk-assessment-officer");

		browser.click("lang-en");
		browser.waitFor(By.cssSelector("html[lang='en']"));
		assertThat(browser.text(By.id("risk-channel"))).isEqualTo("RED");
		String english = browser.text(By.cssSelector("section.risk-assessment"));
		assertThat(english).contains("Risk assessment", "Main reason", "Risk profile matched",
				"The draw is below the rate.");
		assertThat(english).as("no Chinese left on the English page").doesNotContainPattern("\\p{IsHan}");
		browser.screenshot("risk-assessment-officer-en");
		browser.click("logout").waitFor(By.id("login-form"));
	}
}
