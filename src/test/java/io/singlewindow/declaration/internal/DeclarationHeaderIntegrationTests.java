package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * The declaration's page shows its header as declared (报关单表头) — trade and transport modes, port, the three
 * countries, currency and terms, freight and insurance, packages and weights, who declared it and when — each code
 * with its name in the reader's language, and the declarant by name; each line's origin by name, with the certificate
 * a preference is claimed on. An officer reviewing it (审单) had the port's and trading country's codes and the currency
 * only: no trade mode, transport mode, weights, declarant's name or line's origin.
 */
class DeclarationHeaderIntegrationTests extends CustomsDeskTestCase {

	@Test
	void anOfficerReadsTheWholeHeaderAsDeclaredEachCodeWithItsNameInEitherLanguage() throws Exception {
		// The second line claims a preference on a certificate of origin.
		String declared = desk.submitted(DeclarationCorrectionIntegrationTests.processorsFob("3000", "1000")
			.replace("\"value\":1000,\"origin\":\"US\"}",
					"\"value\":1000,\"origin\":\"US\",\"certificateAgreement\":\"RCEP\",\"certificateNumber\":\"E26-0001\"}"));
		String id = JsonPath.read(declared, "$.id");

		String english = desk.page("officer.customs", "/declarations/" + id + "?lang=en");
		assertThat(field(english, "header-declarant-name")).isEqualTo("Egret Microelectronics Xiamen Co., Ltd. (demo)");
		assertThat(field(english, "header-declarant")).isEqualTo(DeclarationCorrectionIntegrationTests.CHIP);
		assertThat(field(english, "header-tradeMode")).isEqualTo("0110 General trade");
		assertThat(field(english, "header-transportMode")).isEqualTo("2 Rail");
		assertThat(field(english, "header-port")).isEqualTo("CNXMN Xiamen Gaoqi International Apt");
		assertThat(field(english, "header-originCountry")).isEqualTo("US United States");
		assertThat(field(english, "header-destinationCountry")).isEqualTo("CN China");
		assertThat(field(english, "header-tradingCountry")).isEqualTo("US United States");
		assertThat(field(english, "header-currency")).isEqualTo("USD US Dollar");
		assertThat(field(english, "header-incoterm")).isEqualTo("FOB Free on Board");
		assertThat(field(english, "header-freight")).isEqualTo("100.00 USD");
		assertThat(field(english, "header-insurance")).isEqualTo("10.00 USD");
		assertThat(field(english, "header-packages")).isEqualTo("3");
		assertThat(field(english, "header-weights")).isEqualTo("12 / 10");
		assertThat(field(english, "header-submitted-by")).isEqualTo("by trader.chip");
		assertThat(field(english, "header-consignee")).as("an import's consignee, from the registration")
			.isEqualTo("厦门鹭芯微电子有限公司（演示）");
		assertThat(english).as("no consignor declared: no empty row").doesNotContain("id=\"header-consignor\"");
		assertThat(field(english, "origin-1")).as("a line's origin").isEqualTo("US United States");
		assertThat(english).doesNotContain("id=\"certificate-1\"");
		assertThat(field(english, "certificate-2")).isEqualTo("· RCEP E26-0001");

		String chinese = desk.page("officer.customs", "/declarations/" + id + "?lang=zh_CN");
		assertThat(field(chinese, "header-declarant-name")).isEqualTo("厦门鹭芯微电子有限公司（演示）");
		assertThat(field(chinese, "header-tradeMode")).isEqualTo("0110 一般贸易");
		assertThat(field(chinese, "header-transportMode")).isEqualTo("2 铁路运输");
		assertThat(field(chinese, "header-originCountry")).isEqualTo("US 美国");
		assertThat(field(chinese, "header-destinationCountry")).isEqualTo("CN 中国");
		assertThat(field(chinese, "header-currency")).isEqualTo("USD 美元");
		assertThat(field(chinese, "origin-2")).isEqualTo("US 美国");
		assertThat(chinese).contains("监管方式", "运输方式", "启运国（地区）", "毛重／净重（千克）");

		// The printable response names its declarant as the PDF does, not by the code alone.
		String printable = desk.page("trader.chip", "/declarations/" + id + "/response?lang=zh_CN");
		assertThat(field(printable, "response-declarant-name")).isEqualTo("厦门鹭芯微电子有限公司（演示）");
		assertThat(field(printable, "response-declarant")).isEqualTo(DeclarationCorrectionIntegrationTests.CHIP);
	}

	/** The text of the element with {@code id}, tags dropped, spaces folded. */
	private static String field(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</(span|code|small)>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return HtmlUtils.htmlUnescape(m.group(1).replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
	}
}
