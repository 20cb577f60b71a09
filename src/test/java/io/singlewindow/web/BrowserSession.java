package io.singlewindow.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a headless Chromium (Debian's chromium and chromium-driver, never a downloaded browser), with the
 * few gestures the browser tests need. The Chromium is borrowed from the test JVM's few ({@link Chromium}).
 */
public final class BrowserSession implements AutoCloseable {

	private final Chromium chromium;
	private final WebDriver driver;
	private final String baseUrl;

	/** Borrows one of the JVM's browsers ({@link Chromium}) until {@link #close()}, which resets and gives it back. */
	public BrowserSession(int port) {
		BrowserAvailability.require();
		this.baseUrl = "http://localhost:" + port;
		this.chromium = Chromium.borrow();
		this.driver = chromium.driver;
	}

	/** Forgets the visit so far: cookies, storage, extra windows, window size (as a new person at the browser). */
	public void forget() {
		chromium.forget(baseUrl);
	}

	public BrowserSession open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	/**
	 * Logs in and waits for the answer (the home page, or the login page again with its refusal): a page opened next
	 * while the login's redirect is still on its way was replaced by that redirect's home page (seen once in a
	 * fresh-clone run: the interchange page's test found the workspace instead).
	 */
	public BrowserSession logInAs(String username, String password) {
		open("/login");
		type("username", username);
		type("password", password);
		clickForNextPage("login-submit");
		return this;
	}

	/**
	 * Types into a field. A field that asks the server as one types ({@code hx-get}, e.g. the commodity code's
	 * description and suggestions) is given the time a person gives it: until its answer is on the page. Otherwise the
	 * answer can arrive while the next click is on its way, push the form down by a line, and the click lands on
	 * whatever moved under the pointer (a failure seen under load: "Add an item" clicked instead of "Submit").
	 */
	public BrowserSession type(String id, String text) {
		WebElement field = waitFor(By.id(id));
		field.clear();
		field.sendKeys(text);
		if (field.getAttribute("hx-get") != null) {
			settle();
		}
		return this;
	}

	/** Waits past htmx's trigger delay until no htmx request is in flight and its answer has settled. */
	private void settle() {
		try {
			Thread.sleep(400);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
				"return document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping') === null"));
	}

	public BrowserSession select(String id, String value) {
		new org.openqa.selenium.support.ui.Select(waitFor(By.id(id))).selectByValue(value);
		return this;
	}

	/**
	 * Clicks the element. A field with suggestions ({@code list}, a datalist) that still has the focus is left first:
	 * under load its suggestions arrive while the click is on its way, Chromium opens their popup, and the popup
	 * swallows the click that dismisses it (the form was never submitted, and the test waited in vain for the next
	 * page). A person's click leaves the field just the same.
	 */
	public BrowserSession click(String id) {
		WebElement target = waitFor(By.id(id));
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
				"var f = document.activeElement; if (f && f !== arguments[0] && f.hasAttribute('list')) f.blur();", target);
		target.click();
		return this;
	}

	/**
	 * Clicks the element and waits until the browser shows the next page. A form answered with the same page it was
	 * sent from (a refusal) would otherwise let the next read find the old page's element just as the answer replaces
	 * it.
	 */
	public BrowserSession clickForNextPage(String id) {
		WebElement before = driver.findElement(By.tagName("html"));
		click(id);
		until(d -> replaced(before));
		return this;
	}

	/**
	 * Whether {@code element}'s document has been replaced. Selenium's {@code stalenessOf} knows only the stale-element
	 * answer; while the old document is being torn down Chromium may answer "Node with given id does not belong to the
	 * document" instead, which means the same and must not end the wait with an error.
	 */
	private static boolean replaced(WebElement element) {
		try {
			element.isEnabled();
			return false;
		} catch (StaleElementReferenceException e) {
			return true;
		} catch (WebDriverException e) {
			if (beingReplaced(e)) {
				return true;
			}
			throw e;
		}
	}

	/** Chromium's answer about an element of a document that is being replaced by the next page. */
	private static boolean beingReplaced(WebDriverException e) {
		return !(e instanceof org.openqa.selenium.TimeoutException) && e.getMessage() != null
				&& e.getMessage().contains("does not belong to the document");
	}

	public WebElement waitFor(By by) {
		return until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/**
	 * Waits up to ten seconds for {@code condition}; when it never holds, the page as it was (screenshot and HTML,
	 * {@code target/screenshots/timeout-*}) is kept beside the failure, so an intermittent one can be read afterwards.
	 */
	private <T> T until(java.util.function.Function<WebDriver, T> condition) {
		try {
			// A page being replaced may answer a look-up with a stale element or, from Chromium, "does not belong to the
			// document": either way the next page is not there yet.
			return new WebDriverWait(driver, Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(d -> {
					try {
						return condition.apply(d);
					} catch (WebDriverException e) {
						if (beingReplaced(e)) {
							return null;
						}
						throw e;
					}
				});
		} catch (org.openqa.selenium.TimeoutException e) {
			String name = "timeout-" + System.currentTimeMillis();
			try {
				screenshot(name);
				Files.writeString(Path.of("target", "screenshots", name + ".html"),
						driver.getCurrentUrl() + "\n" + driver.getPageSource());
				e.addSuppressed(new IllegalStateException("page kept as target/screenshots/" + name + ".png/.html"));
			} catch (IOException | RuntimeException kept) {
				e.addSuppressed(kept);
			}
			throw e;
		}
	}

	/** Waits until the page shows {@code count} such elements (a form submitted by a click comes back as a new page). */
	public void waitForCount(By by, int count) {
		until(d -> d.findElements(by).size() == count);
	}

	/** Waits until the element shows exactly {@code text} (survives the page being replaced meanwhile). */
	public boolean waitForText(By by, String text) {
		return until(d -> text.equals(d.findElement(by).getText()));
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
		return until(d -> String.valueOf(d.findElement(by).getDomAttribute(name)));
	}

	public String value(String id) {
		return waitFor(By.id(id)).getDomProperty("value");
	}

	public boolean gone(By by) {
		return until(d -> d.findElements(by).isEmpty());
	}

	/** The text of an element that the next page or a live update may replace meanwhile (read again if it was). */
	public String text(By by) {
		return until(d -> d.findElement(by).getText());
	}

	/**
	 * The words of a table (by its id) cut across two lines, space-separated; empty when none is. The pages break long
	 * values anywhere (so that nothing overflows a phone), which cut "Messa/ge", "Flo/w", declaration numbers and
	 * Chinese headings (进出/口) in two until 2026-12-03. A line may still end at a space or after a hyphen, as text
	 * does, and inside Chinese text of a cell; a heading's run of characters is one word, and so is a date: cut after
	 * a hyphen, "2026-" above "12-04" reads as two values (until 2026-12-04).
	 */
	public String wordsCutAcrossLines(String tableId) {
		return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
				const cut = [];
				const walker = document.createTreeWalker(document.getElementById(arguments[0]), NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				  const heading = node.parentElement.closest('th') !== null;
				  for (const m of node.data.matchAll(/\\d{4}-\\d{2}-\\d{2}|[^\\s-]+-?/g)) {
				    const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
				    if (r.getClientRects().length > 1 && (heading || /[!-~]/.test(m[0]))) cut.push(m[0]);
				  }
				}
				return cut.join(' ');""", tableId));
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

	/** As {@link #screenshot}, the element scrolled into view first: what a person reading that part sees. */
	public void screenshotOf(String id, String name) throws IOException {
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
		screenshot(name);
	}

	/** Gives the browser back for the next test (it keeps running until the JVM exits). */
	@Override
	public void close() {
		chromium.giveBack(baseUrl);
	}
}
