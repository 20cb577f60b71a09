package io.singlewindow.audit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A row of the audit trail as stored. {@code chainPosition}, {@code previousHash} and {@code hash} are {@literal null}
 * until the sealer has chained the row.
 *
 * @param beforeJson the state before, as JSON text (any spelling; the chain hashes its canonical form)
 * @param afterJson the state after, as JSON text
 */
public record AuditEntry(long id, Instant occurredAt, UUID actorAccount, String actorName, String actorRole,
		String actingForEnterprise, String actingForAgency, String action, String subjectType, String subjectId,
		String beforeJson, String afterJson, Long chainPosition, String previousHash, String hash) {

	/** Timestamps in the canonical content: UTC, always six fractional digits (PostgreSQL keeps microseconds). */
	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * The row's canonical content (see {@code docs/audit.md}): a canonical JSON object of every stored field except
	 * the hashes, with the chain position the sealer gives it.
	 */
	String canonicalContent(long position) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("id", id);
		members.put("chainPosition", position);
		members.put("occurredAt", TIMESTAMP.format(occurredAt));
		members.put("actorAccount", actorAccount == null ? null : actorAccount.toString());
		members.put("actorName", actorName);
		members.put("actorRole", actorRole);
		members.put("actingForEnterprise", actingForEnterprise);
		members.put("actingForAgency", actingForAgency);
		members.put("action", action);
		members.put("subjectType", subjectType);
		members.put("subjectId", subjectId);
		members.put("before", new CanonicalJson.RawJson(beforeJson));
		members.put("after", new CanonicalJson.RawJson(afterJson));
		return CanonicalJson.object(members);
	}
}
