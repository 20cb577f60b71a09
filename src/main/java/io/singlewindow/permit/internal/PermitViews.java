package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.permit.WriteOff;

/** What the REST API returns: stable JSON shapes, independent of how the module stores things. */
final class PermitViews {

	private PermitViews() {
	}

	record CatalogueView(String code, String nameZh, String nameEn, String issuingAgency, String mode, int reviewDays,
			Integer verificationDays, List<String> documentsZh, List<String> documentsEn, Integer validityMonths,
			String quotaKind, String quotaUnit, List<String> importScope, List<String> exportScope, boolean active,
			int version, boolean tariffQuota) {

		static CatalogueView of(CatalogueEntry e) {
			return new CatalogueView(e.code(), e.nameZh(), e.nameEn(), e.issuingAgency().value(), e.mode().name(),
					e.reviewDays(), e.verificationDays(), e.documentsZh(), e.documentsEn(), e.validityMonths(),
					e.quotaKind().name(), e.quotaUnit(), e.prefixes(TradeFlow.IMPORT), e.prefixes(TradeFlow.EXPORT),
					e.active(), e.version(), e.tariffQuota());
		}
	}

	/**
	 * @param status {@code IN_FORCE}, {@code SUSPENDED}, {@code REVOKED} or {@code EXPIRED} on the business date
	 */
	record PermitView(String number, String catalogueCode, String holder, String scope, List<String> goods,
			LocalDate validFrom, LocalDate validUntil, String status, String statusReason, BigDecimal quotaQuantity,
			String quotaUnit, BigDecimal remainingQuantity, BigDecimal quotaValue, BigDecimal remainingValue,
			boolean awaitsVerification, LocalDate verificationDue, boolean verificationOverdue, Instant verifiedAt,
			Instant issuedAt, String issuedBy, List<WriteOff> writeOffs, List<PermitSupervision.HistoryEntry> history) {

		static PermitView of(IssuedPermit p, LocalDate today) {
			return of(p, today, null, null);
		}

		static PermitView of(IssuedPermit p, LocalDate today, List<WriteOff> writeOffs,
				List<PermitSupervision.HistoryEntry> history) {
			return new PermitView(p.number(), p.catalogueCode(), p.holder().value(), p.scope(), p.goods(), p.validFrom(),
					p.validUntil(), p.status(today).name(), p.statusReason(), p.quotaQuantity(), p.quotaUnit(),
					p.remainingQuantity(), p.quotaValue(), p.remainingValue(), p.awaitsVerification(),
					p.verificationDue(), p.verificationOverdueOn(today), p.verifiedAt(), p.issuedAt(), p.issuedBy(),
					writeOffs, history);
		}
	}

	/**
	 * @param message for applications that need no permit: the explanation, in the caller's language
	 * @param overdue under review after the statutory deadline
	 */
	record ApplicationView(UUID id, String reference, String catalogueCode, String applicant, String mode,
			String issuingAgency, String status, String message, String scope, List<String> goods,
			BigDecimal requestedQuantity, String quotaUnit, BigDecimal requestedValue, List<String> documents,
			String commitmentSignedBy, Instant commitmentSignedAt, String submittedBy, Instant submittedAt,
			LocalDate dueDate, boolean overdue, String decidedBy, Instant decidedAt, String reason,
			String permitNumber, int version, List<PermitApplication.Step> steps) {

		static ApplicationView of(PermitApplication a, LocalDate today, String message,
				List<PermitApplication.Step> steps) {
			return new ApplicationView(a.id(), a.reference(), a.catalogueCode(), a.applicant().value(), a.mode().name(),
					a.issuingAgency().value(), a.status().name(), message, a.scope(), a.goods(), a.requestedQuantity(),
					a.quotaUnit(), a.requestedValue(), a.documents(), a.commitmentSignedBy(), a.commitmentSignedAt(),
					a.submittedBy(), a.submittedAt(), a.dueDate(), a.overdueOn(today), a.decidedBy(), a.decidedAt(),
					a.reason(), a.permitNumber(), a.version(), steps);
		}
	}

	/** An enterprise's permit record: what it holds, what it applied for, and everything that happened. */
	record RecordView(String holder, List<PermitView> permits, List<ApplicationView> applications,
			List<PermitSupervision.HistoryEntry> history) {
	}
}
