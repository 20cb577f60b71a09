package io.singlewindow.tariff.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.Problem;
import io.singlewindow.core.NumericColumn;
import io.singlewindow.core.UnitCode;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.reference.ReferenceData;
import io.singlewindow.reference.CsvReader;
import io.singlewindow.tariff.TariffLine;

/**
 * Imports a tariff schedule from CSV as a background job. Progress and per-row errors are stored in the database so
 * that any node can report them. All or nothing: every row is checked first; only when no row has an error are the
 * lines written, in one transaction (lines in the file replace the stored lines of the same code, including their
 * preferential rates, and are no longer demo lines).
 *
 * <p>Columns (header required, in this order): {@value #HEADER}. Rates are percentages ({@code 8} is 8 %),
 * {@code preferential_rates} is {@code AGREEMENT:percent} separated by {@code ;}, conditions and categories are one
 * character per code ({@code AB}), the legal units of quantity (法定第一/第二计量单位) are UN/ECE Rec 20 codes
 * ({@code KGM}, {@code LTR}; the second usually blank). Two more columns, {@value #PER_UNIT_COLUMNS}, may follow:
 * the duty's and the excise's amounts in CNY per legal unit (从量税; with an ad valorem rate too, 复合税), blank where
 * none; a line levied per unit needs its legal unit. Then four more, {@value #PROVISIONAL_COLUMNS}: a provisional
 * import rate and a provisional export rate (暂定税率, percent, either or both) and the first and last day they are in
 * force ({@code yyyy-MM-dd}), given with them. Then {@value #IN_QUOTA_COLUMN}: the in-quota rate (配额内税率, percent) of
 * a line under a tariff-rate quota, whose mfn_rate is then the out-of-quota rate. Last, {@value #GENERAL_COLUMNS}: the
 * general rate (普通税率, percent) and its amount per legal unit, paid by goods of an origin without MFN treatment. The
 * header is the full list of columns or the first 10, 12, 14, 18 or 19 of it (the formats before units, amounts per
 * unit, provisional rates, in-quota rates and general rates were part of it): a line then has none of what its file
 * leaves out.
 */
@Component
public class TariffImports implements DisposableBean {

	static final String HEADER_WITHOUT_UNITS = "code,description_zh,description_en,mfn_rate,vat_rate,excise_rate,"
			+ "export_rate,preferential_rates,supervision_conditions,inspection_categories";
	/** The header of the format with units (12 columns), which earlier files and tests use. */
	static final String HEADER = HEADER_WITHOUT_UNITS + ",legal_unit,second_legal_unit";
	static final String PER_UNIT_COLUMNS = "mfn_per_unit,excise_per_unit";
	static final String PROVISIONAL_COLUMNS = "provisional_rate,export_provisional_rate,provisional_from,provisional_until";
	static final String IN_QUOTA_COLUMN = "in_quota_rate";
	static final String GENERAL_COLUMNS = "general_rate,general_per_unit";
	/** Every column a file may have, in order: the header the import page shows. */
	static final String FULL_HEADER = HEADER + "," + PER_UNIT_COLUMNS + "," + PROVISIONAL_COLUMNS + ","
			+ IN_QUOTA_COLUMN + "," + GENERAL_COLUMNS;
	static final List<String> ALL_COLUMNS = List.of(FULL_HEADER.split(","));
	/** A file has the first 10, 12, 14, 18, 19 or all of the columns. */
	static final Set<Integer> COLUMN_COUNTS = Set.of(10, 12, 14, 18, 19, ALL_COLUMNS.size());
	/** The largest amount a unit a line levies ({@code NUMERIC(12, 4)}). */
	static final NumericColumn PER_UNIT = new NumericColumn(12, 4);
	static final Set<BigDecimal> VAT_RATES = Set.of(new BigDecimal("13"), new BigDecimal("9"), BigDecimal.ZERO);
	/** How often (in rows) the progress is written while checking. */
	static final int PROGRESS_EVERY = 25;

	private static final Logger log = LoggerFactory.getLogger(TariffImports.class);

	public record Status(UUID id, String fileName, String status, int totalRows, int processedRows, int importedRows,
			String createdBy, Instant createdAt, Instant finishedAt, List<RowError> errors) {

		public int percent() {
			return totalRows == 0 ? ("COMPLETED".equals(status) || "FAILED".equals(status) ? 100 : 0)
					: Math.min(100, processedRows * 100 / totalRows);
		}

		public boolean finished() {
			return "COMPLETED".equals(status) || "FAILED".equals(status);
		}
	}

