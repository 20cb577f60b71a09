package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Requests whose parameters the container itself cannot read, sent over real HTTP: MockMvc has neither Tomcat's
 * parameter count, its form size nor its multipart parser. Each was a 500 (an empty problem on the API, the
 * "something went wrong" page for a form) or the container's bare page.
 */
@SingleWindowIntegrationTest
class UnreadableRequestsIntegrationTests {

	private static final String TOO_MANY = IntStream.range(0, 1_200).mapToObj(i -> "a=1")
		.collect(Collectors.joining("&"));

	private static final String CUT_SHORT = "--XX\r\nContent-Disposition: form-data; name=\"workbook\"; "
			+ "filename=\"a.xlsx\"\r\n\r\nabc";

	@LocalServerPort
	int port;

	@Test
	void moreParametersThanTheContainerReadsAreAMalformedRequest() throws IOException {
		String api = send("GET /api/v1/tariff/lines?" + TOO_MANY, "Authorization: Bearer sw-demo-trader.chip", null,
				null);
		assertProblem(api, 400, "MALFORMED_REQUEST");

		String page = send("GET /tariff?" + TOO_MANY, "Accept: text/html", null, null);
		assertPage(page, 400);
	}

	@Test
	void aMultipartBodyCutShortOrWithoutBoundaryIsAMalformedRequest() throws IOException {
		String api = send("POST /api/v1/declarations", "Authorization: Bearer sw-demo-trader.chip",
				"multipart/form-data; boundary=XX", CUT_SHORT);
		assertProblem(api, 400, "MALFORMED_REQUEST");

		assertPage(send("POST /login", "Accept: text/html", "multipart/form-data; boundary=XX", CUT_SHORT), 400);
		assertPage(send("POST /declarations/new/workbook", "Accept: text/html", "multipart/form-data", CUT_SHORT), 400);
		// A supporting document's upload, the API's one multipart operation, and its form on the declaration's page.
		String declaration = java.util.UUID.randomUUID().toString();
		assertProblem(send("POST /api/v1/declarations/" + declaration + "/documents",
				"Authorization: Bearer sw-demo-trader.chip", "multipart/form-data; boundary=XX", CUT_SHORT), 400,
				"MALFORMED_REQUEST");
		assertProblem(send("POST /api/v1/declarations/" + declaration + "/documents",
				"Authorization: Bearer sw-demo-trader.chip", "multipart/form-data", "{\"kind\":\"INVOICE\"}"), 400,
				"MALFORMED_REQUEST");
		assertPage(send("POST /declarations/" + declaration + "/documents", "Accept: text/html", "multipart/form-data",
				CUT_SHORT), 400);
	}

	@Test
	void aMultipartBodyOfMorePartsThanTheContainerReadsIsAMalformedRequest() throws IOException {
		String parts = IntStream.range(0, 80)
			.mapToObj(i -> "--XX\r\nContent-Disposition: form-data; name=\"f" + i + "\"\r\n\r\nx\r\n")
			.collect(Collectors.joining()) + "--XX--\r\n";
		assertPage(send("POST /login", "Accept: text/html", "multipart/form-data; boundary=XX", parts), 400);
		assertProblem(send("POST /api/v1/declarations", "Authorization: Bearer sw-demo-trader.chip",
				"multipart/form-data; boundary=XX", parts), 400, "MALFORMED_REQUEST");
	}

	/**
	 * A file whose name holds a NUL: Tomcat's multipart parser refuses the whole body with an exception of its own
	 * (not the parameter exception the rest are), and the answer was a 500 (found by hand over HTTP, 2026-12-08).
	 */
	@Test
	void aFileWhoseNameHoldsANulIsAMalformedRequest() throws IOException {
		String withNul = "--XX\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nINVOICE\r\n"
				+ "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice\u0000.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--XX--\r\n";
		String declaration = java.util.UUID.randomUUID().toString();
		assertProblem(send("POST /api/v1/declarations/" + declaration + "/documents",
				"Authorization: Bearer sw-demo-trader.chip", "multipart/form-data; boundary=XX", withNul), 400,
				"MALFORMED_REQUEST");
		assertPage(send("POST /declarations/" + declaration + "/documents", "Accept: text/html",
				"multipart/form-data; boundary=XX", withNul), 400);
		assertPage(send("POST /declarations/new/workbook", "Accept: text/html", "multipart/form-data; boundary=XX",
				withNul.replace("name=\"file\"", "name=\"workbook\"")), 400);
	}

	@Test
	void aFormLargerThanTheContainerReadsIsTooLargeAndSaysItsLimit() throws IOException {
		String form = "username=" + "a".repeat(1_100_000) + "&password=x";
		String api = send("POST /api/v1/declarations", "Authorization: Bearer sw-demo-trader.chip\r\nAccept-Language: en",
				"application/x-www-form-urlencoded", form);
		assertProblem(api, 413, "PAYLOAD_TOO_LARGE");
		assertThat(api).contains("1,048,576 bytes");

		String page = send("POST /login", "Accept: text/html", "application/x-www-form-urlencoded", form);
		assertPage(page, 413);
		assertThat(page).contains("PAYLOAD_TOO_LARGE", "1,048,576");
	}

	private static void assertProblem(String answer, int status, String code) {
		assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer).contains("\"code\":\"" + code + "\"", "\"status\":" + status);
	}

	private static void assertPage(String answer, int status) {
		assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
		assertThat(answer).containsIgnoringCase("Content-Type: text/html");
		// The platform's own error page, not the container's.
		assertThat(answer).contains("id=\"error-" + status + "\"").doesNotContainIgnoringCase("tomcat");
	}

	private String send(String requestLine, String header, String contentType, String body) throws IOException {
		StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n")
			.append(header).append("\r\nConnection: close\r\n");
		byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		if (contentType != null) {
			request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length)
				.append("\r\n");
		}
		request.append("\r\n");
		return RawHttp.exchange(port, request.toString(), bytes);
	}
}
