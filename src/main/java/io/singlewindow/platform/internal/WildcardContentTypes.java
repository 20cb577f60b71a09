package io.singlewindow.platform.internal;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.singlewindow.core.InputLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A body whose {@code Content-Type} is a wildcard ({@code *}{@code /*}, {@code application/*}, {@code text/*}) names
 * no type a body can have. Sent bare, Spring's reading of the request's headers threw on it (its headers refuse a
 * wildcard content type), and the caller got a 500; it is refused here, before anything reads the body, with 415
 * {@code UNSUPPORTED_MEDIA_TYPE} quoting what was sent — problem+json on the API, the error page for people. A
 * request that sends no body (GET, HEAD, OPTIONS) is left alone whatever its header says. A type that is no media
 * type at all is not this filter's: Spring answers it with the same 415.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WildcardContentTypes extends OncePerRequestFilter {

	private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS");

	private static final Logger log = LoggerFactory.getLogger(WildcardContentTypes.class);

	private final ContainerRefusals refusals;

	WildcardContentTypes(ContainerRefusals refusals) {
		this.refusals = refusals;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || type.isBlank() || WITHOUT_BODY.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String sent = request.getContentType();
		if (!wildcard(sent)) {
			chain.doFilter(request, response);
			return;
		}
		log.info("event=wildcard_content_type_refused method={} path={}", request.getMethod(), request.getRequestURI());
		if (request.getRequestURI().startsWith("/api/")) {
			refusals.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), "UNSUPPORTED_MEDIA_TYPE",
					"\"" + sent.substring(0, Math.min(sent.length(), InputLimits.REFERENCE)) + "\"",
					new DefaultMessageSourceResolvable(new String[] { "problem.CONTENT_TYPE_OF_OPERATION" },
							"the type the operation names in /v3/api-docs"));
			return;
		}
		response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
	}

	static boolean wildcard(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException notAType) {
			return false;
		}
	}
}
