package io.singlewindow.permit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * Administrators maintain the permit catalogue. An entry is never deleted (issued permits refer to it); it is
 * deactivated, after which nobody can apply for it and goods no longer need it.
 */
@Component
class CatalogueAdministration {

	private static final Logger log = LoggerFactory.getLogger(CatalogueAdministration.class);

	/**
	 * A catalogue entry as an administrator writes it.
	 *
	 * @param importScope HS prefixes (2, 4, 6, 8 or 10 digits) the permit is needed for on import
	 * @param version the version the administrator edited (for updates); a stale one is refused
	 * @param tariffQuota whether the entry is a tariff-quota certificate (关税配额证; its import scope the goods it lets
	 *     pay the in-quota rate, its quota a quantity); left out: not one, or on an update as it was
	 */
	record EntryForm(String code, String nameZh, String nameEn, String issuingAgency, String mode, Integer reviewDays,
			Integer verificationDays, List<String> documentsZh, List<String> documentsEn, Integer validityMonths,
			String quotaKind, String quotaUnit, List<String> importScope, List<String> exportScope, Boolean active,
			Integer version, Boolean tariffQuota) {

		/** An entry that is no tariff-quota certificate (or, on an update, stays what it was). */
		EntryForm(String code, String nameZh, String nameEn, String issuingAgency, String mode, Integer reviewDays,
				Integer verificationDays, List<String> documentsZh, List<String> documentsEn, Integer validityMonths,
				String quotaKind, String quotaUnit, List<String> importScope, List<String> exportScope, Boolean active,
				Integer version) {
			this(code, nameZh, nameEn, issuingAgency, mode, reviewDays, verificationDays, documentsZh, documentsEn,
					validityMonths, quotaKind, quotaUnit, importScope, exportScope, active, version, null);
		}
	}

	private final JdbcClient jdbc;
	private final PermitCatalogue catalogue;
	private final Agencies agencies;
	private final BusinessTime time;
	private final AuditTrail auditTrail;

	CatalogueAdministration(JdbcClient jdbc, PermitCatalogue catalogue, Agencies agencies, BusinessTime time, AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.agencies = agencies;
		this.time = time;
	}

