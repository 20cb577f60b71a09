package io.singlewindow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;


import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;

/**
 * One decision as the audit trail keeps it. Build it with {@link #of(String, String, Object)} and the withers; the
 * before and after states are any values Jackson can write as JSON (records, maps, lists, strings, numbers; money as
 * {@link java.math.BigDecimal}).
 *
 * @param action stable, upper-case code of what was decided, e.g. {@code PERMIT_SUSPENDED}; part of the public record
 * @param subjectType what the decision is about, e.g. {@code PERMIT}, {@code LICENCE}, {@code AGENCY_TASK}
 * @param subjectId which one (number, USCC, id)
 * @param who who decided; {@literal null} for the current request's actor
 * @param actingForEnterprise the enterprise on whose behalf (USCC), if any
 * @param actingForAgency the agency on whose behalf, if any
 * @param before the state before the decision, {@literal null} when there was none
 * @param after the state after the decision, {@literal null} when nothing remains
 */
public record AuditRecord(String action, String subjectType, String subjectId, Who who,
		String actingForEnterprise, String actingForAgency, Object before,
		Object after) {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");

	public AuditRecord {
		if (!CODE.matcher(Objects.requireNonNull(action)).matches()) {
			throw new IllegalArgumentException("action must be an upper-case code: " + action);
		}
		if (!CODE.matcher(Objects.requireNonNull(subjectType)).matches()) {
			throw new IllegalArgumentException("subjectType must be an upper-case code: " + subjectType);
		}
		Objects.requireNonNull(subjectId);
	}

	/** A decision {@code action} on the subject {@code subjectType}/{@code subjectId}, by the current actor. */
	public static AuditRecord of(String action, String subjectType, Object subjectId) {
		return new AuditRecord(action, subjectType, String.valueOf(subjectId), null, null, null, null, null);
	}

	/** Decided by {@code actor}; acting for its agency (officers) or its own enterprise unless set otherwise. */
	public AuditRecord by(Actor actor) {
		return by(Who.of(actor));
	}

	public AuditRecord by(Who who) {
		return new AuditRecord(action, subjectType, subjectId, who, actingForEnterprise, actingForAgency, before, after);
	}

	/** Decided by the platform itself, e.g. {@code Who.system("routing-rules")} for an automatic decision. */
	public AuditRecord bySystem(String component) {
		return by(Who.system(component));
	}

	public AuditRecord actingFor(Uscc enterprise) {
		return new AuditRecord(action, subjectType, subjectId, who, enterprise == null ? null : enterprise.value(),
				actingForAgency, before, after);
	}

	public AuditRecord actingFor(AgencyCode agency) {
		return new AuditRecord(action, subjectType, subjectId, who, actingForEnterprise,
				agency == null ? null : agency.value(), before, after);
	}

	public AuditRecord change(Object before, Object after) {
		return new AuditRecord(action, subjectType, subjectId, who, actingForEnterprise, actingForAgency, before, after);
	}

	/**
	 * The SHA-256 of a document too large to keep in a row (e.g. an imported tariff file), as 64 lower-case hex
	 * digits, so that the row still pins down exactly which document it was.
	 */
	public static String fingerprint(String document) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(document.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/**
	 * A state written as named values, in this order, {@literal null}s kept (unlike {@link Map#of}):
	 * {@code AuditRecord.state("status", "SUSPENDED", "reason", reason)}.
	 */
	public static Map<String, Object> state(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("names and values must come in pairs");
		}
		Map<String, Object> state = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			state.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return state;
	}

	/**
	 * Who decided.
	 *
	 * @param account the account, {@literal null} for the platform itself or a person known only by name
	 * @param name login name, or {@code system:<component>}
	 * @param role {@code TRADER}, {@code BROKER}, {@code OFFICER}, {@code ADMIN}, {@code ANONYMOUS} or {@code SYSTEM}
	 * @param enterprise the person's own enterprise (USCC), if any
	 * @param agency the person's agency, if any
	 */
	public record Who(UUID account, String name, String role, String enterprise,
			String agency) {

		public Who {
			Objects.requireNonNull(name);
			Objects.requireNonNull(role);
		}

		public static Who of(Actor actor) {
			return new Who(actor.userId(), actor.username(), actor.role().name(),
					actor.enterprise() == null ? null : actor.enterprise().value(),
					actor.agency() == null ? null : actor.agency().value());
		}

		public static Who system(String component) {
			return new Who(null, "system:" + component, "SYSTEM", null, null);
		}

		/** Someone known only by login name, e.g. the administrator who queued a background import. */
		public static Who named(String username, String role) {
			return new Who(null, username, role, null, null);
		}

		public static Who anonymous() {
			return new Who(null, "anonymous", "ANONYMOUS", null, null);
		}
	}
}
