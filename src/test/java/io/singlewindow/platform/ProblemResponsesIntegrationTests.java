package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.Uscc;
import tools.jackson.databind.json.JsonMapper;

/** The shape of the API's errors and of its value types on the wire. */
@SingleWindowIntegrationTest
class ProblemResponsesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anUnreadableBodyIsAProblemNamingTheRequest() throws Exception {
		mvc.perform(post("/api/v1/api-keys").header("Authorization", "Bearer sw-demo-trader.chip")
			.contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
			.andExpect(jsonPath("$.type").value("https://singlewindow.example/problems/MALFORMED_REQUEST"))
			.andExpect(jsonPath("$.status").value(400));
	}

	@Test
	void aNulInAParameterIsMalformedAndTheRefusalNamesTheParameter() throws Exception {
		// The firewall refuses the value when the handler reads it; PostgreSQL could not keep it anyway.
		mvc.perform(get("/api/v1/hs").param("q", "coffee\u0000").header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
			.andExpect(jsonPath("$.field").value("q"))
			.andExpect(jsonPath("$.errors[0].code").value("MALFORMED_VALUE"))
			.andExpect(jsonPath("$.errors[0].message").value("This value has the wrong type or format."));
	}

	@Test
	void aFilterOfTheWrongTypeIsNamedWithWordsNotTheBindersCode() throws Exception {
		mvc.perform(get("/api/v1/statistics/dashboard").param("year", "twenty").header("Authorization",
				"Bearer sw-demo-admin"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("year"))
			.andExpect(jsonPath("$.errors[0].code").value("MALFORMED_VALUE"))
			.andExpect(jsonPath("$.detail").value("year: This value has the wrong type or format."));
	}

	@Test
	void anIdThatIsBlankOnceDecodedIsAMissingPathVariableNamedAsSuch() throws Exception {
		mvc.perform(get("/api/v1/webhooks/{id}", " ").header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
			.andExpect(jsonPath("$.field").value("id"))
			.andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
	}

	@Test
	void anUnknownApiPathIsANotFoundProblem() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
	}

	@Test
	void aMethodAnApiPathDoesNotHaveIsAProblemNamingTheMethodsItHas() throws Exception {
		// (TRACE never gets this far: the firewall refuses it, 400 MALFORMED_REQUEST; over HTTP Tomcat does, before it.)
		for (var method : java.util.List.of(org.springframework.http.HttpMethod.DELETE,
				org.springframework.http.HttpMethod.PATCH, org.springframework.http.HttpMethod.PUT)) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.request(method, "/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip"))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"))
				.andExpect(jsonPath("$.title").value("Method " + method.name() + " is not allowed here."))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
					.string("Allow", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("GET"),
							org.hamcrest.Matchers.containsString("POST"))));
		}
	}

	@Test
	void aBodyOfATypeOrCharsetTheApiDoesNotReadIsAProblemWithACode() throws Exception {
		for (String type : java.util.List.of("application/json;charset=EBCDIC-XYZ",
				"text/plain", "application/x-www-form-urlencoded")) {
			mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
				.header("Content-Type", type).content("{}"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
		}
		// A multipart form where the operation takes the file itself: no operation matches, so no controller's advice.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/api/v1/declarations/workbooks")
			.file(new org.springframework.mock.web.MockMultipartFile("workbook", "d.xlsx", null, new byte[] { 1 }))
			.header("Authorization", "Bearer sw-demo-trader.chip"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("send application/vnd.openxmlformats")));
		// A Content-Type that is no media type was called "null"; the answer quotes it and says what to send.
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Content-Type", "json please").content("{}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("\"json please\""),
					org.hamcrest.Matchers.containsString("send application/json"),
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("null")))));
		// A body without one is read as application/octet-stream (Spring's default), and the answer names the types.
		mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer sw-demo-trader.chip")
			.header("Accept-Language", "zh-CN").content("{}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("不支持内容类型 application/octet-stream"),
					org.hamcrest.Matchers.containsString("application/json"))));
	}

	@Test
	void whatTheContainerRefusesBeforeSpringIsStillAProblemOnTheApiAndAPageForPeople() throws Exception {
		// Over HTTP: Tomcat refuses TRACE itself, and its error dispatch is the only part of the platform that answers.
		var http = java.net.http.HttpClient.newHttpClient();
		var api = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
				"http://localhost:" + port + "/api/v1/declarations"))
			.method("TRACE", java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer sw-demo-trader.chip").header("Accept-Language", "en").build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(405);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"", "Method TRACE is not allowed here.",
				"\"instance\":\"/api/v1/declarations\"");

		var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
				"http://localhost:" + port + "/login"))
			.method("TRACE", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Accept", "text/html").build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(405);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
	}

	/**
	 * A wildcard names no type a body can have. Sent bare, as curl sends it (MockMvc adds a charset, and Spring then
	 * answered 415), Spring's reading of the request's headers threw and the answer was a 500 (found by hand,
	 * 2026-12-08): now 415 on the API, quoting what was sent, and nothing stored.
	 */
	@Test
	void aBodyWhoseTypeIsAWildcardIsUnsupportedNotAnError() throws Exception {
		long agreements = jdbc.sql("SELECT count(*) FROM agency_agreement").query(Long.class).single();
		for (String wildcard : java.util.List.of("*/*", "application/*", "text/*", "*")) {
			for (String target : java.util.List.of("/api/v1/declarations", "/api/v1/agency-agreements")) {
				String body = "{\"principal\":\"91350200MA2XN0QR5D\",\"flow\":\"IMPORT\"}";
				String answer = rawHttp("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
						+ "Authorization: Bearer sw-demo-broker\r\nIdempotency-Key: wild-" + wildcard.hashCode() + "\r\n"
						+ "Content-Type: " + wildcard + "\r\nContent-Length: " + body.length()
						+ "\r\nConnection: close\r\n\r\n" + body);
				assertThat(answer).as(wildcard + " " + target).startsWith("HTTP/1.1 415 ")
					.containsIgnoringCase("Content-Type: application/problem+json")
					.contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"", "Content type \\\"" + wildcard + "\\\" is not supported");
			}
		}
		assertThat(jdbc.sql("SELECT count(*) FROM agency_agreement").query(Long.class).single()).isEqualTo(agreements);
		// A form of the pages sent with one is no form: refused before anything reads it, with the error page.
		String page = rawHttp("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Content-Type: */*\r\nContent-Length: 21\r\nConnection: close\r\n\r\nusername=x&password=y");
		assertThat(page).doesNotStartWith("HTTP/1.1 5");
	}

	@Test
	void aRequestLineOrHeaderTheContainerCannotReadIsStillAProblemOnTheApi() throws Exception {
		// Tomcat answers these before any filter or the error dispatch runs: an escape that is no escape, an encoded
		// slash (refused so that no path can be smuggled past the security rules), headers beyond their limit.
		for (String target : new String[] { "/api/v1/declarations/%zz", "/api/v1/declarations/a%2Fb",
				"/api/v1/tariff?q=%" }) {
			String answer = rawHttp("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n"
					+ "Authorization: Bearer sw-demo-trader.chip\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(target).startsWith("HTTP/1.1 400 ");
			assertThat(answer).as(target).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(answer).as(target).contains("\"code\":\"MALFORMED_REQUEST\"", "\"status\":400");
		}
		String huge = rawHttp("GET /api/v1/declarations HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(huge).startsWith("HTTP/1.1 400 ");
		assertThat(huge).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(huge).contains("\"code\":\"MALFORMED_REQUEST\"");

		// A request line beyond the limit: Tomcat never reads its path, so the answer cannot tell the API from a page.
		// problem+json reads as plainly in a browser as it parses in a client, and our pages build no such links.
		String longLine = rawHttp("GET /api/v1/tariff?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(longLine).startsWith("HTTP/1.1 400 ");
		assertThat(longLine).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(longLine).contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContain("\"instance\"")
			.doesNotContainIgnoringCase("tomcat");

		String coding = rawHttp("POST /api/v1/declarations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n");
		assertThat(coding).startsWith("HTTP/1.1 501 ").containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"code\":\"NOT_IMPLEMENTED\"").doesNotContain("INTERNAL_ERROR");

		// People keep a page; nothing of the container's version or stack shows on either.
		String page = rawHttp("GET /declarations/%zz HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(page).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: text/html")
			.doesNotContainIgnoringCase("tomcat").doesNotContain("Exception");
	}

	@Test
	void aClientThatDoesNotAskForHtmlGetsAProblemOutsideTheApiToo() throws Exception {
		// curl and scripts send Accept: */*; they got Spring Boot's map of timestamp, status, error and path.
		String missing = rawHttp("GET /no-such-page HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(missing).startsWith("HTTP/1.1 404 ").containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"code\":\"NOT_FOUND\"", "\"instance\":\"/no-such-page\"").doesNotContain("timestamp");

		String traced = rawHttp("TRACE /login HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nAccept-Language: zh-CN\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(traced).startsWith("HTTP/1.1 405 ").containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"code\":\"METHOD_NOT_ALLOWED\"").doesNotContain("timestamp");

		// A status the platform has no code of its own for (the container's, a library's) still has one.
		mvc.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 408)
			.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/declarations")
			.accept(MediaType.ALL).header("Accept-Language", "en"))
			.andExpect(status().isRequestTimeout())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("REQUEST_REFUSED"))
			.andExpect(jsonPath("$.detail").value("The request was refused (HTTP 408)."))
			.andExpect(jsonPath("$.instance").value("/api/v1/declarations"));
	}

	private String rawHttp(String request) throws java.io.IOException {
		return RawHttp.exchange(port, request, new byte[0]);
	}

	@Test
	void valueTypesTravelAsPlainStrings() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.writeValueAsString(Uscc.parse("91110000802100433B"))).isEqualTo("\"91110000802100433B\"");
		assertThat(json.readValue("\"0901.21.0000\"", HsCode.class)).isEqualTo(HsCode.of("0901210000"));
	}

	@Test
	void aValueTypeRefusingABodyFieldIsReportedOnThatField() throws Exception {
		record Probe(HsCode hsCode) {
		}
		JsonMapper json = JsonMapper.builder().build();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.readValue("{\"hsCode\":\"12\"}", Probe.class))
			.hasRootCauseInstanceOf(io.singlewindow.core.InvalidValue.class);
	}
}
