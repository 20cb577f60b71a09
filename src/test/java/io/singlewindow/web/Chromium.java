package io.singlewindow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.singlewindow.platform.RunLeftovers;

/**
 * The headless Chromiums of one test JVM. Starting one costs a second or two of the 2 cores, so a browser test takes
 * one that an earlier test gave back, with its cookies, storage, extra windows and window size reset; only when two
 * people act at once (a trader and an officer) is a second one started. All of them quit, and their profiles are
 * deleted, when the JVM exits.
 */
final class Chromium {

	static final Dimension WINDOW = new Dimension(1280, 900);

	private static final Logger log = LoggerFactory.getLogger(Chromium.class);
	private static final Deque<Chromium> IDLE = new ConcurrentLinkedDeque<>();
	private static final List<Chromium> STARTED = new CopyOnWriteArrayList<>();
	private static volatile boolean quitOnExit;

	final ChromeDriver driver;
	/** Chromium's profile, a fresh one per browser; deleted when the JVM exits so no run leaves one behind. */
	private final Path profile;

	private Chromium() {
		try {
			this.profile = Files.createTempDirectory("chrome-profile");
		} catch (IOException e) {
			throw new UncheckedIOException("cannot create a Chromium profile", e);
		}
		RunLeftovers.expectGone(profile);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserAvailability.CHROMIUM.toString());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=" + WINDOW.width + "," + WINDOW.height, "--lang=zh-CN",
				"--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(BrowserAvailability.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		long started = System.nanoTime();
		this.driver = new ChromeDriver(service, options);
		log.info("event=chromium_started ms={} browsers_in_jvm={}", (System.nanoTime() - started) / 1_000_000,
				STARTED.size() + 1);
	}

	/** An idle browser of this JVM, or a new one when all are in use. */
	static Chromium borrow() {
		Chromium idle = IDLE.pollFirst();
		if (idle != null) {
			return idle;
		}
		quitAllOnExit();
		Chromium started = new Chromium();
		STARTED.add(started);
		return started;
	}

	/**
	 * Takes the browser back for the next test, as a person who has never visited {@code origin}; a browser that
	 * cannot be reset (it crashed, a test quit it) is quit instead of being lent again.
	 */
	void giveBack(String origin) {
		try {
			forget(origin);
			IDLE.addFirst(this);
		} catch (WebDriverException e) {
			STARTED.remove(this);
			quit();
		}
	}

	/** Clears what a visit left: an open dialog, extra windows, cookies, storage, a phone's window size. */
	void forget(String origin) {
		try {
			driver.switchTo().alert().dismiss();
		} catch (NoAlertPresentException e) {
			// The usual case: nothing asked.
		}
		var windows = driver.getWindowHandles();
		String first = windows.iterator().next();
		for (String window : windows) {
			if (!window.equals(first)) {
				driver.switchTo().window(window).close();
			}
		}
		driver.switchTo().window(first);
		driver.get("about:blank");
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.<String, Object>of());
		driver.executeCdpCommand("Storage.clearDataForOrigin",
				Map.<String, Object>of("origin", origin, "storageTypes", "all"));
		if (!WINDOW.equals(driver.manage().window().getSize())) {
			driver.manage().window().setSize(WINDOW);
		}
	}

	private void quit() {
		try {
			driver.quit();
		} catch (WebDriverException e) {
			// Already gone: only its profile is left to delete.
		}
		// Chromium's helper processes outlive quit() by a moment and still write into the profile: a single pass
		// failed on their files and left 53 profiles in /tmp over one day of runs.
		RunLeftovers.delete(profile, 50);
	}

	private static synchronized void quitAllOnExit() {
		if (!quitOnExit) {
			quitOnExit = true;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Chromium::quit), "chromium-quit"));
		}
	}
}
