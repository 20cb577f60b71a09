package io.singlewindow.platform.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.SealedSecrets;
import io.singlewindow.platform.ShownOnce;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A page's form sent again with the same content — a double click, a second press while the first is on its way,
 * the browser's "send again" or Back and Submit — is answered as the first was, instead of doing the work twice: a
 * broker's agreement proposed twice, a document attached twice, a registration the second press then calls a name
 * already taken. Every form a page shows to be posted carries a key made when it is shown ({@link FormKeys}); the
 * first press under a key with some content is written down before its work starts, and where its answer led (the
 * redirect a form's success ends in) when it is done. A later press of the same key, by the same person, with the
 * same fields and files, is led there too; one arriving while the first is at work waits for it.
 *
 * <p>
 * What is not remembered: an answer that is not a redirect (a form shown again with its errors, a file) — the next
 * press does the work, as without a key — but for a page that showed a secret once ({@link ShownOnce#MADE}): its
 * answer is never kept, so a later press is led to the page that lists what the first made, and makes nothing more;
 * another content under the key (the person changed a field); another person.
 * The new-declaration form keeps its own key, which is the declaration's idempotency key through the API too
 * ({@code submission}), and the API is not a page. A key that is not one of ours is no key. Written down in the
 * database, not a node's memory: the second press may reach another node.
 */
@Component
// After the security filters (they name the person), so late that every refusal before a controller happened first.
@Order(Ordered.LOWEST_PRECEDENCE)
class SentForms extends OncePerRequestFilter {

	/** What the digests' key is derived for: requests sent again, of the pages and of the API. */
	static final String DIGEST_PURPOSE = "requests sent again";

	/** The hidden field that carries a form's key. */
	static final String KEY = "formKey";

	/** The new-declaration form's own key, which the declaration's idempotency answers (DeclarationPages). */
	private static final String DECLARATION_SUBMISSION = "submission";

	/** Fields that are no content of the form: the key itself and the CSRF token (the same in a session anyway). */
	private static final List<String> NOT_CONTENT = List.of(KEY, "_csrf");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Duration KEPT_FOR = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(SentForms.class);

	private final JdbcClient jdbc;

	private final BusinessTime time;

	private final ContainerRefusals refusals;

	/** How long a second press waits for the first's answer; a form's work takes far less. */
	private final Duration waitForTheFirst;

	private final SealedSecrets secrets;

	/** The digests' key, derived from the secrets key on first use (it is checked against the database then). */
	private volatile byte[] digestKey;

	SentForms(JdbcClient jdbc, BusinessTime time, ContainerRefusals refusals, SealedSecrets secrets,
			@Value("${singlewindow.repeats.wait-for-first:PT20S}") Duration waitForTheFirst) {
		this.jdbc = jdbc;
		this.time = time;
		this.refusals = refusals;
		this.secrets = secrets;
		this.waitForTheFirst = waitForTheFirst;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getRequestURI().startsWith("/api/")
				|| request.getParameter(DECLARATION_SUBMISSION) != null || keyOf(request).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UUID key = keyOf(request).orElseThrow();
		if (digestKey == null) {
			digestKey = secrets.derivedKey(DIGEST_PURPOSE);
		}
		Optional<String> content = contentOf(request, digestKey);
		if (content.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long waitUntil = System.nanoTime() + waitForTheFirst.toNanos();
		while (true) {
			if (firstUnder(key, content.get())) {
				sendFirst(key, content.get(), request, response, chain);
				return;
			}
			Optional<String> answeredTo = answerTo(key, content.get());
			if (answeredTo != null && answeredTo.isPresent()) {
				log.info("event=form_sent_again path={} key={} answered_to=\"{}\"", request.getRequestURI(), key,
						answeredTo.get());
				response.sendRedirect(answeredTo.get());
				return;
			}
			if (System.nanoTime() - waitUntil > 0) {
				stillBeingSent(request, response, key);
				return;
			}
			if (answeredTo != null) {
				pause(); // the first at work; when it was refused meanwhile (null), this press does the work at once
			}
		}
	}

	/** The first press: its work, then where its answer led, or nothing remembered if it led nowhere. */
	private void sendFirst(UUID key, String content, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		boolean answered = false;
		try {
			chain.doFilter(request, response);
			String location = response.getStatus() / 100 == 3 ? response.getHeader("Location")
					: response.getStatus() / 100 == 2 && request.getAttribute(ShownOnce.MADE) instanceof String made ? made
					: null;
			if (location != null && !location.isBlank()) {
				jdbc.sql("UPDATE page_form_sent SET answered_to = ? WHERE form_key = ? AND content = ?")
					.params(location, key, content).update();
				answered = true;
			}
		} finally {
			if (!answered) {
				jdbc.sql("DELETE FROM page_form_sent WHERE form_key = ? AND content = ?").params(key, content).update();
			}
		}
	}

	private boolean firstUnder(UUID key, String content) {
		return jdbc.sql("""
				INSERT INTO page_form_sent (form_key, content, sent_at) VALUES (?, ?, ?)
				ON CONFLICT (form_key, content) DO NOTHING""").params(key, content, Timestamp.from(time.now()))
			.update() == 1;
	}

	/**
	 * Where the first press's answer led: empty while it is at work, {@literal null} when nothing is written down any
	 * more (the first led nowhere and was forgotten).
	 */
	@SuppressWarnings("OptionalAssignedToNull")
	private Optional<String> answerTo(UUID key, String content) {
		List<Optional<String>> rows = jdbc.sql("SELECT answered_to FROM page_form_sent WHERE form_key = ? AND content = ?")
			.params(key, content).query((rs, row) -> Optional.ofNullable(rs.getString("answered_to"))).list();
		return rows.isEmpty() ? null : rows.getFirst();
	}

	/**
	 * The first press still at work after {@code singlewindow.repeats.wait-for-first}, or cut off (its node stopped):
	 * whether it took effect is not known here, so nothing is done twice; the person looks, and opens the form anew to
	 * send it again.
	 */
	private void stillBeingSent(HttpServletRequest request, HttpServletResponse response, UUID key)
			throws ServletException, IOException {
		log.warn("event=form_still_being_sent path={} key={}", request.getRequestURI(), key);
		String code = "FORM_STILL_BEING_SENT";
		HttpStatus status = HttpStatus.CONFLICT;
		if (!asksForAPage(request)) {
			refusals.write(request, response, status.value(), code);
			return;
		}
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		request.setAttribute(ErrorPages.PROBLEM_CODE, code);
		request.setAttribute(ErrorPages.PROBLEM_TEXT, refusals.problem(status, code, request).getTitle());
		response.setStatus(status.value());
		request.getRequestDispatcher("/error").forward(new UnreadableParameters.WithoutParameters(request), response);
	}

	/** A browser asks for HTML by name; a script or curl that sends a form gets problem+json, as on the error page. */
	private static boolean asksForAPage(HttpServletRequest request) {
		try {
			return MediaType.parseMediaTypes(request.getHeader("Accept")).stream()
				.anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
		} catch (InvalidMediaTypeException unreadable) {
			return false;
		}
	}

	/** A moment's wait for the first press's (or an API request's first) answer, between two looks at its row. */
	static void pause() {
		try {
			Thread.sleep(50);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a first answer", e);
		}
	}

	private static Optional<UUID> keyOf(HttpServletRequest request) {
		String key = request.getParameter(KEY);
		return key != null && UUID_TEXT.matcher(key).matches() ? Optional.of(UUID.fromString(key)) : Optional.empty();
	}

	/**
	 * Who sent what where: the person (before a login, the session, or without one the form's CSRF token), the
	 * address, every field but the key and the CSRF token, and every file's name and bytes — as an HMAC
	 * ({@link ContentDigest}) under {@code key}. Empty when nobody can be named.
	 */
	static Optional<String> contentOf(HttpServletRequest request, byte[] key) throws IOException, ServletException {
		String sender = sender(request);
		if (sender == null) {
			return Optional.empty();
		}
		return Optional.of(new ContentDigest(key).field("sender", sender)
			.field("address", request.getRequestURI() + "?" + request.getQueryString()).parameters(request, NOT_CONTENT)
			.files(request).hex());
	}

	private static String sender(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getPrincipal())) {
			return "account:" + authentication.getName();
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			return "session:" + session.getId();
		}
		// A visitor without a session yet (an enterprise registering): the CSRF token of the form, this visitor's own.
		String token = request.getParameter("_csrf");
		return token == null || token.isBlank() ? null : "visitor:" + token;
	}

	@Scheduled(fixedDelayString = "${singlewindow.repeats.sweep:PT1H}", initialDelayString = "PT2M")
	void sweepInBackground() {
		try {
			forgetThoseKeptTooLong();
		} catch (RuntimeException e) {
			// The database away for a moment: the next sweep deletes them; a key is never shown twice meanwhile.
			log.warn("event=sent_forms_sweep_failed error={}", e.toString());
		}
	}

	/** Forgets the forms sent more than a day ago; nobody presses a form's Submit again a day later by accident. */
	int forgetThoseKeptTooLong() {
		return jdbc.sql("DELETE FROM page_form_sent WHERE sent_at < ?")
			.param(Timestamp.from(time.now().minus(KEPT_FOR))).update();
	}
}
