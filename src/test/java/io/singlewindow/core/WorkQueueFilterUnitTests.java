package io.singlewindow.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class WorkQueueFilterUnitTests {

	static final List<String> ORDERS = List.of("due", WorkQueueFilter.OLDEST, WorkQueueFilter.NEWEST,
			WorkQueueFilter.ENTERPRISE);
	static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

	record Entry(String number, String enterprise, Instant since) {
	}

	static final Entry OLD = new Entry("XM1", "厦门鹭芯微电子有限公司", NOW.minus(Duration.ofDays(5)));
	static final Entry NEW = new Entry("XM2", "Haicang Coffee Trading 厦门海沧咖啡贸易有限公司",
			NOW.minus(Duration.ofHours(1)));
	static final Entry MIDDLE = new Entry("XM3", "厦门钨韵新材料有限公司", NOW.minus(Duration.ofDays(2)));

	List<String> ordered(WorkQueueFilter filter, Locale locale) {
		return filter.ordered(List.of(NEW, OLD, MIDDLE), Entry::since, Entry::enterprise, locale).stream()
			.map(Entry::number).toList();
	}

	@Test
	void anAddressWithoutChoicesShowsTheWholeQueueInItsDefaultOrder() {
		WorkQueueFilter filter = WorkQueueFilter.of(null, null, null, ORDERS);
		assertThat(filter).isEqualTo(new WorkQueueFilter("", 0, "due"));
		assertThat(ordered(filter, Locale.ENGLISH)).as("the store's order").containsExactly("XM2", "XM1", "XM3");
		assertThat(WorkQueueFilter.of(" X ", 2, "sideways", ORDERS))
			.as("an age or order the queue does not offer is any / the default")
			.isEqualTo(new WorkQueueFilter("x", 0, "due"));
	}

	@Test
	void itOrdersByWaitingTimeEitherWayOrByEnterpriseNameAsTheReaderCollates() {
		assertThat(ordered(WorkQueueFilter.of(null, null, "oldest", ORDERS), Locale.ENGLISH))
			.containsExactly("XM1", "XM3", "XM2");
		assertThat(ordered(WorkQueueFilter.of(null, null, "newest", ORDERS), Locale.ENGLISH))
			.containsExactly("XM2", "XM3", "XM1");
		// Collated, not by character code ("haicang" before "Xiamen"), one enterprise's entries oldest first.
		WorkQueueFilter byName = WorkQueueFilter.of(null, null, "enterprise", ORDERS);
		assertThat(byName.ordered(List.of(MIDDLE, NEW, OLD), Entry::since,
				e -> e == NEW ? "haicang coffee" : "Xiamen Egret", Locale.ENGLISH).stream().map(Entry::number))
			.containsExactly("XM2", "XM1", "XM3");
	}
}
