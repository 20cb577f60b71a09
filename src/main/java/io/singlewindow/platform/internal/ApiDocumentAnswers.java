package io.singlewindow.platform.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The OpenAPI document as it was first written, answered again as is. It is public (clients are generated from it)
 * and the same for every request of a running node — its servers come from the configuration, its texts do not follow
 * the caller's language — but springdoc writes it anew for every request, keys sorted: 69 ms of CPU for the YAML
 * against 6 ms for the login page, so an anonymous loop on it spent the CPU ten times faster than on any page. A query
 * string changes nothing (springdoc reads none here), so it cannot be used to pass the kept answer by.
 */
final class ApiDocumentAnswers extends OncePerRequestFilter {

	static final Set<String> PATHS = Set.of("/v3/api-docs", "/v3/api-docs.yaml");

	private final Map<String, Answer> written = new ConcurrentHashMap<>();

	private record Answer(String contentType, byte[] body) {
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !PATHS.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Answer answer = written.get(request.getRequestURI());
		if (answer != null) {
			response.setContentType(answer.contentType());
			response.setContentLength(answer.body().length);
			response.getOutputStream().write(answer.body());
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, recorded);
		if (recorded.getStatus() == HttpServletResponse.SC_OK && recorded.getContentType() != null) {
			written.putIfAbsent(request.getRequestURI(),
					new Answer(recorded.getContentType(), recorded.getContentAsByteArray()));
		}
		recorded.copyBodyToResponse();
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<ApiDocumentAnswers> apiDocumentAnswers() {
			var registration = new FilterRegistrationBean<>(new ApiDocumentAnswers());
			registration.setUrlPatterns(PATHS);
			return registration;
		}
	}
}
