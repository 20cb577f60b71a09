package io.singlewindow.permit.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.platform.BusinessTime;

/**
 * What anyone may learn of a permit by its number (行政许可 双公示): whether it is in force today, what it permits,
 * whose it is, which agency issued it and until when — never its quota, what remains of it or its write-offs. The
 * public page ({@code /verify/permits/{number}}) and the public API ({@code GET /api/v1/permit-checks/{number}}) both
 * answer this.
 */
@Component
class PermitChecks {

	/** Permit numbers are short; anything longer is not looked up. */
	static final int MAX_NUMBER_LENGTH = 40;

	private final IssuedPermits permits;
	private final PermitCatalogue catalogue;
	private final Enterprises enterprises;
	private final BusinessTime time;

	PermitChecks(IssuedPermits permits, PermitCatalogue catalogue, Enterprises enterprises, BusinessTime time) {
		this.permits = permits;
		this.catalogue = catalogue;
		this.enterprises = enterprises;
		this.time = time;
	}

	/**
	 * A permit's public facts on the zone's day.
	 *
	 * @param catalogueCode what it permits, as the catalogue names it ({@code nameZh}, {@code nameEn})
	 * @param issuingAgency the agency's code
	 * @param status {@code IN_FORCE}, {@code SUSPENDED}, {@code REVOKED} or {@code EXPIRED} on {@code checkedOn}
	 * @param usable in force and within its validity on {@code checkedOn}: a declaration may present it
	 */
	record PermitCheck(String number, String catalogueCode, String nameZh, String nameEn, String holder,
			String holderNameZh, String holderNameEn, String issuingAgency, LocalDate validFrom, LocalDate validUntil,
			PermitStatus status, boolean usable, LocalDate checkedOn) {

		/** What it permits in the reader's language. */
		public String name(java.util.Locale locale) {
			return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
		}
	}

	/** The permit of this number, if one was issued (a number longer than any is not looked up). */
	Optional<PermitCheck> of(String number) {
		if (number == null || number.isBlank() || number.length() > MAX_NUMBER_LENGTH) {
			return Optional.empty();
		}
		LocalDate today = time.today();
		return permits.find(number.strip()).map(permit -> {
			CatalogueEntry entry = catalogue.entry(permit.catalogueCode());
			Optional<Enterprise> holder = enterprises.find(permit.holder());
			return new PermitCheck(permit.number(), entry.code(), entry.nameZh(), entry.nameEn(),
					permit.holder().value(), holder.map(Enterprise::nameZh).orElse(null),
					holder.map(Enterprise::nameEn).orElse(null), entry.issuingAgency().value(), permit.validFrom(),
					permit.validUntil(), permit.status(today), permit.usableOn(today), today);
		});
	}
}
