package io.singlewindow.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * End-to-end throughput of the single window on this machine, as a ratio of its durable-write ceiling.
 * <ol>
 * <li>Starts PostgreSQL 17 durable (fsync, synchronous_commit, full_page_writes on — read back and reported) and the
 * platform's jar against it as an external
 * database, with demo data.</li>
 * <li>M concurrent clients submit N declarations of a realistic mix through {@code POST /api/v1/declarations};
 * records each submit's latency; waits until every declaration reached its final state; verifies each one through
 * the API.</li>
 * <li>Writes the same rows again straight through JDBC ({@link DurableWriteCeiling}): one transaction per
 * declaration, and batched; both also just before the HTTP run, over the rows of the warm-up's last rounds.</li>
 * <li>Prints declarations/s of each and the ratios, against the ceilings after the run and against the mean of
 * before and after.</li>
 * <li>Times one authenticated request ({@code GET /api/v1/me}) on its own: the web stack's cost per request.</li>
 * </ol>
 * Usage: {@code bench/e2e/run.sh [declarations] [clients]}.
 */
public final class EndToEndBenchmark {

	public static void main(String[] args) throws Exception {
		int declarations = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
		Path jar = Path.of(args.length > 2 ? args[2] : "target/single-window-0.1.0-SNAPSHOT.jar");
		Duration timeout = Duration.ofMinutes(Integer.getInteger("bench.timeoutMinutes", 10));

		Path pgData = Files.createTempDirectory("sw-bench-pg");
		// zonky starts PostgreSQL for throw-away tests (-F, synchronous_commit=off); the platform's embedded default
		// and any production server run durable, so the benchmark does too, and shows what the server really runs.
		try (EmbeddedPostgres pg = durablePostgres(pgData)) {
			String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
			String durability = DurableSettings.readBack(pg.getPostgresDatabase());
			report("database: PostgreSQL %s, %s (read back from the server; HTTP run and JDBC ceilings both on it)",
					setting(pg, "server_version"), durability);
			int port = freePort();
			Process app = startPlatform(jar, jdbcUrl, port);
			try (HikariDataSource db = new HikariDataSource()) {
				db.setJdbcUrl(jdbcUrl);
				db.setUsername("postgres");
				db.setMaximumPoolSize(clients + 2);
				Api api = new Api("http://localhost:" + port);
				// Generous: on two cores shared with other builds the platform has taken over 3 minutes to start.
				api.awaitReady(Duration.ofMinutes(Integer.getInteger("bench.readyMinutes", 8)));
				DeclarationMix mix = DeclarationMix.prepare(api, db);
				OfficerRobots officers = new OfficerRobots(api);
				report("platform ready: port=%d pg=%s mix=%s", port, jdbcUrl, mix.describe());


				CostPerDeclaration cost = new CostPerDeclaration(db, app, pgData);
				WarmUpTail tail = warmUp(api, mix, declarations, clients, timeout, db, cost);
				Ceilings earlier = ceilingsOf(db, tail.fromXid(), DurableWriteCeiling.currentXid(db), tail.declarations(),
						clients);
				report("JDBC ceilings before the HTTP run, over the rows of the warm-up's last %d declarations (%.1f rows "
						+ "each): one-tx %.1f decl/s, batched %.1f decl/s", tail.declarations(),
						(double) earlier.rows() / tail.declarations(), earlier.oneTx(), earlier.batched());
				long fromXid = DurableWriteCeiling.currentXid(db);
				var before = cost.take();
				java.time.Instant windowStart = java.time.Instant.now();
				// The window ends when the last declaration reached its final state, before they are verified.
				Load load = runLoad(api, mix, declarations, clients, timeout, db, false, cost);
				var after = load.atFinalState();
				// For a profile of the window alone (bench.jfr): e.g. jdk.ExecutionSample events between the two.
				report("measured window: %s to %s (wall clock)", windowStart, windowStart.plusNanos((long) (load.seconds * 1e9)));
				report("HTTP end to end: %d declarations, %d clients, %.1f s first submit → last final state, %.1f decl/s",
						declarations, clients, load.seconds, declarations / load.seconds);
				report("submit latency: p50=%.1f ms p99=%.1f ms (n=%d)", load.latency.percentileMillis(50),
						load.latency.percentileMillis(99), load.latency.count());
				report("per declaration (measured window): %s", CostPerDeclaration.perDeclaration(before, after, declarations));
				report("PostgreSQL CPU ms per declaration by process: %s",
						CostPerDeclaration.postgresByProcess(before, after, declarations));
				report("autovacuum runs in the measured window (vacuums and analyses by table): %s",
						CostPerDeclaration.autovacuumed(before, after));
				report("rows per declaration by table, inserted/updated(of which heap-only)/deleted: %s",
						CostPerDeclaration.writesByTable(before, after, declarations));
				report("statements run most often, calls per declaration:");
				CostPerDeclaration.busiestStatements(before, after, declarations, 25).forEach(line -> report("  %s", line));
				report("PostgreSQL time per declaration:");
				CostPerDeclaration.costliestStatements(before, after, declarations, 15).forEach(line -> report("  %s", line));
				report("PostgreSQL planning per declaration:");
				CostPerDeclaration.planning(before, after, declarations, 8).forEach(line -> report("  %s", line));
				report("final states verified through the API: %d of %d CLEARED or RELEASED, failures=%d; tasks approved by officer robots (warm-up included): %d",
						load.verified, declarations, load.failures.size(), officers.approved.get());
				officers.close();
				load.failures.stream().limit(5).forEach(f -> report("  failure: %s", f));

				DurableWriteCeiling ceiling = new DurableWriteCeiling(db);
				long rows = ceiling.capture(fromXid);
				report("rows the platform left for these declarations: %d %s", rows, ceiling.capturedCounts());
				var ceilingsStart = cost.take();
				var perDeclaration = ceiling.run("one transaction per declaration", declarations, clients);
				var betweenCeilings = cost.take();
				var batched = ceiling.run("batched, 100 declarations per transaction",
						Math.max(1, declarations / 100), Math.min(clients, Math.max(1, declarations / 100)));
				var ceilingsEnd = cost.take();
				double http = declarations / load.seconds;
				for (var r : List.of(perDeclaration, batched)) {
					report("JDBC ceiling (%s): %d transactions, %d rows, %.2f s, %.1f decl/s", r.mode(), r.transactions(),
							r.rows(), r.seconds(), r.declarationsPerSecond(declarations));
				}
				report("RATIO end-to-end HTTP / JDBC one-tx-per-declaration = %.2f",
						http / perDeclaration.declarationsPerSecond(declarations));
				report("RATIO end-to-end HTTP / JDBC batched = %.2f", http / batched.declarationsPerSecond(declarations));
				reportBracketed(http, earlier, perDeclaration.declarationsPerSecond(declarations),
						batched.declarationsPerSecond(declarations));
				reportCpuBound(CostPerDeclaration.cpu(before, after, declarations),
						CostPerDeclaration.cpu(ceilingsStart, betweenCeilings, declarations),
						CostPerDeclaration.cpu(betweenCeilings, ceilingsEnd, declarations), http,
						perDeclaration.declarationsPerSecond(declarations), batched.declarationsPerSecond(declarations));
				report("PostgreSQL CPU ms per declaration by process, one-tx ceiling: %s",
						CostPerDeclaration.postgresByProcess(ceilingsStart, betweenCeilings, declarations));
				reportRequestFloor(api, mix, declarations, clients, cost, CostPerDeclaration.cpu(before, after, declarations));
				report("database settings at the end of the run: %s", DurableSettings.readBack(pg.getPostgresDatabase()));
				// Issue 12: the audit trail the run left, sealed in the background, and the time to recompute its chain.
				Thread.sleep(3000);
				long verifying = System.nanoTime();
				var audit = api.get("/api/v1/audit/verification", "sw-demo-admin");
				report("audit verification: HTTP %d in %.2f s: %s", audit.statusCode(),
						(System.nanoTime() - verifying) / 1e9, audit.body());
				if (load.verified != declarations) {
					System.exit(2);
				}
			} finally {
				app.destroy();
				app.waitFor();
			}
		}
	}

