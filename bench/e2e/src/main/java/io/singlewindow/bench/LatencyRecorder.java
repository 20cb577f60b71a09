package io.singlewindow.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Collects latencies (nanoseconds) from many threads; percentiles over all of them. */
final class LatencyRecorder {

	private final long[] samples;
	private final AtomicInteger count = new AtomicInteger();

	LatencyRecorder(int capacity) {
		samples = new long[capacity];
	}

	void record(long nanos) {
		int i = count.getAndIncrement();
		if (i < samples.length) {
			samples[i] = nanos;
		}
	}

	/** @param p 0–100 */
	double percentileMillis(double p) {
		int n = Math.min(count.get(), samples.length);
		if (n == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(samples, n);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * n) - 1;
		return sorted[Math.max(0, Math.min(n - 1, index))] / 1_000_000.0;
	}

	int count() {
		return count.get();
	}
}
