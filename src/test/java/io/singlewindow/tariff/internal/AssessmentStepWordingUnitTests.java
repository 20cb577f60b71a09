package io.singlewindow.tariff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The steps of an assessment as a Chinese reader sees them: the fixed words translated, the figures untouched. */
class AssessmentStepWordingUnitTests {

	final AssessmentStepWording wording = new AssessmentStepWording();

	@AfterEach
	void backToTheDefaultLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theRatesOfACorrectionAreReadInChineseAndLeftAsWrittenInEnglish() {
		String step = "rates as first assessed: PREF:RCEP duty 5%, excise 10%, VAT 13%";
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(wording.inReadersLanguage(step)).isEqualTo("按原适用税率：PREF:RCEP 关税 5%，消费税 10%，进口增值税 13%");
		assertThat(wording.inReadersLanguage("rates as first assessed: MFN duty 0%, VAT 13%"))
			.isEqualTo("按原适用税率：MFN 关税 0%，进口增值税 13%");
		assertThat(wording.inReadersLanguage("rates as first assessed: EXPORT duty 20%"))
			.isEqualTo("按原适用税率：EXPORT 关税 20%");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(wording.inReadersLanguage(step)).isEqualTo(step);
	}

	@Test
	void aTaxNotCollectedUnderTheSmallAmountRuleSaysSoInChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(wording.inReadersLanguage("duty not collected: the consignment's duty 48.00 is 50 CNY or less"))
			.isEqualTo("关税免征：本票货物关税税额 48.00 元，在 50 元以下");
		assertThat(wording.inReadersLanguage(
				"export duty not collected: the consignment's export duty 1,040.00 is 50 CNY or less"))
			.isEqualTo("出口关税免征：本票货物出口关税税额 1,040.00 元，在 50 元以下");
		assertThat(wording.inReadersLanguage("VAT not collected: the consignment's VAT 39.00 is 50 CNY or less"))
			.isEqualTo("进口增值税免征：本票货物进口增值税税额 39.00 元，在 50 元以下");
		assertThat(wording.inReadersLanguage("excise not collected: the consignment's excise 12.50 is 50 CNY or less"))
			.isEqualTo("消费税免征：本票货物消费税税额 12.50 元，在 50 元以下");
	}

	@Test
	void theStepsOfATradeRemedyReadInChineseWithTheNoticeAndTheProducerAsWritten() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		assertThat(wording.inReadersLanguage(
				"anti-dumping duty 34.9% (notice 商务部公告2025年第23号; origin FR; all other producers)"))
			.isEqualTo("反倾销税 34.9%（公告 商务部公告2025年第23号；原产地 FR；其他生产商）");
		assertThat(wording.inReadersLanguage(
				"countervailing duty 5% (notice MOFCOM 2025/99; origin FR; producer Jas Hennessy & Co. (Cognac))"))
			.isEqualTo("反补贴税 5%（公告 MOFCOM 2025/99；原产地 FR；生产商 Jas Hennessy & Co. (Cognac)）");
		assertThat(wording.inReadersLanguage("safeguard duty 10% (notice 商务部公告2026年第1号; every origin)"))
			.isEqualTo("保障措施关税 10%（公告 商务部公告2026年第1号；所有原产地）");
		assertThat(wording.inReadersLanguage("trade remedy duty = 10,000.00 × 34.9% = 3,490.00"))
			.isEqualTo("贸易救济税 = 10,000.00 × 34.9% = 3,490.00");
		assertThat(wording.inReadersLanguage("rates as first assessed: MFN duty 10%, trade remedy 34.9%, excise 20%, VAT 13%"))
			.isEqualTo("按原适用税率：MFN 关税 10%，贸易救济税 34.9%，消费税 20%，进口增值税 13%");
	}

	@Test
	void theStepsOfAnAmountPerUnitReadInChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		assertThat(wording.inReadersLanguage("duty = 10000 KGM × 1.3 CNY/KGM = 13,000.00"))
			.isEqualTo("关税 = 10000 KGM × 1.3 元/KGM = 13,000.00");
		assertThat(wording.inReadersLanguage("ACFTA duty 15,000.00 (5%) is not below the MFN duty → MFN 1.3 CNY/KGM"))
			.isEqualTo("按 ACFTA 协定税率 5% 计关税 15,000.00，不低于最惠国税额 → 适用最惠国税率 1.3 元/KGM");
		assertThat(wording.inReadersLanguage("rates as first assessed: MFN duty 0% + 1.3 CNY/KGM, VAT 9%, on 10000 KGM"))
			.isEqualTo("按原适用税率：MFN 关税 0% + 1.3 元/KGM，进口增值税 9%，数量 10000 KGM");
	}

	@Test
	void theProvisionalStepsReadInChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		assertThat(wording.inReadersLanguage("provisional rate 5% in force 2026-01-01 to 2026-12-31 instead of MFN 15%"))
			.isEqualTo("暂定税率 5%（2026-01-01 至 2026-12-31 有效）→ 代替最惠国税率 15%");
		assertThat(wording.inReadersLanguage("RCEP rate 10% is not below provisional rate → provisional rate 5%"))
			.isEqualTo("RCEP 协定税率 10% 不低于暂定税率 → 适用暂定税率 5%");
		assertThat(wording.inReadersLanguage("RCEP rate 10% is not below MFN → MFN 15%"))
			.isEqualTo("RCEP 协定税率 10% 不低于最惠国税率 → 适用最惠国税率 15%");
		assertThat(wording.inReadersLanguage("provisional export rate 5% in force 2026-01-01 to 2026-12-31 instead of 20%"))
			.isEqualTo("出口暂定税率 5%（2026-01-01 至 2026-12-31 有效）→ 代替出口税率 20%");
	}

	@Test
	void theTariffQuotaStepsReadInChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		assertThat(wording.inReadersLanguage(
				"tariff-quota certificate presented → in-quota rate 1% instead of out-of-quota MFN 65%"))
			.isEqualTo("已提交关税配额证 → 适用配额内税率 1%（配额外最惠国税率 65%）");
		assertThat(wording.inReadersLanguage(
				"provisional rate 0.5% in force 2026-01-01 to 2026-12-31 instead of in-quota rate 1%"))
			.isEqualTo("暂定税率 0.5%（2026-01-01 至 2026-12-31 有效）→ 低于配额内税率 1%，从低适用");
		assertThat(wording.inReadersLanguage("ChAFTA rate 2% is not below in-quota rate → in-quota rate 1%"))
			.isEqualTo("ChAFTA 协定税率 2% 不低于配额内税率 → 适用配额内税率 1%");
	}

	@Test
	void theGeneralRateStepsReadInChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		assertThat(wording.inReadersLanguage(
				"origin AQ has no MFN treatment (notice 税委会公告2026年第1号) → general rate 7.5 CNY/LTR instead of MFN 0%"))
			.isEqualTo("原产地 AQ 不适用最惠国待遇（公告 税委会公告2026年第1号）→ 适用普通税率 7.5 元/LTR（最惠国税率 0%）");
		assertThat(wording.inReadersLanguage("origin unknown → general rate 50% instead of MFN 15%"))
			.isEqualTo("原产地不明 → 适用普通税率 50%（最惠国税率 15%）");
		assertThat(wording.inReadersLanguage("provisional rate 5% does not apply at the general rate"))
			.isEqualTo("适用普通税率的货物不适用暂定税率 5%");
		assertThat(wording.inReadersLanguage(
				"ChAFTA certificate of origin, origin AQ is a party → ChAFTA rate 10% instead of general rate 50%"))
			.isEqualTo("ChAFTA 原产地证书，原产地 AQ 为协定成员 → 适用协定税率 10%（普通税率 50%）");
		assertThat(wording.inReadersLanguage(
				"RCEP duty 500.00 (5%) is not below the general rate duty → general rate 0.1 CNY/KGM"))
			.isEqualTo("按 RCEP 协定税率 5% 计关税 500.00，不低于普通税率税额 → 适用普通税率 0.1 元/KGM");
	}
}
