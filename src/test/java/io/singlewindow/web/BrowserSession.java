package io.singlewindow.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.singlewindow.platform.RunLeftovers;

/**
 * A person at a headless Chromium (Debian's chromium and chromium-driver, never a downloaded browser), with the
 * few gestures the browser tests need. One per test class: starting Chromium takes a second or two.
 */
public final class BrowserSession implements AutoCloseable {

	private final WebDriver driver;
	private final String baseUrl;
	/** Chromium's profile, a fresh one per session; deleted on {@link #close()} so no run leaves one behind. */
	private final Path profile;

	public BrowserSession(int port) throws IOException {
		BrowserAvailability.require();
		this.baseUrl = "http://localhost:" + port;
		this.profile = Files.createTempDirectory("chrome-profile");
		RunLeftovers.expectGone(profile);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserAvailability.CHROMIUM.toString());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN",
				"--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(BrowserAvailability.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	public BrowserSession open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	public BrowserSession logInAs(String username, String password) {
		open("/login");
		type("username", username);
		type("password", password);
		click("login-submit");
		return this;
	}

	public BrowserSession type(String id, String text) {
		WebElement field = waitFor(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	public BrowserSession select(String id, String value) {
		new org.openqa.selenium.support.ui.Select(waitFor(By.id(id))).selectByValue(value);
		return this;
	}

	public BrowserSession click(String id) {
		waitFor(By.id(id)).click();
		return this;
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/** Waits until the element shows exactly {@code text} (survives the page being replaced meanwhile). */
	public boolean waitForText(By by, String text) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> text.equals(d.findElement(by).getText()));
	}

	/** Accepts the confirmation the page asks for and returns its question. */
	public String confirm() {
		var alert = new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
		String question = alert.getText();
		alert.accept();
		return question;
	}

	/** Types at the end of what the field holds, as a person continuing a sentence. */
	public BrowserSession append(String id, String text) {
		waitFor(By.id(id)).sendKeys(text);
		return this;
	}

	/** An attribute of an element that live updates may replace meanwhile (read again if it was). */
	public String attribute(By by, String name) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> String.valueOf(d.findElement(by).getDomAttribute(name)));
	}

	public String value(String id) {
		return waitFor(By.id(id)).getDomProperty("value");
	}

	public boolean gone(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(by).isEmpty());
	}

	public String text(By by) {
		return waitFor(by).getText();
	}

	public String title() {
		return driver.getTitle();
	}

	public String htmlLang() {
		return driver.findElement(By.tagName("html")).getAttribute("lang");
	}

	public WebDriver driver() {
		return driver;
	}

	/** Saves a screenshot under {@code target/screenshots} for a person to look at. */
	public void screenshot(String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() {
		driver.quit();
		// Chromium's helper processes outlive quit() by a moment and still write into the profile: a single pass
		// failed on their files and left 53 profiles in /tmp over one day of runs.
		RunLeftovers.delete(profile, 50);
	}
}
