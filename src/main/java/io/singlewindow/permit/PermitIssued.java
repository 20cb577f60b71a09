package io.singlewindow.permit;

import java.time.LocalDate;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;

/**
 * A permit was issued (approved, filed or granted on a signed commitment).
 *
 * @param validUntil last day of validity, {@literal null} when valid until revoked
 */
public record PermitIssued(String permitNumber, String catalogueCode, Uscc holder, AgencyCode issuingAgency,
		String mode, LocalDate validFrom, LocalDate validUntil) {
}
