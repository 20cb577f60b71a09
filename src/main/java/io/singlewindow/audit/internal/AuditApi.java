package io.singlewindow.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Cursor;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail for administrators: its rows and the verification of its hash chain. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Tamper-evident audit trail of decisions on rights and money (ADMIN)")
class AuditApi {

	static final int MAX_PAGE_SIZE = 200;

	private final AuditEntries entries;
	private final AuditVerification verification;
	private final CurrentActor currentActor;
	private final JsonMapper json;

	AuditApi(AuditEntries entries, AuditVerification verification, CurrentActor currentActor, JsonMapper json) {
		this.entries = entries;
		this.verification = verification;
		this.currentActor = currentActor;
		this.json = json;
	}

	/** A row as the API shows it; {@code chainPosition} and {@code hash} are {@literal null} until sealed. */
	record EntryView(long id, Instant occurredAt, UUID actorAccount, String actorName, String actorRole,
			String actingForEnterprise, String actingForAgency, String action, String subjectType, String subjectId,
			JsonNode before, JsonNode after, Long chainPosition, String previousHash, String hash) {
	}

	/** {@code nextCursor} (also in the {@code Link} header) reads on after this page, stable while rows are added. */
	record PageView(List<EntryView> entries, int page, int size, boolean more, String nextCursor) {
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping
	@Operation(summary = "Audit rows, newest first, with optional exact filters (ADMIN)",
			description = "Read page after page with `cursor` (the `nextCursor` of the previous page, or its Link "
					+ "header): rows appended meanwhile shift nothing. `page` (with `size`) still works without a "
					+ "cursor, but an offset page moves when rows are added.")
	ResponseEntity<PageView> list(@RequestParam(required = false) String action,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String actingFor,
			@RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String size,
			@RequestParam(required = false) String cursor) {
		currentActor.get().requireRole(Role.ADMIN);
		int pageNo = number("page", page, 0, 1_000_000);
		int pageSize = number("size", size, 1, MAX_PAGE_SIZE);
		var found = entries.find(new AuditEntries.Filter(action, subjectType, subjectId, actor, actingFor), pageNo,
				pageSize, Cursor.read(cursor));
		var answer = ResponseEntity.ok();
		if (found.next() != null) {
			answer.header("Link", ListPage.nextLink(found.next()));
		}
		return answer.body(new PageView(found.entries().stream().map(this::view).toList(), found.page(), found.size(),
				found.more(), found.next() == null ? null : found.next().text()));
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping("/verification")
	@Operation(summary = "Recompute the hash chain: OK with the count, or the first broken link (ADMIN)")
	AuditVerification.Result verification() {
		currentActor.get().requireRole(Role.ADMIN);
		return verification.verify();
	}

	private EntryView view(AuditEntry e) {
		return new EntryView(e.id(), e.occurredAt(), e.actorAccount(), e.actorName(), e.actorRole(),
				e.actingForEnterprise(), e.actingForAgency(), e.action(), e.subjectType(), e.subjectId(),
				e.beforeJson() == null ? null : json.readTree(e.beforeJson()),
				e.afterJson() == null ? null : json.readTree(e.afterJson()), e.chainPosition(), e.previousHash(),
				e.hash());
	}

	/** Paging numbers are read by hand so that "abc" or "-1" get a field error, not a 500 or a silent default. */
	static int number(String field, String raw, int min, int max) {
		try {
			int n = Integer.parseInt(raw.strip());
			if (n < min) {
				throw Problem.invalidField(field, "TOO_SMALL", min);
			}
			if (n > max) {
				throw Problem.invalidField(field, "TOO_LARGE", max);
			}
			return n;
		} catch (NumberFormatException e) {
			throw Problem.invalidField(field, "MALFORMED_VALUE", raw);
		}
	}
}
