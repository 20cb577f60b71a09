package io.singlewindow.enterprise.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of business registration.
 *
 * @param regionCode the GB/T 2260 administrative region code written into positions 3–8 of every USCC the platform
 *     issues: {@code 350200}, Xiamen city, whose market-regulation bureau registers the enterprises of the Xiamen Area
 * @param customsDistrict the four-digit customs district prefix of consignor/consignee registration codes:
 *     {@code 3502}, Xiamen Customs
 * @param registrationsPerAddressPerHour how many enterprises one client address may register in an hour (public
 *     registration, {@link RegistrationAllowance}); a service hall or an agent's office behind one address that
 *     registers more is listed in {@code unlimitedRegistrationAddresses}
 * @param unlimitedRegistrationAddresses client addresses (as the platform sees them, after the reverse proxy's
 *     {@code X-Forwarded-For}) without that limit
 */
@ConfigurationProperties("singlewindow.enterprise")
record RegistrationProperties(@DefaultValue("350200") String regionCode, @DefaultValue("3502") String customsDistrict,
		@DefaultValue("20") int registrationsPerAddressPerHour, @DefaultValue List<String> unlimitedRegistrationAddresses) {
}
