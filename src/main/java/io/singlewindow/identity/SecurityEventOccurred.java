package io.singlewindow.identity;

import java.time.Instant;
import java.util.Map;

/**
 * Something happened that matters for the security of the platform: a failed login, a pause of login attempts, an
 * invalid API key, a changed password, an account created, deactivated or reactivated. Published once per occurrence
 * (and stored in {@code security_event}); self-contained so an audit trail can record it as it is.
 *
 * @param type what happened
 * @param username the account concerned, if any (also for unknown names typed at the login)
 * @param actor who did it: the same account, an administrator, or {@literal null} for anonymous callers
 * @param clientAddress the caller's address as seen behind the reverse proxy, if known
 * @param occurredAt when, from the business clock
 * @param details further facts (e.g. {@code pauseSeconds}, {@code role}), never secrets
 */
public record SecurityEventOccurred(Type type, String username, String actor, String clientAddress, Instant occurredAt,
		Map<String, String> details) {

	public SecurityEventOccurred {
		details = Map.copyOf(details);
	}

	/** The kinds of security events; their names are stored and counted, so never renamed. */
	public enum Type {
		LOGIN_FAILED, LOGIN_PAUSED, API_KEY_REJECTED, API_KEY_PAUSED, PASSWORD_CHANGED, ACCOUNT_CREATED,
		ACCOUNT_DEACTIVATED, ACCOUNT_REACTIVATED, FIRST_ADMINISTRATOR_CREATED, SETUP_TOKEN_ISSUED,
		ENTERPRISE_ADMINISTRATOR_HANDED_OVER, PASSWORD_RESET, OPERATOR_RIGHTS_CHANGED, BROKER_AUTHORISED,
		BROKER_AUTHORISATION_REVOKED, SECOND_FACTOR_ENABLED, SECOND_FACTOR_DISABLED, SECOND_FACTOR_RESET,
		SECOND_FACTOR_REQUIREMENT_CHANGED, SECOND_FACTOR_RECOVERY_CODE_USED,
		SECOND_FACTOR_RECOVERY_CODES_MADE, OPERATOR_PRINCIPALS_CHANGED
	}
}
