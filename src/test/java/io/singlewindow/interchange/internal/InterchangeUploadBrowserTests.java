package io.singlewindow.interchange.internal;

import static io.singlewindow.interchange.internal.CusdecFixtures.aCusdec;
import static io.singlewindow.interchange.internal.CusdecFixtures.anInterchange;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.Axe;
import io.singlewindow.web.BrowserSession;

/**
 * A broker's clerk sends from the browser the interchange their software wrote: each message's answer is on the page
 * (a declaration number and status with its link, or the refusal with its code, segment and element), a large one's
 * page follows the batch job, and a file that is no interchange is refused on the page, nothing stored.
 */
@SingleWindowIntegrationTest
class InterchangeUploadBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTraderSendsAGoodAndABadMessageAndSeesBothAnswers() throws Exception {
		String run = InterchangeIntegrationTests.run();
		Path file = Files.createTempFile("interchange", ".edi");
		try (var trader = new BrowserSession(port)) {
			Files.writeString(file, anInterchange("UP" + run).with(
					aCusdec("1").clientReference("page-good-" + run),
					aCusdec("2").clientReference("page-bad-" + run).replacing("CST+2+", "CST+2+84713"),
					aCusdec("3").clientReference("page-syntax-" + run).withSegment("XYZ+1"))
				.text(), StandardCharsets.UTF_8);
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/interchanges?lang=en");
			assertThat(trader.attribute(By.cssSelector("a[href$='/interchanges']"), "href")).isNotNull();
			assertThat(Axe.seriousViolations(trader.driver())).as("upload page").isEmpty();

			trader.waitFor(By.id("interchange-file")).sendKeys(file.toString());
			trader.click("send-interchange");

			assertThat(trader.text(By.id("interchange-counts"))).startsWith("Finished: 1 accepted, 2 refused");
			// In the order of the messages, whatever part of the answer (CONTRL or CUSRES) carries each.
			assertThat(trader.attribute(By.id("message-1"), "data-outcome")).isEqualTo("ACCEPTED");
			assertThat(trader.text(By.id("message-1"))).contains("Under review");
			assertThat(trader.attribute(By.cssSelector("#message-1 a"), "href")).contains("/declarations/");
			assertThat(trader.attribute(By.id("message-2"), "data-outcome")).isEqualTo("REFUSED");
			assertThat(trader.text(By.id("message-2"))).contains("HS_CODE_FORMAT", "84713", "segment CST 21",
					"element C246.7361");
			assertThat(trader.attribute(By.id("message-3"), "data-outcome")).isEqualTo("SYNTAX");
			assertThat(trader.text(By.id("message-3"))).contains("15", "Segment not supported in this position");
			assertThat(trader.attribute(By.id("download-answer"), "href")).endsWith("/answer.edi");
			assertThat(Axe.seriousViolations(trader.driver())).as("result page").isEmpty();
			assertThat(trader.wordsCutAcrossLines("interchange-messages")).as("\"Messa/ge\" before").isEmpty();
			trader.screenshot("interchange-answered");

			trader.driver().findElement(By.cssSelector("#message-1 a")).click();
			String number = trader.text(By.id("declaration-number"));
			assertThat(number).startsWith("XM");

			// The same page in Chinese: the rule's text in Chinese where it quotes no value.
			trader.open("/interchanges?lang=zh_CN");
			trader.driver().findElement(By.cssSelector("#interchange-table a")).click();
			assertThat(trader.text(By.id("interchange-counts"))).startsWith("已完成");
			assertThat(trader.text(By.id("message-3"))).contains("此位置不支持该段");

			// Their software corrects the declaration it sent, then cancels it: each row says what was done.
			Files.writeString(file, anInterchange("UPC" + run).with(
					aCusdec("1").clientReference("page-good-" + run).consignee("Xiamen Chip Trading Co").function("5")
						.withHeader("RFF+ABT:" + number),
					aCusdec("2").clientReference("page-good-" + run).cancelling(number, "Sent twice"))
				.text(), StandardCharsets.UTF_8);
			trader.open("/interchanges?lang=en");
			trader.waitFor(By.id("interchange-file")).sendKeys(file.toString());
			trader.click("send-interchange");
			assertThat(trader.text(By.id("interchange-counts"))).startsWith("Finished: 2 accepted, 0 refused");
			assertThat(trader.text(By.id("message-1"))).contains(number, "amended by this replacement");
			assertThat(trader.text(By.id("message-2"))).contains(number, "Withdrawn", "withdrawn by this cancellation");
			assertThat(Axe.seriousViolations(trader.driver())).as("a cancellation's result").isEmpty();
			trader.screenshot("interchange-replaced-and-cancelled");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void aLargeInterchangesPageFollowsTheBatchJobUntilEveryMessageIsAnswered() throws Exception {
		String run = InterchangeIntegrationTests.run();
		var interchange = anInterchange("UPL" + run);
		for (int i = 1; i <= Interchanges.SYNCHRONOUS_UP_TO + 2; i++) {
			// A broker declares for the enterprises that authorised it, named in NAD+DT.
			interchange.with(aCusdec(String.valueOf(i)).clientReference("page-large-" + run + "-" + i)
				.declarant(io.singlewindow.enterprise.EnterpriseFixtures.demo("CHIP").value()));
		}
		Path file = Files.createTempFile("interchange", ".edi");
		try (var broker = new BrowserSession(port)) {
			Files.writeString(file, interchange.text(), StandardCharsets.UTF_8);
			broker.logInAs("broker", "demo12345");
			broker.open("/interchanges?lang=en");
			broker.waitFor(By.id("interchange-file")).sendKeys(file.toString());
			broker.click("send-interchange");
			new WebDriverWait(broker.driver(), Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
				.until(d -> "true".equals(d.findElement(By.id("interchange-counts")).getAttribute("data-finished")));
			assertThat(broker.text(By.id("interchange-counts")))
				.startsWith("Finished: " + (Interchanges.SYNCHRONOUS_UP_TO + 2) + " accepted, 0 refused");
			assertThat(broker.driver().findElements(By.cssSelector("#interchange-messages tbody tr")))
				.hasSize(Interchanges.SYNCHRONOUS_UP_TO + 2);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void aFileThatIsNoInterchangeIsRefusedOnThePageAndNothingIsStored() throws Exception {
		Path garbage = Files.createTempFile("not-edifact", ".edi");
		Path empty = Files.createTempFile("empty", ".edi");
		Path large = Files.createTempFile("large", ".edi");
		try (var trader = new BrowserSession(port)) {
			Files.writeString(garbage, "hs,value\n8542319000,4000\n");
			Files.write(large, new byte[(int) InterchangePages.MAX_FILE_BYTES + 1]);
			long before = interchanges();
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/interchanges?lang=en");

			trader.waitFor(By.id("interchange-file")).sendKeys(garbage.toString());
			trader.clickForNextPage("send-interchange");
			assertThat(trader.text(By.id("correction-summary"))).contains("not a UN/EDIFACT interchange");
			assertThat(trader.attribute(By.id("interchange-file"), "aria-invalid")).isEqualTo("true");
			assertThat(Axe.seriousViolations(trader.driver())).as("refused upload").isEmpty();

			trader.waitFor(By.id("interchange-file")).sendKeys(empty.toString());
			trader.clickForNextPage("send-interchange");
			assertThat(trader.text(By.id("correction-summary"))).contains("Choose an interchange file");

			trader.clickForNextPage("send-interchange");
			assertThat(trader.text(By.id("correction-summary"))).contains("Choose an interchange file");

			trader.waitFor(By.id("interchange-file")).sendKeys(large.toString());
			trader.clickForNextPage("send-interchange");
			assertThat(trader.text(By.id("correction-summary"))).contains("larger than 16 MB");

			// Over the platform's own limit (20 MB) the server refuses the form before the page reads it: the error
			// page says so (413), as it did not (a 500) before.
			Files.write(large, new byte[21 * 1024 * 1024]);
			trader.waitFor(By.id("interchange-file")).sendKeys(large.toString());
			trader.clickForNextPage("send-interchange");
			assertThat(trader.waitFor(By.id("error-413")).getText()).contains("PAYLOAD_TOO_LARGE");
			// Still logged in, with the menu: the page is rendered with the person's session.
			assertThat(trader.driver().findElements(By.id("logout"))).isNotEmpty();
			trader.open("/interchanges?lang=en");

			// An envelope cut short is an interchange refused as a whole: its CONTRL is shown, nothing kept.
			Files.writeString(garbage, "UNA:+.?*'UNB+UNOW:4+BROKERSOFT:ZZZ+SINGLEWINDOW+20261130:0600+CUT'UNH+1+CUSDEC:D:96B:UN'");
			trader.waitFor(By.id("interchange-file")).sendKeys(garbage.toString());
			trader.clickForNextPage("send-interchange");
			assertThat(trader.text(By.id("interchange-rejected"))).contains("rejected as a whole");
			assertThat(trader.attribute(By.id("download-answer"), "href")).startsWith("data:application/edifact;base64,");
			assertThat(interchanges()).isEqualTo(before);
		}
		finally {
			Files.deleteIfExists(garbage);
			Files.deleteIfExists(empty);
			Files.deleteIfExists(large);
		}
	}

	private long interchanges() {
		return jdbc.sql("SELECT count(*) FROM interchange").query(Long.class).single();
	}
}
