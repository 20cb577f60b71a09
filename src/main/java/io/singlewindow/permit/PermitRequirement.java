package io.singlewindow.permit;

import io.singlewindow.core.AgencyCode;

/**
 * A catalogue entry that goods need.
 *
 * @param catalogueCode the entry's code in the permit catalogue, e.g. {@code AIL} (automatic import licence)
 * @param issuingAgency the agency that issues it and so decides the declaration's licensing task
 * @param nameZh the entry's Chinese name
 * @param nameEn the entry's English name
 */
public record PermitRequirement(String catalogueCode, AgencyCode issuingAgency, String nameZh, String nameEn) {
}
