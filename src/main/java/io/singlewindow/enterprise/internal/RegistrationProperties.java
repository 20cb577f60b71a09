package io.singlewindow.enterprise.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of business registration.
 *
 * @param regionCode the GB/T 2260 administrative region code written into positions 3–8 of every USCC the platform
 *     issues: {@code 350200}, Xiamen city, whose market-regulation bureau registers the enterprises of the Xiamen Area
 * @param customsDistrict the four-digit customs district prefix of consignor/consignee registration codes:
 *     {@code 3502}, Xiamen Customs
 */
@ConfigurationProperties("singlewindow.enterprise")
record RegistrationProperties(@DefaultValue("350200") String regionCode, @DefaultValue("3502") String customsDistrict) {
}
