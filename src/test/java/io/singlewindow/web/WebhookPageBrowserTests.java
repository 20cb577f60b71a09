package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

/**
 * A trader manages webhooks on a page: adds one (the secret shown once), is refused an inward address with the
 * same request-forgery policy as the API, sees the events sent and their outcome, and deletes it.
 */
class WebhookPageBrowserTests extends BrowserTestCase {

	@Test
	void aTraderAddsAWebhookSeesTheSecretOnceFollowsItsDeliveriesAndDeletesIt() throws Exception {
		AtomicInteger received = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			received.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			logIn("trader.bio");
			browser.open("/account/webhooks?lang=zh_CN");
			browser.type("url", "http://localhost:" + receiver.getAddress().getPort() + "/hook");
			browser.click("webhook-create");
			// "localhost" is not on the test's allow-list (127.0.0.1 is): an inward address, refused like the API does.
			assertThat(browser.text(By.id("correction-summary"))).contains("Webhook只能发往公网地址");
			assertThat(browser.attribute(By.id("url"), "aria-invalid")).isEqualTo("true");
			assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("correction-summary");
			browser.screenshot("webhooks-refused-zh");

			String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
			browser.open("/account/webhooks?lang=en");
			browser.type("url", url);
			browser.click("webhook-create");
			assertThat(browser.text(By.id("webhook-secret"))).startsWith("whsec_");
			assertThat(browser.text(By.id("webhook-table"))).contains(url);

			browser.open("/account/webhooks?lang=en");
			assertThat(browser.driver().findElements(By.id("webhook-secret"))).as("the secret is shown once").isEmpty();

			api.submitPerfumeImport("trader.bio");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(40)).until(d -> {
				d.navigate().refresh();
				return !d.findElements(By.cssSelector("#delivery-table tr[data-delivered='true']")).isEmpty();
			});
			assertThat(browser.text(By.id("delivery-table"))).contains("Delivered (HTTP 204)");
			assertThat(received.get()).isPositive();
			browser.screenshot("webhooks-delivered-en");

			browser.waitFor(By.cssSelector("#webhook-table button[id^='delete-']")).click();
			assertThat(browser.confirm()).startsWith("Delete the webhook to " + url);
			assertThat(browser.text(By.id("webhook-deleted"))).contains("deleted");
			assertThat(browser.driver().findElements(By.id("webhook-table"))).isEmpty();
		} finally {
			receiver.stop(0);
		}
	}
}
