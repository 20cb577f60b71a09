package io.singlewindow.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A refusal the platform explains to its caller: a stable, public {@link #code()} (part of the API contract, never
 * renamed), the HTTP status it maps to, and the problems with individual fields, if any. Rendered as RFC 9457
 * problem+json by the platform; the human-readable text comes from the message bundles ({@code problem.<CODE>}) in the
 * caller's language.
 */
public class Problem extends RuntimeException {

	private final String code;
	private final HttpStatus status;
	private final List<FieldProblem> fieldProblems;
	private final Object[] arguments;

	protected Problem(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... arguments) {
		super(code + (fieldProblems.isEmpty() ? "" : " " + fieldProblems));
		this.status = Objects.requireNonNull(status);
		this.code = Objects.requireNonNull(code);
		this.fieldProblems = List.copyOf(fieldProblems);
		this.arguments = arguments;
	}

	/** The request breaks a business rule (409 Conflict): wrong state, duplicate, quota exhausted … */
	public static Problem conflict(String code, Object... arguments) {
		return new Problem(HttpStatus.CONFLICT, code, List.of(), arguments);
	}

	/**
	 * The request is refused because of one field (422). Like every invalid input the top-level code is
	 * {@code INVALID_INPUT}; {@code code} is the field's, in {@code errors[]}.
	 */
	public static Problem invalidField(String field, String code, Object... arguments) {
		return invalidInput(List.of(new FieldProblem(field, code, arguments)));
	}

	/** The request has one or more invalid fields (422); the top-level code is {@code INVALID_INPUT}. */
	public static Problem invalidInput(List<FieldProblem> problems) {
		return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_INPUT", problems);
	}

	/** The thing asked for does not exist, or the caller may not know that it does (404). */
	public static Problem notFound(String code, Object... arguments) {
		return new Problem(HttpStatus.NOT_FOUND, code, List.of(), arguments);
	}

	/** Nobody is logged in, or the credentials are not valid (401). */
	public static Problem unauthenticated() {
		return new Problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", List.of());
	}

	/**
	 * The caller asked too often (429) and may try again after {@code wait}, which the answer carries as
	 * {@code Retry-After} and as the message's arguments: {@code {0}} whole seconds (at least one), {@code {1}} whole
	 * minutes (rounded up).
	 */
	public static Problem tooManyRequests(String code, Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return new Problem(HttpStatus.TOO_MANY_REQUESTS, code, List.of(), seconds, (seconds + 59) / 60);
	}

	/** The caller is known but may not do this (403). */
	public static Problem forbidden(String code, Object... arguments) {
		return new Problem(HttpStatus.FORBIDDEN, code, List.of(), arguments);
	}

	/**
	 * A state or an act as a message's argument, named in the reader's language: the bundle's {@code prefix} plus
	 * the value's name ({@code declaration.status.WITHDRAWN}: "Withdrawn", "已撤回"), its code where the bundle has
	 * no word for it. A refusal names what the reader sees on the pages, not the API's code.
	 */
	public static MessageSourceResolvable named(String prefix, Enum<?> value) {
		return new DefaultMessageSourceResolvable(new String[] { prefix + value.name() }, value.name());
	}

	public String code() {
		return code;
	}

	public HttpStatus status() {
		return status;
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

	/** The seconds to wait before trying again: set for a 429 only. */
	public Optional<Long> retryAfterSeconds() {
		return status == HttpStatus.TOO_MANY_REQUESTS && arguments != null && arguments.length > 0
				&& arguments[0] instanceof Long seconds
				? Optional.of(seconds) : Optional.empty();
	}

	public Object[] arguments() {
		return arguments == null ? new Object[0] : arguments.clone();
	}
}