	/**
	 * Issue 16: what one request costs before the platform does anything of its own. The traders' keys ask
	 * {@code GET /api/v1/me} as many times as the run submitted declarations, from as many clients: the same
	 * connector, filter chain (API key look-up included), dispatch and JSON answer as a submission, without its body,
	 * checks, writes or commit. The three processes' CPU per request beside the HTTP run's per declaration shows how much
	 * of that is the web stack's and the client's, whatever the platform's own work.
	 */
	private static void reportRequestFloor(Api api, DeclarationMix mix, int requests, int clients,
			CostPerDeclaration cost, CostPerDeclaration.Cpu run) throws Exception {
		asks(api, mix, Math.max(1, requests / 5), clients); // the path's own code compiled before it is measured
		var start = cost.take();
		long started = System.nanoTime();
		asks(api, mix, requests, clients);
		double seconds = (System.nanoTime() - started) / 1e9;
		var floor = CostPerDeclaration.cpu(start, cost.take(), requests);
		report("one authenticated request (GET /api/v1/me, %d from %d clients, %.0f requests/s), CPU ms per request: "
				+ "platform JVM %.2f + PostgreSQL %.2f + client %.2f = %.2f, against %.2f + %.2f + %.2f = %.2f per declaration "
				+ "in the HTTP run", requests, clients, requests / seconds, floor.platform(), floor.postgres(), floor.client(),
				floor.total(), run.platform(), run.postgres(), run.client(), run.total());
	}

