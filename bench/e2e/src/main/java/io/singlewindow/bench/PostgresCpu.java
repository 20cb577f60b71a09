package io.singlewindow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of a PostgreSQL server by kind of process, from {@code /proc}: the postmaster, each live child by the
 * title PostgreSQL gives it ({@code postgres: walwriter}, {@code postgres: autovacuum worker}, a client backend …), and
 * the children that have exited, which the postmaster has reaped ({@code cutime}/{@code cstime} of its own
 * {@code stat}). Counting the live processes alone, as {@link ProcessHandle#descendants()} does, loses every
 * autovacuum worker that starts and ends between two readings; the reaped children's times carry it. A child that was
 * alive at the first reading and has exited at the second counts once: its time at the first reading under its kind,
 * the rest under {@value #EXITED}. Empty where there is no {@code /proc}.
 */
final class PostgresCpu {

	static final String EXITED = "exited children";

	static final String BACKENDS = "client backends";

	/** Clock ticks per second of {@code /proc}'s times (USER_HZ): 100 on Linux for every common architecture. */
	private static final long TICKS_PER_SECOND = 100;

	private PostgresCpu() {
	}

	/** A reading: each process's CPU milliseconds so far and its kind ({@link #POSTMASTER}, {@link #EXITED} included). */
	record Reading(Map<Long, String> kinds, Map<Long, Long> millis) {

		static final Reading NONE = new Reading(Map.of(), Map.of());

		java.time.Duration total() {
			return java.time.Duration.ofMillis(millis.values().stream().mapToLong(Long::longValue).sum());
		}
	}

	static final String POSTMASTER = "postmaster";

	/** The server's CPU time so far, process by process; the reaped children under a pid of their own (-1). */
	static Reading read(ProcessHandle postmaster) {
		long[] own = times(postmaster.pid());
		if (own.length == 0) {
			return Reading.NONE;
		}
		Map<Long, String> kinds = new java.util.HashMap<>();
		Map<Long, Long> millis = new java.util.HashMap<>();
		kinds.put(postmaster.pid(), POSTMASTER);
		millis.put(postmaster.pid(), toMillis(own[0] + own[1]));
		// Reaped children count in the postmaster's cutime/cstime; the live ones are read one by one.
		kinds.put(-1L, EXITED);
		millis.put(-1L, toMillis(own[2] + own[3]));
		postmaster.children().forEach(child -> {
			long[] t = times(child.pid());
			if (t.length > 0) {
				kinds.put(child.pid(), kind(child.pid()));
				millis.put(child.pid(), toMillis(t[0] + t[1]));
			}
		});
		return new Reading(kinds, millis);
	}

	/** Milliseconds per declaration between two readings, by kind of process, largest first, after their sum. */
	static String perDeclaration(Reading before, Reading after, int declarations) {
		Map<String, Long> delta = new TreeMap<>();
		after.millis().forEach((pid, ms) -> delta.merge(after.kinds().get(pid),
				ms - before.millis().getOrDefault(pid, 0L), Long::sum));
		// A process alive at the first reading and reaped since counts under EXITED with its whole time: the part
		// already counted at the first reading comes off there.
		before.millis().forEach((pid, ms) -> {
			if (!after.millis().containsKey(pid)) {
				delta.merge(EXITED, -ms, Long::sum);
			}
		});
		long total = delta.values().stream().mapToLong(Long::longValue).sum();
		StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%.2f =", total / (double) declarations));
		delta.entrySet().stream()
			.filter(e -> e.getValue() != 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(e -> line.append(String.format(java.util.Locale.ROOT, " %s %.3f", e.getKey(),
					e.getValue() / (double) declarations)));
		return line.toString();
	}

	/**
	 * The kind of a child from its title: {@code postgres: checkpointer}, {@code postgres: autovacuum worker
	 * dbname}; a client backend's title names its user, database and client ({@code postgres: postgres postgres
	 * 127.0.0.1(4242) idle}).
	 */
	private static String kind(long pid) {
		try {
			String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').strip();
			String rest = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
			for (String known : new String[] { "autovacuum worker", "autovacuum launcher", "walwriter", "checkpointer",
					"background writer", "logical replication launcher", "walsummarizer", "archiver", "io worker" }) {
				if (rest.startsWith(known)) {
					return known;
				}
			}
			return BACKENDS;
		} catch (IOException e) {
			return BACKENDS;
		}
	}

	/** utime, stime, cutime, cstime in ticks; empty when the process has gone. */
	private static long[] times(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// The name in field 2 is in parentheses and may hold spaces: fields 14 to 17 follow it.
			String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new long[] { Long.parseLong(after[11]), Long.parseLong(after[12]), Long.parseLong(after[13]),
					Long.parseLong(after[14]) };
		} catch (IOException | RuntimeException e) {
			return new long[0];
		}
	}

	private static long toMillis(long ticks) {
		return ticks * 1000 / TICKS_PER_SECOND;
	}
}
