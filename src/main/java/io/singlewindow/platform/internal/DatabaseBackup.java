package io.singlewindow.platform.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent logical backup of the platform's database, and its restore into an empty PostgreSQL — the embedded one
 * or any external server — with nothing but the platform's jar (zonky ships no {@code pg_dump}).
 * <p>
 * Consistent because every table is copied inside one {@code REPEATABLE READ} read-only transaction: the backup is the
 * database as it was at that transaction's snapshot, while the platform goes on writing. The file is a zip: a manifest
 * (Flyway version, per table its columns and row count in the snapshot, sequences), the definition of tables Flyway
 * does not create (the event publication registry), and one {@code COPY} text stream per table. A logical copy rather
 * than a physical one ({@code pg_backup_start}/{@code pg_backup_stop} plus WAL) because it restores onto another
 * PostgreSQL version or an external server too, and because its content can be checked row count by row count.
 * <p>
 * Restore: Flyway builds the schema up to the backup's version (a newer jar migrates further at its next start),
 * tables Flyway does not know are created from their stored definition, then all rows are loaded in foreign-key
 * order and sequences set, in one transaction; the row counts must equal the manifest's or nothing is committed.
 */
final class DatabaseBackup {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

	static final String FORMAT = "single-window-backup/1";
	private static final String HISTORY = "flyway_schema_history";

	private DatabaseBackup() {
	}

