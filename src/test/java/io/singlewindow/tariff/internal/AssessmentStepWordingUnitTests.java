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
}
