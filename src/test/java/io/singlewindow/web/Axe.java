package io.singlewindow.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core (vendored in {@code src/test/resources/static/js}, MPL-2.0) run on the page a browser has open. */
public final class Axe {

	private static final String SCRIPT = load();

	private Axe() {
	}

	/** Serious and critical violations on the page now open, one line each: rule, count, first element. */
	public static List<String> seriousViolations(WebDriver driver) {
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))
				&& !Boolean.TRUE.equals(js.executeAsyncScript(FROM_THE_SERVER))) {
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
	 * Loads axe-core as the page loads its own scripts: from the platform under test, which serves it from the test
	 * classpath ({@code static/js}) with a year's caching, so the browser compiles the 0.65 MB once and reuses its code
	 * on every later page. Sending the script with each check cost about 320 ms of a 1 s check, and injecting it into
	 * every new document through DevTools about 160 ms of every page opened (measured over the 134 pages of
	 * {@code AccessibilityBrowserTests}). Answers false where the page cannot load it (another origin, a blank page).
	 */
	private static final String FROM_THE_SERVER = """
			var done = arguments[arguments.length - 1];
			if (location.protocol !== 'http:' && location.protocol !== 'https:') { done(false); return; }
			var s = document.createElement('script');
			s.src = '/js/axe.min.js';
			s.onload = function () { done(typeof window.axe === 'object'); };
			s.onerror = function () { done(false); };
			document.head.appendChild(s);""";

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/static/js/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
