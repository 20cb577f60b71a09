package io.singlewindow.platform.internal;

import java.io.IOException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps the body a request may send, declared or chunked, so that no handler reads more than the platform will ever
 * accept: {@code singlewindow.limits.max-request-body} for every request, {@code max-upload-body} for the tariff
 * schedule import. Reading past the cap fails with {@link BodyTooLarge}, which {@link ProblemResponses} answers with
 * 413 {@code PAYLOAD_TOO_LARGE}. Form posts are capped by the servlet container
 * ({@code server.tomcat.max-http-form-post-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

	/** The only endpoint that takes a file as its body: a national tariff schedule is a few MB of CSV. */
	static final String UPLOAD_PATH = "/api/v1/admin/tariff/imports";

	/** EDIFACT interchanges of up to 10,000 declarations, read as a stream. */
	static final String INTERCHANGE_PATH = "/api/v1/interchanges";

	private final Limits limits;

	RequestBodyLimit(Limits limits) {
		this.limits = limits;
	}

	/**
	 * @param maxRequestBody the largest body of a request (1 MB holds a declaration of 50 lines many times over)
	 * @param maxUploadBody the largest tariff schedule import
	 * @param maxInterchangeBody the largest EDIFACT interchange
	 */
	@ConfigurationProperties("singlewindow.limits")
	record Limits(@DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue("20MB") DataSize maxUploadBody,
			@DefaultValue("50MB") DataSize maxInterchangeBody) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		long limit = (path.startsWith(UPLOAD_PATH) ? limits.maxUploadBody()
				: path.startsWith(INTERCHANGE_PATH) ? limits.maxInterchangeBody() : limits.maxRequestBody()).toBytes();
		chain.doFilter(new Capped(request, limit), response);
	}

	/** Thrown on reading the first byte beyond the cap (or at once when the declared length is beyond it). */
	static final class BodyTooLarge extends IOException {

		private final long limit;

		BodyTooLarge(long limit) {
			super("request body larger than " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return limit;
		}
	}

	private static final class Capped extends HttpServletRequestWrapper {

		private final long limit;
		private ServletInputStream stream;

		Capped(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CappedStream(super.getInputStream(), getContentLengthLong() > limit, limit);
			}
			return stream;
		}
	}

	private static final class CappedStream extends ServletInputStream {

		private final ServletInputStream body;
		private final boolean declaredTooLarge;
		private final long limit;
		private long read;

		CappedStream(ServletInputStream body, boolean declaredTooLarge, long limit) {
			this.body = body;
			this.declaredTooLarge = declaredTooLarge;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			checkBefore();
			int b = body.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			checkBefore();
			int n = body.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void checkBefore() throws BodyTooLarge {
			if (declaredTooLarge) {
				throw new BodyTooLarge(limit);
			}
		}

		private void count(int n) throws BodyTooLarge {
			read += n;
			if (read > limit) {
				throw new BodyTooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return body.isFinished();
		}

		@Override
		public boolean isReady() {
			return body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			body.setReadListener(listener);
		}
	}
}
