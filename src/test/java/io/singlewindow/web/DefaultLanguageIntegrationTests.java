package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Chinese is the zone's working language and the default: a request that names no language (an EDI program, a script,
 * curl) is answered in Chinese, pages and problems alike, whatever the server's own locale. Through the container:
 * without {@code Accept-Language} its request's locale is the server's, which on a host set to {@code C} or
 * {@code en_US} made every such answer English.
 */
@SingleWindowIntegrationTest
class DefaultLanguageIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPageAskedForWithoutALanguageIsInChinese() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html")).body())
			.contains("<html lang=\"zh-CN\"");
		assertThat(send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html")
			.header("Accept-Language", "en")).body()).contains("<html lang=\"en\"");
	}

	@Test
	void aProblemOfTheApiWithoutALanguageIsInChinese() throws Exception {
		HttpRequest.Builder notFound = HttpRequest.newBuilder(uri("/api/v1/api-keys/00000000-0000-0000-0000-000000000000"))
			.header("Authorization", "Bearer sw-demo-trader.chip");
		HttpResponse<String> chinese = send(notFound);
		assertThat(chinese.statusCode()).isEqualTo(404);
		assertThat(chinese.body()).contains("\"code\":\"API_KEY_NOT_FOUND\"").containsPattern("\"title\":\"[^\"]*\\p{IsHan}");
		assertThat(send(notFound.header("Accept-Language", "en")).body()).contains("No such API key");
		// Refused before any controller (the container's refusals speak the same language).
		HttpResponse<String> tooLong = send(HttpRequest.newBuilder(uri("/api/v1/api-keys"))
			.header("Authorization", "Bearer sw-demo-trader.chip").header("Content-Type", "application/json")
			.header("Idempotency-Key", "k".repeat(101)).POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"x\"}")));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).containsPattern("\"title\":\"[^\"]*\\p{IsHan}");
	}

	/**
	 * A language header the container cannot read (a quality that is no number or above 1, no language at all) left
	 * its request's locale the server's own, as a missing header did: English on this kind of host, Chinese on
	 * another. And a language refused with {@code q=0} was answered in it. Both are the zone's default now, unless the
	 * header names English among what it accepts.
	 */
	@Test
	void aLanguageHeaderThatCannotBeReadOrRefusesALanguageIsNotAnsweredInTheServersLanguage() throws Exception {
		for (String header : java.util.List.of("zh-CN;q=abc", "zh-CN;q=2", ";;;", "en;q=0", "zh;q=x, en")) {
			HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/api-keys/00000000-0000-0000-0000-000000000000"))
				.header("Authorization", "Bearer sw-demo-trader.chip").header("Accept-Language", header));
			assertThat(answer.body()).as(header).contains("\"code\":\"API_KEY_NOT_FOUND\"")
				.containsPattern("\"title\":\"[^\"]*\\p{IsHan}");
			assertThat(send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html")
				.header("Accept-Language", header)).body()).as(header).contains("<html lang=\"zh-CN\"");
		}
		// English accepted after a language the platform does not speak is English; refusing Chinese says so too.
		for (String header : java.util.List.of("fr, en-GB;q=0.5", "zh-CN;q=0, en;q=0.1", "en-US,en;q=0.9")) {
			assertThat(send(HttpRequest.newBuilder(uri("/api/v1/api-keys/00000000-0000-0000-0000-000000000000"))
				.header("Authorization", "Bearer sw-demo-trader.chip").header("Accept-Language", header)).body())
				.as(header).contains("No such API key");
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
