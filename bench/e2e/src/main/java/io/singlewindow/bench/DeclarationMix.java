package io.singlewindow.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realistic mix of issue 8, deterministic per declaration index: 1–20 item lines (most declarations have few);
 * about 40 % carry green coffee that needs quarantine (routed to CIQ, declared under the enterprise's quarantine entry
 * permit), about 30 % carry laptops under the automatic import licence (routed to COMMERCE, quota written off), and
 * integrated circuits that only customs looks at. The declarant is an enterprise the benchmark registers through the
 * public registration API at start, with permits of ample quota obtained through the permit API (applied for by its
 * trader, approved by the issuing agencies' officers), so that quota never runs out during a run.
 */
final class DeclarationMix {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** How many trading enterprises the run spreads over: a zone has many, each with permits of its own. */
	static final int TRADERS = Integer.getInteger("bench.traders", 8);

	record Trader(String key, String quarantinePermit, String importLicence) {
	}

	private final List<Trader> traders;

	private DeclarationMix(List<Trader> traders) {
		this.traders = List.copyOf(traders);
	}

	static DeclarationMix prepare(EndToEndBenchmark.Api api, DataSource db) throws Exception {
		// Every enterprise of a fresh database is younger than 30 days, so the demo profile selecting new enterprises
		// would send a fifth of the run to customs officers; a zone that has run for a month has no such burst.
		HttpResponse<String> deactivated = api.post("/api/v1/risk/profiles/NEW_ENTERPRISE_30D/deactivate",
				"sw-demo-admin", "", null);
		require(deactivated, 200, "deactivating the new-enterprise risk profile");
		List<Trader> traders = new ArrayList<>();
		for (int t = 0; t < TRADERS; t++) {
			traders.add(registerTrader(api, db));
		}
		return new DeclarationMix(traders);
	}

	private static Trader registerTrader(EndToEndBenchmark.Api api, DataSource db) throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "bench-" + suffix;
		String application = """
				{"nameZh":"基准测试进出口有限公司%s（合成）","nameEn":"Benchmark Trading %s (synthetic)",
				 "entityType":"LIMITED_LIABILITY_COMPANY","legalRepresentative":"测试","registeredCapital":10000000,
				 "capitalCurrency":"CNY","zoneArea":"XIANGYU_BONDED_ZONE","address":"象屿路 1 号",
				 "businessScope":["F5191","F5126","F5190"],"industrialChain":"INTEGRATED_CIRCUITS","highTech":false,
				 "crossBorderTrader":true,"username":"%s","password":"bench-password-1"}"""
			.formatted(suffix, suffix, username);
		HttpResponse<String> registered = api.post("/api/v1/enterprises", null, application, null);
		require(registered, 201, "registration");
		String uscc = JSON.readTree(registered.body()).path("uscc").asString();
		if (uscc == null || uscc.isEmpty()) {
			uscc = JSON.readTree(registered.body()).path("enterprise").path("uscc").asString();
		}
		// Setup shortcut (not measured): give the new trader an API key straight in the database rather than logging
		// in through the web form to create one.
		String key = "sw-bench-" + suffix;
		try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
				INSERT INTO api_key (id, user_id, label, key_prefix, key_hash, created_at)
				SELECT gen_random_uuid(), id, 'benchmark', 'sw-bench', encode(sha256(convert_to(?, 'UTF8')), 'hex'), now()
				FROM user_account WHERE username = ?""")) {
			s.setString(1, key);
			s.setString(2, username);
			if (s.executeUpdate() != 1) {
				throw new IllegalStateException("no account " + username);
			}
		}
		String quarantine = permit(api, key, uscc, "QUARANTINE_ENTRY", "[\"0901110000\"]", "sw-demo-officer.ciq");
		String licence = permit(api, key, uscc, "AIL", "[\"8471410000\"]", "sw-demo-officer.commerce");
		return new Trader(key, quarantine, licence);
	}

	private static String permit(EndToEndBenchmark.Api api, String traderKey, String uscc, String catalogue,
			String goods, String officerKey) throws Exception {
		HttpResponse<String> applied = api.post("/api/v1/permit-applications", traderKey, """
				{"catalogueCode":"%s","applicant":"%s","scope":"benchmark","goods":%s,"requestedQuantity":1000000000000,
				 "documents":["contract.pdf","licence.pdf","quarantine.pdf","registration.pdf","other.pdf"],"commitmentSigned":true}"""
			.formatted(catalogue, uscc, goods), null);
		require(applied, 201, "permit application " + catalogue);
		JsonNode application = JSON.readTree(applied.body());
		HttpResponse<String> decided = api.post("/api/v1/permit-applications/" + application.path("id").asString()
				+ "/decision", officerKey, """
				{"decision":"APPROVE","grantedQuantity":1000000000000,"version":%d}"""
			.formatted(application.path("version").asInt()), null);
		require(decided, 200, "permit decision " + catalogue);
		JsonNode permit = JSON.readTree(decided.body());
		String number = permit.path("permitNumber").asString();
		if (number == null || number.isEmpty()) {
			number = permit.path("permit").path("number").asString();
		}
		if (number == null || number.isEmpty()) {
			throw new IllegalStateException("no permit number in " + decided.body());
		}
		return number;
	}

	static void require(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	String describe() {
		return traders.size() + " traders, e.g. " + traders.getFirst();
	}

	/** The trader declaration {@code i} belongs to. */
	Trader trader(int i) {
		return traders.get(i % traders.size());
	}

	/** The JSON body of declaration {@code i}: the same for the same {@code i}. */
	String declaration(int i, boolean warmUp) {
		Trader trader = trader(i);
		SplittableRandom random = new SplittableRandom(i * 7919L + (warmUp ? 17 : 0));
		int lines = random.nextInt(100) < 70 ? 1 + random.nextInt(4) : 5 + random.nextInt(16);
		boolean quarantine = random.nextInt(100) < 40;
		boolean licensed = random.nextInt(100) < 30;
		List<String> items = new ArrayList<>();
		for (int line = 0; line < lines; line++) {
			String hs;
			String unit;
			String permit = null;
			if (line == 0 && quarantine) {
				hs = "0901110000";
				unit = "KGM";
				permit = trader.quarantinePermit();
			} else if ((line == 0 && !quarantine || line == 1) && licensed) {
				hs = "8471410000";
				unit = "C62";
				permit = trader.importLicence();
			} else {
				hs = "8542319000";
				unit = "C62";
			}
			int quantity = 10 + random.nextInt(990);
			// Unit prices scatter ±10 % around a price per commodity, as real consignments of one trader do (the
			// demo risk profile selects unit prices more than 50 % off the zone's mean).
			double unitPrice = switch (hs) {
				case "0901110000" -> 4.0;
				case "8471410000" -> 600.0;
				default -> 35.0;
			} * (0.9 + random.nextDouble() * 0.2);
			String value = String.format(Locale.ROOT, "%.2f", quantity * unitPrice);
			items.add("""
					{"hsCode":"%s","description":"benchmark goods %d","quantity":%d,"unit":"%s","value":%s,"origin":"VN"%s}"""
				.formatted(hs, line + 1, quantity, unit, value, permit == null ? "" : ",\"permitNumber\":\"" + permit + "\""));
		}
		return """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"2","port":"CNXMN","originCountry":"VN",
				 "tradingCountry":"VN","currency":"USD","incoterm":"CIF","packages":%d,"grossWeight":%d,"netWeight":%d,
				 "items":[%s]}"""
			.formatted(lines, 100 + lines * 10, 90 + lines * 10, String.join(",", items));
	}

	static String submit(EndToEndBenchmark.Api api, String traderKey, String body, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpResponse<String> response = api.post("/api/v1/declarations", traderKey, body, idempotencyKey);
		if (response.statusCode() != 201 && response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body()).path("id").asString();
	}

	static String status(EndToEndBenchmark.Api api, String traderKey, String id) throws IOException, InterruptedException {
		HttpResponse<String> response = api.get("/api/v1/declarations/" + id, traderKey);
		return response.statusCode() == 200 ? JSON.readTree(response.body()).path("status").asString()
				: "HTTP " + response.statusCode();
	}

	static boolean isFinal(String status) {
		return "CLEARED".equals(status) || "RELEASED".equals(status);
	}

	/** The ids among {@code ids} whose declaration has not yet reached a final state (one query). */
	static List<String> stillPending(DataSource db, List<String> ids) throws Exception {
		try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
				"SELECT id::text FROM declaration WHERE id = ANY (?) AND status NOT IN ('CLEARED', 'RELEASED')")) {
			Array array = c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
			s.setArray(1, array);
			List<String> pending = new ArrayList<>();
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					pending.add(rs.getString(1));
				}
			}
			return pending;
		}
	}
}