	/**
	 * Writes the backup of {@code connection}'s database to {@code file}, replaced only once complete and on disk;
	 * nothing is left behind when it cannot be written.
	 *
	 * @throws IllegalStateException when {@code file} cannot be written or the database is not the platform's, said
	 *         in words
	 */
	static Properties backup(Connection connection, Path file) throws SQLException, IOException {
		long started = System.nanoTime();
		if (Files.isDirectory(file)) {
			throw new IllegalStateException(file + " is a directory: name the backup's file");
		}
		Path directory = file.toAbsolutePath().getParent();
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException("cannot write " + file + ": the directory " + directory + " does not exist");
		}
		if (single(connection, "SELECT to_regclass('" + HISTORY + "') IS NOT NULL").equals("f")) {
			throw new IllegalStateException("the database holds no Single Window schema (no " + HISTORY
					+ "): nothing to back up");
		}
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Properties manifest = new Properties();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		connection.setReadOnly(true);
		boolean written = false;
		try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
				ZipOutputStream zip = new ZipOutputStream(
						new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16))) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			manifest.setProperty("format", FORMAT);
			manifest.setProperty("created-at", Instant.now().toString());
			manifest.setProperty("postgres-version", single(connection, "SHOW server_version"));
			manifest.setProperty("flyway-version", single(connection,
					"SELECT version FROM " + HISTORY + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1"));
			manifest.setProperty("snapshot", single(connection, "SELECT pg_current_snapshot()::text"));
			List<String> tables = tables(connection);
			manifest.setProperty("tables", String.join(",", tables));
			StringBuilder definitions = new StringBuilder();
			for (String table : tables) {
				List<String> columns = columns(connection, table);
				manifest.setProperty("table." + table + ".columns", String.join(",", columns));
				manifest.setProperty("table." + table + ".rows",
						single(connection, "SELECT count(*) FROM " + quote(table)));
				definitions.append(definition(connection, table));
				zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
				copy.copyOut("COPY " + quote(table) + " (" + quoteAll(columns) + ") TO STDOUT", new KeepOpen(zip));
				zip.closeEntry();
			}
			// Read after the rows: a sequence is never rolled back, so its value now is at least any value in them.
			List<String> sequences = list(connection,
					"SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
			manifest.setProperty("sequences", String.join(",", sequences));
			for (String sequence : sequences) {
				manifest.setProperty("sequence." + sequence, single(connection,
						"SELECT last_value || ',' || is_called FROM " + quote(sequence)));
			}
			zip.putNextEntry(new ZipEntry("schema.sql"));
			zip.write(definitions.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("manifest.properties"));
			StringWriter text = new StringWriter();
			manifest.store(text, FORMAT);
			zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.finish();
			zip.flush();
			// On disk before it is named a backup: "backup written" survives a power cut that follows it.
			channel.force(true);
			written = true;
		} finally {
			connection.rollback();
			if (!written) {
				Files.deleteIfExists(partial);
			}
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		try (FileChannel renamed = FileChannel.open(directory, StandardOpenOption.READ)) {
			renamed.force(true); // the new name too
		}
		log.info("event=database_backed_up file={} tables={} rows={} bytes={} millis={}", file,
				manifest.getProperty("tables").split(",").length, totalRows(manifest), Files.size(file),
				(System.nanoTime() - started) / 1_000_000);
		return manifest;
	}

	/** The backup file as a zip; a file that is none (cut short, another file) is told as not a backup. */
	private static ZipFile opened(Path file) throws IOException {
		try {
			return new ZipFile(file.toFile());
		} catch (ZipException notAZip) {
			throw new IllegalStateException(
					file + " is not a Single Window backup, or was cut short (" + notAZip.getMessage() + ")", notAZip);
		}
	}

	/**
	 * Restores {@code file} into the empty database at {@code url}.
	 *
	 * @throws IllegalStateException when the database is not empty or the restored rows do not match the backup
	 */
	static Properties restore(String url, String user, String password, Path file) throws SQLException, IOException {
		long started = System.nanoTime();
		try (ZipFile zip = opened(file)) {
			Properties manifest = new Properties();
			try (InputStream in = zip.getInputStream(entry(zip, "manifest.properties"))) {
				manifest.load(in);
			}
			if (!FORMAT.equals(manifest.getProperty("format"))) {
				throw new IllegalStateException(file + " is not a Single Window backup (" + FORMAT + ")");
			}
			Flyway flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
				.target(manifest.getProperty("flyway-version")).load();
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				if (!tables(connection).isEmpty()) {
					throw new IllegalStateException("the database at " + url + " is not empty: restore only into an "
							+ "empty database, so that nothing is mixed or lost");
				}
			}
			flyway.migrate();
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				connection.setAutoCommit(false);
				List<String> tables = List.of(manifest.getProperty("tables").split(","));
				createMissingTables(connection, zip, tables);
				List<String> data = tables.stream().filter(t -> !t.equals(HISTORY)).toList();
				try (Statement s = connection.createStatement()) {
					// Flyway's migrations insert reference rows of their own; the backup's rows are the truth.
					s.execute("TRUNCATE " + quoteAll(data));
				}
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (String table : inForeignKeyOrder(connection, data)) {
					String columns = quoteAll(List.of(manifest.getProperty("table." + table + ".columns").split(",")));
					try (InputStream in = new BufferedInputStream(zip.getInputStream(entry(zip, "data/" + table + ".copy")))) {
						copy.copyIn("COPY " + quote(table) + " (" + columns + ") FROM STDIN", in);
					}
					long rows = Long.parseLong(single(connection, "SELECT count(*) FROM " + quote(table)));
					long expected = Long.parseLong(manifest.getProperty("table." + table + ".rows"));
					if (rows != expected) {
						throw new IllegalStateException("restored " + rows + " rows of " + table + ", the backup has "
								+ expected + "; nothing was committed");
					}
				}
				String sequences = manifest.getProperty("sequences", "");
				for (String sequence : sequences.isEmpty() ? new String[0] : sequences.split(",")) {
					String[] value = manifest.getProperty("sequence." + sequence).split(",");
					try (PreparedStatement s = connection.prepareStatement("SELECT setval(?, ?, ?)")) {
						s.setString(1, quote(sequence));
						s.setLong(2, Long.parseLong(value[0]));
						s.setBoolean(3, Boolean.parseBoolean(value[1]));
						s.execute();
					}
				}
				connection.commit();
				try (Statement s = connection.createStatement()) {
					connection.setAutoCommit(true);
					s.execute("ANALYZE");
				}
			}
			log.info("event=database_restored file={} url={} tables={} rows={} millis={}", file, url,
					manifest.getProperty("tables").split(",").length, totalRows(manifest),
					(System.nanoTime() - started) / 1_000_000);
			return manifest;
		}
	}

	static long totalRows(Properties manifest) {
		return manifest.stringPropertyNames().stream().filter(k -> k.startsWith("table.") && k.endsWith(".rows"))
			.mapToLong(k -> Long.parseLong(manifest.getProperty(k))).sum();
	}

	private static void createMissingTables(Connection connection, ZipFile zip, List<String> tables)
			throws SQLException, IOException {
		Set<String> present = new LinkedHashSet<>(tables(connection));
		String schema;
		try (InputStream in = zip.getInputStream(entry(zip, "schema.sql"))) {
			schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, List<String>> statements = new LinkedHashMap<>();
		for (String line : new java.io.BufferedReader(new StringReader(schema)).lines().toList()) {
			int tab = line.indexOf('\t');
			if (tab > 0) {
				statements.computeIfAbsent(line.substring(0, tab), t -> new ArrayList<>()).add(line.substring(tab + 1));
			}
		}
		try (Statement s = connection.createStatement()) {
			for (String table : tables) {
				if (!present.contains(table)) {
					for (String statement : statements.getOrDefault(table, List.of())) {
						s.execute(statement);
					}
					log.info("event=backup_table_created table={} reason=\"not created by Flyway\"", table);
				}
			}
		}
	}

	/**
	 * The statements that recreate {@code table} (columns, constraints, indexes), one per line prefixed by the table
	 * name and a tab; used only for tables Flyway does not create.
	 */
	private static String definition(Connection connection, String table) throws SQLException {
		StringBuilder out = new StringBuilder();
		List<String> columns = new ArrayList<>();
		try (PreparedStatement s = connection.prepareStatement("""
				SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
				FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
				WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""")) {
			s.setString(1, quote(table));
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					columns.add(quote(rs.getString(1)) + " " + rs.getString(2) + (rs.getBoolean(3) ? " NOT NULL" : "")
							+ (rs.getString(4) == null ? "" : " DEFAULT " + rs.getString(4)));
				}
			}
		}
		out.append(table).append('\t').append("CREATE TABLE ").append(quote(table)).append(" (")
			.append(String.join(", ", columns)).append(")\n");
		try (PreparedStatement s = connection.prepareStatement("""
				SELECT 'ALTER TABLE ' || conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(conname) || ' '
				       || pg_get_constraintdef(oid)
				FROM pg_constraint WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'c', 'f')
				UNION ALL
				SELECT pg_get_indexdef(indexrelid) FROM pg_index i
				WHERE indrelid = ?::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""")) {
			s.setString(1, quote(table));
			s.setString(2, quote(table));
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					out.append(table).append('\t').append(rs.getString(1).replace('\n', ' ')).append('\n');
				}
			}
		}
		return out.toString();
	}

	/** Referenced tables before the tables referring to them, so that each COPY finds its parents. */
	private static List<String> inForeignKeyOrder(Connection connection, List<String> tables) throws SQLException {
		Map<String, Set<String>> parents = new LinkedHashMap<>();
		tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
				SELECT c.relname, p.relname FROM pg_constraint k
				JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
				JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid""")) {
			while (rs.next()) {
				if (parents.containsKey(rs.getString(1)) && parents.containsKey(rs.getString(2))) {
					parents.get(rs.getString(1)).add(rs.getString(2));
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		while (ordered.size() < tables.size()) {
			int before = ordered.size();
			for (String table : tables) {
				if (!ordered.contains(table) && ordered.containsAll(parents.get(table))) {
					ordered.add(table);
				}
			}
			if (ordered.size() == before) {
				throw new IllegalStateException("foreign keys form a cycle among " + parents);
			}
		}
		return ordered;
	}

	private static List<String> tables(Connection connection) throws SQLException {
		return list(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1");
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = "
				+ "?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
			s.setString(1, quote(table));
			List<String> columns = new ArrayList<>();
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
			return columns;
		}
	}

	private static List<String> list(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static ZipEntry entry(ZipFile zip, String name) {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			throw new IllegalStateException(zip.getName() + " has no " + name + ": not a complete backup");
		}
		return entry;
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static String quoteAll(List<String> identifiers) {
		return String.join(", ", identifiers.stream().map(DatabaseBackup::quote).toList());
	}

	/** The zip stream stays open when a COPY is done with its entry. */
	private static final class KeepOpen extends java.io.FilterOutputStream {

		KeepOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
