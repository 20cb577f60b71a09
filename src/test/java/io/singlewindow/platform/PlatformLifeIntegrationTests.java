package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.singlewindow.platform.DeclarationLoad.Receipt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

/**
 * One platform's life on its own data directory, as an operator sees it, each step a separate process: a start under
 * a locale the host has not installed, a second platform refused on the same directory, a crash of the platform and
 * its database under load, a crash right after a batch was acknowledged, a backup under load (a copy of it cut short
 * refused without touching the database) restored into a wiped directory, a clean stop on SIGTERM. The steps share the running platform (starting one costs tens of seconds on two busy cores), in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformLifeIntegrationTests {

	private static final List<String> AGENCIES = List.of("CUSTOMS", "CIQ", "COMMERCE", "SAMR");

	/** A locale no host has installed. */
	private static final Map<String, String> FOREIGN_LOCALE = Map.of("LANG", "xx_YY.UTF-8",
			"LC_ALL", "xx_YY.UTF-8");

	Path home;
	Path dataDir;
	PlatformProcess platform;
	String licence;

	@BeforeAll
	void startPlatform() throws Exception {
		home = Files.createTempDirectory("sw-platform-life");
		dataDir = home.resolve("data");
		// Started as from an operator's session whose language names a locale this host has not installed (a
		// Chinese desktop's LANG=zh_CN.UTF-8 over SSH to a minimal server): initdb took the database's locale from
		// the environment and refused to create it, and the platform did not start.
		platform = PlatformProcess.launchWithEnvironment(dataDir, "first", FOREIGN_LOCALE).awaitReady();
		try (Connection db = platform.database(); Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT p.number FROM permit p "
						+ "WHERE p.catalogue_code = 'AIL' AND p.status = 'IN_FORCE' AND p.holder_uscc = "
						+ "'91350200MA31C0017J' LIMIT 1")) {
			rs.next();
			licence = rs.getString(1);
		}
	}

	@AfterAll
	void stopAndCleanUp() throws IOException {
		if (platform != null) {
			platform.forceStop();
		}
		Path logs = Path.of("target", "platform-life-logs");
		Files.createDirectories(logs);
		try (Stream<Path> files = Files.list(home)) {
			for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
				Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		// The database server's own log, for a start that failed (the platform's log has its last lines only).
		Path serverLog = dataDir == null ? null : dataDir.resolve("postgresql.log");
		if (serverLog != null && Files.exists(serverLog)) {
			Files.copy(serverLog, logs.resolve("postgresql.log"), StandardCopyOption.REPLACE_EXISTING);
		}
		deleteRecursively(home);
	}

	@Test
	@Order(0)
	void theDefaultConfigurationRunsTheEmbeddedDatabaseDurableAsReadBackFromTheServer() throws Exception {
		try (Connection db = platform.database(); Statement s = db.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
					rs.next();
					assertThat(rs.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
		assertThat(platform.logText()).containsPattern("event=embedded_database_started .* fsync=on "
				+ "synchronous_commit=on full_page_writes=on");
	}

	@Test
	@Order(0)
	void theEmbeddedDatabaseIsTheSameWhateverTheLocaleOfTheHostThatCreatedIt() throws Exception {
		// Started under FOREIGN_LOCALE (startPlatform): created all the same, with Unicode's case mapping (a user
		// name's lower case) and code-point order, as on a host set to C.UTF-8.
		try (Connection db = platform.database(); Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT lower('ÉLISE ÖZ'), "
						+ "(SELECT string_agg(w, ',' ORDER BY w) FROM unnest(ARRAY['b', 'a', '中', 'B', 'é']) w)")) {
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("élise öz");
			assertThat(rs.getString(2)).isEqualTo("B,a,b,é,中");
		}
	}

	@Test
	@Order(1)
	void aSecondPlatformOnADataDirectoryInUseFailsAtStartAndTouchesNothing() throws Exception {
		List<String> postmaster = Files.readAllLines(dataDir.resolve("pg/postmaster.pid"));
		// The postmaster only: its connection backends come and go with the pool (one ending meanwhile failed this
		// test under load), and a server whose postmaster lives serves on.
		ProcessHandle database = platform.postgres().getLast();

		PlatformProcess second = PlatformProcess.launch(dataDir, "second");
		int exit = second.awaitExit();

		assertThat(exit).isNotZero();
		assertThat(second.logText()).contains("The data directory " + dataDir + " is in use by another running "
				+ "Single Window (pid " + platform.process.pid() + ")");
		assertThat(Files.readAllLines(dataDir.resolve("pg/postmaster.pid"))).isEqualTo(postmaster);
		assertThat(database.isAlive()).as("the postmaster " + database.pid()).isTrue();
		assertThat(platform.get("/api/v1/me", DeclarationLoad.TRADER).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void everyAcknowledgedDeclarationSurvivesKillingThePlatformAndItsDatabase() throws Exception {
		DeclarationLoad load = DeclarationLoad.start(platform, licence, "crash-", 8);
		awaitAcknowledged(load, 80);

		platform.killWithDatabase();
		load.stop();
		List<Receipt> acknowledged = new ArrayList<>(load.acknowledged.values());
		List<String> unacknowledged = load.unacknowledged();
		platform = PlatformProcess.launch(dataDir, "after-crash").awaitReady();

		List<String> lost = new ArrayList<>();
		for (Receipt receipt : acknowledged) {
			HttpResponse<String> stored = platform.get("/api/v1/declarations/" + receipt.id(), DeclarationLoad.TRADER);
			if (stored.statusCode() != 200) {
				lost.add(receipt.number());
				continue;
			}
			JsonNode declaration = DeclarationLoad.JSON.readTree(stored.body());
			assertThat(declaration.path("number").asString()).isEqualTo(receipt.number());
			assertThat(declaration.path("clientReference").asString()).isEqualTo(receipt.key());
			assertThat(declaration.path("items").get(1).path("quantity").decimalValue().intValueExact())
				.isEqualTo(DeclarationLoad.processors(receipt.key()));
		}
		assertThat(lost).as("%d of %d acknowledged declarations lost in the crash (%d unanswered)", lost.size(),
				acknowledged.size(), unacknowledged.size()).isEmpty();

		List<String> ids = new ArrayList<>(acknowledged.stream().map(Receipt::id).toList());
		for (String key : unacknowledged) {
			Receipt retried = DeclarationLoad.submit(platform, key, load.sent.get(key)).orElseThrow(
					() -> new AssertionError("the retry of " + key + " was refused"));
			ids.add(retried.id());
		}
		try (Connection db = platform.database(); Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT client_reference) FROM declaration "
						+ "WHERE client_reference LIKE 'crash-%'")) {
			rs.next();
			assertThat(rs.getInt(1)).as("declarations stored for the keys sent").isEqualTo(load.sent.size());
			assertThat(rs.getInt(2)).isEqualTo(load.sent.size());
		}
		assertThat(ids).doesNotHaveDuplicates();

		decideUntilFinal(ids);
		assertQuotasWrittenOffEqualTheStoredWriteOffs();
		System.out.printf(Locale.ROOT, "event=crash_test acknowledged=%d unacknowledged_retried=%d lost=0%n",
				acknowledged.size(), unacknowledged.size());
	}

	/**
	 * A batch is acknowledged (202, CONTRL 0083=8) once its messages are stored, before the job submits them: killed
	 * right after, with nothing else committing that would carry its rows to disk, the platform submits every one of
	 * its declarations when it is back, each exactly once.
	 */
	@Test
	@Order(3)
	void everyDeclarationOfABatchAcknowledgedJustBeforeACrashIsSubmittedOnce() throws Exception {
		HttpResponse<String> batch = platform.postStream("/api/v1/interchanges", DeclarationLoad.TRADER,
				"application/EDIFACT", () -> new java.io.ByteArrayInputStream(
						interchangeOf(BATCH_MESSAGES).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
		String answerAt = batch.headers().firstValue("Location").orElseThrow();

		platform.killWithDatabase();
		platform = PlatformProcess.launch(dataDir, "after-batch-crash").awaitReady();

		assertEveryDeclarationOfTheBatchSubmittedOnce(answerAt);
	}

	/** More than an interchange answered at once holds (20): a batch. */
	private static final int BATCH_MESSAGES = 30;

	/**
	 * An interchange of {@code messages} CUSDEC D.96B imports as EDI software writes them, each under its own document
	 * number {@code batch-crash-<n>} (BGM 1004, its key).
	 */
	private static String interchangeOf(int messages) {
		StringBuilder edi = new StringBuilder("UNA:+.?*'UNB+UNOW:4+BROKERSOFT:ZZZ+SINGLEWINDOW+20261130:0600+CRASH1'");
		for (int n = 1; n <= messages; n++) {
			List<String> segments = List.of("UNH+" + n + "+CUSDEC:D:96B:UN", "BGM+929+batch-crash-" + n + "+9",
					"LOC+22+CNXMN", "LOC+27+US", "LOC+28+CN", "LOC+ZTC+US", "GIS+ZTM:::0110", "PAC+3",
					"MEA+WT+G+KGM:12", "MEA+WT+N+KGM:10", "NAD+CN+++Xiamen Chip Trading", "TDT+11++4", "TOD+++CIF",
					"CUX+2:USD:4", "UNS+D", "CST+1+8542319000", "FTX+AAA+++processors", "LOC+27+US",
					"QTY+47:" + (100 + n) + ":C62", "MOA+38:4000", "UNS+S", "CNT+5:1");
			segments.forEach(segment -> edi.append(segment).append('\''));
			edi.append("UNT+").append(segments.size() + 1).append('+').append(n).append('\'');
		}
		return edi.append("UNZ+").append(messages).append("+CRASH1'").toString();
	}

	/**
	 * The batch's answer, once the job has answered every message: each submitted as a declaration, none twice (a
	 * message the job had submitted before the crash is found again under its document number).
	 */
	private void assertEveryDeclarationOfTheBatchSubmittedOnce(String answerAt) throws Exception {
		long deadline = System.nanoTime() + PlatformProcess.START_TIMEOUT.toNanos();
		HttpResponse<String> answer = platform.get(answerAt, DeclarationLoad.TRADER);
		while (answer.headers().firstValue("Retry-After").isPresent() && System.nanoTime() < deadline) {
			Thread.sleep(500);
			answer = platform.get(answerAt, DeclarationLoad.TRADER);
		}
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Retry-After")).as("the batch still pending: %s", answer.body())
			.isEmpty();
		List<String> stored = java.util.Arrays.stream(answer.body().split("'")).map(String::strip)
			.filter(segment -> segment.startsWith("RFF+ZID:")).toList();
		assertThat(stored).as("declarations answered: %s", answer.body()).hasSize(BATCH_MESSAGES)
			.doesNotHaveDuplicates();
		try (Connection db = platform.database(); Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT client_reference) FROM declaration "
						+ "WHERE client_reference LIKE 'batch-crash-%'")) {
			rs.next();
			assertThat(rs.getInt(1)).as("declarations stored for the batch's messages").isEqualTo(BATCH_MESSAGES);
			assertThat(rs.getInt(2)).isEqualTo(BATCH_MESSAGES);
		}
	}

	@Test
	@Order(4)
	void aBackupTakenUnderLoadRestoresEverythingAcknowledgedBeforeItBegan() throws Exception {
		Path backup = home.resolve("single-window.backup");
		List<Receipt> beforeBackup;
		int acknowledgedByTheEnd;
		try (DeclarationLoad load = DeclarationLoad.start(platform, licence, "backup-", 2)) {
			awaitAcknowledged(load, 10);
			beforeBackup = new ArrayList<>(load.acknowledged.values());

			assertThat(command("backup", backup.toString(), "--singlewindow.data-dir=" + dataDir)).isZero();
			acknowledgedByTheEnd = load.acknowledged.size();
		}
		assertThat(platform.terminate()).isZero();

		// A backup cut short (a copy that stopped half-way) is refused, and the database stays as it was: a restore
		// moved it aside first and left an empty one in its place, on which the next start would have served.
		Path cutShort = home.resolve("cut-short.backup");
		byte[] whole = Files.readAllBytes(backup);
		Files.write(cutShort, Arrays.copyOf(whole, whole.length / 2));
		String before = filesOf(dataDir.resolve("pg"));
		assertThat(command("restore", cutShort.toString(), "--singlewindow.data-dir=" + dataDir)).isNotZero();
		assertThat(Files.readString(home.resolve("command-restore.log")))
			.contains(cutShort + " is not a Single Window backup, or was cut short");
		assertThat(filesOf(dataDir.resolve("pg"))).as("the database's files after a failed restore").isEqualTo(before);
		try (Stream<Path> entries = Files.list(dataDir)) {
			assertThat(entries.map(e -> e.getFileName().toString())).as("the data directory after a failed restore")
				.noneMatch(name -> name.startsWith("pg."));
		}

		deleteRecursively(dataDir.resolve("pg"));

		assertThat(command("restore", backup.toString(), "--singlewindow.data-dir=" + dataDir)).isZero();

		Properties manifest = manifest(backup);
		try (EmbeddedPostgres restored = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg"))
			.setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
				Connection db = restored.getPostgresDatabase().getConnection(); Statement s = db.createStatement()) {
			for (String table : manifest.getProperty("tables").split(",")) {
				try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
					rs.next();
					assertThat(rs.getLong(1)).as("rows of %s", table)
						.isEqualTo(Long.parseLong(manifest.getProperty("table." + table + ".rows")));
				}
			}
			s.execute("CREATE EXTENSION amcheck");
			try (ResultSet rs = s.executeQuery("SELECT count(bt_index_check(i.indexrelid, true)) FROM pg_index i "
					+ "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = 'public'")) {
				rs.next();
				assertThat(rs.getInt(1)).as("b-tree indexes checked by amcheck").isPositive();
			}
			s.execute("DROP EXTENSION amcheck");
		}
		platform = PlatformProcess.launch(dataDir, "restored").awaitReady();
		for (Receipt receipt : beforeBackup) {
			HttpResponse<String> stored = platform.get("/api/v1/declarations/" + receipt.id(), DeclarationLoad.TRADER);
			assertThat(stored.statusCode()).as("declaration %s acknowledged before the backup", receipt.number())
				.isEqualTo(200);
			assertThat(DeclarationLoad.JSON.readTree(stored.body()).path("number").asString())
				.isEqualTo(receipt.number());
		}
		// The audit trail came back whole, and a decision's row written after the restore is chained after it: its id,
		// drawn from the restored identity, is new to the sealed rows too (they are a table of their own, V11_7_1).
		long checkedBefore = awaitAuditSealed(0).path("checked").asLong();
		assertThat(DeclarationLoad.submit(platform, "after-restore", DeclarationLoad.declaration(licence, 120)))
			.isPresent();
		assertThat(awaitAuditSealed(checkedBefore).path("checked").asLong()).isGreaterThan(checkedBefore);
		System.out.printf(Locale.ROOT, "event=backup_test acknowledged_before=%d acknowledged_by_end=%d rows=%s%n",
				beforeBackup.size(), acknowledgedByTheEnd, manifest.getProperty("table.declaration.rows"));
	}

	/** Every file under {@code dir} with its size and last change, one per line: what a restore may not touch. */
	private static String filesOf(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).sorted().map(f -> {
				try {
					return dir.relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f);
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).collect(java.util.stream.Collectors.joining("\n"));
		}
	}

	@Test
	@Order(10)
	void sigtermStopsThePlatformCleanlyWithTheDatabaseLast() throws Exception {
		try (DeclarationLoad load = DeclarationLoad.start(platform, licence, "sigterm-", 2)) {
			awaitAcknowledged(load, 5);
		}

		int exit = platform.terminate();

		String log = platform.logText();
		assertThat(exit).as("exit code after SIGTERM; log:\n%s", platform.tail()).isZero();
		assertThat(log).doesNotContain("level=ERROR");
		assertThat(log).contains("event=embedded_database_stopped");
		String afterDatabase = log.substring(log.indexOf("event=embedded_database_stopped"));
		assertThat(afterDatabase.lines().skip(1).filter(l -> l.contains("level=")).toList())
			.as("nothing may use the database after it stopped").isEmpty();
		platform = null;
	}

	/** {@code java -cp … SingleWindowApplication <args>}, as {@code java -jar single-window.jar <args>}; exit code. */
	private int command(String... args) throws Exception {
		List<String> command = new ArrayList<>(PlatformProcess.javaCommand());
		command.add(io.singlewindow.SingleWindowApplication.class.getName());
		command.addAll(List.of(args));
		Path log = home.resolve("command-" + args[0] + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("SINGLEWINDOW_"));
		Process process = builder.start();
		if (!process.waitFor(PlatformProcess.START_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(args[0] + " did not finish:\n" + Files.readString(log));
		}
		if (process.exitValue() != 0) {
			System.out.println(Files.readString(log));
		}
		return process.exitValue();
	}

	/** The audit verification once every row is sealed and more than {@code checked} rows were checked; intact. */
	private JsonNode awaitAuditSealed(long checked) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			HttpResponse<String> answer = platform.get("/api/v1/audit/verification", "sw-demo-admin");
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			JsonNode verification = DeclarationLoad.JSON.readTree(answer.body());
			assertThat(verification.path("intact").asBoolean()).as(answer.body()).isTrue();
			if (verification.path("unsealed").asLong() == 0 && verification.path("checked").asLong() > checked) {
				return verification;
			}
			assertThat(System.nanoTime() - deadline).as("audit rows still unsealed: %s", answer.body()).isNegative();
			Thread.sleep(500);
		}
	}

	private static Properties manifest(Path backup) throws IOException {
		try (ZipFile zip = new ZipFile(backup.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.properties"))) {
			Properties manifest = new Properties();
			manifest.load(in);
			return manifest;
		}
	}

	static void deleteRecursively(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	private void awaitAcknowledged(DeclarationLoad load, int count) throws InterruptedException {
		long deadline = System.nanoTime() + PlatformProcess.START_TIMEOUT.toNanos();
		while (load.acknowledged.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(load.acknowledged.size()).as("acknowledged under load; log:\n%s", platform.tail())
			.isGreaterThanOrEqualTo(count);
	}

	/** Officers decide through the API whatever the rules left to them, until every declaration is final. */
	private void decideUntilFinal(Collection<String> ids) throws Exception {
		long deadline = System.nanoTime() + PlatformProcess.START_TIMEOUT.toNanos();
		List<String> pending = pending(ids);
		while (!pending.isEmpty() && System.nanoTime() < deadline) {
			for (String agency : AGENCIES) {
				String officer = "sw-demo-officer." + agency.toLowerCase(Locale.ROOT);
				JsonNode tasks = DeclarationLoad.JSON.readTree(
						platform.get("/api/v1/agencies/" + agency + "/tasks", officer).body());
				for (JsonNode task : tasks) {
					platform.post("/api/v1/tasks/" + task.path("taskId").asString() + "/decision", officer,
							"{\"decision\":\"APPROVE\",\"reason\":\"checked after the crash\"}", null);
				}
			}
			Thread.sleep(300);
			pending = pending(ids);
		}
		assertThat(pending).as("declarations not in a final state").isEmpty();
	}

	private List<String> pending(Collection<String> ids) throws Exception {
		try (Connection db = platform.database(); PreparedStatement s = db.prepareStatement(
				"SELECT id::text FROM declaration WHERE id = ANY (?) AND status NOT IN ('CLEARED', 'RELEASED')")) {
			Array array = db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
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

	private void assertQuotasWrittenOffEqualTheStoredWriteOffs() throws Exception {
		try (Connection db = platform.database(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
				SELECT p.number, p.quota_quantity - p.remaining_quantity AS used,
				       coalesce(sum(w.quantity) FILTER (WHERE w.restored_at IS NULL), 0) AS written_off
				FROM permit p LEFT JOIN permit_write_off w ON w.permit_id = p.id
				WHERE p.quota_quantity IS NOT NULL
				GROUP BY p.id""")) {
			int permits = 0;
			while (rs.next()) {
				permits++;
				assertThat(rs.getBigDecimal("used")).as("quota used of %s", rs.getString("number"))
					.isEqualByComparingTo(rs.getBigDecimal("written_off"));
			}
			assertThat(permits).isPositive();
		}
	}
}
