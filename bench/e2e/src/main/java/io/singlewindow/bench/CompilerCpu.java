package io.singlewindow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time a JVM's JIT compiler threads ({@code C1 CompilerThread…}, {@code C2 CompilerThread…}) have used, from
 * {@code /proc/<pid>/task/<tid>/stat}. A server that has run for hours compiles next to nothing; a benchmark window in
 * which the compilers are still busy measures the warm-up, not the platform, so the report shows this share and the
 * warm-up lasts until it is small. On two cores HotSpot keeps one thread of each compiler, which never exits, so no
 * compiler time is lost between two readings. Zero where there is no {@code /proc}.
 */
final class CompilerCpu {

	/** Clock ticks per second of {@code /proc}'s times (USER_HZ): 100 on Linux for every common architecture. */
	private static final long TICKS_PER_SECOND = 100;

	private CompilerCpu() {
	}

	static Duration of(ProcessHandle process) {
		Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
		long ticks = 0;
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
			for (Path thread : threads) {
				ticks += compilerTicks(thread);
			}
		} catch (IOException e) {
			return Duration.ZERO;
		}
		return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
	}

	private static long compilerTicks(Path thread) {
		try {
			String name = Files.readString(thread.resolve("comm")).strip();
			if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
				return 0;
			}
			// The name in field 2 is in parentheses and may hold spaces: fields 14 and 15 (utime, stime) follow it.
			String stat = Files.readString(thread.resolve("stat"));
			String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(after[11]) + Long.parseLong(after[12]);
		} catch (IOException | RuntimeException e) {
			return 0; // the thread ended between listing and reading
		}
	}
}
