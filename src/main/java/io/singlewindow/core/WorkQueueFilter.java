package io.singlewindow.core;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What an officer narrows a work queue to and how it is ordered — the same choices, under the same parameter names
 * ({@code q}, {@code olderThanDays}, {@code sort}), on every queue: an agency's declaration tasks, customs' release
 * list, permit applications. A parameter a person did not choose, or one outside the offered values, means "any" and
 * the queue's default order: a queue is a view, so an odd address shows the whole queue rather than an error. Each
 * queue searches its store with these choices (in SQL, so that a page reads no more than it shows); this type reads
 * them and orders what was read.
 *
 * @param search        what the number, the enterprise's name or its USCC must contain (lower case; empty: anything)
 * @param olderThanDays how many days an entry must have waited at least (one of {@link #AGES}; 0: any)
 * @param order         one of the orders the queue offers
 */
public record WorkQueueFilter(String search, int olderThanDays, String order) {

	/** Waiting times a queue can be narrowed to, in days; 0 is any. */
	public static final List<Integer> AGES = List.of(0, 1, 3, 7, 30);
	/** Longest waiting first. */
	public static final String OLDEST = "oldest";
	public static final String NEWEST = "newest";
	/** By the enterprise's name in the reader's language (collated, so 厦门… sorts as a Chinese reader expects). */
	public static final String ENTERPRISE = "enterprise";

	/**
	 * Reads a queue's parameters; {@code orders} are those the queue offers, the first being its default.
	 */
	public static WorkQueueFilter of(String q, Integer olderThanDays, String sort, List<String> orders) {
		return new WorkQueueFilter(q == null ? "" : q.strip().toLowerCase(Locale.ROOT),
				olderThanDays != null && AGES.contains(olderThanDays) ? olderThanDays : 0,
				sort != null && orders.contains(sort) ? sort : orders.getFirst());
	}

	/**
	 * The entries in the chosen order: by waiting time, or by enterprise name then waiting time. An order this type
	 * does not know (a queue's own, such as permits' due date) keeps the order the entries came in.
	 */
	public <T> List<T> ordered(List<T> entries, Function<T, Instant> since, Function<T, String> enterprise,
			Locale locale) {
		Comparator<T> oldest = Comparator.comparing(since);
		Comparator<T> order = switch (order()) {
			case OLDEST -> oldest;
			case NEWEST -> oldest.reversed();
			case ENTERPRISE -> Comparator.comparing(enterprise, Collator.getInstance(locale)).thenComparing(oldest);
			default -> null;
		};
		List<T> sorted = new ArrayList<>(entries);
		if (order != null) {
			sorted.sort(order);
		}
		return sorted;
	}
}