	/** @throws Problem 409 {@code PERMIT_CATALOGUE_ENTRY_EXISTS} when the code is taken */
	@Transactional
	CatalogueEntry create(Actor actor, EntryForm form) {
		actor.requireRole(Role.ADMIN);
		var violations = new Violations();
		String code = form.code() == null ? null : form.code().strip().toUpperCase(Locale.ROOT);
		violations.required(code, "code");
		violations.check(code == null || code.matches("[A-Z][A-Z0-9_]{1,39}"), "code", "PERMIT_CATALOGUE_CODE_FORMAT", code);
		Valid valid = validate(form, Boolean.TRUE.equals(form.tariffQuota()), violations);
		violations.throwIfAny();
		if (catalogue.find(code).isPresent()) {
			throw Problem.conflict("PERMIT_CATALOGUE_ENTRY_EXISTS", code);
		}
		// Two administrators creating one code at one instant both pass the look-up above: the second insert waits on
		// the code's key for the first to commit and is refused as the look-up would have refused it (not a 500).
		int created = jdbc.sql("""
				INSERT INTO permit_catalogue (code, name_zh, name_en, issuing_agency, mode, review_days, verification_days,
				    documents_zh, documents_en, validity_months, quota_kind, quota_unit, active, tariff_quota, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
			.params(code, form.nameZh().strip(), form.nameEn().strip(), valid.agency().value(), valid.mode().name(),
					valid.reviewDays(), valid.verificationDays(), String.join("\n", valid.documentsZh()),
					String.join("\n", valid.documentsEn()), form.validityMonths(), valid.quotaKind().name(),
					valid.quotaUnit(), !Boolean.FALSE.equals(form.active()), Boolean.TRUE.equals(form.tariffQuota()),
					Timestamp.from(time.now()))
			.update();
		if (created == 0) {
			throw Problem.conflict("PERMIT_CATALOGUE_ENTRY_EXISTS", code);
		}
		writeScope(code, valid);
		CatalogueEntry entry = catalogue.get(code);
		auditTrail.record(AuditRecord.of("PERMIT_CATALOGUE_ENTRY_CREATED", "PERMIT_CATALOGUE_ENTRY", code).by(actor)
			.change(null, entry));
		log.info("event=permit_catalogue_entry_created code={} admin={}", code, actor.username());
		return entry;
	}

	/** @throws Problem 409 {@code PERMIT_CATALOGUE_ENTRY_CHANGED} when someone saved the entry since it was read */
	@Transactional
	CatalogueEntry update(Actor actor, String code, EntryForm form) {
		actor.requireRole(Role.ADMIN);
		CatalogueEntry current = catalogue.get(code);
		var violations = new Violations();
		violations.required(form.version(), "version");
		boolean tariffQuota = form.tariffQuota() == null ? current.tariffQuota() : form.tariffQuota();
		Valid valid = validate(form, tariffQuota, violations);
		violations.throwIfAny();
		int updated = jdbc.sql("""
				UPDATE permit_catalogue SET name_zh = ?, name_en = ?, issuing_agency = ?, mode = ?, review_days = ?,
				    verification_days = ?, documents_zh = ?, documents_en = ?, validity_months = ?, quota_kind = ?,
				    quota_unit = ?, active = ?, tariff_quota = ?, updated_at = ?, version = version + 1
				WHERE code = ? AND version = ?""")
			.params(form.nameZh().strip(), form.nameEn().strip(), valid.agency().value(), valid.mode().name(),
					valid.reviewDays(), valid.verificationDays(), String.join("\n", valid.documentsZh()),
					String.join("\n", valid.documentsEn()), form.validityMonths(), valid.quotaKind().name(),
					valid.quotaUnit(), !Boolean.FALSE.equals(form.active()), tariffQuota, Timestamp.from(time.now()),
					current.code(),
					form.version())
			.update();
		if (updated == 0) {
			throw Problem.conflict("PERMIT_CATALOGUE_ENTRY_CHANGED", code);
		}
		jdbc.sql("DELETE FROM permit_catalogue_scope WHERE catalogue_code = ?").param(current.code()).update();
		writeScope(current.code(), valid);
		CatalogueEntry updatedEntry = catalogue.get(current.code());
		auditTrail.record(AuditRecord.of("PERMIT_CATALOGUE_ENTRY_UPDATED", "PERMIT_CATALOGUE_ENTRY", current.code())
			.by(actor).change(current, updatedEntry));
		log.info("event=permit_catalogue_entry_updated code={} admin={}", code, actor.username());
		return updatedEntry;
	}

	private record Valid(AgencyCode agency, PermitMode mode, int reviewDays, Integer verificationDays,
			List<String> documentsZh, List<String> documentsEn, QuotaKind quotaKind, String quotaUnit,
			List<String> importScope, List<String> exportScope) {
	}

	private Valid validate(EntryForm form, boolean tariffQuota, Violations violations) {
		violations.required(form.nameZh(), "nameZh");
		violations.required(form.nameEn(), "nameEn");
		violations.line("nameZh", form.nameZh(), 200);
		violations.line("nameEn", form.nameEn(), 200);
		AgencyCode agency = null;
		violations.required(form.issuingAgency(), "issuingAgency");
		if (form.issuingAgency() != null && !form.issuingAgency().isBlank()) {
			agency = violations.read("issuingAgency", () -> AgencyCode.of(form.issuingAgency()));
			if (agency != null && agencies.find(agency).isEmpty()) {
				violations.add("issuingAgency", "PERMIT_AGENCY_UNKNOWN", agency.value());
				agency = null;
			}
		}
		PermitMode mode = enumOf(PermitMode.class, form.mode(), "mode", violations);
		QuotaKind quotaKind = form.quotaKind() == null || form.quotaKind().isBlank() ? QuotaKind.NONE
				: enumOf(QuotaKind.class, form.quotaKind(), "quotaKind", violations);
		int reviewDays = form.reviewDays() == null ? 0 : form.reviewDays();
		violations.check(reviewDays >= 0 && reviewDays <= 365, "reviewDays", "PERMIT_DAYS_RANGE", 0, 365);
		if (mode == PermitMode.OPTIMISED_APPROVAL) {
			violations.check(reviewDays >= 1, "reviewDays", "PERMIT_REVIEW_DAYS_REQUIRED");
		}
		Integer verificationDays = mode == PermitMode.NOTIFICATION_COMMITMENT ? form.verificationDays() : null;
		if (mode == PermitMode.NOTIFICATION_COMMITMENT) {
			violations.required(verificationDays, "verificationDays");
			violations.check(verificationDays == null || (verificationDays >= 1 && verificationDays <= 365),
					"verificationDays", "PERMIT_DAYS_RANGE", 1, 365);
		}
		violations.check(form.validityMonths() == null || (form.validityMonths() >= 1 && form.validityMonths() <= 120),
				"validityMonths", "PERMIT_MONTHS_RANGE", 1, 120);
		String quotaUnit = null;
		if (quotaKind == QuotaKind.QUANTITY) {
			violations.required(form.quotaUnit(), "quotaUnit");
			if (form.quotaUnit() != null && !form.quotaUnit().isBlank()) {
				UnitCode unit = violations.read("quotaUnit", () -> UnitCode.of(form.quotaUnit()));
				quotaUnit = unit == null ? null : unit.value();
			}
		}
		List<String> importScope = prefixes(form.importScope(), "importScope", violations);
		List<String> exportScope = prefixes(form.exportScope(), "exportScope", violations);
		if (quotaKind != null && quotaKind != QuotaKind.NONE) {
			violations.check(!importScope.isEmpty() || !exportScope.isEmpty(), "importScope",
					"PERMIT_QUOTA_NEEDS_GOODS");
		}
		// a certificate of goods imported within a quota counted in a quantity (wheat in kilograms)
		violations.check(!tariffQuota || (quotaKind == QuotaKind.QUANTITY && !importScope.isEmpty()
				&& exportScope.isEmpty()), "tariffQuota", "TARIFF_QUOTA_ENTRY_INVALID");
		List<String> documentsZh = lines(form.documentsZh());
		List<String> documentsEn = lines(form.documentsEn());
		violations.check(documentsZh.size() == documentsEn.size(), "documentsEn", "PERMIT_DOCUMENTS_NOT_PAIRED",
				documentsZh.size(), documentsEn.size());
		return new Valid(agency, mode, reviewDays, verificationDays, documentsZh, documentsEn, quotaKind, quotaUnit,
				importScope, exportScope);
	}

	private static List<String> lines(List<String> given) {
		return given == null ? List.of()
				: given.stream().filter(s -> s != null && !s.isBlank()).map(s -> s.strip().replace("\n", " ")).toList();
	}

	private static List<String> prefixes(List<String> given, String field, Violations violations) {
		if (given == null) {
			return List.of();
		}
		Set<String> prefixes = new LinkedHashSet<>();
		List<String> raw = given.stream().filter(s -> s != null && !s.isBlank()).map(s -> s.replace(".", "").strip()).toList();
		for (int i = 0; i < raw.size(); i++) {
			if (HsScope.isPrefix(raw.get(i))) {
				prefixes.add(raw.get(i));
			} else {
				violations.add(field + "[" + i + "]", "PERMIT_HS_PREFIX_FORMAT", raw.get(i));
			}
		}
		return new ArrayList<>(prefixes);
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String raw, String field, Violations violations) {
		if (raw == null || raw.isBlank()) {
			violations.add(field, "REQUIRED");
			return null;
		}
		E value = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(raw.strip())).findFirst()
			.orElse(null);
		violations.check(value != null, field, "PERMIT_VALUE_UNKNOWN", raw);
		return value;
	}

	private void writeScope(String code, Valid valid) {
		for (String prefix : valid.importScope()) {
			jdbc.sql("INSERT INTO permit_catalogue_scope (catalogue_code, flow, hs_prefix) VALUES (?, ?, ?)")
				.params(code, TradeFlow.IMPORT.name(), prefix).update();
		}
		for (String prefix : valid.exportScope()) {
			jdbc.sql("INSERT INTO permit_catalogue_scope (catalogue_code, flow, hs_prefix) VALUES (?, ?, ?)")
				.params(code, TradeFlow.EXPORT.name(), prefix).update();
		}
	}
}
