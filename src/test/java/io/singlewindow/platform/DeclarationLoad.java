package io.singlewindow.platform;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several trader systems submitting declarations at once, each with its own Idempotency-Key, writing down every
 * receipt the platform answered with 2xx: what the platform has promised to keep.
 */
final class DeclarationLoad implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String TRADER = "sw-demo-trader.chip";

	/** What the platform acknowledged for a key: the declaration's id and number. */
	record Receipt(String key, String id, String number) {
	}

	private final PlatformProcess platform;
	private final String licence;
	private final String prefix;
	private final AtomicBoolean running = new AtomicBoolean(true);
	private final AtomicInteger next = new AtomicInteger();
	private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
	final Map<String, String> sent = new ConcurrentHashMap<>();
	final Map<String, Receipt> acknowledged = new ConcurrentHashMap<>();

	private DeclarationLoad(PlatformProcess platform, String licence, String prefix) {
		this.platform = platform;
		this.licence = licence;
		this.prefix = prefix;
	}

	/** {@code clients} trader systems submit until {@link #stop()}. */
	static DeclarationLoad start(PlatformProcess platform, String licence, String prefix, int clients) {
		DeclarationLoad load = new DeclarationLoad(platform, licence, prefix);
		for (int c = 0; c < clients; c++) {
			load.clients.submit(load::submitUntilStopped);
		}
		return load;
	}

	private void submitUntilStopped() {
		while (running.get()) {
			String key = prefix + next.getAndIncrement();
			String body = declaration(key);
			sent.put(key, body);
			try {
				var receipt = submit(platform, key, body);
				if (receipt.isEmpty()) {
					return;
				}
				acknowledged.put(key, receipt.get());
			} catch (Exception e) {
				// No answer: not acknowledged. Like a trader's system, this client stops and retries the same key
				// once the platform is back.
				return;
			}
		}
	}

	static java.util.Optional<Receipt> submit(PlatformProcess platform, String key, String body) throws Exception {
		HttpResponse<String> response = platform.post("/api/v1/declarations", TRADER, body, key);
		if (response.statusCode() / 100 != 2) {
			return java.util.Optional.empty();
		}
		JsonNode receipt = JSON.readTree(response.body());
		return java.util.Optional.of(new Receipt(key, receipt.path("id").asString(), receipt.path("number").asString()));
	}

	/** Portable computers under the enterprise's import licence (one unit of its quota) and processors. */
	String declaration(String key) {
		return declaration(licence, processors(key));
	}

	static String declaration(String licence, int processors) {
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":3,
				 "grossWeight":120,"netWeight":100,
				 "items":[{"hsCode":"8471300000","description":"portable computers","quantity":1,"unit":"C62",
				 "value":800,"origin":"US","permitNumber":"%s"},
				 {"hsCode":"8542319000","description":"processors","quantity":%d,"unit":"C62","value":4000,"origin":"US"}]}"""
			.formatted(licence, processors);
	}

	/** Differs from key to key, so that a declaration stored under the wrong key shows. */
	static int processors(String key) {
		return 100 + Math.floorMod(key.hashCode(), 400);
	}

	List<String> unacknowledged() {
		List<String> keys = new ArrayList<>(sent.keySet());
		keys.removeAll(acknowledged.keySet());
		return keys;
	}

	void stop() throws InterruptedException {
		running.set(false);
		clients.shutdown();
		if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
			clients.shutdownNow();
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}
}
