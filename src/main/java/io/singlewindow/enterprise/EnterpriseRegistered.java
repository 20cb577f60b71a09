package io.singlewindow.enterprise;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.Uscc;

/**
 * An enterprise was registered from one application and holds a business licence from now on; the agencies listed
 * in {@code agencies} have registered it too (multi-certificate integration).
 *
 * @param permitCodes the permits its regulated activities need before they may be carried on
 * @param recorded {@literal true} when an officer recorded an enterprise that already held its USCC
 */
public record EnterpriseRegistered(UUID enterpriseId, Uscc uscc, String nameZh, String nameEn, String entityType,
		IndustrialChain industrialChain, boolean highTech, boolean crossBorderTrader, List<String> activityCodes,
		List<String> permitCodes, List<String> agencies, boolean recorded, Instant registeredAt) {

	public EnterpriseRegistered {
		activityCodes = List.copyOf(activityCodes);
		permitCodes = List.copyOf(permitCodes);
		agencies = List.copyOf(agencies);
	}
}
