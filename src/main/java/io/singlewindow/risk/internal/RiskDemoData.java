package io.singlewindow.risk.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.risk.Channel;
import io.singlewindow.platform.ConditionalOnDemoData;

/**
 * Demo risk profiles matching the shared demo scenario (perfume, tungsten export, green coffee, new enterprises,
 * unit-price anomalies). Rates are such that most demo declarations are released automatically. Skips profiles whose
 * code exists, so an admin's edits survive restarts.
 */
@Component
@Order(30)
@ConditionalOnDemoData
class RiskDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RiskDemoData.class);

	static final List<RiskProfile> PROFILES = List.of(
			profile("PERFUME_ANY_ORIGIN", "香水（任何原产地）（演示）", "Perfume from any origin (demo)", Set.of(),
					List.of("3303"), TradeFlow.IMPORT, null, null, Channel.YELLOW, "30", "0.5"),
			profile("TUNGSTEN_EXPORT", "未锻轧钨出口（演示）", "Unwrought tungsten export (demo)", Set.of(),
					List.of("810194"), TradeFlow.EXPORT, null, null, Channel.RED, "10", "0.5"),
			profile("NEW_ENTERPRISE_30D", "新设立企业（不足30天）（演示）", "New enterprise, registered < 30 days (demo)",
					Set.of(), List.of(), null, 30, null, Channel.YELLOW, "20", "0.25"),
			profile("UNIT_PRICE_ANOMALY_50", "单价偏离均值超过50%（演示）", "Unit price > 50 % from the zone's mean (demo)",
					Set.of(), List.of(), null, null, "50", Channel.YELLOW, "100", "1"),
			profile("GREEN_COFFEE_CO", "哥伦比亚原产生咖啡豆（演示）", "Green coffee from Colombia (demo)",
					Set.of(new CountryCode("CO")), List.of("090111"), TradeFlow.IMPORT, null, null, Channel.RED, "5",
					"0.5"));

	private final RiskProfiles profiles;

	RiskDemoData(RiskProfiles profiles) {
		this.profiles = profiles;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int created = 0;
		for (RiskProfile profile : PROFILES) {
			if (!profiles.exists(profile.code())) {
				profiles.insert(profile);
				created++;
			}
		}
		if (created > 0) {
			log.info("event=demo_risk_profiles_created count={}", created);
		}
	}

	private static RiskProfile profile(String code, String nameZh, String nameEn, Set<CountryCode> origins,
			List<String> hsPrefixes, TradeFlow flow, Integer newEnterpriseDays, String priceDeviation, Channel channel,
			String selectionPercent, String aeoFactor) {
		return new RiskProfile(UUID.nameUUIDFromBytes(("risk-demo-" + code).getBytes()), code, nameZh, nameEn, origins,
				hsPrefixes, Set.of(), flow, newEnterpriseDays, priceDeviation == null ? null : new BigDecimal(priceDeviation),
				channel, new BigDecimal(selectionPercent), new BigDecimal(aeoFactor), true, null, null, 0);
	}
}
