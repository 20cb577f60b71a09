package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.ApiExamples.Example;

/**
 * Every request example of the OpenAPI document is sent, as a client would copy it, to its operation on the running
 * platform, and must get the documented success — its body checked against the documented schema by
 * {@link ApiContract} — once as it is and once with the examples of the operation's headers (e.g.
 * {@code Prefer: return=minimal}).
 *
 * <p>
 * An example that creates something unique in the zone is sent with its unique values made new: the properties
 * listed in {@link ApiExamples#FRESH} get a suffix (docs/api.md says so to clients). Everything else is sent as the document
 * shows it. A new example of an operation that needs an API key needs its sender in {@link #SENDERS}, or this test
 * fails; examples are never skipped.
 */
@SingleWindowIntegrationTest
class ApiExamplesIntegrationTests {

	/** Who sends an example of an operation that needs an API key: the account a client would use. */
	static final Map<String, String> SENDERS = Map.of("post /api/v1/declarations", "trader.coffee");


	@Autowired
	MockMvc mvc;

	static Stream<Example> examples() {
		return ApiExamples.all().stream();
	}

	@Test
	void theDocumentShowsTheMainRequestsByExample() {
		assertThat(ApiExamples.all()).extracting(Example::toString)
			.contains("POST /api/v1/declarations roastedCoffee", "POST /api/v1/enterprises coffeeTrader");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void anExampleSentAsTheDocumentShowsItSucceeds(Example example) throws Exception {
		MockHttpServletResponse answer = send(example, Map.of());

		assertThat(answer.getStatus()).as(example + ": " + answer.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(example.success());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void anExampleSentWithTheDocumentedHeaderExamplesSucceeds(Example example) throws Exception {
		MockHttpServletResponse answer = send(example, example.headers());

		assertThat(answer.getStatus()).as(example + " with " + example.headers() + ": "
				+ answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(example.success());
		if ("return=minimal".equals(example.headers().get("Prefer"))) {
			assertThat(answer.getHeader("Preference-Applied")).isEqualTo("return=minimal");
		}
	}

	private MockHttpServletResponse send(Example example, Map<String, String> headers) throws Exception {
		String operation = example.method() + " " + example.path();
		var request = request(HttpMethod.valueOf(example.method().toUpperCase(java.util.Locale.ROOT)), example.path())
			.contentType(example.mediaType())
			.content(ApiExamples.fresh(operation, example.body()));
		if (!example.open()) {
			assertThat(SENDERS).as("the account that sends the examples of " + operation).containsKey(operation);
			request.header("Authorization", "Bearer sw-demo-" + SENDERS.get(operation));
		}
		headers.forEach(request::header);
		return mvc.perform(request).andReturn().getResponse();
	}
}
