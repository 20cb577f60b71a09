package io.singlewindow.platform.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every refusal of the REST API into RFC 9457 problem+json:
 *
 * <pre>
 * { "type": "https://singlewindow.example/problems/INVALID_INPUT", "title": "…", "status": 422, "detail": "…",
 *   "code": "INVALID_INPUT", "errors": [ { "field": "items[0].hsCode", "code": "HS_CODE_UNKNOWN", "message": "…" } ] }
 * </pre>
 *
 * {@code code} values are a public contract; texts come from {@code problem.<CODE>} in the caller's language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
class ProblemResponses {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
	static final String TYPE_BASE = "https://singlewindow.example/problems/";

	private final MessageSource messages;

	ProblemResponses(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(Problem problem) {
		ResponseEntity<ProblemDetail> answer = respond(problem.status(), problem.code(), problem.fieldProblems(),
				problem.arguments());
		return problem.retryAfterSeconds()
			.map(seconds -> ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(answer.getBody()))
			.orElse(answer);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(InvalidValue invalid, HttpServletRequest request) {
		// A value type rejected a path variable or parameter; the caller's own wording of the value is quoted.
		return respond(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_INPUT",
				List.of(new FieldProblem(fieldHolding(request, invalid.value()), invalid.code(), invalid.arguments())));
	}

	/** The path variable or parameter whose value a value type refused, so that every 422 names its field. */
	@SuppressWarnings("unchecked")
	static String fieldHolding(HttpServletRequest request, Object value) {
		String raw = String.valueOf(value);
		var variables = (Map<String, String>) request
			.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables != null) {
			for (var variable : variables.entrySet()) {
				if (matches(variable.getValue(), raw)) {
					return variable.getKey();
				}
			}
		}
		for (var parameter : request.getParameterMap().entrySet()) {
			for (String v : parameter.getValue()) {
				if (matches(v, raw)) {
					return parameter.getKey();
				}
			}
		}
		return variables != null && variables.size() == 1 ? variables.keySet().iterator().next() : "$";
	}

	private static boolean matches(String given, String refused) {
		// Value types normalise before refusing (strip, upper case, drop dots): compare the same way.
		return given != null && (given.equals(refused)
				|| given.strip().replace(".", "").replace(" ", "").equalsIgnoreCase(refused));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MethodArgumentNotValidException e) {
		List<FieldProblem> problems = new ArrayList<>();
		e.getBindingResult().getFieldErrors().forEach(error -> problems.add(new FieldProblem(error.getField(),
				constraintCode(error.getCode()), error.getRejectedValue())));
		e.getBindingResult().getGlobalErrors().forEach(error -> problems.add(new FieldProblem(error.getObjectName(),
				constraintCode(error.getCode()))));
		return respond(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_INPUT", problems);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(HttpMessageNotReadableException e) {
		String field = "$";
		JacksonException jackson = null;
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
				return respond(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", List.of(), tooLarge.limit());
			}
			if (jackson == null && t instanceof JacksonException j) {
				jackson = j;
			}
		}
		if (jackson != null) {
			field = fieldPath(jackson.getPath().stream()
				.map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.toList());
		}
		// A member named twice in one object (STRICT_DUPLICATE_DETECTION, PlainTextJson): the parser names it.
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof StreamReadException read && read.getOriginalMessage() != null
					&& read.getOriginalMessage().startsWith(DUPLICATE_MEMBER) && read.processor() != null) {
				return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
						List.of(new FieldProblem(pathOf(read.processor().streamReadContext()), "DUPLICATE_MEMBER")));
			}
		}
		// A value type refused the value while the body was read (e.g. "hsCode": "12"): report its own code.
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof InvalidValue invalid) {
				return respond(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_INPUT",
						List.of(new FieldProblem(field, invalid.code(), invalid.arguments())));
			}
		}
		// Well-formed JSON with a value of the wrong type in a known field is invalid input (422), like any other
		// refused value; only a body that is not JSON at all is malformed (400).
		if (jackson != null && !"$".equals(field) && !isSyntaxError(jackson)) {
			boolean wholeNumber = jackson instanceof InputCoercionException
					|| jackson instanceof MismatchedInputException mismatch && WHOLE_NUMBERS.contains(mismatch.getTargetType());
			return respond(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_INPUT",
					List.of(new FieldProblem(field, wholeNumber ? "INTEGER_REQUIRED" : "MALFORMED_VALUE")));
		}
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", List.of(new FieldProblem(field, "MALFORMED_VALUE")));
	}

	/** How Jackson's parser begins the message of a duplicate name (pinned by HostileDeclarationIntegrationTests). */
	private static final String DUPLICATE_MEMBER = "Duplicate Object property";

	/** {@code items[0].value}: where the parser stood, in the notation of the errors' fields. */
	static String pathOf(tools.jackson.core.TokenStreamContext context) {
		java.util.LinkedList<String> steps = new java.util.LinkedList<>();
		for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
			steps.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.currentName());
		}
		return fieldPath(steps);
	}

	/** Steps from the body down ({@code .items}, {@code [0]}, {@code .value}) as {@code items[0].value}; {@code $}: none. */
	private static String fieldPath(List<String> steps) {
		String path = String.join("", steps);
		return path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path;
	}

	private static final java.util.Set<Class<?>> WHOLE_NUMBERS = java.util.Set.of(Integer.class, int.class, Long.class,
			long.class, Short.class, short.class, java.math.BigInteger.class);

	private static boolean isSyntaxError(JacksonException e) {
		return e instanceof StreamReadException && !(e instanceof InputCoercionException);
	}

	/**
	 * The firewall checks parameter names and values only when they are first read, so a name with a control
	 * character (found by the fuzz suite: {@code CN\u0000=…}) or a value with a NUL is refused inside the handler, not
	 * before it: as malformed as elsewhere, at the parameter when one holds the NUL.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(RequestRejectedException e, HttpServletRequest request) {
		log.info("event=request_rejected reason=\"{}\"", e.getMessage());
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", parameterHoldingNul(request)
			.map(name -> List.of(new FieldProblem(name, "MALFORMED_VALUE"))).orElse(List.of()));
	}

	/**
	 * The parameter whose value holds the NUL the firewall refused (the first, as sent), so that the refusal names it;
	 * read from the container's own request, as the firewall's refuses to answer. A name that is itself unprintable is
	 * not repeated.
	 */
	private static Optional<String> parameterHoldingNul(ServletRequest request) {
		ServletRequest sent = request;
		while (sent instanceof ServletRequestWrapper wrapper) {
			sent = wrapper.getRequest();
		}
		return sent.getParameterMap().entrySet().stream()
			.filter(p -> p.getKey().chars().noneMatch(Character::isISOControl))
			.filter(p -> Arrays.stream(p.getValue()).anyMatch(v -> v != null && v.indexOf('\u0000') >= 0))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/**
	 * A body read as a stream by its handler (an EDIFACT interchange) that grows beyond its limit: too large, like a
	 * JSON body. Any other failure to read it is the connection's, not the caller's syntax.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(java.io.UncheckedIOException e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
				return respond(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", List.of(), tooLarge.limit());
			}
		}
		log.info("event=request_body_unreadable error=\"{}\"", e.getMessage());
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", List.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MaxUploadSizeExceededException e) {
		return respond(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", List.of(), e.getMaxUploadSize());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(HttpMediaTypeNotAcceptableException e) {
		return respond(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", List.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(ServletRequestBindingException e) {
		// A path variable that is blank once decoded (" " for an id) is missing, and named like a missing parameter.
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
				e instanceof MissingPathVariableException variable
						? List.of(new FieldProblem(variable.getVariableName(), "REQUIRED")) : List.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MethodArgumentTypeMismatchException e) {
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
				List.of(new FieldProblem(e.getName(), "MALFORMED_VALUE", String.valueOf(e.getValue()))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MissingServletRequestParameterException e) {
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
				List.of(new FieldProblem(e.getParameterName(), "REQUIRED")));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MissingRequestHeaderException e) {
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", List.of(new FieldProblem(e.getHeaderName(), "REQUIRED")));
	}

	/**
	 * 415 for the API, answered through {@link UnmappedRequests}: the type is checked before a controller is chosen, so
	 * an advice limited to REST controllers would not see it when no operation at the path reads the type.
	 */
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		// A Content-Type that is no media type at all was named "null": it is quoted as sent (cut to a reference's
		// length), and the types the operation reads, when Spring knows them, say what to send instead.
		Locale locale = LocaleContextHolder.getLocale();
		String header = request.getContentType();
		String sent = e.getContentType() != null ? e.getContentType().toString()
				: header == null || header.isBlank() ? text("CONTENT_TYPE_NONE", locale)
				: "\"" + header.substring(0, Math.min(header.length(), io.singlewindow.core.InputLimits.REFERENCE)) + "\"";
		String readable = e.getSupportedMediaTypes().stream().map(Object::toString).distinct()
			.reduce((a, b) -> a + ", " + b).orElseGet(() -> text("CONTENT_TYPE_OF_OPERATION", locale));
		return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", List.of(), sent, readable);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(AccessDeniedException e) {
		return respond(HttpStatus.FORBIDDEN, "FORBIDDEN", List.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(Exception e, HttpServletRequest request) {
		log.error("event=unhandled_error method={} path={} error={}", request.getMethod(), request.getRequestURI(),
				e.toString(), e);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", List.of());
	}

	ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, List<FieldProblem> problems,
			Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail detail = ProblemDetail.forStatus(status);
		detail.setType(URI.create(TYPE_BASE + code));
		detail.setTitle(text(code, locale, arguments));
		detail.setDetail(problems.isEmpty() ? detail.getTitle()
				: problems.stream().map(p -> p.field() + ": " + text(p.code(), locale, p.arguments()))
					.reduce((a, b) -> a + "; " + b).orElse(""));
		detail.setProperty("code", code);
		if (!problems.isEmpty()) {
			List<Map<String, Object>> errors = new ArrayList<>();
			for (FieldProblem p : problems) {
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("field", p.field());
				error.put("code", p.code());
				error.put("message", text(p.code(), locale, p.arguments()));
				errors.add(error);
			}
			detail.setProperty("errors", errors);
			detail.setProperty("field", problems.getFirst().field());
		}
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(detail);
	}

	/**
	 * A problem as the members of its JSON object, for the answers written outside Spring MVC's message converters (the
	 * container's error dispatch and its error report valve).
	 */
	static Map<String, Object> asMap(ProblemDetail problem, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (instance != null && !instance.isEmpty()) {
			body.put("instance", instance);
		}
		body.putAll(problem.getProperties() == null ? Map.of() : problem.getProperties());
		return body;
	}

	private String text(String code, Locale locale, Object... arguments) {
		return messages.getMessage("problem." + code, arguments, code, locale);
	}

	/** Bean Validation constraint names become the platform's codes: NotBlank → REQUIRED, Size → SIZE … */
	private static String constraintCode(String constraint) {
		if (constraint == null) {
			return "INVALID";
		}
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
			case "Size", "Length" -> "SIZE";
			case "Positive", "PositiveOrZero", "Min", "DecimalMin" -> "TOO_SMALL";
			case "Max", "DecimalMax" -> "TOO_LARGE";
			case "Pattern" -> "FORMAT";
			case "Email" -> "EMAIL_FORMAT";
			// A filter bound as one object (the statistics' year) whose value is not of its type, as for a parameter.
			case "typeMismatch" -> "MALFORMED_VALUE";
			default -> constraint.toUpperCase(Locale.ROOT);
		};
	}
}
