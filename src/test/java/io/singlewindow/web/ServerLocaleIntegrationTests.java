package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.ApplicationFixtures;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.enterprise.Registrations;

/**
 * The numbers the platform gives — an enterprise's customs registration code, a permit application's reference, a
 * permit's number, an agency agreement's number — are the same on every server, whatever its own locale: they were
 * formatted with the JVM's default locale, so a server started with {@code LANG=ar_EG.UTF-8} (or fa_IR, hi_IN with
 * Devanagari digits, th_TH with Thai ones) gave {@code AIL-٢٠٢٦-٠٠٠٠٤٢}: a number nobody types, which no other node
 * or agency system reads as the same permit.
 */
@SingleWindowIntegrationTest
class ServerLocaleIntegrationTests {

	/** A locale whose digits are not ASCII (CLDR's default numbering system for Egyptian Arabic is arab). */
	private static final Locale ARABIC_DIGITS = Locale.forLanguageTag("ar-EG");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNumbersThePlatformGivesAreInAsciiDigitsWhateverTheServersLocale() throws Exception {
		Locale before = Locale.getDefault();
		Locale beforeFormat = Locale.getDefault(Locale.Category.FORMAT);
		Locale.setDefault(ARABIC_DIGITS);
		try {
			assertThat("%d".formatted(7)).as("this JDK's %d in ar-EG").isNotEqualTo("7");
			var enterprise = Registrations.register(mvc, ApplicationFixtures.anApplication());
			String customsCode = jdbc.sql("""
					SELECT r.reference FROM agency_registration r JOIN enterprise e ON e.id = r.enterprise_id
					WHERE e.uscc = ? AND r.kind = 'CONSIGNOR_CONSIGNEE'""").param(enterprise.uscc().value())
				.query(String.class).single();

			String code = "DIGITS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
			mvc.perform(post("/api/v1/permit-catalogue").header("Authorization", "Bearer sw-demo-admin")
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"code":"%s","nameZh":"测试事项","nameEn":"Test activity","issuingAgency":"SAMR",
						 "mode":"NOTIFICATION_COMMITMENT","reviewDays":5,"verificationDays":30,
						 "documentsZh":["申请表"],"documentsEn":["Application form"],"validityMonths":12}"""
					.formatted(code)))
				.andExpect(status().isCreated());
			String application = mvc.perform(post("/api/v1/permit-applications")
				.header("Authorization", enterprise.bearer()).contentType(MediaType.APPLICATION_JSON).content("""
						{"catalogueCode":"%s","applicant":"%s","scope":"digits","commitmentSigned":true,
						 "documents":["FORM-2026-1"]}""".formatted(code, enterprise.uscc().value())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

			String agreement = mvc.perform(post("/api/v1/agency-agreements").header("Authorization", "Bearer sw-demo-broker")
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"principal":"%s","flow":"IMPORT","goods":"digits %s","validUntil":"2099-12-31"}"""
					.formatted(EnterpriseFixtures.demo("CHIP").value(), code)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

			assertThat(customsCode).as("customs registration code").matches("[0-9A-Z]+F[0-9]{5}");
			assertThat(JsonPath.<String>read(application, "$.reference")).as("application reference")
				.matches("PA-[0-9]{4}-[0-9]{6}");
			assertThat(JsonPath.<String>read(application, "$.permitNumber")).as("permit number")
				.matches(code + "-[0-9]{4}-[0-9]{6}");
			assertThat(JsonPath.<String>read(agreement, "$.number")).as("agency agreement number")
				.matches("WT[0-9]{12}");
		} finally {
			Locale.setDefault(before);
			Locale.setDefault(Locale.Category.FORMAT, beforeFormat);
		}
	}
}
