package io.singlewindow.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import sun.misc.Signal;

/**
 * A SIGTERM is how operators, systemd and Kubernetes ask the platform to stop: a normal end, not a failure. The JVM's
 * own handling exits with status 143 (128 + 15) after the shutdown hooks; this one closes the application (graceful
 * web shutdown, listeners and jobs finished, then the database) and exits with 0, or with whatever an
 * {@code ExitCodeGenerator} says.
 */
public final class Termination {

	private Termination() {
	}

	/** From now on SIGTERM closes {@code application} and exits the JVM normally. */
	public static void onSigtermCloseAndExit(ConfigurableApplicationContext application) {
		Signal.handle(new Signal("TERM"), signal -> {
			Thread stopping = new Thread(() -> System.exit(SpringApplication.exit(application)), "sigterm");
			stopping.start();
		});
	}
}
