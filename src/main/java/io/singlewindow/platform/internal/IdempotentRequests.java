package io.singlewindow.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;

import io.singlewindow.core.Problem;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.SealedSecrets;
import io.singlewindow.platform.ShownOnce;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on every POST of the API: software that sends a request again after an answer it lost — a
 * time-out, a dropped connection, a restart — gets the first answer again instead of a second agreement, a second
 * permit application, a second payment record. The first request under a caller's key is written down before its work
 * starts, and its answer (status, body, the headers that matter) when it succeeded; the same key with the same request
 * is answered with it again ({@code Idempotent-Replayed: true}); the same key with another request is 409
 * {@code IDEMPOTENCY_KEY_REUSED}; one arriving while the first is at work waits for it, and one whose first never
 * answered (its node stopped) is 409 {@code REQUEST_IN_PROGRESS}: whether it took effect is not known here. A refusal
 * is not remembered: nothing was done, and the request sent again is taken afresh. Keys are kept a day.
 *
 * <p>
 * An answer with a secret shown once ({@link ShownOnce}: an API key, a webhook's signing secret) is not kept, for
 * the secret is not: the same request sent again makes nothing more — a second key would be a live credential nobody
 * ever saw — and is 409 {@code SECRET_SHOWN_ONCE} with the {@code Location} of what the first made, which its caller
 * revokes before asking for another under a new key.
 *
 * <p>
 * Not here: a declaration's submission and a workbook of them, whose key is also the declaration's reference and
 * covers each declaration of a batch (their handlers read the header themselves); an EDIFACT or XML interchange,
 * answered again by its sender and control reference; the tariff schedule import; the public operations (an
 * enterprise's registration), and any call without an API key or session: nobody would own the key.
 * Written down in the database, not a node's memory: the retry may reach another node.
 */
@Component
// After the security filters, which name the caller.
@Order(Ordered.LOWEST_PRECEDENCE)
class IdempotentRequests extends OncePerRequestFilter {

	static final String KEY = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	/** As a declaration's key: a client's reference of up to 100 characters. */
	static final int MAX_KEY = 100;

	/** The headers of an answer given again; dates, caching and security headers are the container's, anew. */
	private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_TYPE,
			HttpHeaders.ETAG, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.RETRY_AFTER);

	/** An answer larger than this is given once and not kept (no POST of the API answers anything near it). */
	private static final int MAX_KEPT_BODY = 1024 * 1024;

	private static final Duration KEPT_FOR = Duration.ofDays(1);

	private static final int MAX_REMEMBERED_PATHS = 1000;

	/** The request attribute that carries the request's rule from {@link #shouldNotFilter} to the filter. */
	private static final String RULE = IdempotentRequests.class.getName() + ".rule";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

	private final JdbcClient jdbc;

	private final BusinessTime time;

	private final ContainerRefusals refusals;

	private final HandlerMapping handlers;

	private final Duration waitForTheFirst;

	/**
	 * The rule of a POST to a path without variables, by its path and body type; at most
	 * {@value #MAX_REMEMBERED_PATHS}, as a client may send any type it makes up.
	 */
	private final Map<String, Rule> ruleByPath = new java.util.concurrent.ConcurrentHashMap<>();

	private final SealedSecrets secrets;

	/** The digests' key, derived from the secrets key on first use (it is checked against the database then). */
	private volatile byte[] digestKey;

	IdempotentRequests(JdbcClient jdbc, BusinessTime time, ContainerRefusals refusals, SealedSecrets secrets,
			@Qualifier("requestMappingHandlerMapping") HandlerMapping handlers,
			@Value("${singlewindow.repeats.wait-for-first:PT20S}") Duration waitForTheFirst) {
		this.jdbc = jdbc;
		this.time = time;
		this.refusals = refusals;
		this.secrets = secrets;
		this.handlers = handlers;
		this.waitForTheFirst = waitForTheFirst;
	}

	/** Whether a POST to {@code path} is answered again under its key here (the others keep a rule of their own). */
	static boolean covers(String path) {
		return path.startsWith("/api/") && !path.startsWith(RequestBodyLimit.INTERCHANGE_PATH)
				&& !path.startsWith(RequestBodyLimit.UPLOAD_PATH);
	}

	/** How a request under a key is answered again: by its handler's own rule, as the first, or withheld. */
	enum Rule {
		/** The handler reads the key itself, or nobody owns it: not here. */
		OWN,
		/** The first answer is kept and given again. */
		KEPT,
		/** The first answer carried a secret shown once: only what it made is kept, and told (409). */
		WITHHELD
	}

	/**
	 * Whether an operation is left out: its handler reads the key itself (a declaration's submission), or it is public
	 * ({@code @SecurityRequirements} without any: an enterprise's registration), where no caller owns the key.
	 */
	static boolean leftOut(HandlerMethod handler) {
		var security = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.security.SecurityRequirements.class);
		return security != null && security.value().length == 0 || Arrays.stream(handler.getMethodParameters())
			.map(p -> p.getParameterAnnotation(RequestHeader.class))
			.anyMatch(header -> header != null
					&& KEY.equalsIgnoreCase(header.name().isEmpty() ? header.value() : header.name()));
	}

	/** The rule of an operation's requests under a key ({@link Rule}). */
	static Rule ruleOf(HandlerMethod handler) {
		return leftOut(handler) ? Rule.OWN : handler.hasMethodAnnotation(ShownOnce.class) ? Rule.WITHHELD : Rule.KEPT;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String key = request.getHeader(KEY);
		if (!"POST".equals(request.getMethod()) || key == null || key.isBlank() || !covers(request.getRequestURI())) {
			return true;
		}
		Rule rule = ruleOf(request);
		request.setAttribute(RULE, rule);
		return rule == Rule.OWN;
	}

	private Rule ruleOf(HttpServletRequest request) {
		// By path and body type: one path may have a handler per type of body.
		String asked = request.getRequestURI() + " " + mediaType(request.getContentType());
		Rule known = ruleByPath.get(asked);
		if (known != null) {
			return known;
		}
		// Asked before the dispatcher, which parses the path itself again; this look-up leaves it as it found it.
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			HandlerExecutionChain chain = handlers.getHandler(request);
			Rule rule = chain != null && chain.getHandler() instanceof HandlerMethod handler ? ruleOf(handler) : Rule.KEPT;
			// A path that is its mapping's whole pattern (no variable in it: a declaration's submission, sent with a
			// key each time) is remembered, so that the busiest POST asks once; the others are a few at most.
			if (request.getRequestURI().equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
					&& ruleByPath.size() < MAX_REMEMBERED_PATHS) {
				ruleByPath.put(asked, rule);
			}
			return rule;
		} catch (Exception unmapped) {
			return Rule.KEPT; // no handler: the dispatcher answers it (404, 405) as without a key
		} finally {
			if (parsed == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			} else {
				request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
			}
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(KEY);
		if (key.length() > MAX_KEY) {
			refusals.write(request, response, Problem.invalidField(KEY, "CLIENT_REFERENCE_TOO_LONG", MAX_KEY));
			return;
		}
		boolean withheld = request.getAttribute(RULE) == Rule.WITHHELD;
		String caller = caller();
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		// A multipart body is read as its fields and files: its boundary is the sender's random choice each time.
		boolean multipart = request.getContentType() != null
				&& request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		byte[] body;
		try {
			body = multipart ? new byte[0] : request.getInputStream().readAllBytes();
		} catch (RequestBodyLimit.BodyTooLarge tooLarge) {
			refusals.write(request, response, 413, "PAYLOAD_TOO_LARGE", tooLarge.limit());
			return;
		}
		HttpServletRequest again = multipart ? request : new WithBody(request, body);
		String content = contentOf(request, body);
		long waitUntil = System.nanoTime() + waitForTheFirst.toNanos();
		while (true) {
			if (firstUnder(caller, key, content)) {
				sendFirst(caller, key, again, response, chain, withheld);
				return;
			}
			Optional<Sent> earlier = sent(caller, key);
			if (earlier.isPresent() && !earlier.get().content().equals(content)) {
				log.info("event=idempotency_key_reused path={} caller={}", request.getRequestURI(), caller);
				refusals.write(request, response, 409, "IDEMPOTENCY_KEY_REUSED", key);
				return;
			}
			if (earlier.isPresent() && earlier.get().status() != null) {
				if (earlier.get().withheld()) {
					madeBefore(earlier.get(), request, response, caller, key);
				} else {
					replay(earlier.get(), request, response, caller, key);
				}
				return;
			}
			if (System.nanoTime() - waitUntil > 0) {
				log.warn("event=idempotent_request_in_progress path={} caller={}", request.getRequestURI(), caller);
				refusals.write(request, response, 409, "REQUEST_IN_PROGRESS", key);
				return;
			}
			if (earlier.isPresent()) {
				SentForms.pause(); // the first at work; gone (refused meanwhile), this request does the work at once
			}
		}
	}

	/** What the request sent where: its address, its body's type, its parameters, its body or its files, as an HMAC. */
	private String contentOf(HttpServletRequest request, byte[] body) throws IOException, ServletException {
		if (digestKey == null) {
			digestKey = secrets.derivedKey(SentForms.DIGEST_PURPOSE);
		}
		return new ContentDigest(digestKey).field("address", request.getRequestURI() + "?" + request.getQueryString())
			.field("type", mediaType(request.getContentType())).parameters(request, List.of()).bytes(body)
			.files(request).hex();
	}

	/**
	 * The first request under the key: its work, then its answer kept if it succeeded, else nothing kept. An answer
	 * {@code withheld} is kept without its body, which carries a secret shown once: its status and headers only.
	 */
	private void sendFirst(String caller, String key, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain, boolean withheld) throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, answer);
			byte[] body = answer.getContentAsByteArray();
			// An answer given later (asynchronously) is not complete here: none of the API's POSTs is, none is kept.
			if (!request.isAsyncStarted() && answer.getStatus() / 100 == 2 && body.length <= MAX_KEPT_BODY) {
				Map<String, String> headers = new LinkedHashMap<>();
				for (String name : KEPT_HEADERS) {
					String value = answer.getHeader(name);
					if (value != null) {
						headers.put(name, value);
					}
				}
				jdbc.sql("""
						UPDATE api_request_sent SET status = ?, headers = ?::jsonb, body = ?, withheld = ?
						WHERE caller = ? AND idempotency_key = ?""")
					.params(answer.getStatus(), JSON.writeValueAsString(headers), withheld ? new byte[0] : body,
							withheld, caller, key)
					.update();
				kept = true;
			}
		} finally {
			if (!kept) {
				jdbc.sql("DELETE FROM api_request_sent WHERE caller = ? AND idempotency_key = ?").params(caller, key)
					.update();
			}
			answer.copyBodyToResponse();
		}
	}

	private void replay(Sent first, HttpServletRequest request, HttpServletResponse response, String caller, String key)
			throws IOException {
		log.info("event=idempotent_request_replayed path={} caller={} status={}", request.getRequestURI(), caller,
				first.status());
		response.setStatus(first.status());
		first.headers().forEach(response::setHeader);
		response.setHeader(REPLAYED, "true");
		response.setContentLength(first.body().length);
		response.getOutputStream().write(first.body());
	}

	private boolean firstUnder(String caller, String key, String content) {
		return jdbc.sql("""
				INSERT INTO api_request_sent (caller, idempotency_key, content, sent_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (caller, idempotency_key) DO NOTHING""")
			.params(caller, key, content, Timestamp.from(time.now())).update() == 1;
	}

	/**
	 * The request sent again after an answer with a secret shown once: nothing more is made, and the caller hears what
	 * the first made ({@code Location}) and that its secret is not kept.
	 */
	private void madeBefore(Sent first, HttpServletRequest request, HttpServletResponse response, String caller,
			String key) throws IOException {
		log.info("event=idempotent_request_secret_withheld path={} caller={}", request.getRequestURI(), caller);
		String made = first.headers().get(HttpHeaders.LOCATION);
		if (made != null) {
			response.setHeader(HttpHeaders.LOCATION, made);
		}
		refusals.write(request, response, 409, "SECRET_SHOWN_ONCE", key);
	}

	private Optional<Sent> sent(String caller, String key) {
		return jdbc.sql("""
				SELECT content, status, headers, body, withheld FROM api_request_sent
				WHERE caller = ? AND idempotency_key = ?""")
			.params(caller, key)
			.query((rs, row) -> new Sent(rs.getString("content"), (Integer) rs.getObject("status"),
					rs.getString("headers") == null ? Map.of()
							: JSON.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() {
							}),
					rs.getBytes("body"), rs.getBoolean("withheld")))
			.optional();
	}

	/** What was sent under a key and, once answered, the answer; {@code withheld}: kept without its body. */
	private record Sent(String content, Integer status, Map<String, String> headers, byte[] body, boolean withheld) {
	}

	/** A body's type without its parameters (a multipart boundary differs each time the same request is sent). */
	private static String mediaType(String contentType) {
		return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
	}

	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getPrincipal()) ? authentication.getName() : null;
	}

	@Scheduled(fixedDelayString = "${singlewindow.repeats.sweep:PT1H}", initialDelayString = "PT3M")
	void sweepInBackground() {
		try {
			forgetThoseKeptTooLong();
		} catch (RuntimeException e) {
			// The database away for a moment: the next sweep deletes them; a key kept longer answers the same.
			log.warn("event=idempotent_requests_sweep_failed error={}", e.toString());
		}
	}

	/** Forgets the keys of requests sent more than a day ago (the retries of a lost answer come within minutes). */
	int forgetThoseKeptTooLong() {
		return jdbc.sql("DELETE FROM api_request_sent WHERE sent_at < ?")
			.param(Timestamp.from(time.now().minus(KEPT_FOR))).update();
	}

	/** The request with its body read once for the digest, given to the handler as if never read. */
	private static final class WithBody extends HttpServletRequestWrapper {

		private final byte[] body;

		WithBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return bytes.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("read at once, from memory");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
		}

		/** The request's charset, or UTF-8 for none or one that Java does not know (no 500 for a hostile name). */
		private static java.nio.charset.Charset charset(String name) {
			try {
				return name == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
			} catch (IllegalArgumentException unknown) {
				return StandardCharsets.UTF_8;
			}
		}
	}
}
