package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.tariff.ExchangeRates;

/**
 * Supporting documents (随附单证) as declarants and officers use them: the declarant attaches a certificate to a
 * declaration the agencies still decide, every officer reads it as it was sent; a file that is not a whole PDF, PNG or
 * JPEG, another enterprise, or a declaration already decided is refused with its code, and nothing is stored.
 */
@SingleWindowIntegrationTest
class SupportingDocumentsIntegrationTests {

	static final String CHIP = SingleWindowFlowIntegrationTests.CHIP;

	@Autowired
	MockMvc mvc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExchangeRates rates;

	@Autowired
	BusinessTime time;

	@BeforeEach
	void theChipMakerDeclaresAtTheZonesUsualPrices() {
		new RiskOfTheDay(jdbc, rates, time).registeredAYearAgo(Uscc.parse(CHIP))
			.usualUnitPrice("8542319000", "C62", "20");
	}

	@Test
	void theDeclarantAttachesACertificateAndTheCustomsOfficerReadsItAsItWasSent() throws Exception {
		String id = underReview();
		int version = JsonPath.read(api("trader.chip", "/api/v1/declarations/" + id).getContentAsString(), "$.version");
		byte[] certificate = pdf("certificate of origin, Form E");

		MockHttpServletResponse attached = attach("trader.chip", id, "CERTIFICATE_OF_ORIGIN", "原产地证 Form E.pdf",
				certificate);

		assertThat(attached.getStatus()).isEqualTo(201);
		String document = attached.getContentAsString(StandardCharsets.UTF_8);
		String documentId = JsonPath.read(document, "$.id");
		assertThat(attached.getHeader("Location")).isEqualTo("/api/v1/declarations/" + id + "/documents/" + documentId);
		assertThat(JsonPath.<String>read(document, "$.kind")).isEqualTo("CERTIFICATE_OF_ORIGIN");
		assertThat(JsonPath.<String>read(document, "$.fileName")).isEqualTo("原产地证 Form E.pdf");
		assertThat(JsonPath.<String>read(document, "$.mediaType")).isEqualTo("application/pdf");
		assertThat(JsonPath.<Integer>read(document, "$.size")).isEqualTo(certificate.length);
		assertThat(JsonPath.<String>read(document, "$.sha256")).isEqualTo(sha256(certificate));
		assertThat(JsonPath.<String>read(document, "$.attachedBy")).isEqualTo("trader.chip");

		String listed = api("officer.customs", "/api/v1/declarations/" + id + "/documents").getContentAsString();
		assertThat(JsonPath.<List<String>>read(listed, "$[*].id")).containsExactly(documentId);
		MockHttpServletResponse download = api("officer.customs",
				"/api/v1/declarations/" + id + "/documents/" + documentId);
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentAsByteArray()).isEqualTo(certificate);
		assertThat(download.getContentType()).isEqualTo("application/pdf");
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''%E5%8E%9F%E4%BA%A7%E5%9C%B0%E8%AF%81%20Form%20E.pdf");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getHeader("Cache-Control")).contains("no-store");