	private static void asks(Api api, DeclarationMix mix, int requests, int clients) throws Exception {
		AtomicInteger next = new AtomicInteger();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
						var answer = api.get("/api/v1/me", mix.trader(i).key());
						if (answer.statusCode() != 200) {
							throw new IOException("GET /api/v1/me: HTTP " + answer.statusCode());
						}
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
	}

	/** The two ceilings' rates over one window's rows, and how many rows that window left. */
	record Ceilings(long rows, double oneTx, double batched) {
	}

	/** Both ceilings over the rows written by transactions in {@code [fromXid, toXid)} of {@code declarations}. */
	private static Ceilings ceilingsOf(HikariDataSource db, long fromXid, long toXid, int declarations, int clients)
			throws Exception {
		DurableWriteCeiling ceiling = new DurableWriteCeiling(db);
		long rows = ceiling.capture(fromXid, toXid);
		var oneTx = ceiling.run("one transaction per declaration", declarations, clients);
		var batched = ceiling.run("batched, 100 declarations per transaction", Math.max(1, declarations / 100),
				Math.min(clients, Math.max(1, declarations / 100)));
		ceiling.dropCopies();
		return new Ceilings(rows, oneTx.declarationsPerSecond(declarations), batched.declarationsPerSecond(declarations));
	}

	/**
	 * Issue 16: the ratios against the ceilings measured just before the HTTP run (over the warm-up's last rows) and just
	 * after it (over its own rows). This host's speed moves by up to half within minutes, and a ceiling measured only
	 * after the run puts that drift into the ratio whole; the mean of the two evens out a steady drift across the run
	 * (not one that comes and goes within it), and the two ceilings' difference shows how far the host moved meanwhile.
	 */
	private static void reportBracketed(double http, Ceilings before, double oneTxAfter, double batchedAfter) {
		double oneTx = (before.oneTx() + oneTxAfter) / 2;
		double batched = (before.batched() + batchedAfter) / 2;
		report("RATIO bracketed (HTTP / mean of the ceilings before and after it): one-tx %.2f (%.1f / %.1f, before %.1f "
				+ "after %.1f, moved %+.0f %%), batched %.2f (%.1f / %.1f, before %.1f after %.1f, moved %+.0f %%)",
				http / oneTx, http, oneTx, before.oneTx(), oneTxAfter, 100 * (oneTxAfter / before.oneTx() - 1),
				http / batched, http, batched, before.batched(), batchedAfter,
				100 * (batchedAfter / before.batched() - 1));
	}

