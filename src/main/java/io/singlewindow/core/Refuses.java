package io.singlewindow.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable problem codes a REST operation can answer besides the ones every operation shares (401, 429, 400, 413,
 * 415 …), grouped like {@link Problem}'s factories. The platform publishes them in the OpenAPI document as the
 * operation's problem+json responses, so the codes a client may meet are written once, next to the operation. Every
 * REST operation carries one, a bare {@code @Refuses} when it refuses nothing of its own; the contract test fails an
 * answer whose code the operation did not declare.
 *
 * <pre>{@code
 * @Refuses(notFound = "DECLARATION_NOT_FOUND", conflict = "DECLARATION_NOT_AMENDABLE", invalid = "HS_CODE_UNKNOWN")
 * }</pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

	/**
	 * The 403 codes of the rights checks the operation makes, e.g. {@code ROLE_REQUIRED},
	 * {@code NOT_AUTHORISED_FOR_ENTERPRISE}; none means any authenticated caller may call it.
	 */
	String[] forbidden() default {};

	/** 404 codes, e.g. {@code DECLARATION_NOT_FOUND}. */
	String[] notFound() default {};

	/** 409 codes: the business rules the request can break. */
	String[] conflict() default {};

	/** Field codes in {@code errors[]} of the 422 {@code INVALID_INPUT} answer, e.g. {@code HS_CODE_UNKNOWN}. */
	String[] invalid() default {};

	/** 429 codes of the operation's own limits (with {@code Retry-After}), e.g. {@code TOO_MANY_REGISTRATIONS}. */
	String[] throttled() default {};

	/**
	 * Whether an account that must still choose its own password (someone else chose its first) may call it: only who
	 * it is and its password. Every other operation answers such an account's key 403 {@code PASSWORD_CHANGE_REQUIRED}.
	 */
	boolean beforeOwnPassword() default false;
}
