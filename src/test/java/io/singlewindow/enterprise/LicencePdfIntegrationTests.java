package io.singlewindow.enterprise;

import static io.singlewindow.enterprise.ApplicationFixtures.anApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.PrintedDocuments;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.enterprise.Registrations.Registered;
import jakarta.servlet.http.Cookie;

/** The business licence as a PDF: read back as text, its font checked, its QR code scanned and followed. */
@SingleWindowIntegrationTest
class LicencePdfIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Test
	void theTraderDownloadsTheLicenceWhoseQrCodeOpensItsVerificationPage() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		Enterprise enterprise = enterprises.get(e.uscc());
		Cookie trader = logIn(e.username(), e.password());

		mvc.perform(get("/licences/{uscc}", e.uscc()).cookie(trader))
			.andExpect(content().string(containsString("/licences/" + e.uscc() + "/licence.pdf")));
		byte[] pdf = mvc.perform(get("/licences/{uscc}/licence.pdf", e.uscc()).cookie(trader))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		PrintedDocuments.keep(pdf, "licence.pdf");

		String text = PrintedDocuments.text(pdf);
		assertThat(text).contains(e.uscc().value(), enterprise.nameZh(), "营 业 执 照", "法定代表人",
				enterprise.legalRepresentative(), "经营范围", "登记机关", "统一社会信用代码");
		assertThat(PrintedDocuments.pages(pdf)).isEqualTo(1);
		assertThat(PrintedDocuments.allFonts(pdf)).isNotEmpty()
			.containsExactlyElementsOf(PrintedDocuments.embeddedFonts(pdf));
		assertThat(PrintedDocuments.embeddedFonts(pdf)).allMatch(name -> name.contains("WenQuanYi"));

		String scanned = PrintedDocuments.scanQrCode(pdf);
		assertThat(scanned).isEqualTo("http://localhost/verify/" + e.uscc() + "?v=0");
		URI link = URI.create(scanned);
		mvc.perform(get(link.getPath() + "?" + link.getQuery()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This licence is in force.")))
			.andExpect(content().string(containsString("shows the licence as it stands")));

		mvc.perform(post("/licences/{uscc}/suspend", e.uscc()).cookie(logIn("officer.samr", "demo12345")).with(csrf())
			.param("reason", "Registered address cannot be reached"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(link.getPath() + "?" + link.getQuery()).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("The licence has changed since the copy you checked was printed")))
			.andExpect(content().string(containsString("Suspended")));
		mvc.perform(get("/verify/{uscc}", e.uscc()).param("v", "99").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("it was not printed by this platform")));

		byte[] suspended = mvc.perform(get("/licences/{uscc}/licence.pdf", e.uscc()).cookie(trader))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(PrintedDocuments.text(suspended)).contains("本执照已失效");
		assertThat(PrintedDocuments.scanQrCode(suspended)).endsWith("?v=1");
	}

	@Test
	void onlyWhoMaySeeTheLicenceGetsItsPdf() throws Exception {
		Registered e = Registrations.register(mvc, anApplication());
		mvc.perform(get("/licences/{uscc}/licence.pdf", e.uscc())).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/licences/{uscc}/licence.pdf", e.uscc()).cookie(logIn("trader.coffee", "demo12345")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/licences/{uscc}/licence.pdf", e.uscc()).cookie(logIn("officer.customs", "demo12345")))
			.andExpect(status().isOk());
	}

	private Cookie logIn(String username, String password) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password(password)).andReturn().getResponse()
			.getCookie("SESSION");
	}
}
