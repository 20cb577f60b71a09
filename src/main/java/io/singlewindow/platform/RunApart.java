package io.singlewindow.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work kept off the scheduler's thread. With virtual threads on, Spring's {@code SimpleAsyncTaskScheduler}
 * runs every fixed-delay task of the platform on its one thread, so a task that waits (for a webhook receiver, for a
 * licence another transaction holds) would hold up the statistics folds and the audit seal meanwhile. A scheduled
 * method calls {@link #startUnlessRunning}; the work runs on a virtual thread of its own, one run at a time, and
 * {@link #stop} (from the owner's {@code @PreDestroy}) lets a run under way finish before the database goes.
 */
public final class RunApart {

	private static final Logger log = LoggerFactory.getLogger(RunApart.class);

	private final String name;
	private final Duration finishWithin;
	private final Runnable work;
	private volatile boolean stopping;
	private Thread running;

	/**
	 * @param name         the thread's name, and the run's in the log
	 * @param finishWithin how long {@link #stop} waits for a run under way
	 */
	public RunApart(String name, Duration finishWithin, Runnable work) {
		this.name = name;
		this.finishWithin = finishWithin;
		this.work = work;
	}

	/** Starts a run unless one is under way or the application is stopping. */
	public synchronized void startUnlessRunning() {
		if (!stopping && (running == null || !running.isAlive())) {
			running = Thread.ofVirtual().name(name).start(() -> {
				try {
					work.run();
				} catch (RuntimeException e) {
					log.warn("event=background_run_failed run={} error={}", name, e.toString());
				}
			});
		}
	}

	/** Whether the application is stopping: a long run checks it between its steps. */
	public boolean stopping() {
		return stopping;
	}

	/** Starts no more runs and waits for the one under way, at most {@code finishWithin}. */
	public void stop() throws InterruptedException {
		Thread last;
		synchronized (this) {
			stopping = true;
			last = running;
		}
		if (last != null) {
			last.join(finishWithin);
		}
	}
}
