package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.RealInstallTest;
import io.singlewindow.web.BrowserSession;

/**
 * The person installing the platform for a zone opens /setup, types the token from the start-up log and becomes
 * the first administrator — in Chinese or in English.
 */
@RealInstallTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstAdministratorBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	FirstAdministrator firstAdministrator;

	@Autowired
	JdbcClient jdbc;

	BrowserSession browser;

	@BeforeAll
	void startBrowser() throws Exception {
		browser = new BrowserSession(port);
	}

	@AfterAll
	void stopBrowser() {
		browser.close();
	}

	@AfterEach
	void forgetAdministrators() {
		Administrators.removeAll(jdbc);
	}

	@ParameterizedTest(name = "in {0}")
	@CsvSource(delimiter = '|', value = {
			"zh_CN | 首位管理员 | 设置令牌不正确，或已被更新的令牌取代（见启动日志）。 | 密码至少需要 12 个字符。 | 管理员已创建，请用该账户登录。 | 片区管理",
			"en    | First administrator | The setup token is wrong or has been replaced by a newer one (see the start-up log). | The password needs at least 12 characters. | The administrator has been created. Log in with it. | Zone administration" })
	void theFirstAdministratorIsMadeWithTheSetupToken(String language, String title, String wrongToken,
			String shortPassword, String done, String home) throws Exception {
		String token = firstAdministrator.issueToken();
		browser.open("/setup?lang=" + language);
		assertThat(browser.text(By.cssSelector("#setup-page h1"))).isEqualTo(title);
		assertThat(browser.driver().findElements(By.id("demo-banner"))).as("no demo banner on a real install").isEmpty();

		fill("not-the-token", "zone.admin", "林管理", "lantern-quietly-47");
		assertThat(browser.waitForText(By.cssSelector("#setup-form .field-error"), wrongToken)).isTrue();

		fill(token, "zone.admin", "林管理", "too-short");
		assertThat(browser.waitForText(By.cssSelector("#setup-form .field-error"), shortPassword)).isTrue();

		fill(token, "zone.admin", "林管理", "lantern-quietly-47");
		assertThat(browser.text(By.id("setup-done"))).isEqualTo(done);
		browser.screenshot("first-administrator-" + language);

		browser.type("username", "zone.admin").type("password", "lantern-quietly-47").click("login-submit");
		assertThat(browser.waitForText(By.cssSelector("#home-admin h1"), home)).isTrue();
		browser.open("/setup");
		assertThat(browser.driver().findElements(By.id("setup-form"))).as("setup is over").isEmpty();
		browser.click("logout");
		browser.waitFor(By.id("login-form"));
	}

	private void fill(String token, String username, String name, String password) {
		browser.type("token", token).type("username", username).type("displayName", name).type("password", password)
			.type("repeatPassword", password).click("setup-submit");
	}
}
