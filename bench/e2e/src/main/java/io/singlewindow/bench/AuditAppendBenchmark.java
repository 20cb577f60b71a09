package io.singlewindow.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 12: what an audit row costs a decision, and why the chain is sealed afterwards. Concurrent clients run short
 * "decision" transactions (each updates its own row, as officers deciding different tasks do) on PostgreSQL 17 with
 * synchronous commit on, in three ways: without an audit row; appending an unchained row as the platform does
 * ({@code audit_entry_unsealed} from the platform's own migrations); and — the design not taken — chaining the row
 * inside the decision's transaction, which must lock the chain's head until commit. Usage:
 * {@code bench/e2e/audit-append.sh [transactions=4000] [clients=16]}.
 */
public final class AuditAppendBenchmark {

	enum Mode {
		NO_AUDIT, UNCHAINED_APPEND, CHAINED_IN_TRANSACTION
	}

	public static void main(String[] args) throws Exception {
		int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
		String migration = Files.readString(Path.of("src/main/resources/db/migration/V8_4_1__audit_trail.sql"))
				+ Files.readString(Path.of("src/main/resources/db/migration/V11_7_1__audit_entry_sealed_apart.sql"));
		Path pgData = Files.createTempDirectory("sw-bench-audit-pg");
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
			// The platform's own database's locale (EmbeddedDatabase): PostgreSQL's C.UTF-8, whatever the host's.
			.setLocaleConfig("locale", "C").setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8")
			.setServerConfig("max_connections", "200")
			// zonky starts throw-away servers with fsync off and synchronous_commit off; a decision's cost is its
			// durable commit, so the benchmark turns durability back on and prints what the server reports.
			.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on").start();
				HikariDataSource db = new HikariDataSource()) {
			db.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
			db.setUsername("postgres");
			db.setMaximumPoolSize(clients + 1);
			try (Connection c = db.getConnection(); var s = c.createStatement()) {
				s.execute(migration);
				s.execute("CREATE TABLE decision (id int PRIMARY KEY, status text, version int)");
				s.execute("INSERT INTO decision SELECT g, 'PENDING', 0 FROM generate_series(0, " + (clients - 1) + ") g");
			}
			System.out.printf(Locale.ROOT, "[audit-bench] %d transactions, %d clients, PostgreSQL 17, %s (read back from the server)%n",
					transactions, clients, DurableSettings.readBack(db));
			for (Mode mode : Mode.values()) {
				System.out.printf(Locale.ROOT, "[audit-bench] warm-up  %-24s %8.0f decisions/s%n", mode,
						run(db, mode, transactions / 4, clients));
			}
			// Three measured rounds, each mode once per round in a rotated order, so that a burst of load from
			// elsewhere on a shared machine does not land on one mode only; the median round is reported.
			Map<Mode, List<Double>> rounds = new EnumMap<>(Mode.class);
			Mode[] modes = Mode.values();
			for (int round = 0; round < 3; round++) {
				for (int k = 0; k < modes.length; k++) {
					Mode mode = modes[(round + k) % modes.length];
					rounds.computeIfAbsent(mode, m -> new ArrayList<>()).add(run(db, mode, transactions, clients));
				}
			}
			double baseline = median(rounds.get(Mode.NO_AUDIT));
			for (Mode mode : modes) {
				List<Double> each = rounds.get(mode);
				System.out.printf(Locale.ROOT, "[audit-bench] measured %-24s %8.0f decisions/s (median of %s), ratio to NO_AUDIT %.2f%n",
						mode, median(each), each.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(),
						median(each) / baseline);
			}
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static double run(HikariDataSource db, Mode mode, int count, int clients) throws Exception {
		AtomicInteger next = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						decide(db, mode, client, i);
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		return count / ((System.nanoTime() - started) / 1e9);
	}

	private static void decide(HikariDataSource db, Mode mode, int client, int i) throws Exception {
		try (Connection c = db.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement decision = c.prepareStatement(
					"UPDATE decision SET status = ?, version = version + 1 WHERE id = ?")) {
				decision.setString(1, i % 2 == 0 ? "APPROVED" : "PENDING");
				decision.setInt(2, client);
				decision.executeUpdate();
			}
			String after = "{\"status\": \"APPROVED\", \"reason\": \"decision " + i + "\"}";
			if (mode == Mode.UNCHAINED_APPEND) {
				insert(c, after, null, null, null);
			} else if (mode == Mode.CHAINED_IN_TRANSACTION) {
				long position;
				String previous;
				try (var head = c.prepareStatement("SELECT chain_position, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
						ResultSet rs = head.executeQuery()) {
					rs.next();
					position = rs.getLong(1) + 1;
					previous = rs.getString(2);
				}
				String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest((previous + "\n" + after + position).getBytes(StandardCharsets.UTF_8)));
				insert(c, after, position, previous, hash);
				try (var head = c.prepareStatement("UPDATE audit_chain_head SET chain_position = ?, hash = ? WHERE id = 1")) {
					head.setLong(1, position);
					head.setString(2, hash);
					head.executeUpdate();
				}
			}
			c.commit();
		}
	}

	private static void insert(Connection c, String after, Long position, String previous, String hash)
			throws Exception {
		// As the platform does: a decision appends to the narrow table of unsealed rows, which the sealer empties
		// into audit_entry_sealed; a row chained in the decision's transaction goes straight into the sealed table.
		String sql = position == null ? """
				INSERT INTO audit_entry_unsealed (occurred_at, actor_name, actor_role, acting_for_agency, action,
				    subject_type, subject_id, before_state, after_state)
				VALUES (now(), 'officer.ciq', 'OFFICER', 'CIQ', 'AGENCY_TASK_APPROVED', 'AGENCY_TASK', gen_random_uuid()::text,
				    '{"status": "PENDING"}', CAST(? AS jsonb))""" : """
				INSERT INTO audit_entry_sealed (id, occurred_at, actor_name, actor_role, acting_for_agency, action,
				    subject_type, subject_id, before_state, after_state, chain_position, previous_hash, hash, sealed_at)
				VALUES (nextval(pg_get_serial_sequence('audit_entry_unsealed', 'id')), now(), 'officer.ciq', 'OFFICER',
				    'CIQ', 'AGENCY_TASK_APPROVED', 'AGENCY_TASK', gen_random_uuid()::text, '{"status": "PENDING"}',
				    CAST(? AS jsonb), ?, ?, ?, now())""";
		try (PreparedStatement audit = c.prepareStatement(sql)) {
			audit.setString(1, after);
			if (position != null) {
				audit.setLong(2, position);
				audit.setString(3, previous);
				audit.setString(4, hash);
			}
			audit.executeUpdate();
		}
	}
}
