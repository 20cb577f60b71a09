package io.singlewindow.bench;

import static io.singlewindow.bench.EndToEndBenchmark.report;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The standards channel against the REST API (issue #17): the same two-line import declaration submitted N times
 * through {@code POST /api/v1/declarations} by M concurrent clients, and as interchanges of {@code perInterchange}
 * CUSDEC messages through {@code POST /api/v1/interchanges} (answered 202, submitted by the batch job), in one run, on
 * one durable PostgreSQL (fsync, synchronous_commit on, read back and printed). Each path is timed from its first
 * request until every one of its declarations is CLEARED (officer robots approve what the risk channel selects); reported as declarations per second, CPU milliseconds per
 * declaration of the platform and of PostgreSQL, commits and statements per declaration, and the ratio.
 * <p>
 * Usage: {@code bench/interchange/run.sh [declarations=2000] [perInterchange=1000] [clients=32]}.
 */
public final class InterchangeBenchmark {

	static final String TRADER = "sw-demo-trader.chip";

	public static void main(String[] args) throws Exception {
		int declarations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int perInterchange = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
		Path jar = Path.of(System.getProperty("bench.jar", "target/single-window-0.1.0-SNAPSHOT.jar"));
		Duration timeout = Duration.ofMinutes(Integer.getInteger("bench.timeoutMinutes", 15));
		Path pgData = Files.createTempDirectory("sw-bench-pg");
		try (EmbeddedPostgres pg = EndToEndBenchmark.durablePostgres(pgData)) {
			String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
			report("database: PostgreSQL %s, %s (read back from the server; both paths run on it)",
					EndToEndBenchmark.setting(pg, "server_version"), DurableSettings.readBack(pg.getPostgresDatabase()));
			int port = EndToEndBenchmark.freePort();
			Process app = EndToEndBenchmark.startPlatform(jar, jdbcUrl, port);
			try (HikariDataSource db = new HikariDataSource()) {
				db.setJdbcUrl(jdbcUrl);
				db.setUsername("postgres");
				db.setMaximumPoolSize(4);
				var api = new EndToEndBenchmark.Api("http://localhost:" + port);
				api.awaitReady(Duration.ofMinutes(Integer.getInteger("bench.readyMinutes", 8)));
				report("platform ready: port=%d; declaration: 2 lines of processors (customs only), CIF USD; officer robots approve what the risk channel selects",
						port);
				OfficerRobots officers = new OfficerRobots(api);
				// Control references are an..14: W/R + six digits of the run + the interchange's number.
				long run = System.currentTimeMillis() / 1000 % 1_000_000;
				CostPerDeclaration cost = new CostPerDeclaration(db, app, pgData);
				// Warm-up of both paths, not measured: each in rounds until the JIT compilers take under 5 % of the
				// platform's CPU (200 REST declarations used to be all; the compilers then took 1.5 of the REST path's
				// 3.3 ms a declaration in a 10,000 run).
				warmUp("REST", cost, round -> rest(api, db, Math.min(1000, declarations / 10 + 1), clients,
						"warm-" + run + "-" + round, timeout));
				warmUp("interchange", cost, round -> interchanges(api, db, 1, Math.min(1000, perInterchange),
						"W" + run + round, timeout));

				var before = cost.take();
				double restSeconds = rest(api, db, declarations, clients, "run-" + run, timeout);
				var between = cost.take();
				int count = Math.max(1, declarations / perInterchange);
				double messageSeconds = interchanges(api, db, count, perInterchange, "R" + run, timeout);
				var after = cost.take();
				int messages = count * perInterchange;
				double restRate = declarations / restSeconds;
				double messageRate = messages / messageSeconds;
				report("REST: %d declarations, %d clients, %.1f s until all CLEARED, %.1f decl/s", declarations,
						clients, restSeconds, restRate);
				report("REST per declaration: %s", CostPerDeclaration.perDeclaration(before, between, declarations));
				report("interchanges: %d of %d CUSDEC messages, %.1f s from the first upload until all CLEARED, "
						+ "%.1f decl/s", count, perInterchange, messageSeconds, messageRate);
				report("interchange per declaration: %s", CostPerDeclaration.perDeclaration(between, after, messages));
				report("statements run most often on the interchange path, calls per declaration:");
				CostPerDeclaration.busiestStatements(between, after, messages, 10).forEach(l -> report("  %s", l));
				report("PostgreSQL time per declaration on the interchange path:");
				CostPerDeclaration.costliestStatements(between, after, messages, 10).forEach(l -> report("  %s", l));
				report("PostgreSQL time per declaration on the REST path:");
				CostPerDeclaration.costliestStatements(before, between, declarations, 10).forEach(l -> report("  %s", l));
				report("tasks approved by officer robots (warm-up included): %d", officers.approved.get());
				officers.close();
				report("RATIO interchange / REST declarations per second = %.2f", messageRate / restRate);
				report("database settings at the end of the run: %s", DurableSettings.readBack(pg.getPostgresDatabase()));
			} finally {
				app.destroy();
				app.waitFor();
			}
		}
	}

	/** One warm-up round of a path: the round's number in, seconds out. */
	interface Round {

		double run(int round) throws Exception;
	}

	/** Rounds of {@code path} until its compilers' share falls under 5 %, or for {@link EndToEndBenchmark#warmUpLimit()}. */
	static void warmUp(String path, CostPerDeclaration cost, Round round) throws Exception {
		long until = System.nanoTime() + EndToEndBenchmark.warmUpLimit().toNanos();
		int rounds = 0;
		double share;
		do {
			var start = cost.take();
			round.run(rounds);
			share = CostPerDeclaration.compilerShare(start, cost.take());
			rounds++;
		} while (share >= 0.05 && System.nanoTime() < until);
		report("warm-up of the %s path: %d rounds; JIT compilers' share of the platform's CPU in the last %.1f %%", path,
				rounds, 100 * share);
	}

	/** Submits {@code count} declarations through REST; seconds until every one is CLEARED. */
	static double rest(EndToEndBenchmark.Api api, DataSource db, int count, int clients, String prefix,
			Duration timeout) throws Exception {
		List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						ids.add(DeclarationMix.submit(api, TRADER, json(prefix + "-" + i), prefix + "-" + i));
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		awaitCleared(db, "SELECT count(*) FROM declaration WHERE client_reference LIKE ? AND status = 'CLEARED'",
				count, timeout, prefix + "-%");
		return (System.nanoTime() - started) / 1e9;
	}

	/** Uploads {@code count} interchanges of {@code size} messages, two at a time; seconds until all are CLEARED. */
	static double interchanges(EndToEndBenchmark.Api api, DataSource db, int count, int size, String prefix,
			Duration timeout) throws Exception {
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int n = 0; n < count; n++) {
				String reference = prefix + n;
				futures.add(pool.submit(() -> {
					HttpResponse<String> answer = api.send("/api/v1/interchanges", TRADER, "application/EDIFACT",
							interchange(reference, size).getBytes(StandardCharsets.UTF_8));
					// UNB 0020 is an..14; a refused envelope is answered 200 with a CONTRL whose UCI says 4 (rejected).
					if (answer.statusCode() != 202 && answer.statusCode() != 200
							|| answer.body().matches("(?s).*UCI\\+[^']*\\+4'.*")) {
						throw new IllegalStateException("interchange " + reference + ": HTTP " + answer.statusCode()
								+ " " + answer.body().substring(0, Math.min(500, answer.body().length())));
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		// First until the batch job has submitted every message, asked of the pending entries' partial index: counting
		// the CLEARED declarations of the batches every 50 ms meanwhile (a join growing to 10,000 rows) cost PostgreSQL
		// 0.77 ms a declaration, 40 % of the path's PostgreSQL time in a 10,000 run, and took CPU from the path;
		// counting the pending ones still 0.35 ms.
		awaitCleared(db, """
				SELECT CASE WHEN EXISTS (SELECT 1 FROM declaration_batch b
				    JOIN declaration_batch_entry e ON e.batch_id = b.id AND e.state = 'PENDING'
				    WHERE b.idempotency_key LIKE ?) THEN 0 ELSE ? END""", count * size, timeout,
				"edifact:BENCHSOFT:" + prefix + "%", count * size);
		awaitCleared(db, """
				SELECT count(*) FROM declaration_batch b JOIN declaration_batch_entry e ON e.batch_id = b.id
				JOIN declaration d ON d.id = e.declaration_id WHERE b.idempotency_key LIKE ? AND d.status = 'CLEARED'""",
				count * size, timeout, "edifact:BENCHSOFT:" + prefix + "%");
		return (System.nanoTime() - started) / 1e9;
	}

	/** Polls {@code sql} with {@code params} until the number it answers reaches {@code expected}. */
	private static void awaitCleared(DataSource db, String sql, int expected, Duration timeout, Object... params)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		int cleared = 0;
		while (System.nanoTime() < deadline) {
			try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					s.setObject(i + 1, params[i]);
				}
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					cleared = rs.getInt(1);
				}
			}
			if (cleared >= expected) {
				return;
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException(cleared + " of " + expected + " declarations "
				+ java.util.Arrays.toString(params) + " cleared in time");
	}

	/** The declaration as JSON, exactly what {@link #interchange} says in CUSDEC. */
	static String json(String clientReference) {
		return """
				{"clientReference":"%s","flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN",
				 "originCountry":"US","destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF",
				 "packages":3,"grossWeight":12,"netWeight":10,"consignee":"厦门芯片贸易有限公司",
				 "items":[{"hsCode":"8542319000","description":"processors","quantity":200,"unit":"C62","value":4000,"origin":"US"},
				          {"hsCode":"8542319000","description":"controllers","quantity":50,"unit":"C62","value":1500,"origin":"US"}]}"""
			.formatted(clientReference);
	}

	/** An interchange (syntax 4, UTF-8) of {@code size} CUSDEC D.96B messages; BGM 1004 is edi-{reference}-{n}. */
	static String interchange(String reference, int size) {
		StringBuilder s = new StringBuilder("UNA:+.?*'\nUNB+UNOW:4+BENCHSOFT:ZZZ+SINGLEWINDOW+20261130:0600+")
			.append(reference).append("'\n");
		for (int n = 1; n <= size; n++) {
			List<String> segments = List.of("UNH+" + n + "+CUSDEC:D:96B:UN", "BGM+929+edi-" + reference + "-" + n + "+9",
					"LOC+22+CNXMN", "LOC+27+US", "LOC+28+CN", "LOC+ZTC+US", "GIS+ZTM:::0110", "PAC+3",
					"MEA+WT+G+KGM:12", "MEA+WT+N+KGM:10", "NAD+CN+++厦门芯片贸易有限公司", "TDT+11++4", "TOD+++CIF",
					"CUX+2:USD:4", "UNS+D", "CST+1+8542319000", "FTX+AAA+++processors", "LOC+27+US",
					"QTY+47:200:C62", "MOA+38:4000", "CST+2+8542319000", "FTX+AAA+++controllers", "LOC+27+US",
					"QTY+47:50:C62", "MOA+38:1500", "UNS+S", "CNT+5:2");
			segments.forEach(segment -> s.append(segment).append("'\n"));
			s.append("UNT+").append(segments.size() + 1).append('+').append(n).append("'\n");
		}
		return s.append("UNZ+").append(size).append('+').append(reference).append("'\n").toString();
	}
}
