package io.singlewindow.permit;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;

/** A permit was revoked by its issuing agency, e.g. because the commitment it was issued on proved false. */
public record PermitRevoked(String permitNumber, String catalogueCode, Uscc holder, AgencyCode issuingAgency,
		String reason) {
}
