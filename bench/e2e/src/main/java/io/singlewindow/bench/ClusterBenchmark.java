package io.singlewindow.bench;

import static io.singlewindow.bench.EndToEndBenchmark.report;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 20: several nodes on one durable PostgreSQL, proven. Starts the database, three platform nodes on it and
 * HAProxy in front of them; measures throughput with 1, 2 and 3 nodes (the client spreads its requests over the
 * nodes); then runs the single-window load through the balancer, kills one node with SIGKILL in the middle and starts
 * it again, and checks: every acknowledged declaration reaches its final state, declaration numbers are unique, every
 * webhook event reaches the test receiver (and how many arrived twice), and the statistics aggregates equal a
 * recompute from the facts; a tariff import started on the killed node fails as interrupted and succeeds when started
 * again on another node; a person logged in through the balancer keeps working when the node that logged them in
 * dies. Reports the failover gap: the longest time without a successful submission. Usage:
 * {@code bench/cluster/run.sh [declarations per phase] [clients]}.
 */
public final class ClusterBenchmark {

	private static final int NODES = 3;

	public static void main(String[] args) throws Exception {
		int declarations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
		Path jar = Path.of(args.length > 2 ? args[2] : "target/single-window-0.1.0-SNAPSHOT.jar");
		Path work = Files.createDirectories(Path.of("target", "cluster"));
		Path pgData = Files.createTempDirectory("sw-cluster-pg");
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
			// The platform's own database's locale (EmbeddedDatabase): PostgreSQL's C.UTF-8, whatever the host's.
			.setLocaleConfig("locale", "C").setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8")
			.setServerConfig("max_connections", "300").setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
				HikariDataSource db = new HikariDataSource();
				WebhookReceiver receiver = new WebhookReceiver()) {
			String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
			db.setJdbcUrl(jdbcUrl);
			db.setUsername("postgres");
			db.setMaximumPoolSize(8);
			report("database: %s (read back from the server)", DurableSettings.readBack(db));
			List<Node> nodes = new ArrayList<>();
			try {
				// The first node creates the schema and the demo data; the others join an existing database.
				for (int n = 0; n < NODES; n++) {
					Node node = new Node(n, jar, jdbcUrl, freePort(), work);
					node.start();
					node.api.awaitReady(Duration.ofMinutes(Integer.getInteger("bench.readyMinutes", 8)));
					nodes.add(node);
					report("node %d ready on port %d", n + 1, node.port);
				}
				Balancer balancer = Balancer.start(nodes, work);
				EndToEndBenchmark.Api viaBalancer = new EndToEndBenchmark.Api("http://127.0.0.1:" + balancer.port);
				DeclarationMix mix = DeclarationMix.prepare(viaBalancer, db);
				TariffImportAcrossNodes tariff = TariffImportAcrossNodes.prepare(db, Integer.getInteger("bench.tariffRows", 20_000));
				for (int t = 0; t < DeclarationMix.TRADERS; t++) {
					var r = viaBalancer.post("/api/v1/webhooks", mix.trader(t).key(),
							"{\"url\":\"http://127.0.0.1:" + receiver.port() + "/hook\"}", null);
					DeclarationMix.require(r, 201, "registering a webhook");
				}
				try (OfficerRobots officers = new OfficerRobots(viaBalancer)) {
					for (int used = 1; used <= NODES; used++) {
						var phase = new Load(mix, nodes.subList(0, used).stream().map(n -> n.api).toList(), db);
						phase.run(declarations, clients, null);
						report("throughput with %d node(s), client-side round robin: %d declarations in %.1f s, %.1f decl/s, %d not final",
								used, declarations, phase.seconds, declarations / phase.seconds, phase.notFinal());
					}
					var failover = new Load(mix, List.of(viaBalancer), db);
					Node victim = nodes.get(1);
					long[] killedAt = new long[1];
					failover.run(declarations, clients, () -> {
						tariff.startAndAwaitRunning(victim.api);
						report("killing node 2 (pid %d) with SIGKILL", victim.process.pid());
						killedAt[0] = System.nanoTime();
						victim.process.destroyForcibly().waitFor();
						Thread.sleep(5000);
						victim.start();
						victim.api.awaitReady(Duration.ofMinutes(8));
						report("node 2 back");
					});
					report("through the balancer with node 2 killed and restarted: %d acknowledged of %d, %.1f s, %.1f decl/s, failover gap (longest time without a successful submission) %.2f s, retried submissions %d",
							failover.acknowledged.size(), declarations, failover.seconds,
							failover.acknowledged.size() / failover.seconds, failover.longestGapMillis.get() / 1000.0,
							failover.retries.get());
					check("every acknowledged declaration reached its final state", failover.notFinal() == 0,
							failover.notFinal() + " not final");
					JsonNode interrupted = TariffImportAcrossNodes.awaitFinished(viaBalancer, tariff.interrupted,
							Duration.ofMinutes(5));
					report("tariff import on the killed node: %s %s, known %.0f s after the kill (stale after %s)",
							interrupted.path("status").asString(), TariffImportAcrossNodes.errorCodes(interrupted),
							(System.nanoTime() - killedAt[0]) / 1e9, STALE_AFTER);
					check("the tariff import started on the killed node failed as interrupted",
							interrupted.path("status").asString().equals("FAILED") && TariffImportAcrossNodes
								.errorCodes(interrupted).equals(List.of("IMPORT_INTERRUPTED")), interrupted.toString());
				}
				// The administrator imports the file again, on node 1; node 3 answers how it went.
				long importStarted = System.nanoTime();
				String again = tariff.start(nodes.get(0).api);
				JsonNode imported = TariffImportAcrossNodes.awaitFinished(nodes.get(2).api, again, Duration.ofMinutes(10));
				report("the same file (%d lines) imported again on node 1: %s, %d lines imported, %.1f s", tariff.rows,
						imported.path("status").asString(), imported.path("importedRows").asInt(),
						(System.nanoTime() - importStarted) / 1e9);
				check("the tariff import started again on another node succeeded",
						imported.path("status").asString().equals("COMPLETED")
								&& imported.path("importedRows").asInt() == tariff.rows, imported.toString());
				check("declaration numbers are unique", scalar(db, "SELECT count(*) - count(DISTINCT number) FROM declaration") == 0,
						"duplicates");
				Thread.sleep(10_000); // webhook pollers run every few seconds
				long expected = scalar(db, "SELECT count(*) FROM webhook_delivery");
				long undelivered = scalar(db, "SELECT count(*) FROM webhook_delivery WHERE delivered_at IS NULL");
				report("webhook events: %d recorded, %d received, %d distinct, %d received more than once, %d not yet delivered",
						expected, receiver.received.get(), receiver.distinct.size(), receiver.received.get() - receiver.distinct.size(),
						undelivered);
				check("every delivered webhook event reached the receiver", receiver.distinct.size() == expected - undelivered,
						receiver.distinct.size() + " of " + (expected - undelivered));
				long mismatched = scalar(db, """
						SELECT count(*) FROM (
						  SELECT month, flow, sum(value_cny) AS v, sum(lines) AS l FROM statistics_monthly
						  WHERE dimension = 'TOTAL' GROUP BY 1, 2
						) a FULL JOIN (
						  SELECT month, flow, sum(value_cny) AS v, count(*) AS l FROM statistics_fact GROUP BY 1, 2
						) b USING (month, flow) WHERE a.v IS DISTINCT FROM b.v OR a.l IS DISTINCT FROM b.l""");
				check("statistics aggregates equal a recompute from the facts", mismatched == 0, mismatched + " months differ");
				loggedInSessionSurvivesItsNode(balancer, nodes);
				balancer.stop();
			} finally {
				for (Node node : nodes) {
					node.process.destroy();
					node.process.waitFor();
				}
			}
		}
		report("result: %s", failures.isEmpty() ? "all checks passed" : "FAILED " + failures);
		System.exit(failures.isEmpty() ? 0 : 2);
	}

	private static final List<String> failures = new ArrayList<>();

	/**
	 * Short, so the run need not wait long for the killed node's import. A live job beats every
	 * {@link #HEARTBEAT_EVERY} on its own connection, also during its final write, so this need not outlast that write.
	 */
	private static final String STALE_AFTER = System.getProperty("bench.tariffStaleAfter", "30s");
	/** Six beats per stale limit: a live job on a loaded node may miss several before it looks dead. */
	private static final String HEARTBEAT_EVERY = System.getProperty("bench.tariffHeartbeatEvery", "5s");

	/** A trader logs in through the balancer; the node that accepted the password is killed; the next pages still open. */
	private static void loggedInSessionSurvivesItsNode(Balancer balancer, List<Node> nodes) throws Exception {
		var browser = new BrowserSessionAcrossNodes("http://127.0.0.1:" + balancer.port);
		String loginNode = browser.logIn("trader.chip", "demo12345");
		List<String> before = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			before.add(browser.homePage());
		}
		Node dying = nodes.stream().filter(n -> ("node" + (n.index + 1)).equals(loginNode)).findFirst()
			.orElseThrow(() -> new IllegalStateException("no node named " + loginNode));
		dying.process.destroyForcibly().waitFor();
		long killed = System.nanoTime();
		List<String> after = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			after.add(browser.homePage());
		}
		report("browser session: logged in on %s, home page served by %s; %s killed with SIGKILL; then served by %s (%.2f s for the six pages)",
				loginNode, before, loginNode, after, (System.nanoTime() - killed) / 1e9);
		check("a logged-in browser session keeps working when its node dies",
				!before.contains(null) && !after.contains(null) && !after.contains(loginNode),
				"pages answered with the login form: " + after);
	}

	private static void check(String what, boolean ok, String otherwise) {
		report("check: %s: %s", what, ok ? "yes" : "NO (" + otherwise + ")");
		if (!ok) {
			failures.add(what);
		}
	}

	/** One round of submissions, each retried with its Idempotency-Key until acknowledged, followed to its end. */
	static final class Load {

		final DeclarationMix mix;
		final List<EndToEndBenchmark.Api> apis;
		final HikariDataSource db;
		final Map<String, String> acknowledged = new ConcurrentHashMap<>();
		final AtomicLong lastSuccess = new AtomicLong();
		final AtomicLong longestGapMillis = new AtomicLong();
		final AtomicInteger retries = new AtomicInteger();
		double seconds;
		List<String> pending = List.of();

		Load(DeclarationMix mix, List<EndToEndBenchmark.Api> apis, HikariDataSource db) {
			this.mix = mix;
			this.apis = apis;
			this.db = db;
		}

		interface Disruption {
			void run() throws Exception;
		}

		void run(int count, int clients, Disruption disruption) throws Exception {
			AtomicInteger next = new AtomicInteger();
			long started = System.nanoTime();
			lastSuccess.set(started);
			String round = Long.toString(started, 36);
			try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> futures = new ArrayList<>();
				for (int c = 0; c < clients; c++) {
					futures.add(pool.submit(() -> {
						for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
							submit(i, round);
						}
						return null;
					}));
				}
				if (disruption != null) {
					while (next.get() < count / 3) {
						Thread.sleep(50);
					}
					disruption.run();
				}
				for (Future<?> f : futures) {
					f.get();
				}
			}
			long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
			pending = new ArrayList<>(acknowledged.keySet());
			while (!pending.isEmpty() && System.nanoTime() < deadline) {
				pending = DeclarationMix.stillPending(db, pending);
				if (!pending.isEmpty()) {
					Thread.sleep(100);
				}
			}
			seconds = (System.nanoTime() - started) / 1e9;
		}

		int notFinal() {
			return pending.size();
		}

		private void submit(int i, String round) throws InterruptedException {
			String body = mix.declaration(i, false);
			String key = mix.trader(i).key();
			EndToEndBenchmark.Api api = apis.get(i % apis.size());
			for (int attempt = 0; attempt < 600; attempt++) {
				try {
					String id = DeclarationMix.submit(api, key, body, "cluster-" + round + "-" + i);
					acknowledged.put(id, key);
					long now = System.nanoTime();
					long previous = lastSuccess.getAndSet(now);
					longestGapMillis.accumulateAndGet((now - previous) / 1_000_000, Math::max);
					return;
				} catch (IOException e) {
					// The node died under the request, or the balancer had no node for it: a trader's system retries
					// with the same Idempotency-Key, which never makes a second declaration.
					retries.incrementAndGet();
					Thread.sleep(100);
				}
			}
		}
	}

	/** A platform node: the jar as a separate process on its own port and log. */
	static final class Node {

		final int index;
		final Path jar;
		final String jdbcUrl;
		final int port;
		final Path log;
		final EndToEndBenchmark.Api api;
		Process process;

		Node(int index, Path jar, String jdbcUrl, int port, Path work) {
			this.index = index;
			this.jar = jar;
			this.jdbcUrl = jdbcUrl;
			this.port = port;
			this.log = work.resolve("node-" + (index + 1) + ".log");
			this.api = new EndToEndBenchmark.Api("http://127.0.0.1:" + port);
		}

		void start() throws IOException {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			process = new ProcessBuilder(java, "-XX:+UseParallelGC", "-Xmx768m", "-jar", jar.toString(),
					"--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
					"--spring.datasource.username=postgres", "--singlewindow.demo-data.enabled=true",
					"--spring.datasource.hikari.maximum-pool-size=12",
					"--singlewindow.tariff.import.stale-after=" + STALE_AFTER,
					"--singlewindow.tariff.import.heartbeat-every=" + HEARTBEAT_EVERY,
					// The test receiver listens on http://127.0.0.1: allowed here as an administrator would allow it.
					"--singlewindow.webhooks.allow-http=true", "--singlewindow.webhooks.allowed-hosts=127.0.0.1",
					"--logging.level.root=WARN")
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		}
	}

	/** HAProxy in front of the nodes, round robin, a node out of rotation as soon as its readiness check fails. */
	record Balancer(Process process, int port) {

		static Balancer start(List<Node> nodes, Path work) throws Exception {
			int port = freePort();
			StringBuilder config = new StringBuilder("""
					global
					  maxconn 2000
					defaults
					  mode http
					  timeout connect 2s
					  timeout client 60s
					  timeout server 60s
					  retries 3
					  option redispatch
					frontend single_window
					  bind 127.0.0.1:%d
					  default_backend nodes
					backend nodes
					  balance roundrobin
					  option httpchk GET /actuator/health/readiness
					  http-response set-header X-Served-By %%[srv_name]
					""".formatted(port));
			for (Node node : nodes) {
				config.append("  server node%d 127.0.0.1:%d check inter 500 fall 2 rise 2%n".formatted(node.index + 1,
						node.port));
			}
			Path file = work.resolve("haproxy.cfg");
			Files.writeString(file, config);
			Process haproxy = new ProcessBuilder("haproxy", "-f", file.toString()).redirectErrorStream(true)
				.redirectOutput(work.resolve("haproxy.log").toFile()).start();
			Thread.sleep(1500);
			if (!haproxy.isAlive()) {
				throw new IllegalStateException("haproxy did not start, see " + work.resolve("haproxy.log"));
			}
			report("balancer: HAProxy on port %d over %d nodes (config %s)", port, nodes.size(), file);
			return new Balancer(haproxy, port);
		}

		void stop() throws InterruptedException {
			process.destroy();
			process.waitFor();
		}
	}

	/** Counts webhook deliveries by their delivery id. */
	static final class WebhookReceiver implements AutoCloseable {

		final HttpServer server;
		final AtomicLong received = new AtomicLong();
		final Map<String, Boolean> distinct = new ConcurrentHashMap<>();

		WebhookReceiver() throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/hook", exchange -> {
				received.incrementAndGet();
				String delivery = exchange.getRequestHeaders().getFirst("X-SingleWindow-Delivery");
				if (delivery != null) {
					distinct.put(delivery, Boolean.TRUE);
				}
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
		}

		int port() {
			return server.getAddress().getPort();
		}

		@Override
		public void close() {
			server.stop(0);
		}
	}

	private static long scalar(HikariDataSource db, String sql) throws Exception {
		try (Connection c = db.getConnection(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