		String declaration = api("trader.chip", "/api/v1/declarations/" + id).getContentAsString();
		assertThat(JsonPath.<List<String>>read(declaration, "$.timeline[?(@.event == 'DOCUMENT_ATTACHED')].reason"))
			.containsExactly("原产地证 Form E.pdf");
		assertThat(JsonPath.<Integer>read(declaration, "$.version")).as("an attachment is no amendment")
			.isEqualTo(version);
		assertThat(jdbc.sql("""
				SELECT after_state::text FROM audit_entry WHERE action = 'DECLARATION_DOCUMENT_ATTACHED'
				AND subject_id = ?""").param(id).query(String.class).single()).contains(sha256(certificate));
	}

	@Test
	void theSameFileSentAgainIsTheDocumentAlreadyAttached() throws Exception {
		String id = underReview();
		byte[] invoice = pdf("invoice 2026-117");

		MockHttpServletResponse first = attach("trader.chip", id, "INVOICE", "invoice.pdf", invoice);
		MockHttpServletResponse retried = attach("trader.chip", id, "INVOICE", "invoice.pdf", invoice);

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(retried.getStatus()).isEqualTo(200);
		assertThat(retried.getHeader("Location")).isEqualTo(first.getHeader("Location"));
		assertThat(documents(id)).isEqualTo(1);
		assertThat(attachedEvents(id)).isEqualTo(1);
	}

	@Test
	void aFileThatIsNotAWholePdfPngOrJpegIsRefusedAtItsFieldAndNothingIsStored() throws Exception {
		String id = underReview();
		byte[] program = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };
		byte[] cutShort = java.util.Arrays.copyOf(pdf("packing list"), 20);

		refused(attach("trader.chip", id, "INVOICE", "invoice.pdf", program), 422, "file", "DOCUMENT_TYPE_NOT_ACCEPTED");
		refused(attach("trader.chip", id, "PACKING_LIST", "packing.pdf", cutShort), 422, "file", "DOCUMENT_INCOMPLETE");
		refused(attach("trader.chip", id, "INVOICE", "empty.pdf", new byte[0]), 422, "file", "REQUIRED");
		refused(attach("trader.chip", id, "RECEIPT", "invoice.pdf", pdf("x")), 422, "kind", "DOCUMENT_KIND_UNKNOWN");
		refused(attach("trader.chip", id, null, "invoice.pdf", pdf("x")), 422, "kind", "REQUIRED");
		refused(attach("trader.chip", id, "INVOICE", "bad\u0000name.pdf", pdf("x")), 422, "file", "CONTROL_CHARACTER");
		byte[] tooLarge = new byte[DocumentFile.MAX_BYTES + 1];
		System.arraycopy(pdf("x"), 0, tooLarge, 0, pdf("x").length);
		refused(attach("trader.chip", id, "INVOICE", "scan.pdf", tooLarge), 422, "file", "DOCUMENT_TOO_LARGE");
		MockHttpServletResponse noFile = mvc.perform(multipart("/api/v1/declarations/{id}/documents", id)
			.param("kind", "INVOICE").header("Authorization", "Bearer sw-demo-trader.chip")).andReturn().getResponse();
		refused(noFile, 422, "file", "REQUIRED");

		assertThat(documents(id)).isZero();
		assertThat(attachedEvents(id)).isZero();
	}

	@Test
	void aNameIsTheSendersWithoutItsFoldersAndEndsWithItsTypesExtension() throws Exception {
		String id = underReview();

		String fromOldBrowser = attach("trader.chip", id, "CONTRACT", "C:\\fakepath\\contract.exe", pdf("contract"))
			.getContentAsString(StandardCharsets.UTF_8);
		String photo = attach("trader.chip", id, "OTHER", "../../label.JPEG", jpeg()).getContentAsString(
				StandardCharsets.UTF_8);

		assertThat(JsonPath.<String>read(fromOldBrowser, "$.fileName")).isEqualTo("contract.exe.pdf");
		assertThat(JsonPath.<String>read(photo, "$.fileName")).isEqualTo("label.JPEG");
		assertThat(JsonPath.<String>read(photo, "$.mediaType")).isEqualTo("image/jpeg");
	}

	@Test
	void anotherEnterpriseNeitherAttachesNorReadsAndAnOfficerDoesNotAttach() throws Exception {
		String id = underReview();
		String documentId = JsonPath.read(attach("trader.chip", id, "INVOICE", "invoice.pdf", pdf("invoice"))
			.getContentAsString(StandardCharsets.UTF_8), "$.id");

		refused(attach("trader.coffee", id, "INVOICE", "other.pdf", pdf("other")), 403, null,
				"NOT_AUTHORISED_FOR_ENTERPRISE");
		refused(attach("officer.customs", id, "INVOICE", "officer.pdf", pdf("officer")), 403, null,
				"NOT_AUTHORISED_FOR_ENTERPRISE");
		refused(api("trader.coffee", "/api/v1/declarations/" + id + "/documents"), 403, null,
				"NOT_AUTHORISED_FOR_ENTERPRISE");
		refused(api("trader.coffee", "/api/v1/declarations/" + id + "/documents/" + documentId), 403, null,
				"NOT_AUTHORISED_FOR_ENTERPRISE");
		assertThat(documents(id)).isEqualTo(1);
	}

	@Test
	void aDocumentIsFoundOnlyUnderItsOwnDeclaration() throws Exception {
		String one = underReview();
		String other = underReview();
		String documentId = JsonPath.read(attach("trader.chip", one, "INVOICE", "invoice.pdf", pdf("invoice"))
			.getContentAsString(StandardCharsets.UTF_8), "$.id");

		refused(api("trader.chip", "/api/v1/declarations/" + other + "/documents/" + documentId), 404, null,
				"DOCUMENT_NOT_FOUND");
		refused(api("trader.chip", "/api/v1/declarations/" + java.util.UUID.randomUUID() + "/documents"), 404, null,
				"DECLARATION_NOT_FOUND");
	}

	@Test
	void aDeclarationTheAgenciesHaveDecidedTakesNoMoreDocuments() throws Exception {
		String cleared = JsonPath.read(submit(SingleWindowFlowIntegrationTests.processors("200", "4000")), "$.id");

		refused(attach("trader.chip", cleared, "INVOICE", "late.pdf", pdf("late")), 409, null,
				"DECLARATION_CLOSED_TO_DOCUMENTS");
		MockHttpServletResponse onThePage = mvc.perform(multipart("/declarations/{id}/documents", cleared)
			.file(new MockMultipartFile("file", "late.pdf", "application/pdf", pdf("late")))
			.param("kind", "INVOICE").cookie(logIn("trader.chip")).with(csrf()).header("Accept-Language", "en"))
			.andReturn().getResponse();
		assertThat(onThePage.getStatus()).isEqualTo(409);
		assertThat(onThePage.getContentAsString(StandardCharsets.UTF_8)).as("said, though the form is gone")
			.contains("id=\"document-error\"").contains("documents can no longer be attached")
			.doesNotContain("id=\"document-form\"");

		assertThat(documents(cleared)).isZero();
	}

	@Test
	void aDeclarationTakesAtMostThirtyDocuments() throws Exception {
		String id = underReview();
		for (int i = 0; i < SupportingDocuments.MAX_PER_DECLARATION; i++) {
			assertThat(attach("trader.chip", id, "OTHER", "page-" + i + ".pdf", pdf("page " + i)).getStatus())
				.isEqualTo(201);
		}

		refused(attach("trader.chip", id, "OTHER", "one-more.pdf", pdf("one more")), 409, null,
				"DOCUMENT_LIMIT_REACHED");

		assertThat(documents(id)).isEqualTo(SupportingDocuments.MAX_PER_DECLARATION);
	}

	@Test
	void onTheDeclarationsPageTheDeclarantAttachesAndTheOfficerDownloads() throws Exception {
		String id = underReview();
		Cookie trader = logIn("trader.chip");
		byte[] list = pdf("packing list, 3 cartons");

		MockHttpServletResponse sent = mvc.perform(multipart("/declarations/{id}/documents", id)
			.file(new MockMultipartFile("file", "packing list.pdf", "application/pdf", list))
			.param("kind", "PACKING_LIST").cookie(trader).with(csrf())).andReturn().getResponse();
		MockHttpServletResponse wrong = mvc.perform(multipart("/declarations/{id}/documents", id)
			.file(new MockMultipartFile("file", "list.docx", "application/pdf", "PK\u0003\u0004".getBytes()))
			.param("kind", "PACKING_LIST").cookie(trader).with(csrf()).header("Accept-Language", "en"))
			.andReturn().getResponse();

		assertThat(sent.getStatus()).isEqualTo(302);
		assertThat(sent.getRedirectedUrl()).isEqualTo("/declarations/" + id + "?recorded=DOCUMENT_ATTACHED#documents");
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"document-error\"")
			.contains("This file is not a PDF, PNG or JPEG.");
		String traderPage = page(trader, "/declarations/" + id + "?lang=en");
		assertThat(traderPage).contains("packing list.pdf").contains("id=\"document-form\"");
		Cookie officer = logIn("officer.customs");
		String officerPage = page(officer, "/declarations/" + id + "?lang=en");
		assertThat(officerPage).contains("packing list.pdf").doesNotContain("id=\"document-form\"");
		String documentId = jdbc.sql("SELECT id::text FROM declaration_document WHERE declaration_id = ?::uuid")
			.param(id).query(String.class).single();
		assertThat(officerPage).contains("/declarations/" + id + "/documents/" + documentId);
		String number = jdbc.sql("SELECT number FROM declaration WHERE id = ?::uuid").param(id).query(String.class)
			.single();
		assertThat(page(officer, "/agency/queue?lang=en&q=" + number)).as("the customs queue says a document came")
			.containsPattern("id=\"documents-" + number + "\"[^>]*>1</span>").doesNotContain("documents-new-" + number);
		MockHttpServletResponse download = mvc.perform(get("/declarations/{id}/documents/{doc}", id, documentId)
			.cookie(officer)).andReturn().getResponse();
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentAsByteArray()).isEqualTo(list);
	}

	@Test
	void theOfficersQueueSaysWhichDocumentsCameAfterItsAgencyAskedAQuestion() throws Exception {
		String id = underReview();
		attach("trader.chip", id, "INVOICE", "invoice.pdf", pdf("commercial invoice"));
		String task = JsonPath.<List<String>>read(api("trader.chip", "/api/v1/declarations/" + id).getContentAsString(),
				"$.tasks[?(@.agency == 'CUSTOMS')].id").getFirst();
		assertThat(mvc.perform(post("/api/v1/tasks/" + task + "/decision").header("Authorization", "Bearer sw-demo-officer.customs")
			.contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"QUERY\",\"reason\":\"Send the certificate of origin.\"}"))
			.andReturn().getResponse().getStatus()).isEqualTo(200);
		attach("trader.chip", id, "CERTIFICATE_OF_ORIGIN", "form E.pdf", pdf("certificate of origin, Form E"));
		assertThat(mvc.perform(post("/api/v1/declarations/" + id + "/queries/CUSTOMS/answer")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"The certificate is attached.\"}")).andReturn().getResponse().getStatus()).isEqualTo(200);

		String entry = queueEntry("officer.customs", "CUSTOMS", id);
		assertThat(JsonPath.<Integer>read(entry, "$.documents")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(entry, "$.documentsSinceQuestion")).as("the certificate, not the invoice")
			.isEqualTo(1);
		String number = JsonPath.read(entry, "$.number");
		assertThat(page(logIn("officer.customs"), "/agency/queue?lang=en&q=" + number))
			.containsPattern("id=\"documents-" + number + "\"[^>]*>2</span>")
			.containsPattern("id=\"documents-new-" + number + "\"[^>]*>1 since the question</span>");
	}

	/** The task of a declaration in an agency's queue, as the API answers it, page after page until it is found. */
	private String queueEntry(String officer, String agency, String declarationId) throws Exception {
		String address = "/api/v1/agencies/" + agency + "/tasks?limit=500";
		while (address != null) {
			MockHttpServletResponse page = api(officer, address);
			List<Object> found = JsonPath.read(page.getContentAsString(StandardCharsets.UTF_8),
					"$[?(@.declarationId == '" + declarationId + "')]");
			if (!found.isEmpty()) {
				return JsonPath.parse(found.getFirst()).jsonString();
			}
			String link = page.getHeader("Link");
			address = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
		}
		throw new AssertionError("not in the " + agency + " queue: " + declarationId);
	}

	/**
	 * Over real HTTP, where Tomcat parses the form (MockMvc hands the parts over as they were built): a scan of
	 * several megabytes is taken whole, a body beyond the server's upload limit is too large and says its limit.
	 */
	@Test
	void aScanOfSeveralMegabytesIsAttachedOverHttpAndABodyBeyondTheUploadLimitIsTooLarge() throws Exception {
		String id = underReview();
		byte[] scan = new byte[6 * 1024 * 1024];
		java.util.Arrays.fill(scan, (byte) ' ');
		byte[] pdf = pdf("a scanned contract");
		System.arraycopy(pdf, 0, scan, 0, 9);
		System.arraycopy(pdf, pdf.length - 6, scan, scan.length - 6, 6);

		var taken = overHttp(id, scan);
		var tooLarge = overHttp(id, new byte[21 * 1024 * 1024]);

		assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
		assertThat(JsonPath.<Integer>read(taken.body(), "$.size")).isEqualTo(scan.length);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(JsonPath.<String>read(tooLarge.body(), "$.code")).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(documents(id)).isEqualTo(1);
	}

	/**
	 * A name as long as the platform keeps (200 characters), in Chinese as a trader names a scan: 600 bytes of UTF-8,
	 * beyond the container's 512 bytes for a part's headers, which refused it "too large: at most 512 bytes" — a
	 * tenth of a kilobyte of file, and a limit the trader cannot act on (found by hand over HTTP, 2026-12-08).
	 */
	@Test
	void aFileNamedInTwoHundredChineseCharactersIsAttachedOverHttpAndALongerNameIsRefusedAtTheFile() throws Exception {
		String id = underReview();
		String name = "厦门".repeat(98) + ".pdf";

		var taken = overHttp(id, pdf("a long name"), name);
		var tooLong = overHttp(id, pdf("a longer name"), "厦" + name);

		assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
		assertThat(JsonPath.<String>read(taken.body(), "$.fileName")).isEqualTo(name);
		assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(422);
		assertThat(JsonPath.<String>read(tooLong.body(), "$.errors[0].field")).isEqualTo("file");
		assertThat(JsonPath.<String>read(tooLong.body(), "$.errors[0].code")).isEqualTo("SIZE");
		assertThat(documents(id)).isEqualTo(1);
	}

	private java.net.http.HttpResponse<String> overHttp(String id, byte[] file) throws Exception {
		return overHttp(id, file, "contract.pdf");
	}

	private java.net.http.HttpResponse<String> overHttp(String id, byte[] file, String fileName) throws Exception {
		String boundary = "sw-" + java.util.UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nCONTRACT\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		try (var http = java.net.http.HttpClient.newHttpClient()) {
			return http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/declarations/" + id + "/documents"))
				.header("Authorization", "Bearer sw-demo-trader.chip")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}
	}

	/** A PDF as small as a PDF can be: the header, one line of content, the end marker. */
	static byte[] pdf(String content) {
		return ("%PDF-1.7\n% " + content + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] jpeg() {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
				(byte) 0xFF, (byte) 0xD9 };
	}

	/** Processors at three times the usual price: the customs officer decides (YELLOW), so it stays open. */
	private String underReview() throws Exception {
		String submitted = submit(SingleWindowFlowIntegrationTests.processors("200", "12000"));
		assertThat(JsonPath.<String>read(submitted, "$.status")).isEqualTo("UNDER_REVIEW");
		return JsonPath.read(submitted, "$.id");
	}

	private String submit(String json) throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/v1/declarations")
			.header("Authorization", "Bearer sw-demo-trader.chip").contentType(MediaType.APPLICATION_JSON)
			.content(json)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(201);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse attach(String user, String id, String kind, String fileName, byte[] content)
			throws Exception {
		var request = multipart("/api/v1/declarations/{id}/documents", id)
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
			.header("Authorization", "Bearer sw-demo-" + user);
		if (kind != null) {
			request.param("kind", kind);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private MockHttpServletResponse api(String user, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", "Bearer sw-demo-" + user)).andReturn().getResponse();
	}

	private static void refused(MockHttpServletResponse response, int status, String field, String code)
			throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		if (field == null) {
			assertThat(JsonPath.<String>read(body, "$.code")).isEqualTo(code);
		} else {
			assertThat(JsonPath.<String>read(body, "$.field")).as(body).isEqualTo(field);
			assertThat(JsonPath.<List<String>>read(body, "$.errors[*].code")).as(body).containsExactly(code);
		}
	}

	private int documents(String id) {
		return jdbc.sql("SELECT count(*) FROM declaration_document WHERE declaration_id = ?::uuid").param(id)
			.query(Integer.class).single();
	}

	private int attachedEvents(String id) {
		return jdbc.sql("SELECT count(*) FROM declaration_event WHERE declaration_id = ?::uuid AND event = 'DOCUMENT_ATTACHED'")
			.param(id).query(Integer.class).single();
	}

	private String page(Cookie session, String address) throws Exception {
		var response = mvc.perform(get(address).cookie(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private Cookie logIn(String user) throws Exception {
		var response = mvc.perform(formLogin("/login").user(user).password("demo12345")).andReturn().getResponse();
		Cookie session = response.getCookie("SESSION");
		assertThat(session).as("session cookie for " + user).isNotNull();
		return session;
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}
}
