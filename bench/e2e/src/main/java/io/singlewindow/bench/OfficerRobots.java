package io.singlewindow.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * Officers who approve whatever lands in their queue (YELLOW/RED channels, tasks no rule could decide), so that every
 * declaration of the run reaches a final state. Counted, so the report says how many needed a person.
 */
final class OfficerRobots implements AutoCloseable {

	private static final List<String> AGENCIES = List.of("CUSTOMS", "CIQ", "COMMERCE", "SAMR");

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
	private final AtomicBoolean running = new AtomicBoolean(true);
	final AtomicInteger approved = new AtomicInteger();

	OfficerRobots(EndToEndBenchmark.Api api) {
		for (String agency : AGENCIES) {
			String key = "sw-demo-officer." + agency.toLowerCase(java.util.Locale.ROOT);
			threads.submit(() -> {
				while (running.get()) {
					try {
						HttpResponse<String> queue = api.get("/api/v1/agencies/" + agency + "/tasks", key);
						JsonNode tasks = DeclarationMix.JSON.readTree(queue.body());
						int decided = 0;
						for (JsonNode task : tasks) {
							HttpResponse<String> r = api.post("/api/v1/tasks/" + task.path("taskId").asString()
									+ "/decision", key, "{\"decision\":\"APPROVE\",\"reason\":\"benchmark officer\"}",
									null);
							if (r.statusCode() == 200) {
								approved.incrementAndGet();
								decided++;
							}
						}
						if (decided == 0) {
							Thread.sleep(200);
						}
					} catch (InterruptedException e) {
						return;
					} catch (Exception e) {
						// a race with another decision or a transient error: look again
					}
				}
			});
		}
	}

	@Override
	public void close() {
		running.set(false);
		threads.shutdownNow();
	}
}
