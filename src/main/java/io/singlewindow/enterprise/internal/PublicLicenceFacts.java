package io.singlewindow.enterprise.internal;

import java.time.LocalDate;
import java.util.List;

import io.singlewindow.enterprise.PublishedPermits;
import io.singlewindow.enterprise.PublishedPermits.PublishedPermit;

/**
 * What anyone may learn about a licence from its USCC: whether it is in force and the facts printed on it that the
 * public register shows. Nothing private — no accounts, no agency references, no history of who changed what.
 *
 * The permits its holder holds are published with it, as on the public page (证照分离: separated, seen together).
 *
 * @param valid whether the licence is in force (status ACTIVE)
 * @param permits up to {@value PublishedPermits#SHOWN} of the holder's permits as their agencies publish them, the most
 *        recently issued first; never a quota
 * @param morePermits whether the holder holds more permits than listed
 */
public record PublicLicenceFacts(String uscc, boolean usccCheckValid, boolean valid, String status,
		String nameZh, String nameEn, String entityType, LocalDate establishedOn, String registrationAuthority,
		List<String> businessScope, List<String> warnings, List<PublishedPermit> permits, boolean morePermits) {

	public PublicLicenceFacts {
		permits = List.copyOf(permits);
	}

	/** These facts with the permits published under the licence. */
	PublicLicenceFacts withPermits(PublishedPermits.Published published) {
		return new PublicLicenceFacts(uscc, usccCheckValid, valid, status, nameZh, nameEn, entityType, establishedOn,
				registrationAuthority, businessScope, warnings, published.permits(), published.more());
	}
}
