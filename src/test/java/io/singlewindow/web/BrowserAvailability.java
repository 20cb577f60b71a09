package io.singlewindow.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Whether the browser tests can run here. They drive Debian's Chromium; on a newcomer's machine without it they are
 * skipped with one message saying what to install, so that {@code mvn verify} still runs everything else. Under CI
 * ({@code CI=true}) a missing browser fails the run, so a broken CI image is never mistaken for green browser tests.
 */
public final class BrowserAvailability {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	static final String MISSING = "Browser tests skipped: Chromium is not installed here. Install Debian's packages "
			+ "'chromium' and 'chromium-driver' (sudo apt-get install chromium chromium-driver) to run them.";

	enum Verdict {
		RUN, SKIP, FAIL
	}

	private static volatile boolean told;

	private BrowserAvailability() {
	}

	static Verdict verdict(boolean chromium, boolean chromedriver, String ci) {
		if (chromium && chromedriver) {
			return Verdict.RUN;
		}
		return "true".equalsIgnoreCase(ci == null ? "" : ci.strip()) ? Verdict.FAIL : Verdict.SKIP;
	}

	/** Returns when a browser is there; otherwise skips the calling test (aborts it) or, under CI, fails it. */
	static void require() {
		switch (verdict(Files.isExecutable(CHROMIUM), Files.isExecutable(CHROMEDRIVER), System.getenv("CI"))) {
			case RUN -> {
			}
			case FAIL -> throw new IllegalStateException(MISSING.replace("Browser tests skipped: ", "")
					+ " CI=true: a missing browser fails the run.");
			case SKIP -> {
				if (!told) {
					told = true;
					System.err.println("WARNING " + MISSING);
				}
				Assumptions.abort(MISSING);
			}
		}
	}
}
