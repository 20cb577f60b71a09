package io.singlewindow.platform.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import io.singlewindow.platform.FilterProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat refuses before any filter, controller or error dispatch runs — a request line with an escape that is no
 * escape or an encoded slash, headers beyond their limit — is answered by the host's error report valve. On the API
 * that answer is problem+json with the code every other malformed request gets, so that a client's error handling needs
 * no second branch for an HTML page; people keep Tomcat's short page, without its version or a stack. A request whose
 * line was too long to be read has no path to tell the two apart, and gets problem+json.
 * <p>
 * Spring Boot adds a plain valve in a context customizer; this one runs after it (lowest precedence) and takes its
 * place.
 */
@Component
class ContainerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered, FilterProblems {

	private final ProblemResponses problems;

	private final LocaleResolver languages;

	private final JsonMapper json = JsonMapper.builder().build();

	ContainerRefusals(ProblemResponses problems, LocaleResolver languages) {
		this.problems = problems;
		this.languages = languages;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Pipeline host = context.getParent().getPipeline();
			for (Valve valve : host.getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.removeValve(valve);
				}
			}
			ProblemReportValve valve = new ProblemReportValve();
			valve.setShowReport(false);
			valve.setShowServerInfo(false);
			host.addValve(valve);
			// Or the host adds Tomcat's own valve when it starts, in front of this one.
			if (context.getParent() instanceof StandardHost standard) {
				standard.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** The body of the problem the API answers for a status the container set. */
	String problemFor(int status, HttpServletRequest request) {
		HttpStatus known = HttpStatus.resolve(status);
		if (known == null) {
			known = HttpStatus.BAD_REQUEST;
		}
		String code = switch (known) {
			case NOT_FOUND -> "NOT_FOUND";
			case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
			// Tomcat's answer to a transfer coding it does not know: the client's doing, not an error to look into.
			case NOT_IMPLEMENTED -> "NOT_IMPLEMENTED";
			default -> known.is5xxServerError() ? "INTERNAL_ERROR" : "MALFORMED_REQUEST";
		};
		return problemFor(known, code, request);
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
			Object... arguments) throws IOException {
		String body = problemFor(HttpStatus.valueOf(status), code, request, arguments);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body);
	}

	/** A refusal with its offending fields (a header's value), written outside Spring MVC. */
	void write(HttpServletRequest request, HttpServletResponse response, io.singlewindow.core.Problem refusal)
			throws IOException {
		ProblemDetail problem = inTheRequestsLanguage(request, () -> problems.on(refusal).getBody());
		response.setStatus(refusal.status().value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(ProblemResponses.asMap(problem, request.getRequestURI())));
	}

	/** A problem's body written outside Spring MVC, in the language the pages would use for the request. */
	String problemFor(HttpStatus status, String code, HttpServletRequest request, Object... arguments) {
		return json.writeValueAsString(ProblemResponses.asMap(problem(status, code, request, arguments),
				request.getRequestURI()));
	}

	/**
	 * A problem outside Spring MVC, which sets the request's language only for its handlers; whatever language the
	 * thread had before is put back.
	 */
	ProblemDetail problem(HttpStatus status, String code, HttpServletRequest request, Object... arguments) {
		return inTheRequestsLanguage(request, () -> problems.respond(status, code, List.of(), arguments).getBody());
	}

	private ProblemDetail inTheRequestsLanguage(HttpServletRequest request,
			java.util.function.Supplier<ProblemDetail> problem) {
		LocaleContext before = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(languages.resolveLocale(request));
		try {
			return problem.get();
		}
		finally {
			LocaleContextHolder.setLocaleContext(before);
		}
	}

	/** Tomcat's error report valve, writing problem+json for API paths. */
	class ProblemReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			String path = request.getRequestURI();
			// No path: the request line was beyond its limit and never read. Whether it was the API nobody knows, so
			// the answer is the one both read: problem+json parses in a client and reads plainly in a browser.
			boolean unread = path == null || path.isEmpty();
			if (!unread && !path.startsWith("/api/")) {
				super.report(request, response, throwable);
				return;
			}
			if (response.getStatus() < 400 || response.getContentWritten() > 0) {
				return;
			}
			AtomicBoolean writable = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
			if (!writable.get() || !response.setErrorReported()) {
				return;
			}
			try {
				String body = problemFor(response.getStatus(), request);
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// The connection is gone or the response was already under way; the status line says what it can.
			}
		}
	}
}
