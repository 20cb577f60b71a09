package io.singlewindow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

/**
 * Issue 20: a tariff import started on a node that dies fails as interrupted once its heartbeat is older than the
 * nodes' {@code singlewindow.tariff.import.stale-after}, and the same file imported again on another node succeeds.
 * The file is made of new ten-digit codes under the subheadings the schedule already has, so importing it changes no
 * line the load's declarations use.
 */
final class TariffImportAcrossNodes {

	static final String ADMIN = "sw-demo-admin";

	final String file;
	final int rows;
	String interrupted;

	private TariffImportAcrossNodes(String file, int rows) {
		this.file = file;
		this.rows = rows;
	}

	static TariffImportAcrossNodes prepare(HikariDataSource db, int rows) throws Exception {
		Set<String> existing = new HashSet<>();
		Set<String> subheadings = new java.util.TreeSet<>();
		try (Connection c = db.getConnection(); var s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT code FROM tariff_line")) {
			while (rs.next()) {
				existing.add(rs.getString(1));
				subheadings.add(rs.getString(1).substring(0, 6));
			}
		}
		StringBuilder csv = new StringBuilder("code,description_zh,description_en,mfn_rate,vat_rate,excise_rate,"
				+ "export_rate,preferential_rates,supervision_conditions,inspection_categories\n");
		int written = 0;
		for (int suffix = 1; suffix < 10_000 && written < rows; suffix++) {
			for (String subheading : subheadings) {
				String code = subheading + String.format("%04d", suffix);
				if (written < rows && !existing.contains(code)) {
					csv.append(code).append(",基准测试品目,Benchmark line,5,13,,,,,\n");
					written++;
				}
			}
		}
		return new TariffImportAcrossNodes(csv.toString(), written);
	}

	/** Starts the import on {@code node} and returns once that node is checking rows. */
	void startAndAwaitRunning(EndToEndBenchmark.Api node) throws Exception {
		interrupted = start(node);
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode status = status(node, interrupted);
			if (status.path("status").asString().equals("RUNNING") && status.path("processedRows").asInt() > 0) {
				EndToEndBenchmark.report("tariff import %s of %d lines running on the node about to die: %d rows checked",
						interrupted, rows, status.path("processedRows").asInt());
				return;
			}
			if (finished(status)) {
				throw new IllegalStateException("the import finished before the node could be killed: " + status);
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("the import did not start running within 2 minutes");
	}

	String start(EndToEndBenchmark.Api node) throws IOException, InterruptedException {
		HttpResponse<String> response = node.http.send(HttpRequest
			.newBuilder(URI.create(node.base + "/api/v1/admin/tariff/imports?fileName=bench-tariff.csv"))
			.header("Authorization", "Bearer " + ADMIN).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(file)).build(), HttpResponse.BodyHandlers.ofString());
		DeclarationMix.require(response, 202, "starting a tariff import");
		return DeclarationMix.JSON.readTree(response.body()).path("id").asString();
	}

	static JsonNode status(EndToEndBenchmark.Api api, String id) throws IOException, InterruptedException {
		HttpResponse<String> response = api.get("/api/v1/admin/tariff/imports/" + id, ADMIN);
		DeclarationMix.require(response, 200, "reading a tariff import");
		return DeclarationMix.JSON.readTree(response.body());
	}

	/** Polls (through any node) until the import is finished, and returns its last status. */
	static JsonNode awaitFinished(EndToEndBenchmark.Api api, String id, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		JsonNode status = status(api, id);
		while (!finished(status) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			status = status(api, id);
		}
		return status;
	}

	static boolean finished(JsonNode status) {
		return List.of("COMPLETED", "FAILED").contains(status.path("status").asString());
	}

	static List<String> errorCodes(JsonNode status) {
		return status.path("errors").valueStream().map(e -> e.path("code").asString()).toList();
	}
}
