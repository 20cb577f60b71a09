package io.singlewindow.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a test run puts in the temp directory (the database folder, Chromium profiles, upload files) and must take away
 * again. Each folder is listed in {@code target/test-temp-folders.txt} when created, so that
 * {@code .ci/check-test-leftovers} fails a build whose run left one behind.
 */
public final class RunLeftovers {

	static final Path LIST = Path.of("target", "test-temp-folders.txt");

	private RunLeftovers() {
	}

	/** Lists {@code folder} for the leftover check (only when the tests run from the project's folder). */
	public static void expectGone(Path folder) {
		if (!Files.isDirectory(LIST.getParent())) {
			return;
		}
		try {
			Files.writeString(LIST, folder.toAbsolutePath() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot list " + folder + " for the leftover check", e);
		}
	}

	/**
	 * Deletes {@code folder} and everything in it, trying again for up to {@code attempts} × 100 ms while a process
	 * that is just exiting (Chromium's helpers, a stopping postmaster) still writes or removes files in it.
	 *
	 * @return whether it is gone
	 */
	public static boolean delete(Path folder, int attempts) {
		for (int attempt = 0; attempt < attempts && Files.exists(folder); attempt++) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
					try {
						Files.deleteIfExists(p);
					} catch (IOException e) {
						// A file still being written, or a folder a later pass empties.
					}
				}
			} catch (IOException | UncheckedIOException e) {
				// A file vanished under the walk: the next pass starts afresh.
			}
			if (Files.exists(folder)) {
				try {
					Thread.sleep(100);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return !Files.exists(folder);
	}
}
