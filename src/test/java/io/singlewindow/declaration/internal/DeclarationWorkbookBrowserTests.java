package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.Workbooks.workbook;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.web.BrowserSession;

/** A trader brings the goods list from Excel: the form is filled from the workbook, checked and submitted. */
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
}
