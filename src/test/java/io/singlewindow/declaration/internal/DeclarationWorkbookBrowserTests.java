package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.Workbooks.workbook;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.Axe;
import io.singlewindow.web.BrowserSession;

/**
 * A trader brings the goods list from Excel: the form is filled from a workbook of one declaration, checked and
 * submitted; a workbook of several is shown first, then submitted as a batch whose page shows each one's outcome.
 */
@SingleWindowIntegrationTest
class DeclarationWorkbookBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void traderUploadsAWorkbookChecksTheFilledFormAndSubmits() throws Exception {
		List<String> header = DeclarationWorkbookIntegrationTests.HEADER;
		List<String> goods = DeclarationWorkbookIntegrationTests.GOODS;
		byte[] xlsx = workbook()
			.sheet("报关单", header, DeclarationWorkbookIntegrationTests.row(header,
					DeclarationWorkbookIntegrationTests.processorsHeader("browser-" + System.nanoTime()), Map.of()))
			.sheet("商品", goods, DeclarationWorkbookIntegrationTests.goods("1", "8542319000", "4,000"),
					DeclarationWorkbookIntegrationTests.goods("1", "8471300000", "800"),
					DeclarationWorkbookIntegrationTests.goods("1", "8542319000", "1 200,50"))
			.bytes();
		Path file = Files.createTempFile("goods-list", ".xlsx");
		Path notAWorkbook = Files.createTempFile("goods-list", ".xlsx");
		try (var trader = new BrowserSession(port)) {
			Files.write(file, xlsx);
			Files.writeString(notAWorkbook, "hs,value\n8542319000,4000\n");
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/declarations/new?lang=en");
			assertThat(trader.attribute(By.id("download-template"), "href")).endsWith("/declarations/template.xlsx");

			trader.driver().findElement(By.cssSelector("#workbook summary")).click();
			trader.waitFor(By.id("workbook-file")).sendKeys(notAWorkbook.toString());
			trader.click("upload-workbook");
			assertThat(trader.text(By.id("form-errors"))).contains("not an Excel workbook");

			trader.driver().findElement(By.id("workbook-file")).sendKeys(file.toString());
			trader.click("upload-workbook");
			assertThat(trader.waitFor(By.cssSelector("p.notice")).getText()).contains("3 goods lines");
			assertThat(trader.value("port")).isEqualTo("CNXMN");
			assertThat(trader.value("item1-hsCode")).isEqualTo("8471300000");
			assertThat(trader.value("item2-value")).isEqualTo("1 200,50");
			trader.screenshot("declaration-filled-from-workbook");

			trader.click("submit-declaration");
			assertThat(trader.text(By.id("declaration-number"))).startsWith("XM");
		}
		finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(notAWorkbook);
		}
	}

	@Test
	void traderUploadsAWorkbookOfSeveralDeclarationsLooksAtThemAndSubmitsThemAsABatch() throws Exception {
		List<String> header = DeclarationWorkbookIntegrationTests.HEADER;
		List<String> goods = DeclarationWorkbookIntegrationTests.GOODS;
		String run = "browser-batch-" + System.nanoTime();
		byte[] xlsx = workbook()
			.sheet("Declarations", header,
					DeclarationWorkbookIntegrationTests.row(header,
							DeclarationWorkbookIntegrationTests.processorsHeader(run + "-a"), Map.of("reference", "A")),
					DeclarationWorkbookIntegrationTests.row(header,
							DeclarationWorkbookIntegrationTests.processorsHeader(run + "-b"),
							Map.of("reference", "B", "currency", "XYZ")),
					DeclarationWorkbookIntegrationTests.row(header,
							DeclarationWorkbookIntegrationTests.processorsHeader(run + "-c"),
							Map.of("reference", "C", "port", "CNSHA")))
			.sheet("Goods", goods, DeclarationWorkbookIntegrationTests.goods("A", "8542319000", "4,000"),
					DeclarationWorkbookIntegrationTests.goods("B", "8542319000", "800"),
					DeclarationWorkbookIntegrationTests.goods("C", "8542319000", "100"),
					DeclarationWorkbookIntegrationTests.goods("C", "8471300000", "900"))
			.bytes();
		Path file = Files.createTempFile("goods-lists", ".xlsx");
		try (var trader = new BrowserSession(port)) {
			Files.write(file, xlsx);
			trader.logInAs("trader.chip", "demo12345");
			trader.waitFor(By.id("home-trader"));
			trader.open("/declarations/new?lang=en");
			trader.driver().findElement(By.cssSelector("#workbook summary")).click();
			trader.waitFor(By.id("workbook-file")).sendKeys(file.toString());
			trader.click("upload-workbook");

			// What the workbook holds, with the problem found up front, before anything is submitted.
			assertThat(trader.text(By.id("batch-preview"))).contains("A", "B", "C", "Declarations!3");
			assertThat(trader.text(By.id("preview-2"))).contains("Declarations!J3", "XYZ");
			assertThat(trader.text(By.id("preview-3"))).contains("2");
			assertThat(trader.text(By.id("batch-refusable"))).contains("1 of them");
			assertThat(Axe.seriousViolations(trader.driver())).as("preview").isEmpty();
			String preview = trader.driver().getCurrentUrl();

			// Any one declaration can fill the form instead.
			trader.click("fill-3");
			assertThat(trader.value("port")).isEqualTo("CNSHA");
			assertThat(trader.value("item1-hsCode")).isEqualTo("8471300000");
			trader.driver().navigate().to(preview);

			trader.click("submit-batch");
			// The page asks every two seconds; the batch job submits each declaration on its own meanwhile.
			new WebDriverWait(trader.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
				.until(d -> "true".equals(d.findElement(By.id("batch-counts")).getAttribute("data-finished")));
			assertThat(trader.text(By.id("batch-counts"))).startsWith("Finished: 2 submitted, 1 refused");
			assertThat(trader.attribute(By.id("result-1"), "data-state")).isEqualTo("SUBMITTED");
			assertThat(trader.attribute(By.id("result-2"), "data-state")).isEqualTo("REFUSED");
			assertThat(trader.text(By.id("result-2"))).contains("Declarations!J3");
			assertThat(trader.attribute(By.cssSelector("#result-3 a"), "href")).contains("/declarations/");
			assertThat(Axe.seriousViolations(trader.driver())).as("batch page").isEmpty();
			trader.screenshot("declaration-batch-finished");

			trader.driver().findElement(By.cssSelector("#result-1 a")).click();
			assertThat(trader.text(By.id("declaration-number"))).startsWith("XM");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
