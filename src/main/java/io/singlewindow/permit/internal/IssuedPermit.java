package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.WriteOffRequest;

/**
 * A permit as stored.
 *
 * @param storedStatus {@code IN_FORCE}, {@code SUSPENDED} or {@code REVOKED}; see {@link #status(LocalDate)}
 * @param goods HS prefixes the permit was granted for; empty: the catalogue entry's whole scope
 * @param verificationDue for permits issued on a commitment: the date by which the agency verifies it
 * @param postIssueReview filings and commitments: the agency reviews them after issue ({@code verifiedAt} once done)
 */
public record IssuedPermit(UUID id, String number, String catalogueCode, Uscc holder, UUID applicationId, String scope,
		LocalDate validFrom, LocalDate validUntil, PermitStatus storedStatus, String statusReason,
		BigDecimal quotaQuantity, String quotaUnit, BigDecimal remainingQuantity, BigDecimal quotaValue,
		BigDecimal remainingValue, LocalDate verificationDue, boolean postIssueReview, Instant verifiedAt, String verifiedBy, Instant issuedAt,
		String issuedBy, int version, List<String> goods) {

	/** Decimal places of quantity quotas and write-offs ({@code NUMERIC(20, 3)}). */
	static final int QUANTITY_SCALE = 3;

	public IssuedPermit {
		goods = List.copyOf(goods);
	}

	public PermitStatus status(LocalDate today) {
		return PermitStatus.on(today, storedStatus, validUntil);
	}

	/** In force and within its validity on {@code day}: the permit may be used. */
	public boolean usableOn(LocalDate day) {
		return status(day) == PermitStatus.IN_FORCE && !day.isBefore(validFrom);
	}

	public boolean hasQuantityQuota() {
		return quotaQuantity != null;
	}

	public boolean hasValueQuota() {
		return quotaValue != null;
	}

	/**
	 * What a write-off of {@code request} takes from the quantity quota: the line's quantity in the quota's unit,
	 * rounded up to the thousandth the quota is kept in (half a gram is a thousandth of a kilogram: rounding never
	 * lets a quota give more than it holds); empty when the line's unit does not convert into the quota's.
	 */
	Optional<BigDecimal> quantityTaken(WriteOffRequest request) {
		return request.quantityIn(UnitCode.of(quotaUnit))
			.map(q -> q.scale() > QUANTITY_SCALE ? q.setScale(QUANTITY_SCALE, RoundingMode.CEILING) : q);
	}

	/** The quantity a write-off row records: in the quota's unit when the permit counts one, else as declared. */
	BigDecimal recordedQuantity(WriteOffRequest request) {
		return hasQuantityQuota() ? quantityTaken(request).orElseThrow() : request.quantity();
	}

	/** Carries a quota of either kind: its write-offs take from it, and count its version up. */
	boolean hasQuota() {
		return hasQuantityQuota() || hasValueQuota();
	}

	public boolean awaitsVerification() {
		return postIssueReview && verifiedAt == null && storedStatus != PermitStatus.REVOKED;
	}

	/** A commitment not verified by its deadline. */
	public boolean verificationOverdueOn(LocalDate today) {
		return awaitsVerification() && verificationDue != null && today.isAfter(verificationDue);
	}

	/** Whether the goods the permit was granted for include {@code code} (always, if it was granted for no goods in particular). */
	boolean grantedFor(HsCode code) {
		return goods.isEmpty() || HsScope.of(goods).covers(code);
	}

	/**
	 * The permit as a write-off that left {@code remainingQuantity} and {@code remainingValue} wrote it: a write-off
	 * against a quota counts the version up, one against a permit without quotas leaves the row as it was.
	 */
	IssuedPermit writtenOff(BigDecimal remainingQuantity, BigDecimal remainingValue) {
		return new IssuedPermit(id, number, catalogueCode, holder, applicationId, scope, validFrom, validUntil,
				storedStatus, statusReason, quotaQuantity, quotaUnit, remainingQuantity, quotaValue, remainingValue,
				verificationDue, postIssueReview, verifiedAt, verifiedBy, issuedAt, issuedBy, hasQuota() ? version + 1 : version,
				goods);
	}

	HeldPermit held(LocalDate today) {
		return new HeldPermit(number, catalogueCode, holder, validFrom, validUntil, status(today).name(),
				remainingQuantity, quotaUnit, remainingValue);
	}
}
