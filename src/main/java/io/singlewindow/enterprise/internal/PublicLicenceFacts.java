package io.singlewindow.enterprise.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * What anyone may learn about a licence from its USCC: whether it is in force and the facts printed on it that the
 * public register shows. Nothing private — no accounts, no agency references, no history of who changed what.
 *
 * @param valid whether the licence is in force (status ACTIVE)
 */
public record PublicLicenceFacts(String uscc, boolean usccCheckValid, boolean valid, String status,
		String nameZh, String nameEn, String entityType, LocalDate establishedOn, String registrationAuthority,
		List<String> businessScope, List<String> warnings) {
}
