package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Cursor;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.LikePattern;
import io.singlewindow.core.ListPage;
import io.singlewindow.core.NumericColumn;
import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * Electronic agency agreements (电子代理报关委托协议, {@link AgencyAgreement}) and the zone's rule for them: a broker
 * proposes one to a principal that authorises its brokerage, the principal's trader confirms or declines it, and a
 * declaration the broker files for that principal takes a confirmed one that serves it ({@link #take}). From the day
 * the zone's administrators set ({@link #rule}), a broker's declaration for a principal without one is refused.
 * <p>
 * Who reads: the broker's brokerage (an operator only its principals), the principal's traders, and customs, which
 * checks the agreement behind a declaration. Nobody else learns that an agreement exists (404).
 */
@Component
class AgencyAgreements {

	private static final Logger log = LoggerFactory.getLogger(AgencyAgreements.class);

	/** A page of the list when the caller names no limit. */
	static final int LISTED = 100;

	/** The main goods' description, as the paper agreement's line holds it. */
	static final int GOODS = 200;

	/** A bill of lading or waybill number, as UN/EDIFACT carries one (an..35). */
	static final int TRANSPORT_DOCUMENT = 35;

	/** Other documents handed over, named in words, as the paper agreement's line holds them. */
	static final int OTHER_DOCUMENTS = 200;

	/** Within how many days (today the first) an unused confirmed agreement's end is told to its broker. */
	static final int ENDING_WITHIN_DAYS = 3;

	/** The longest text a list is searched for, as the declarations' list takes it. */
	static final int SEARCHED = DeclarationSearch.MAX_TEXT;

	/** How many enterprises whose name holds the text searched for a list looks among. */
	static final int NAMES_SEARCHED = 200;

	/** The most documents a proposal lists (each of the paper agreement's kinds once is six). */
	static final int DOCUMENTS_LISTED = 20;

	/** The column the fee is kept in. */
	private static final NumericColumn FEE = new NumericColumn(18, 2);

	private static final String COLUMNS = """
			a.number, a.broker, a.principal, a.flow, a.goods, a.hs_code, a.transport_document, a.valid_until, a.status,
			a.proposed_by, a.proposed_at, a.decided_by, a.decided_at, a.decline_reason, a.declaration_id, a.used_at,
			array_to_string(a.documents_received, ',') AS documents_received, a.other_documents,
			a.documents_received_on, a.fee, d.number AS declaration_number""";

	private static final String FROM = " FROM agency_agreement a LEFT JOIN declaration d ON d.id = a.declaration_id";

	/**
	 * What a proposal names; codes, days and the fee arrive as typed so that every bad one is reported at once.
	 *
	 * @param documentsReceived the documents the principal handed over, by their codes ({@link AgencyAgreement.Document})
	 * @param otherDocuments others handed over, named in words
	 * @param documentsReceivedOn the day they were received ({@code yyyy-MM-dd}); today when documents are named
	 *     without one
	 * @param fee the broker's fee in CNY, as a decimal
	 */
	record Proposal(String principal, String flow, String goods, String hsCode, String transportDocument,
			String validUntil, List<String> documentsReceived, String otherDocuments, String documentsReceivedOn,
			String fee) {

		/** A proposal without documents or fee. */
		Proposal(String principal, String flow, String goods, String hsCode, String transportDocument,
				String validUntil) {
			this(principal, flow, goods, hsCode, transportDocument, validUntil, null, null, null, null);
		}
	}

	/**
	 * An agreement with what its readers see besides: the number of the declaration it serves, the declarations that
	 * took it before and gave it back (the first first).
	 */
	record Read(AgencyAgreement agreement, String declarationNumber, List<GivenBack> givenBack) {

		Read(AgencyAgreement agreement, String declarationNumber) {
			this(agreement, declarationNumber, List.of());
		}

		Read withGivenBack(List<GivenBack> earlier) {
			return new Read(agreement, declarationNumber, List.copyOf(earlier));
		}
	}

	/**
	 * A declaration that took the agreement and gave it back when it ended without its goods moving on it.
	 *
	 * @param declaration its number
	 * @param because how it ended: {@code REJECTED}, {@code WITHDRAWN} or {@code CANCELLED}
	 */
	record GivenBack(String declaration, UUID declarationId, Instant usedAt, Instant givenBackAt,
			String because) {
	}

	/** The zone's rule: from which day a broker's declaration for a principal needs an agreement (null: never). */
	record Rule(LocalDate requiredFrom, String changedBy, Instant changedAt) {

		boolean requiredOn(LocalDate day) {
			return requiredFrom != null && !day.isBefore(requiredFrom);
		}
	}

	private final JdbcClient jdbc;
	private final Enterprises enterprises;
	private final BusinessTime time;
	private final AuditTrail auditTrail;
	private final ApplicationEventPublisher events;

	AgencyAgreements(JdbcClient jdbc, Enterprises enterprises, BusinessTime time, AuditTrail auditTrail,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.time = time;
		this.auditTrail = auditTrail;
		this.events = events;
	}

	/**
	 * A broker proposes an agreement to one of its principals.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a broker; {@code NOT_AUTHORISED_FOR_ENTERPRISE} or
	 *     {@code OPERATOR_RIGHT_REQUIRED} unless it may declare for the principal; 422 at {@code principal}:
	 *     {@code REQUIRED}, the USCC's format codes, {@code AGENCY_AGREEMENT_OWN_ENTERPRISE}; at {@code flow}:
	 *     {@code REQUIRED}, {@code FLOW_UNKNOWN}; at {@code goods}: {@code REQUIRED}, {@code SIZE},
	 *     {@code CONTROL_CHARACTER}; at {@code hsCode}: the code's format codes; at {@code transportDocument} and
	 *     {@code otherDocuments}: {@code SIZE}, {@code CONTROL_CHARACTER}; at {@code validUntil}: {@code REQUIRED},
	 *     {@code DATE_FORMAT}; at {@code documentsReceived}: {@code SIZE} (more than 20); at
	 *     {@code documentsReceived[i]}: {@code AGREEMENT_DOCUMENT_UNKNOWN}; at
	 *     {@code documentsReceivedOn}: {@code DATE_FORMAT}; at {@code fee}: {@code NUMBER_UNREADABLE},
	 *     {@code TOO_LARGE}; then those of {@link AgencyAgreement#proposed}
	 */
	@Transactional
	public Read propose(Actor actor, Proposal proposal) {
		actor.requireRole(Role.BROKER);
		Proposal p = proposal == null ? new Proposal(null, null, null, null, null, null) : proposal;
		Violations violations = new Violations();
		violations.required(p.principal(), "principal");
		Uscc principal = blank(p.principal()) ? null : violations.read("principal", () -> Uscc.parse(p.principal().strip()));
		violations.required(p.flow(), "flow");
		TradeFlow flow = blank(p.flow()) ? null : flowOf(p.flow(), violations);
		violations.required(p.goods(), "goods");
		String goods = violations.read("goods", () -> FreeText.line(p.goods(), GOODS));
		HsCode hsCode = blank(p.hsCode()) ? null : violations.read("hsCode", () -> HsCode.of(p.hsCode().strip()));
		String document = violations.read("transportDocument",
				() -> FreeText.line(p.transportDocument(), TRANSPORT_DOCUMENT));
		violations.required(p.validUntil(), "validUntil");
		LocalDate lastDay = blank(p.validUntil()) ? null : dayOf("validUntil", p.validUntil(), violations);
		List<AgencyAgreement.Document> documents = documentsOf(p.documentsReceived(), violations);
		String others = violations.read("otherDocuments", () -> FreeText.line(p.otherDocuments(), OTHER_DOCUMENTS));
		LocalDate receivedOn = blank(p.documentsReceivedOn()) ? null
				: dayOf("documentsReceivedOn", p.documentsReceivedOn(), violations);
		BigDecimal fee = violations.read("fee", () -> {
			BigDecimal written = WrittenNumber.parse(p.fee());
			return written == null ? null : FEE.fit(written);
		});
		// Whom it is for is checked before what it says: a broker learns nothing of a principal not its own.
		if (principal != null && principal.equals(actor.enterprise())) {
			violations.add("principal", "AGENCY_AGREEMENT_OWN_ENTERPRISE", principal.value());
		} else if (principal != null) {
			actor.requireActFor(principal, OperatorRight.DECLARE);
		}
		violations.throwIfAny();
		// Locale.ROOT: ASCII digits whatever the server's locale (ServerLocaleIntegrationTests).
		long serial = jdbc.sql("SELECT nextval('agency_agreement_seq')").query(Long.class).single();
		String number = "WT" + time.today().getYear() + String.format(Locale.ROOT, "%08d", serial);
		AgencyAgreement proposed = AgencyAgreement.proposed(number, actor.enterprise(), principal, flow,
				goods.strip(), hsCode, blank(document) ? null : document.strip(), lastDay,
				new AgencyAgreement.Handover(documents, blank(others) ? null : others.strip(), receivedOn), fee,
				actor.username(), time.now(), time.today());
		AgencyAgreement.Handover handover = proposed.handover();
		jdbc.sql("""
				INSERT INTO agency_agreement (number, broker, principal, flow, goods, hs_code, transport_document,
				                              valid_until, status, proposed_by, proposed_at, documents_received,
				                              other_documents, documents_received_on, fee)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ',')::varchar(24)[], ?, ?, ?)""")
			.params(number, proposed.broker().value(), principal.value(), flow.name(), proposed.goods(),
					hsCode == null ? null : hsCode.value(), proposed.transportDocument(), lastDay,
					proposed.status().name(), proposed.proposedBy(), Timestamp.from(proposed.proposedAt()),
					codes(handover.documents()), handover.otherDocuments(), handover.receivedOn(), proposed.fee())
			.update();
		auditTrail.record(AuditRecord.of("AGENCY_AGREEMENT_PROPOSED", "AGENCY_AGREEMENT", number).by(actor)
			.actingFor(principal)
			.change(null, AuditRecord.state("broker", proposed.broker().value(), "principal", principal.value(),
					"flow", flow.name(), "goods", proposed.goods(), "hsCode", hsCode == null ? null : hsCode.value(),
					"validUntil", lastDay.toString(), "documentsReceived", codes(handover.documents()),
					"otherDocuments", handover.otherDocuments(), "documentsReceivedOn",
					handover.receivedOn() == null ? null : handover.receivedOn().toString(), "fee",
					proposed.fee() == null ? null : proposed.fee().toPlainString())));
		events.publishEvent(new AgencyAgreementChanged(number, proposed.broker(), principal,
				AgencyAgreementChanged.Change.PROPOSED,
				actor.username(), null, null, proposed.proposedAt()));
		log.info("event=agency_agreement_proposed number={} broker={} principal={} flow={} by={}", number,
				proposed.broker().value(), principal.value(), flow, actor.username());
		return new Read(proposed, null);
	}

	/**
	 * The principal's trader confirms a proposed agreement.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a trader, {@code OPERATOR_RIGHT_REQUIRED} without the right to
	 *     declare; 404 {@code AGENCY_AGREEMENT_NOT_FOUND} unless proposed to its enterprise; 409
	 *     {@code AGENCY_AGREEMENT_NOT_PROPOSED}, {@code AGENCY_AGREEMENT_EXPIRED}
	 */
	@Transactional
	public Read confirm(Actor actor, String number) {
		AgencyAgreement before = lockedForPrincipal(actor, number);
		return decided(actor, before, before.confirmed(actor.username(), time.now(), time.today()),
				"AGENCY_AGREEMENT_CONFIRMED");
	}

	/**
	 * The principal's trader declines a proposed agreement, saying why.
	 *
	 * @throws Problem as {@link #confirm} without {@code AGENCY_AGREEMENT_EXPIRED}; 422 at {@code reason}:
	 *     {@code REASON_REQUIRED}, {@code SIZE}, {@code CONTROL_CHARACTER}
	 */
	@Transactional
	public Read decline(Actor actor, String number, String reason) {
		AgencyAgreement before = lockedForPrincipal(actor, number);
		if (blank(reason)) {
			throw Problem.invalidField("reason", "REASON_REQUIRED");
		}
		String why = FreeText.read("reason", reason, InputLimits.REASON).strip();
		return decided(actor, before, before.declined(actor.username(), time.now(), why), "AGENCY_AGREEMENT_DECLINED");
	}

	/**
	 * The broker takes back a proposal its principal has not decided.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless a broker, {@code OPERATOR_RIGHT_REQUIRED} without the right to
	 *     declare; 404 {@code AGENCY_AGREEMENT_NOT_FOUND} unless its brokerage's (for a principal it handles); 409
	 *     {@code AGENCY_AGREEMENT_NOT_PROPOSED}
	 */
	@Transactional
	public Read withdraw(Actor actor, String number) {
		actor.requireRole(Role.BROKER);
		actor.requireRight(OperatorRight.DECLARE);
		AgencyAgreement before = locked(number).filter(a -> a.broker().equals(actor.enterprise())
				&& actor.principals().contains(a.principal())).orElseThrow(() -> notFound(number));
		return decided(actor, before, before.withdrawn(actor.username(), time.now()), "AGENCY_AGREEMENT_WITHDRAWN");
	}

	private AgencyAgreement lockedForPrincipal(Actor actor, String number) {
		actor.requireRole(Role.TRADER);
		actor.requireRight(OperatorRight.DECLARE);
		return locked(number).filter(a -> a.principal().equals(actor.enterprise()))
			.orElseThrow(() -> notFound(number));
	}

	private Read decided(Actor actor, AgencyAgreement before, AgencyAgreement after, String action) {
		jdbc.sql("""
				UPDATE agency_agreement SET status = ?, decided_by = ?, decided_at = ?, decline_reason = ?
				WHERE number = ?""")
			.params(after.status().name(), after.decidedBy(), Timestamp.from(after.decidedAt()), after.declineReason(),
					after.number())
			.update();
		auditTrail.record(AuditRecord.of(action, "AGENCY_AGREEMENT", after.number()).by(actor)
			.actingFor(after.principal())
			.change(AuditRecord.state("status", before.status().name()),
					AuditRecord.state("status", after.status().name(), "reason", after.declineReason())));
		events.publishEvent(new AgencyAgreementChanged(after.number(), after.broker(), after.principal(),
				AgencyAgreementChanged.Change.of(after.status()), actor.username(), after.declineReason(), null,
				after.decidedAt()));
		log.info("event=agency_agreement_decided number={} status={} by={}", after.number(), after.status(),
				actor.username());
		return new Read(after, null);
	}

	/**
	 * One agreement as its reader may see it.
	 *
	 * @throws Problem 404 {@code AGENCY_AGREEMENT_NOT_FOUND} unless the caller may read it
	 */
	@Transactional(readOnly = true)
	public Read find(Actor actor, String number) {
		return read(number).filter(r -> mayRead(actor, r.agreement())).map(r -> withGivenBack(List.of(r)).getFirst())
			.orElseThrow(() -> notFound(number));
	}

	/**
	 * How many agreements proposed to a trader's enterprise, still in force, wait for its confirmation or refusal; 0
	 * for anyone who cannot decide them.
	 */
	long awaitingConfirmation(Actor actor) {
		if (!actor.is(Role.TRADER) || !actor.holds(OperatorRight.DECLARE)) {
			return 0;
		}
		return jdbc.sql("""
				SELECT count(*) FROM agency_agreement
				WHERE principal = ? AND status = 'PROPOSED' AND valid_until >= ?""")
			.params(actor.enterprise().value(), time.today()).query(Long.class).single();
	}

	/**
	 * How many agreements its principals confirmed to a broker's brokerage end within {@link #ENDING_WITHIN_DAYS} days
	 * (today counted, the last day included) with no declaration taking them; 0 for anyone who cannot declare with them.
	 */
	long endingUnused(Actor actor) {
		if (!actor.is(Role.BROKER) || !actor.holds(OperatorRight.DECLARE) || actor.principals().isEmpty()) {
			return 0;
		}
		LocalDate today = time.today();
		return jdbc.sql("""
				SELECT count(*) FROM agency_agreement
				WHERE broker = :broker AND principal IN (:principals) AND status = 'CONFIRMED'
				  AND declaration_id IS NULL AND valid_until BETWEEN :today AND :last""")
			.param("broker", actor.enterprise().value())
			.param("principals", actor.principals().stream().map(Uscc::value).toList())
			.param("today", today).param("last", today.plusDays(ENDING_WITHIN_DAYS - 1))
			.query(Long.class).single();
	}

	/**
	 * The agreement declaration {@code declaration} took — serving it still, or given back when it ended — if it took
	 * one and {@code actor} may read it. A declaration takes one at most: it takes it when filed, and gives it back
	 * only when it ends.
	 */
	@Transactional(readOnly = true)
	Optional<Read> takenBy(Actor actor, UUID declaration) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.declaration_id = :id"
				+ " OR a.number IN (SELECT g.number FROM agency_agreement_given_back g WHERE g.declaration_id = :id)")
			.param("id", declaration)
			.query(AgencyAgreements::row).optional().filter(r -> mayRead(actor, r.agreement()))
			.map(r -> withGivenBack(List.of(r)).getFirst());
	}

	/**
	 * A declaration that ended without its goods moving on it ({@code because}: rejected, withdrawn, cancelled) gives
	 * back the agreement it took, if it took one, in the transaction that ends it: the broker's next declaration for
	 * that principal it serves takes it again. A cleared one keeps it.
	 */
	void giveBack(Actor actor, UUID declaration, DeclarationStatus because, Instant now) {
		if (because != DeclarationStatus.REJECTED && because != DeclarationStatus.WITHDRAWN
				&& because != DeclarationStatus.CANCELLED) {
			throw new IllegalArgumentException("a declaration " + because + " keeps its agreement");
		}
		Optional<Read> taken = jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.declaration_id = ? FOR UPDATE OF a")
			.param(declaration).query(AgencyAgreements::row).optional();
		if (taken.isEmpty()) {
			return;
		}
		AgencyAgreement before = taken.get().agreement();
		AgencyAgreement back = before.givenBack();
		jdbc.sql("""
				INSERT INTO agency_agreement_given_back (number, declaration_id, used_at, given_back_at, because)
				VALUES (?, ?, ?, ?, ?)""")
			.params(before.number(), declaration, Timestamp.from(before.usedAt()), Timestamp.from(now), because.name())
			.update();
		jdbc.sql("UPDATE agency_agreement SET declaration_id = NULL, used_at = NULL WHERE number = ?")
			.param(back.number()).update();
		auditTrail.record(AuditRecord.of("AGENCY_AGREEMENT_GIVEN_BACK", "AGENCY_AGREEMENT", before.number()).by(actor)
			.actingFor(before.principal())
			.change(AuditRecord.state("declaration", taken.get().declarationNumber()),
					AuditRecord.state("declaration", null, "because", because.name())));
		events.publishEvent(new AgencyAgreementChanged(before.number(), before.broker(), before.principal(),
				AgencyAgreementChanged.Change.GIVEN_BACK, actor.username(), because.name(),
				taken.get().declarationNumber(), now));
		log.info("event=agency_agreement_given_back number={} declaration={} because={}", before.number(),
				taken.get().declarationNumber(), because);
	}

	/** {@code reads} with the declarations each served before and gave back, read in one query. */
	private List<Read> withGivenBack(List<Read> reads) {
		if (reads.isEmpty()) {
			return reads;
		}
		Map<String, List<GivenBack>> earlier = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT g.number, g.declaration_id, g.used_at, g.given_back_at, g.because, d.number AS declaration_number
				FROM agency_agreement_given_back g LEFT JOIN declaration d ON d.id = g.declaration_id
				WHERE g.number = ANY(?) ORDER BY g.used_at, g.declaration_id""")
			.param(reads.stream().map(r -> r.agreement().number()).toArray(String[]::new))
			.query(rs -> {
				earlier.computeIfAbsent(rs.getString("number"), n -> new java.util.ArrayList<>())
					.add(new GivenBack(rs.getString("declaration_number"), rs.getObject("declaration_id", UUID.class),
							rs.getTimestamp("used_at").toInstant(), rs.getTimestamp("given_back_at").toInstant(),
							rs.getString("because")));
			});
		return reads.stream()
			.map(r -> r.withGivenBack(earlier.getOrDefault(r.agreement().number(), List.of())))
			.toList();
	}

	/**
	 * The agreements {@code actor} may read, the latest proposed first, of one {@code status} when named, holding
	 * {@code q} when given: a trader's enterprise's, a broker's (of the principals it handles), every one for customs.
	 * {@code q} is a piece of the agreement's number, its bill of lading, its goods, or a party's USCC or name
	 * (case-insensitive, its wildcards literal; a name held by more than {@value #NAMES_SEARCHED} enterprises finds the
	 * agreements of the latest registered of them).
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} for anyone else; 422 at {@code status}:
	 *     {@code AGENCY_AGREEMENT_STATUS_UNKNOWN}; at {@code q}: {@code SIZE}, {@code CONTROL_CHARACTER}
	 */
	@Transactional(readOnly = true)
	public ListPage<Read> list(Actor actor, String status, String q, PageRequest page) {
		AgencyAgreement.Status only = blank(status) ? null : statusOf(status);
		String text = blank(q) ? "" : FreeText.read("q", q, SEARCHED).strip();
		String side;
		List<String> principals = null;
		if (actor.is(Role.TRADER)) {
			side = "a.principal = :enterprise";
		} else if (actor.is(Role.BROKER)) {
			side = "a.broker = :enterprise AND a.principal IN (:principals)";
			principals = actor.principals().stream().map(Uscc::value).toList();
			if (principals.isEmpty()) {
				return new ListPage<>(List.of(), null);
			}
		} else if (actor.mayActAs(AgencyCode.CUSTOMS)) {
			side = "true";
		} else {
			throw Problem.forbidden("ROLE_REQUIRED", "TRADER, BROKER, CUSTOMS");
		}
		Cursor after = page.after();
		var query = jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + side
				+ (only == null ? "" : " AND a.status = :status")
				+ (text.isEmpty() ? "" : " AND (lower(a.number) LIKE :like OR lower(a.transport_document) LIKE :like"
						+ " OR lower(a.goods) LIKE :like OR lower(a.broker) LIKE :like OR lower(a.principal) LIKE :like"
						+ " OR a.broker = ANY(:named) OR a.principal = ANY(:named))")
				+ (after == null ? "" : " AND (a.proposed_at, a.number) < (:at, :number)")
				+ " ORDER BY a.proposed_at DESC, a.number DESC LIMIT :limit")
			.param("limit", page.rows());
		if (!side.equals("true")) {
			query = query.param("enterprise", actor.enterprise().value());
		}
		if (principals != null) {
			query = query.param("principals", principals);
		}
		if (only != null) {
			query = query.param("status", only.name());
		}
		if (!text.isEmpty()) {
			query = query.param("like", LikePattern.containing(text)).param("named", enterprises
				.search(text, null, NAMES_SEARCHED).stream().map(e -> e.uscc().value()).toArray(String[]::new));
		}
		if (after != null) {
			query = query.param("at", after.atUtc()).param("number", after.key());
		}
		return page.page(withGivenBack(query.query(AgencyAgreements::row).list()),
				r -> new Cursor(r.agreement().proposedAt(), r.agreement().number()));
	}

	/** The registered names of the parties of {@code agreements}. */
	Map<Uscc, String> partiesOf(Collection<Read> agreements) {
		return namesOf(agreements.stream()
			.flatMap(r -> Stream.of(r.agreement().broker(), r.agreement().principal()))
			.collect(Collectors.toSet()));
	}

	/** The registered (Chinese) names of {@code enterprises}, as the agreement names its parties. */
	Map<Uscc, String> namesOf(Collection<Uscc> parties) {
		return parties.isEmpty() ? Map.of() : enterprises.namesOf(parties);
	}

	/**
	 * The principals a broker may propose an agreement to: those it handles, if it may declare; none for anyone else.
	 */
	List<Uscc> principalsOf(Actor actor) {
		return actor.is(Role.BROKER) && actor.holds(OperatorRight.DECLARE)
				? actor.principals().stream().filter(p -> !p.equals(actor.enterprise()))
					.sorted(Comparator.comparing(Uscc::value)).toList()
				: List.of();
	}

	/** The zone's rule as it stands. */
	public Rule rule() {
		return jdbc.sql("SELECT required_from, changed_by, changed_at FROM agency_agreement_rule")
			.query((rs, row) -> new Rule(rs.getObject(1, LocalDate.class), rs.getString(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.single();
	}

	/**
	 * The zone's administrators set from which day ({@code yyyy-MM-dd}; blank: never) a broker's declaration for a
	 * principal needs a confirmed agreement. A day already passed is allowed: it requires them from now.
	 *
	 * @throws Problem 403 {@code ROLE_REQUIRED} unless an administrator; 422 at {@code requiredFrom}:
	 *     {@code DATE_FORMAT}
	 */
	@Transactional
	public Rule changeRule(Actor actor, String requiredFrom) {
		actor.requireRole(Role.ADMIN);
		Violations violations = new Violations();
		LocalDate from = blank(requiredFrom) ? null : dayOf("requiredFrom", requiredFrom, violations);
		violations.throwIfAny();
		Rule before = rule();
		jdbc.sql("UPDATE agency_agreement_rule SET required_from = ?, changed_by = ?, changed_at = ?")
			.params(from, actor.username(), Timestamp.from(time.now())).update();
		auditTrail.record(AuditRecord.of("AGENCY_AGREEMENT_RULE_CHANGED", "AGENCY_AGREEMENT_RULE", "zone").by(actor)
			.change(AuditRecord.state("requiredFrom", String.valueOf(before.requiredFrom())),
					AuditRecord.state("requiredFrom", String.valueOf(from))));
		log.info("event=agency_agreement_rule_changed required_from={} by={}", from, actor.username());
		return rule();
	}

	/**
	 * The check a submission makes before it writes anything: a broker declaring for a principal on a day the zone
	 * requires an agreement must hold a confirmed one that serves the declaration. Reads only.
	 *
	 * @throws Problem 422 at {@code declarant}: {@code AGENCY_AGREEMENT_REQUIRED}
	 */
	void requireServing(Actor actor, Uscc declarant, TradeFlow flow, Collection<HsCode> codes) {
		if (!forAPrincipal(actor, declarant)) {
			return;
		}
		LocalDate today = time.today();
		if (rule().requiredOn(today) && serving(actor.enterprise(), declarant, flow, codes, today, false).isEmpty()) {
			throw Problem.invalidField("declarant", "AGENCY_AGREEMENT_REQUIRED", declarant.value(), named(flow));
		}
	}

	/**
	 * A broker's declaration for a principal takes the agreement that serves it, if any: one naming a line's goods
	 * before one naming none, the earliest proposed first. Written after the declaration's header, in its transaction.
	 *
	 * @return the agreement's number, empty when none serves (allowed only while the zone does not require one)
	 * @throws Problem 409 {@code AGENCY_AGREEMENT_TAKEN} when the zone requires one and another declaration took the
	 *     last that served since {@link #requireServing}
	 */
	Optional<String> take(Actor actor, Uscc declarant, TradeFlow flow, Collection<HsCode> codes, UUID declaration,
			Instant now) {
		if (!forAPrincipal(actor, declarant)) {
			return Optional.empty();
		}
		LocalDate today = time.today();
		Optional<AgencyAgreement> serving = serving(actor.enterprise(), declarant, flow, codes, today, true);
		if (serving.isEmpty()) {
			if (rule().requiredOn(today)) {
				throw Problem.conflict("AGENCY_AGREEMENT_TAKEN", declarant.value(), named(flow));
			}
			return Optional.empty();
		}
		AgencyAgreement used = serving.get().usedBy(declaration, now);
		// Locked above, so unused still; the condition keeps it so should the lock ever go.
		int taken = jdbc.sql("UPDATE agency_agreement SET declaration_id = ?, used_at = ? WHERE number = ?"
				+ " AND declaration_id IS NULL")
			.params(declaration, Timestamp.from(now), used.number()).update();
		if (taken == 0) {
			throw Problem.conflict("AGENCY_AGREEMENT_TAKEN", declarant.value(), named(flow));
		}
		log.info("event=agency_agreement_used number={} declaration_id={}", used.number(), declaration);
		return Optional.of(used.number());
	}

	/** The direction as the declaration form names it ("Import", "进口"), for a refusal's message. */
	private static MessageSourceResolvable named(TradeFlow flow) {
		return Problem.named("declaration.flow.", flow);
	}

	private static boolean forAPrincipal(Actor actor, Uscc declarant) {
		return actor.is(Role.BROKER) && !declarant.equals(actor.enterprise());
	}

	/**
	 * The confirmed, unused agreement in force that serves a declaration of {@code flow} with lines of {@code codes};
	 * {@code lock}: locked for the taking, skipping one another submission holds.
	 */
	private Optional<AgencyAgreement> serving(Uscc broker, Uscc principal, TradeFlow flow, Collection<HsCode> codes,
			LocalDate day, boolean lock) {
		String listed = codes.stream().map(HsCode::value).distinct().collect(Collectors.joining(","));
		return jdbc.sql("SELECT " + COLUMNS + FROM + " " + """
				WHERE a.broker = ? AND a.principal = ? AND a.flow = ? AND a.status = 'CONFIRMED'
				   AND a.declaration_id IS NULL AND a.valid_until >= ?
				   AND (a.hs_code IS NULL OR EXISTS (SELECT 1 FROM unnest(string_to_array(?, ',')) c WHERE c LIKE a.hs_code || '%'))
				 ORDER BY a.hs_code IS NULL, a.proposed_at, a.number LIMIT 1""" + (lock ? " FOR UPDATE OF a SKIP LOCKED" : ""))
			.params(broker.value(), principal.value(), flow.name(), day, listed)
			.query(AgencyAgreements::row).optional().map(Read::agreement)
			.filter(a -> a.serves(flow, codes, day));
	}

	private Optional<AgencyAgreement> locked(String number) {
		if (blank(number) || number.length() > 16) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.number = ? FOR UPDATE OF a").param(number.strip())
			.query(AgencyAgreements::row).optional().map(Read::agreement);
	}

	private Optional<Read> read(String number) {
		if (blank(number) || number.length() > 16) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.number = ?").param(number.strip())
			.query(AgencyAgreements::row).optional();
	}

	private static boolean mayRead(Actor actor, AgencyAgreement a) {
		return switch (actor.role()) {
			case TRADER -> a.principal().equals(actor.enterprise());
			case BROKER -> a.broker().equals(actor.enterprise()) && actor.principals().contains(a.principal());
			case OFFICER -> actor.mayActAs(AgencyCode.CUSTOMS);
			default -> false;
		};
	}

	private static Problem notFound(String number) {
		return Problem.notFound("AGENCY_AGREEMENT_NOT_FOUND", number);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static TradeFlow flowOf(String raw, Violations violations) {
		try {
			return TradeFlow.valueOf(raw.strip());
		} catch (IllegalArgumentException e) {
			violations.add("flow", "FLOW_UNKNOWN", raw.strip());
			return null;
		}
	}

	private static AgencyAgreement.Status statusOf(String raw) {
		try {
			return AgencyAgreement.Status.valueOf(raw.strip());
		} catch (IllegalArgumentException e) {
			throw Problem.invalidField("status", "AGENCY_AGREEMENT_STATUS_UNKNOWN", raw.strip());
		}
	}

	/** The documents named by their codes, each unknown one a problem at its place in the list. */
	private static List<AgencyAgreement.Document> documentsOf(List<String> raw, Violations violations) {
		if (raw == null) {
			return List.of();
		}
		if (raw.size() > DOCUMENTS_LISTED) {
			// Each kind once is all a list holds: a longer one is refused whole, not answered with a problem a line.
			violations.add("documentsReceived", "SIZE", DOCUMENTS_LISTED);
			return List.of();
		}
		List<AgencyAgreement.Document> documents = new java.util.ArrayList<>();
		for (int i = 0; i < raw.size(); i++) {
			String code = raw.get(i) == null ? "" : raw.get(i).strip();
			try {
				documents.add(AgencyAgreement.Document.valueOf(code));
			} catch (IllegalArgumentException e) {
				violations.add("documentsReceived[" + i + "]", "AGREEMENT_DOCUMENT_UNKNOWN",
						code.length() > 24 ? code.substring(0, 24) + "…" : code);
			}
		}
		return documents;
	}

	/** The documents' codes as the column takes them, comma-separated. */
	private static String codes(List<AgencyAgreement.Document> documents) {
		return documents.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	private static LocalDate dayOf(String field, String raw, Violations violations) {
		Optional<LocalDate> day = Cursor.day(raw.strip());
		if (day.isEmpty()) {
			violations.add(field, "DATE_FORMAT");
		}
		return day.orElse(null);
	}

	private static Read row(ResultSet rs, int row) throws SQLException {
		String hs = rs.getString("hs_code");
		String declaration = rs.getString("declaration_id");
		Timestamp decided = rs.getTimestamp("decided_at");
		Timestamp used = rs.getTimestamp("used_at");
		String documents = rs.getString("documents_received");
		AgencyAgreement.Handover handover = rs.getObject("documents_received_on") == null
				? AgencyAgreement.Handover.NONE
				: new AgencyAgreement.Handover(documents.isEmpty() ? List.of()
						: Stream.of(documents.split(",")).map(AgencyAgreement.Document::valueOf).toList(),
						rs.getString("other_documents"), rs.getObject("documents_received_on", LocalDate.class));
		return new Read(new AgencyAgreement(rs.getString("number"), Uscc.parse(rs.getString("broker")),
				Uscc.parse(rs.getString("principal")), TradeFlow.valueOf(rs.getString("flow")), rs.getString("goods"),
				hs == null ? null : HsCode.of(hs), rs.getString("transport_document"),
				rs.getObject("valid_until", LocalDate.class), AgencyAgreement.Status.valueOf(rs.getString("status")),
				rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("decline_reason"),
				declaration == null ? null : UUID.fromString(declaration), used == null ? null : used.toInstant(),
				handover, rs.getBigDecimal("fee")),
				rs.getString("declaration_number"));
	}
}
