package io.singlewindow.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

/** axe-core (vendored in {@code src/test/resources/axe}, MPL-2.0) run on the page a browser has open. */
public final class Axe {

	private static final String SCRIPT = load();

	private Axe() {
	}

	/** Serious and critical violations on the page now open, one line each: rule, count, first element. */
	public static List<String> seriousViolations(WebDriver driver) {
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
			js.executeScript(SCRIPT);
		}
		Object found = js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
				  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				    .map(function (v) { return v.id + ' ×' + v.nodes.length + ' ' + v.nodes[0].target.join(' '); }));
				});""");
		List<String> lines = new ArrayList<>();
		((List<?>) found).forEach(v -> lines.add(String.valueOf(v)));
		return lines;
	}

	/**
	 * Has the browser load axe-core into every page it opens, until the handle is closed. Sending the 0.5 MB script
	 * with every check took a third of each check (about 320 ms of 1 s per page, measured on 8 pages); the browser
	 * loads it in about 25 ms. For a pass over many pages; without Chromium's DevTools the script is sent per page.
	 */
	public static AutoCloseable onEveryPage(WebDriver driver) {
		if (!(driver instanceof ChromiumDriver chromium)) {
			return () -> {
			};
		}
		Object id = chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPT))
			.get("identifier");
		return () -> chromium.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