	/**
	 * Issue 16: what the CPU allows. The three processes share this machine's cores, so the HTTP run cannot go faster
	 * than the cores divided by its CPU per declaration; against the ceilings measured here that caps the ratios this
	 * code can reach however well the load is spread (a ratio at its cap means the cores were full, and only less CPU
	 * per declaration raises it). The ceilings' own CPU is beside it: the platform is idle then, and the writers are
	 * this process's JDBC clients.
	 */
	private static void reportCpuBound(CostPerDeclaration.Cpu run, CostPerDeclaration.Cpu oneTx,
			CostPerDeclaration.Cpu batched, double http, double oneTxRate, double batchedRate) {
		int cores = Runtime.getRuntime().availableProcessors();
		report("CPU ms per declaration, platform JVM + PostgreSQL + writers: HTTP end to end %.2f + %.2f + %.2f = %.2f; "
				+ "one-tx ceiling %.2f + %.2f + %.2f = %.2f; batched ceiling %.2f + %.2f + %.2f = %.2f",
				run.platform(), run.postgres(), run.client(), run.total(), oneTx.platform(), oneTx.postgres(),
				oneTx.client(), oneTx.total(), batched.platform(), batched.postgres(), batched.client(),
				batched.total());
		double fastest = cores * 1000 / run.total();
		report("CPU bound: %d cores, busy %.2f of them in the HTTP run; at this CPU per declaration the HTTP path cannot "
				+ "exceed %.0f decl/s, i.e. ratios of at most %.2f (one-tx) and %.2f (batched)", cores,
				run.total() * http / 1000, fastest, fastest / oneTxRate, fastest / batchedRate);
		// The host's speed moves by half within minutes here, and decl/s and the ratios with it. The client's work per
		// declaration is fixed (build a body, send it, read the answer), so its CPU follows the host's speed at the
		// moment, and the platform's and PostgreSQL's CPU in units of it moves less between runs than decl/s does
		// (still by up to a fifth between two runs of one build: compare several runs).
		report("CPU per declaration in units of the benchmark client's (a fixed piece of work; moved less by the "
				+ "host's speed than decl/s): platform JVM %.2f + PostgreSQL %.2f = %.2f", run.platform() / run.client(),
				run.postgres() / run.client(), (run.platform() + run.postgres()) / run.client());
	}

	/** PostgreSQL 17 started durable, whatever zonky's defaults for throw-away test databases are. */
	static EmbeddedPostgres durablePostgres(Path pgData) throws IOException {
		var builder = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
			// The platform's own database's locale (EmbeddedDatabase): PostgreSQL's C.UTF-8, whatever the host's.
			.setLocaleConfig("locale", "C").setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8")
			.setServerConfig("max_connections", "200").setServerConfig("shared_buffers", "256MB")
			.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			// Counts the statements of the measured load (CostPerDeclaration); its overhead is a few per cent.
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setServerConfig("pg_stat_statements.track_planning", "on");
		Integer explainMillis = Integer.getInteger("bench.explainMillis");
		if (explainMillis != null) {
			// BENCH_OPTS="-Dbench.explainMillis=25": every statement slower than that is logged with its plan, as
			// executed (rows, buffers), to the benchmark's output: what pg_stat_statements' averages cannot show.
			builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
				.setServerConfig("auto_explain.log_min_duration", explainMillis + "ms")
				.setServerConfig("auto_explain.log_analyze", "on").setServerConfig("auto_explain.log_buffers", "on")
				.setServerConfig("auto_explain.log_nested_statements", "on");
		}
		return builder.start();
	}

