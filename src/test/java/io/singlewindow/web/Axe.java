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

/** axe-core (vendored in {@code src/test/resources/axe}, MPL-2.0) run on the page a browser has open. */
public final class Axe {

	private static final String SCRIPT = load();

	private Axe() {
	}

	/** Serious and critical violations on the page now open, one line each: rule, count, first element. */
	public static List<String> seriousViolations(WebDriver driver) {
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(SCRIPT);
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

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