	public record RowError(int row, String column, String code, String value) {
	}

	record ParsedLine(String code, String descriptionZh, String descriptionEn, BigDecimal mfn, BigDecimal vat,
			BigDecimal excise, BigDecimal export, Map<String, BigDecimal> preferential, String supervision,
			String inspection, String legalUnit, String secondLegalUnit, BigDecimal mfnPerUnit,
			BigDecimal excisePerUnit, TariffLine.Provisional provisional, BigDecimal inQuota, BigDecimal generalRate,
			BigDecimal generalPerUnit) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final ReferenceData reference;
	private final TradeAgreements agreements;
	private final BusinessTime time;
	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
	/** Beats for the running jobs, each on a connection of its own, apart from the job's (long) transaction. */
	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
			Thread.ofVirtual().name("tariff-import-heartbeat").factory());
	private final AuditTrail auditTrail;
	private final TariffImportProperties properties;

	TariffImports(JdbcClient jdbc, TransactionTemplate tx, ReferenceData reference, TradeAgreements agreements,
			BusinessTime time, AuditTrail auditTrail, TariffImportProperties properties) {
		this.auditTrail = auditTrail;
		this.properties = properties;
		this.jdbc = jdbc;
		this.tx = tx;
		this.reference = reference;
		this.agreements = agreements;
		this.time = time;
	}

	/** Stores the file and starts checking it in the background. */
	UUID start(String fileName, String content, String by) {
		if (content == null || content.isBlank()) {
			throw Problem.invalidField("file", "TARIFF_IMPORT_EMPTY");
		}
		// PostgreSQL refuses NUL in text: checked here, or the INSERT fails with a 500 (found by the fuzz suite).
		int at = FreeText.forbiddenCharacterAt(content);
		if (at > 0) {
			throw Problem.invalidField("file", "CONTROL_CHARACTER", at);
		}
		if (fileName != null && FreeText.forbiddenCharacterAt(fileName) > 0) {
			throw Problem.invalidField("fileName", "CONTROL_CHARACTER", FreeText.forbiddenCharacterAt(fileName));
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO tariff_import (id, file_name, content, status, created_by, created_at)
				VALUES (?, ?, ?, 'QUEUED', ?, ?)""")
				.params(id, fileName == null || fileName.isBlank() ? "tariff.csv" : fileName, content, by, utc(time.now()))
				.update();
		log.info("event=tariff_import_queued id={} file={} by={}", id, fileName, by);
		executor.submit(() -> run(id));
		return id;
	}

	/**
	 * Runs a queued import; a conditional update makes sure only one node runs it.
	 *
	 * @return whether this call claimed and ran the job
	 */
	boolean run(UUID id) {
		ScheduledFuture<?> heartbeat = null;
		try {
			if (jdbc.sql("UPDATE tariff_import SET status = 'RUNNING', heartbeat_at = ? WHERE id = ? AND status = 'QUEUED'")
					.params(utc(time.now()), id).update() == 0) {
				return false;
			}
			// The job beats for as long as this node works on it — also while its final write holds a transaction open
			// for longer than the stale limit — so only a job whose node died falls silent.
			long every = properties.heartbeatEvery().toMillis();
			heartbeat = heartbeats.scheduleWithFixedDelay(() -> beat(id), every, every, TimeUnit.MILLISECONDS);
			String content = jdbc.sql("SELECT content FROM tariff_import WHERE id = ?").param(id).query(String.class)
					.single();
			List<RowError> errors = new ArrayList<>();
			List<List<String>> records = new ArrayList<>();
			try {
				records.addAll(CsvReader.read(new StringReader(content)));
			} catch (CsvReader.Malformed broken) {
				// Nothing after a broken quote can be told apart: the file is refused where it breaks.
				errors.add(new RowError(Math.toIntExact(broken.line()), "", "CSV_MALFORMED", ""));
			}
			records.removeIf(r -> r.size() == 1 && r.get(0).isBlank());
			int total = Math.max(0, records.size() - 1);
			jdbc.sql("UPDATE tariff_import SET total_rows = ? WHERE id = ?").params(total, id).update();
			List<ParsedLine> lines = new ArrayList<>();
			List<String> header = records.isEmpty() ? List.of() : header(records.get(0));
			boolean readable = errors.isEmpty();
			if (readable && !(COLUMN_COUNTS.contains(header.size())
					&& header.equals(ALL_COLUMNS.subList(0, header.size())))) {
				errors.add(new RowError(1, "", "HEADER_INVALID", records.isEmpty() ? "" : String.join(",",
						records.get(0))));
			} else if (readable) {
				Set<String> seen = new HashSet<>();
				for (int i = 1; i < records.size(); i++) {
					ParsedLine line = check(i + 1, records.get(i), header.size(), seen, errors);
					if (line != null) {
						lines.add(line);
					}
					if (i % PROGRESS_EVERY == 0) {
						jdbc.sql("UPDATE tariff_import SET processed_rows = ?, heartbeat_at = ? WHERE id = ?")
								.params(i, utc(time.now()), id).update();
					}
				}
			}
			if (errors.isEmpty() && lines.isEmpty()) {
				errors.add(new RowError(1, "", "TARIFF_IMPORT_EMPTY", ""));
			}
			if (errors.isEmpty()) {
				tx.executeWithoutResult(s -> {
					for (ParsedLine l : lines) {
						store(l);
					}
					finish(id, "COMPLETED", total, lines.size());
					String by = jdbc.sql("SELECT created_by FROM tariff_import WHERE id = ?").param(id)
						.query(String.class).single();
					auditTrail.record(AuditRecord.of("TARIFF_SCHEDULE_IMPORTED", "TARIFF_IMPORT", id)
						.by(AuditRecord.Who.named(by, "ADMIN"))
						.change(null, AuditRecord.state("importedLines", lines.size(), "contentSha256",
								AuditRecord.fingerprint(content))));
				});
				log.info("event=tariff_import_completed id={} rows={}", id, lines.size());
			} else {
				tx.executeWithoutResult(s -> {
					for (RowError e : errors) {
						jdbc.sql("INSERT INTO tariff_import_error (import_id, row_no, col, code, value) VALUES (?, ?, ?, ?, ?)")
								.params(id, e.row(), e.column(), e.code(), e.value()).update();
					}
					finish(id, "FAILED", total, 0);
				});
				log.info("event=tariff_import_failed id={} rows={} errors={}", id, total, errors.size());
			}
		} catch (RuntimeException e) {
			log.error("event=tariff_import_crashed id={}", id, e);
			jdbc.sql("INSERT INTO tariff_import_error (import_id, row_no, col, code, value) VALUES (?, 0, '', 'INTERNAL_ERROR', ?)")
					.params(id, String.valueOf(e.getMessage())).update();
			jdbc.sql("UPDATE tariff_import SET status = 'FAILED', finished_at = ? WHERE id = ?").params(utc(time.now()), id)
					.update();
		} finally {
			if (heartbeat != null) {
				heartbeat.cancel(false);
			}
		}
		return true;
	}

	/** One beat of a running job: outside the job's transaction, so it is visible to every node at once. */
	private void beat(UUID id) {
		try {
			jdbc.sql("UPDATE tariff_import SET heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'")
					.params(utc(time.now()), id).update();
		} catch (RuntimeException e) {
			// a missed beat is retried at the next one; an exception here would silently end the schedule
			log.warn("event=tariff_import_heartbeat_failed id={} error={}", id, e.toString());
		}
	}

	private void finish(UUID id, String status, int total, int imported) {
		int updated = jdbc.sql("""
				UPDATE tariff_import SET status = ?, processed_rows = ?, imported_rows = ?, finished_at = ?
				WHERE id = ? AND status = 'RUNNING'""")
				.params(status, total, imported, utc(time.now()), id).update();
		if (updated == 0) {
			// failed as stale meanwhile: roll back rather than write lines nobody is told about
			throw new IllegalStateException("tariff import " + id + " is no longer running");
		}
	}

	private static List<String> header(List<String> row) {
		return row.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
	}

	/** Checks one data row; records every problem of the row and returns the line only when it has none. */
	ParsedLine check(int rowNo, List<String> row, int columns, Set<String> seen, List<RowError> errors) {
		int before = errors.size();
		if (row.size() != columns) {
			errors.add(new RowError(rowNo, "", "COLUMN_COUNT", String.valueOf(row.size())));
			return null;
		}
		String code = row.get(0).strip().replace(".", "");
		if (!code.matches("\\d{10}")) {
			errors.add(new RowError(rowNo, "code", "TARIFF_CODE_FORMAT", code));
		} else if (!reference.isHsSubheading(code.substring(0, 6))) {
			errors.add(new RowError(rowNo, "code", "HS_SUBHEADING_UNKNOWN", code));
		} else if (!seen.add(code)) {
			errors.add(new RowError(rowNo, "code", "DUPLICATE_CODE", code));
		}
		String zh = row.get(1).strip();
		String en = row.get(2).strip();
		if (zh.isEmpty()) {
			errors.add(new RowError(rowNo, "description_zh", "REQUIRED", ""));
		}
		if (en.isEmpty()) {
			errors.add(new RowError(rowNo, "description_en", "REQUIRED", ""));
		}
		BigDecimal mfn = percent(rowNo, "mfn_rate", row.get(3), true, false, errors);
		BigDecimal vat = percent(rowNo, "vat_rate", row.get(4), true, false, errors);
		if (vat != null && VAT_RATES.stream().noneMatch(v -> v.compareTo(vat.movePointRight(2)) == 0)) {
			errors.add(new RowError(rowNo, "vat_rate", "VAT_RATE_INVALID", row.get(4)));
		}
		BigDecimal excise = percent(rowNo, "excise_rate", row.get(5), false, true, errors);
		BigDecimal export = percent(rowNo, "export_rate", row.get(6), false, false, errors);
		Map<String, BigDecimal> prefs = new LinkedHashMap<>();
		String prefText = row.get(7).strip();
		if (!prefText.isEmpty()) {
			for (String part : prefText.split(";")) {
				String[] kv = part.split(":", -1);
				if (kv.length != 2 || kv[0].isBlank()) {
					errors.add(new RowError(rowNo, "preferential_rates", "PREFERENTIAL_RATE_FORMAT", part));
					continue;
				}
				String agreement = kv[0].strip().toUpperCase(Locale.ROOT);
				if (!agreements.exists(agreement)) {
					errors.add(new RowError(rowNo, "preferential_rates", "AGREEMENT_UNKNOWN", agreement));
				}
				BigDecimal rate = percent(rowNo, "preferential_rates", kv[1], true, false, errors);
				if (rate != null) {
					prefs.put(agreement, rate);
				}
			}
		}
		String supervision = row.get(8).strip().replace(" ", "");
		if (!supervision.matches("[0-9A-Za-z]*") || supervision.length() > 20) {
			errors.add(new RowError(rowNo, "supervision_conditions", "CONDITION_CODES_INVALID", supervision));
		}
		String inspection = row.get(9).strip().replace(" ", "");
		if (!inspection.matches("[A-Za-z]*") || inspection.length() > 20) {
			errors.add(new RowError(rowNo, "inspection_categories", "CONDITION_CODES_INVALID", inspection));
		}
		String unit = columns > 10 ? unit(rowNo, "legal_unit", row.get(10), errors) : null;
		String secondUnit = columns > 11 ? unit(rowNo, "second_legal_unit", row.get(11), errors) : null;
		BigDecimal mfnPerUnit = columns > 12 ? perUnit(rowNo, "mfn_per_unit", row.get(12), errors) : null;
		BigDecimal excisePerUnit = columns > 13 ? perUnit(rowNo, "excise_per_unit", row.get(13), errors) : null;
		BigDecimal generalRate = columns > 19 ? percent(rowNo, "general_rate", row.get(19), false, false, errors) : null;
		BigDecimal generalPerUnit = columns > 20 ? perUnit(rowNo, "general_per_unit", row.get(20), errors) : null;
		if (generalPerUnit != null && generalRate == null && errors.size() == before) {
			// a general rate levied per unit alone is stated as 0 % plus its amount, as the MFN rate is
			errors.add(new RowError(rowNo, "general_rate", "REQUIRED", ""));
		}
		if ((secondUnit != null || mfnPerUnit != null || excisePerUnit != null || generalPerUnit != null) && unit == null
				&& errors.size() == before) {
			errors.add(new RowError(rowNo, "legal_unit", "REQUIRED", ""));
		}
		TariffLine.Provisional provisional = columns > 14 ? provisional(rowNo, row.subList(14, 18), errors) : null;
		BigDecimal inQuota = columns > 18 ? percent(rowNo, IN_QUOTA_COLUMN, row.get(18), false, false, errors) : null;
		if (errors.size() > before) {
			return null;
		}
		return new ParsedLine(code, zh, en, mfn, vat, excise, export, prefs, supervision, inspection.toUpperCase(Locale.ROOT),
				unit, secondUnit, mfnPerUnit, excisePerUnit, provisional, inQuota, generalRate, generalPerUnit);
	}

	/**
	 * The provisional rates' four cells — import percent, export percent, first day, last day — all blank (none), or a
	 * rate (either or both) with both days, the first not after the last.
	 */
	private static TariffLine.Provisional provisional(int rowNo, List<String> cells, List<RowError> errors) {
		if (cells.stream().allMatch(String::isBlank)) {
			return null;
		}
		int before = errors.size();
		BigDecimal rate = percent(rowNo, "provisional_rate", cells.get(0), false, false, errors);
		BigDecimal exportRate = percent(rowNo, "export_provisional_rate", cells.get(1), false, false, errors);
		if (cells.get(0).isBlank() && cells.get(1).isBlank()) {
			errors.add(new RowError(rowNo, "provisional_rate", "REQUIRED", ""));
		}
		LocalDate from = day(rowNo, "provisional_from", cells.get(2), errors);
		LocalDate until = day(rowNo, "provisional_until", cells.get(3), errors);
		if (errors.size() > before) {
			return null;
		}
		if (from.isAfter(until)) {
			errors.add(new RowError(rowNo, "provisional_until", "PROVISIONAL_PERIOD_INVALID", cells.get(3)));
			return null;
		}
		return new TariffLine.Provisional(rate, exportRate, from, until);
	}

	/** A required day cell, {@code yyyy-MM-dd}. */
	private static LocalDate day(int rowNo, String column, String raw, List<RowError> errors) {
		String text = raw == null ? "" : raw.strip();
		if (text.isEmpty()) {
			errors.add(new RowError(rowNo, column, "REQUIRED", ""));
			return null;
		}
		try {
			return io.singlewindow.core.IsoDay.parse(text);
		} catch (java.time.format.DateTimeParseException e) {
			errors.add(new RowError(rowNo, column, "DATE_FORMAT", raw));
			return null;
		}
	}

	/** An amount a unit cell, CNY per legal unit: blank (none) or up to 8 digits before the point and 4 after. */
	private static BigDecimal perUnit(int rowNo, String column, String raw, List<RowError> errors) {
		String text = raw == null ? "" : raw.strip();
		if (text.isEmpty()) {
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(text);
			if (amount.signum() < 0 || amount.scale() > PER_UNIT.scale() || !PER_UNIT.holds(amount)) {
				errors.add(new RowError(rowNo, column, "AMOUNT_PER_UNIT_INVALID", raw));
				return null;
			}
			return amount;
		} catch (NumberFormatException e) {
			errors.add(new RowError(rowNo, column, "AMOUNT_PER_UNIT_INVALID", raw));
			return null;
		}
	}

	/** A legal unit cell: blank (not known, or no second unit) or a current UN/ECE Rec 20 code. */
	private String unit(int rowNo, String column, String raw, List<RowError> errors) {
		String text = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[A-Z0-9]{2,3}") || !reference.isUnit(new UnitCode(text))) {
			errors.add(new RowError(rowNo, column, "UNIT_UNKNOWN", raw));
			return null;
		}
		return text;
	}

	/** A percentage cell as a fraction; blank is {@literal null} unless required. */
	private static BigDecimal percent(int rowNo, String column, String raw, boolean required, boolean belowHundred,
			List<RowError> errors) {
		String text = raw == null ? "" : raw.strip().replace("%", "");
		if (text.isEmpty()) {
			if (required) {
				errors.add(new RowError(rowNo, column, "REQUIRED", ""));
			}
			return null;
		}
		try {
			BigDecimal p = new BigDecimal(text);
			if (p.signum() < 0 || p.compareTo(belowHundred ? new BigDecimal("100") : new BigDecimal("1000")) >= 0
					|| p.scale() > 4) {
				errors.add(new RowError(rowNo, column, "RATE_INVALID", raw));
				return null;
			}
			return p.movePointLeft(2);
		} catch (NumberFormatException e) {
			errors.add(new RowError(rowNo, column, "RATE_INVALID", raw));
			return null;
		}
	}

	private void store(ParsedLine l) {
		jdbc.sql("""
				INSERT INTO tariff_line (code, description_zh, description_en, mfn_rate, excise_rate, vat_rate, export_rate,
				  supervision_conditions, inspection_categories, legal_unit, second_legal_unit, mfn_per_unit,
				  excise_per_unit, provisional_rate, export_provisional_rate, provisional_from, provisional_until,
				  in_quota_rate, general_rate, general_per_unit, demo, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)
				ON CONFLICT (code) DO UPDATE SET description_zh = EXCLUDED.description_zh,
				  description_en = EXCLUDED.description_en, mfn_rate = EXCLUDED.mfn_rate, excise_rate = EXCLUDED.excise_rate,
				  vat_rate = EXCLUDED.vat_rate, export_rate = EXCLUDED.export_rate,
				  supervision_conditions = EXCLUDED.supervision_conditions,
				  inspection_categories = EXCLUDED.inspection_categories, legal_unit = EXCLUDED.legal_unit,
				  second_legal_unit = EXCLUDED.second_legal_unit, mfn_per_unit = EXCLUDED.mfn_per_unit,
				  excise_per_unit = EXCLUDED.excise_per_unit, provisional_rate = EXCLUDED.provisional_rate,
				  export_provisional_rate = EXCLUDED.export_provisional_rate,
				  provisional_from = EXCLUDED.provisional_from, provisional_until = EXCLUDED.provisional_until,
				  in_quota_rate = EXCLUDED.in_quota_rate, general_rate = EXCLUDED.general_rate,
				  general_per_unit = EXCLUDED.general_per_unit, demo = FALSE, updated_at = EXCLUDED.updated_at""")
				.params(l.code(), l.descriptionZh(), l.descriptionEn(), l.mfn(), l.excise(), l.vat(), l.export(),
						l.supervision(), l.inspection(), l.legalUnit(), l.secondLegalUnit(), l.mfnPerUnit(),
						l.excisePerUnit(), l.provisional() == null ? null : l.provisional().rate(),
						l.provisional() == null ? null : l.provisional().exportRate(),
						l.provisional() == null ? null : l.provisional().from(),
						l.provisional() == null ? null : l.provisional().until(), l.inQuota(), l.generalRate(),
						l.generalPerUnit(), utc(time.now()))
				.update();
		jdbc.sql("DELETE FROM tariff_preferential_rate WHERE code = ?").param(l.code()).update();
		l.preferential().forEach((agreement, rate) -> jdbc
				.sql("INSERT INTO tariff_preferential_rate (code, agreement, rate) VALUES (?, ?, ?)")
				.params(l.code(), agreement, rate).update());
	}

	Optional<Status> status(UUID id) {
		failIfStale(id);
		// the row first: errors are committed together with the final status, so they are complete once it says FAILED
		return jdbc.sql("""
				SELECT id, file_name, status, total_rows, processed_rows, imported_rows, created_by, created_at, finished_at
				FROM tariff_import WHERE id = ?""").param(id)
				.query((rs, n) -> new Status(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
						Optional.ofNullable(rs.getObject(9, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
						List.of()))
				.optional().map(s -> new Status(s.id(), s.fileName(), s.status(), s.totalRows(), s.processedRows(),
						s.importedRows(), s.createdBy(), s.createdAt(), s.finishedAt(), errors(id)));
	}

	/** Fails the job if its node stopped working on it (no heartbeat for {@code singlewindow.tariff.import.stale-after}). */
	private void failIfStale(UUID id) {
		OffsetDateTime now = utc(time.now());
		int failed = jdbc.sql("""
				UPDATE tariff_import SET status = 'FAILED', finished_at = ?
				WHERE id = ? AND status IN ('QUEUED', 'RUNNING') AND coalesce(heartbeat_at, created_at) < ?""")
				.params(now, id, now.minus(properties.staleAfter())).update();
		if (failed > 0) {
			jdbc.sql("INSERT INTO tariff_import_error (import_id, row_no, col, code) VALUES (?, 0, '', 'IMPORT_INTERRUPTED')")
					.param(id).update();
			log.warn("event=tariff_import_interrupted id={}", id);
		}
	}

	private List<RowError> errors(UUID id) {
		return jdbc.sql("""
				SELECT row_no, col, code, value FROM tariff_import_error WHERE import_id = ? ORDER BY row_no, col LIMIT 1000""")
				.param(id).query((rs, n) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
	}

	List<Status> recent(int limit) {
		return jdbc.sql("""
				SELECT id, file_name, status, total_rows, processed_rows, imported_rows, created_by, created_at, finished_at
				FROM tariff_import ORDER BY created_at DESC LIMIT ?""").param(limit)
				.query((rs, n) -> new Status(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
						Optional.ofNullable(rs.getObject(9, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
						List.of()))
				.list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	@Override
	public void destroy() {
		executor.shutdown();
		heartbeats.shutdownNow();
	}

}