	/**
	 * Warm-up, not measured and not part of the ceilings' rows: connection pools, and the JIT until it has compiled the
	 * hot paths. 200 declarations used to be the whole warm-up, and the compilers then used a quarter of the platform's
	 * CPU in the measured window of a 5,000 run (JFR: C2 busy for its first 55 s). Rounds of declarations run until the
	 * compilers take under 5 % of the platform's CPU in a round, or for {@link #warmUpLimit()} at most.
	 */
	/**
	 * The longest warm-up, {@code bench.warmupSeconds}: 420 s. It was 120 s, and on a slow host (2026-12-02, 125 decl/s)
	 * the compilers still took 26 % of the platform's CPU when it ran out and 2.2 of its 6.4 ms a declaration in the
	 * measured window; with the longer limit they fell under 5 % after 246 s (31 rounds) and took 0.1 of 3.1 ms. On a
	 * fast host the warm-up ends on its own well before either limit.
	 */
	static Duration warmUpLimit() {
		return Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 420));
	}

	private static WarmUpTail warmUp(Api api, DeclarationMix mix, int declarations, int clients, Duration timeout,
			HikariDataSource db, CostPerDeclaration cost) throws Exception {
		long until = System.nanoTime() + warmUpLimit().toNanos();
		int round = Math.max(200, Math.min(1000, declarations / 10 + 1));
		int rounds = 0;
		int warmed = 0;
		double share;
		long started = System.nanoTime();
		List<Long> roundStarts = new ArrayList<>();
		do {
			roundStarts.add(DurableWriteCeiling.currentXid(db));
			var before = cost.take();
			Load load = runLoad(api, mix, round, clients, timeout, db, true, null, rounds * round);
			share = CostPerDeclaration.compilerShare(before, cost.take());
			rounds++;
			report("warm-up round %d: %d declarations, %.1f decl/s, JIT compilers %.1f %% of the platform's CPU", rounds,
					round, round / load.seconds, 100 * share);
			warmed += round;
		} while (share >= 0.05 && System.nanoTime() < until);
		report("warm-up: %d declarations in %d rounds, %.1f s; JIT compilers' share of the platform's CPU in the last "
				+ "round %.1f %%%s", warmed, rounds, (System.nanoTime() - started) / 1e9, 100 * share,
				share >= 0.05 ? " (time limit reached: the measured window still includes compilation)" : "");
		// The last rounds, as many as the measured run has declarations (or all there were).
		int tailRounds = Math.min(rounds, Math.max(1, (declarations + round - 1) / round));
		return new WarmUpTail(roundStarts.get(rounds - tailRounds), tailRounds * round);
	}

	/** The warm-up's last rounds: the first transaction id they used, and how many declarations they submitted. */
	record WarmUpTail(long fromXid, int declarations) {
	}

	record Load(double seconds, LatencyRecorder latency, int verified, List<String> failures,
			CostPerDeclaration.Snapshot atFinalState) {
	}

	private static Load runLoad(Api api, DeclarationMix mix, int count, int clients, Duration timeout,
			HikariDataSource db, boolean warmUp, CostPerDeclaration cost) throws Exception {
		return runLoad(api, mix, count, clients, timeout, db, warmUp, cost, 0);
	}

	/** {@code first}: the number of the first declaration, so that warm-up rounds do not repeat each other's keys. */
	private static Load runLoad(Api api, DeclarationMix mix, int count, int clients, Duration timeout,
			HikariDataSource db, boolean warmUp, CostPerDeclaration cost, int first) throws Exception {
		LatencyRecorder latency = new LatencyRecorder(count);
		java.util.concurrent.ConcurrentHashMap<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicInteger next = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						String body = mix.declaration(first + i, warmUp);
						long t0 = System.nanoTime();
						try {
							String key = mix.trader(first + i).key();
							ids.put(DeclarationMix.submit(api, key, body, (warmUp ? "warm-" : "run-") + (first + i) + "-" + started), key);
							latency.record(System.nanoTime() - t0);
						} catch (Exception e) {
							failures.add("submit " + i + ": " + e.getMessage());
						}
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		// Follow every declaration to its final state. Polled in the database (one query for all, cheap for the
		// platform); every declaration is then verified once through the API.
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> pending = new ArrayList<>(ids.keySet());
		while (!pending.isEmpty() && System.nanoTime() < deadline) {
			pending = DeclarationMix.stillPending(db, pending);
			if (!pending.isEmpty()) {
				Thread.sleep(20);
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		CostPerDeclaration.Snapshot atFinalState = cost == null ? null : cost.take();
		int verified = 0;
		if (!warmUp) {
			for (var entry : ids.entrySet()) {
				String id = entry.getKey();
				String status = DeclarationMix.status(api, entry.getValue(), id);
				if (DeclarationMix.isFinal(status)) {
					verified++;
				} else {
					failures.add(id + " ended " + status);
				}
			}
		}
		return new Load(seconds, latency, verified, new ArrayList<>(failures), atFinalState);
	}

	static Process startPlatform(Path jar, String jdbcUrl, int port) throws IOException {
		if (!Files.exists(jar)) {
			throw new IllegalStateException(jar + " missing: build it first with mvn -q -DskipTests package");
		}
		Path log = Path.of("target", "bench-platform.log");
		Files.createDirectories(log.getParent());
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-XX:+UseParallelGC"));
		if (Boolean.getBoolean("bench.jfr")) {
			// A profile of the platform during the run, for `jfr print` or JDK Mission Control.
			command.add("-XX:FlightRecorderOptions=stackdepth=256");
			command.add("-XX:StartFlightRecording=filename=target/bench-platform.jfr,settings=profile,dumponexit=true");
		}
		command.addAll(List.of("-jar", jar.toString(),
				"--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				// An external database gets no demo data unless asked: the benchmark needs the demo officers' keys.
				"--singlewindow.demo-data.enabled=true", "--logging.level.root=WARN"));
		ProcessBuilder builder = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		report("starting platform: %s (log %s)", String.join(" ", builder.command()), log);
		return builder.start();
	}

	static String setting(EmbeddedPostgres pg, String name) throws java.sql.SQLException {
		try (var c = pg.getPostgresDatabase().getConnection(); var s = c.prepareStatement("SELECT current_setting(?)")) {
			s.setString(1, name);
			try (var rs = s.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void report(String format, Object... args) {
		System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
	}

	/** The platform's REST API as a trader's system calls it. */
	static final class Api {

		final String base;
		final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		Api(String base) {
			this.base = base;
		}

		HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
				.GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Posts {@code body} as {@code contentType}, e.g. an EDIFACT interchange. */
		HttpResponse<String> send(String path, String key, String contentType, byte[] body)
				throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
				.header("Content-Type", contentType).timeout(Duration.ofMinutes(10))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String key, String body, String idempotencyKey)
				throws IOException, InterruptedException {
			var request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
			if (key != null) {
				request.header("Authorization", "Bearer " + key);
			}
			if (idempotencyKey != null) {
				// A trader's system: retries are safe, and it follows the declaration by status, not by the answer.
				request.header("Idempotency-Key", idempotencyKey).header("Prefer", "return=minimal");
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		void awaitReady(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				try {
					// Ready once the demo data exists; asking with a demo key before would count as invalid keys.
					if (get("/actuator/health/readiness", "-").statusCode() == 200
							&& get("/api/v1/me", "sw-demo-trader.chip").statusCode() == 200) {
						return;
					}
				} catch (IOException e) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			throw new IllegalStateException("platform not ready after " + timeout + ", see target/bench-platform.log");
		}
	}

}
