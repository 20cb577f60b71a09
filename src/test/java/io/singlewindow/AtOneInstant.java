package io.singlewindow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.test.web.servlet.ResultActions;

/**
 * Requests let go together, as two people's clicks on one button may be: what a check-then-write must survive. A check
 * reads committed rows only, so two callers between the check and the write both pass it unless something makes them
 * queue (a lock, a constraint the write keeps).
 */
public final class AtOneInstant {

	private AtOneInstant() {
	}

	/** The HTTP statuses of {@code callers} requests, each on its own thread, released at one instant. */
	public static List<Integer> statuses(int callers, Callable<ResultActions> request) throws Exception {
		var start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(callers)) {
			for (int i = 0; i < callers; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return request.call().andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (var answer : answers) {
				statuses.add(answer.get());
			}
			return statuses;
		}
	}

	/** Two different requests (or any two calls), each on its own thread, released at one instant; in their order. */
	public static <T> List<T> both(Callable<T> first, Callable<T> second) throws Exception {
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(2)) {
			Future<T> a = pool.submit(() -> {
				start.await();
				return first.call();
			});
			Future<T> b = pool.submit(() -> {
				start.await();
				return second.call();
			});
			start.countDown();
			return List.of(a.get(), b.get());
		}
	}
}
