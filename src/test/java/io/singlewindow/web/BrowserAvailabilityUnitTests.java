package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.singlewindow.web.BrowserAvailability.Verdict;

/** A machine without Chromium skips the browser tests, except under CI, where that is a broken image. */
class BrowserAvailabilityUnitTests {

	@Test
	void aMachineWithChromiumAndItsDriverRunsTheBrowserTests() {
		assertThat(BrowserAvailability.verdict(true, true, null)).isEqualTo(Verdict.RUN);
		assertThat(BrowserAvailability.verdict(true, true, "true")).isEqualTo(Verdict.RUN);
	}

	@Test
	void aNewcomersMachineWithoutChromiumSkipsThemNamingTheDebianPackages() {
		assertThat(BrowserAvailability.verdict(false, false, null)).isEqualTo(Verdict.SKIP);
		assertThat(BrowserAvailability.verdict(true, false, "false")).isEqualTo(Verdict.SKIP);
		assertThat(BrowserAvailability.MISSING).contains("'chromium'", "'chromium-driver'");
	}

	@Test
	void underCiAMissingBrowserFailsTheRun() {
		assertThat(BrowserAvailability.verdict(false, true, "true")).isEqualTo(Verdict.FAIL);
		assertThat(BrowserAvailability.verdict(false, false, "TRUE")).isEqualTo(Verdict.FAIL);
	}
}
