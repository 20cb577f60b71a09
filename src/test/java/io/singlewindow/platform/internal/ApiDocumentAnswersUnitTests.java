package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.FilterChain;

/** The OpenAPI document is written once and answered again as written; nothing else is kept. */
class ApiDocumentAnswersUnitTests {

	final ApiDocumentAnswers answers = new ApiDocumentAnswers();

	final AtomicInteger written = new AtomicInteger();

	int status = 200;

	final FilterChain springdoc = (request, response) -> {
		written.incrementAndGet();
		((jakarta.servlet.http.HttpServletResponse) response).setStatus(status);
		response.setContentType("application/vnd.oai.openapi;charset=UTF-8");
		response.getOutputStream().write(("openapi: 3.1.0 # " + written.get()).getBytes(StandardCharsets.UTF_8));
	};

	@Test
	void theDocumentIsWrittenOnceAndAnsweredAgainAsWritten() throws Exception {
		MockHttpServletResponse first = get("/v3/api-docs.yaml", null);
		MockHttpServletResponse second = get("/v3/api-docs.yaml", null);
		assertThat(written).hasValue(1);
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("openapi: 3.1.0 # 1");
		assertThat(second.getContentType()).isEqualTo("application/vnd.oai.openapi;charset=UTF-8");
		assertThat(second.getContentLength()).isEqualTo(first.getContentAsByteArray().length);

		get("/v3/api-docs", null);
		assertThat(written).as("each format is its own answer").hasValue(2);
	}

	@Test
	void aFailureIsNotKeptAndAQueryStringDoesNotPassTheKeptAnswerBy() throws Exception {
		status = 500;
		get("/v3/api-docs.yaml", null);
		status = 200;
		assertThat(get("/v3/api-docs.yaml", null).getContentAsString()).isEqualTo("openapi: 3.1.0 # 2");
		assertThat(get("/v3/api-docs.yaml", "fresh=" + System.nanoTime()).getContentAsString())
			.isEqualTo("openapi: 3.1.0 # 2");
		assertThat(written).hasValue(2);
	}

	private MockHttpServletResponse get(String path, String query) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setQueryString(query);
		MockHttpServletResponse response = new MockHttpServletResponse();
		answers.doFilter(request, response, springdoc);
		return response;
	}
}
