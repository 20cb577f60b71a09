package io.singlewindow.platform.internal;

/**
 * Why the platform does not start, said for its operator: the message what is wrong, {@link #action()} what to do.
 * Spring Boot's start report shows both as one paragraph ({@link StartRefusedFailureAnalyzer}) instead of a stack
 * trace whose reason sits several causes down.
 */
abstract class StartRefused extends IllegalStateException {

	StartRefused(String message, Throwable cause) {
		super(message, cause);
	}

	/** What the operator does about it. */
	abstract String action();
}
