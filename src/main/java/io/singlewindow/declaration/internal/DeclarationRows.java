package io.singlewindow.declaration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.MultiRowInsert;
import io.singlewindow.risk.RiskDecision;
import io.singlewindow.routing.RoutingDecision;
import io.singlewindow.tariff.Assessment;

/**
 * The one place that writes a declaration's rows: the header, lines, routes and tasks of a submission or an
 * amendment, and every later change — it locks a declaration and loads it as a {@link Declaration}, and writes back
 * what the change recorded (tasks, status, timeline), then queues the declarant's webhooks and publishes the events,
 * all in the caller's transaction. {@link DeclarationStore} reads declarations for display.
 */
@Component
class DeclarationRows {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Webhooks webhooks;
	private final ApplicationEventPublisher events;
	private final ThreadLocal<Pending> held = new ThreadLocal<>();

	DeclarationRows(JdbcClient jdbc, JdbcTemplate batch, Webhooks webhooks, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.webhooks = webhooks;
		this.events = events;
	}

	/**
	 * Locks the declaration's row until the transaction ends, so that officers' decisions, answers, amendments and
	 * releases on one declaration are serialised and every change sees committed task states.
	 *
	 * @throws Problem 404 {@code DECLARATION_NOT_FOUND}
	 */
	Declaration lock(UUID id) {
		record Header(String number, String declarant, DeclarationStatus status, int version,
				Declaration.CancellationApplication application, Declaration.CorrectionApplication correction,
				Declaration.Duties duties) {
		}
		Header header = jdbc.sql("""
				SELECT number, declarant, status, version, cancellation_applied_by, cancellation_applied_at,
				       cancellation_reason, correction_applied_by, correction_applied_at, correction_reason,
				       correction_values, %s FROM declaration WHERE id = ? FOR UPDATE""".formatted(DUTIES_COLUMNS))
			.param(id)
			.query((rs, n) -> new Header(rs.getString("number"), rs.getString("declarant"),
					DeclarationStatus.valueOf(rs.getString("status")), rs.getInt("version"),
					rs.getTimestamp("cancellation_applied_at") == null ? null
							: new Declaration.CancellationApplication(rs.getString("cancellation_applied_by"),
									rs.getTimestamp("cancellation_applied_at").toInstant(),
									rs.getString("cancellation_reason")),
					rs.getTimestamp("correction_applied_at") == null ? null
							: new Declaration.CorrectionApplication(rs.getString("correction_applied_by"),
									rs.getTimestamp("correction_applied_at").toInstant(),
									rs.getString("correction_reason"),
									ValueCorrections.fromStored(rs.getString("correction_values"))),
					duties(rs)))
			.optional()
			.orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		List<Declaration.Task> tasks = jdbc.sql("SELECT id, agency, status, version FROM agency_task WHERE declaration_id = ?")
			.param(id)
			.query((rs, n) -> new Declaration.Task(rs.getObject("id", UUID.class), new AgencyCode(rs.getString("agency")),
					TaskStatus.valueOf(rs.getString("status")), rs.getInt("version")))
			.list();
		return new Declaration(id, header.number(), Uscc.parse(header.declarant()), header.status(),
				header.version(), tasks).withApplication(header.application())
			.withCorrectionApplication(header.correction()).withDuties(header.duties());
	}

	/** The columns {@link #duties} reads, for every query that selects them. */
	static final String DUTIES_COLUMNS = """
			total_taxes, cleared_at, duties_paid_amount, duties_paid_surcharge, duties_paid_on, duties_payment_reference,
			duties_recorded_by, duties_recorded_at, taxes_settled_apart, differences_unpaid, duties_guarantee_kind,
			duties_guarantee_amount, duties_guarantee_valid_until, duties_guarantee_reference, duties_guarantee_by,
			duties_guarantee_at, duties_guarantee_enforced, duties_guarantee_summary, duties_refund_amount,
			duties_refund_on, duties_refund_reference, duties_refund_by, duties_refund_at""";

	/**
	 * What the declaration's row says it owes in duties and taxes and their payment ({@link #DUTIES_COLUMNS}), as the
	 * store reads them too.
	 */
	static Declaration.Duties duties(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp cleared = rs.getTimestamp("cleared_at");
		Timestamp recorded = rs.getTimestamp("duties_recorded_at");
		java.math.BigDecimal total = rs.getBigDecimal("total_taxes");
		// The first notice asks the declaration's taxes less what corrections put on notices of their own.
		return new Declaration.Duties(total == null ? null : total.subtract(rs.getBigDecimal("taxes_settled_apart")),
				cleared == null ? null : LocalDate.ofInstant(cleared.toInstant(), BusinessTime.ZONE),
				recorded == null ? null
						: new Declaration.DutyPayment(rs.getBigDecimal("duties_paid_amount"),
								rs.getBigDecimal("duties_paid_surcharge"), rs.getObject("duties_paid_on", LocalDate.class),
								rs.getString("duties_payment_reference"),
								rs.getString("duties_recorded_by"), recorded.toInstant()),
				rs.getBigDecimal("differences_unpaid"), guarantee(rs), refund(rs));
	}

	private static Declaration.DutyPayment refund(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp recorded = rs.getTimestamp("duties_refund_at");
		return recorded == null ? null
				: new Declaration.DutyPayment(rs.getBigDecimal("duties_refund_amount"), java.math.BigDecimal.ZERO.setScale(2),
						rs.getObject("duties_refund_on", LocalDate.class), rs.getString("duties_refund_reference"),
						rs.getString("duties_refund_by"), recorded.toInstant());
	}

	private static Declaration.DutyGuarantee guarantee(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp accepted = rs.getTimestamp("duties_guarantee_at");
		return accepted == null ? null
				: new Declaration.DutyGuarantee(Declaration.GuaranteeKind.valueOf(rs.getString("duties_guarantee_kind")),
						rs.getBigDecimal("duties_guarantee_amount"),
						rs.getObject("duties_guarantee_valid_until", LocalDate.class),
						rs.getString("duties_guarantee_reference"), rs.getString("duties_guarantee_by"),
						accepted.toInstant(), rs.getBoolean("duties_guarantee_enforced"),
						rs.getBoolean("duties_guarantee_summary"));
	}

	/**
	 * A correction of the locked declaration, as its notice: what it changed in duties and taxes, whether on a notice
	 * of its own, and its settlement if recorded.
	 */
	java.util.Optional<Declaration.TaxDifference> taxDifference(UUID declarationId, UUID correctionId) {
		return jdbc.sql("""
				SELECT id, corrected_at, taxes_before, taxes_after, settled_apart, settled_amount, settled_surcharge,
				       settled_on, settlement_reference, settled_by, settled_at
				FROM declaration_correction WHERE id = ? AND declaration_id = ?""")
			.params(correctionId, declarationId)
			.query((rs, n) -> taxDifference(rs))
			.optional();
	}

	/** A correction's row ({@link #taxDifference(UUID, UUID)}'s columns) as its notice, as the store reads it too. */
	static Declaration.TaxDifference taxDifference(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp settled = rs.getTimestamp("settled_at");
		return new Declaration.TaxDifference(rs.getObject("id", UUID.class),
				rs.getBigDecimal("taxes_after").subtract(rs.getBigDecimal("taxes_before")),
				LocalDate.ofInstant(rs.getTimestamp("corrected_at").toInstant(), BusinessTime.ZONE),
				rs.getBoolean("settled_apart"),
				settled == null ? null
						: new Declaration.DutyPayment(rs.getBigDecimal("settled_amount"),
								rs.getBigDecimal("settled_surcharge"), rs.getObject("settled_on", LocalDate.class),
								rs.getString("settlement_reference"), rs.getString("settled_by"), settled.toInstant()));
	}

	/** A task as an amendment finds it. */
	record PreviousTask(UUID id, TaskStatus status, String fingerprint) {
	}

	/**
	 * Stores a new declaration's header; the number is drawn in the insert itself: XM + business date + 8-digit
	 * sequence.
	 *
	 * @param key the key it is submitted under (null when none was sent)
	 * @param reference the declarant's own reference, unique under the declarant as the key is
	 * @return its number, or {@literal null} when a submission with the same key or reference committed first (the
	 *     insert waited for it)
	 */
	String insert(UUID id, LocalDate businessDay, Uscc declarant, String key, String reference, String requestHash,
			ValidDeclaration d, String submittedBy, Instant now) {
		// No conflict target: the key and the reference are each unique under the declarant, and either one taken
		// means a repeat (or another declaration under a name in use), which the caller looks up.
		String number = jdbc.sql("""
				INSERT INTO declaration (id, number, declarant, client_reference, idempotency_key, request_hash, flow,
				    trade_mode, transport_mode, port, origin_country, destination_country, trading_country, currency,
				    incoterm, freight, insurance, packages, gross_weight, net_weight, consignor, consignee, status,
				    submitted_by, submitted_at, updated_at)
				VALUES (?, ? || lpad(nextval('declaration_number_seq')::text, 8, '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)
				ON CONFLICT DO NOTHING RETURNING number""")
			.params(id, "XM" + businessDay.format(DateTimeFormatter.BASIC_ISO_DATE), declarant.value(), reference, key,
					requestHash, d.flow().name(), d.tradeMode(), d.transportMode(), d.port().value(),
					d.originCountry().value(), d.destinationCountry().value(), d.tradingCountry().value(),
					d.currency().value(), d.incoterm(), d.freight(), d.insurance(), d.packages(), d.grossWeight(),
					d.netWeight(), d.consignor(), d.consignee(), submittedBy, Timestamp.from(now), Timestamp.from(now))
			.query(String.class)
			.optional()
			.orElse(null);
		Pending pending = held.get();
		if (pending != null && number != null) {
			pending.headers().add(id);
		}
		return number;
	}

	/**
	 * Whether the work held on this thread ({@link #hold}) has inserted a header. A submission writes nothing before its
	 * header, so until then a refusal leaves nothing to undo, even without a savepoint.
	 */
	boolean headerWritten() {
		Pending pending = held.get();
		return pending != null && !pending.headers().isEmpty();
	}

	/** What the declarant's last amendment declared ({@code amendment} of {@link #replaceDeclared}); null for none. */
	String lastAmendment(UUID id) {
		return jdbc.sql("SELECT last_amendment_hash FROM declaration WHERE id = ?").param(id).query(String.class)
			.optional().orElse(null);
	}

	/**
	 * An amendment replaces what was declared: the header's values, and its lines and routes (written afresh).
	 * {@code amendment} is the amendment's digest, kept to know it when it is sent again.
	 */
	void replaceDeclared(UUID id, ValidDeclaration d, String amendment) {
		jdbc.sql("DELETE FROM declaration_route WHERE declaration_id = ?").param(id).update();
		jdbc.sql("DELETE FROM declaration_item WHERE declaration_id = ?").param(id).update();
		jdbc.sql("""
				UPDATE declaration SET flow = ?, trade_mode = ?, transport_mode = ?, port = ?, origin_country = ?,
				    destination_country = ?, trading_country = ?, currency = ?, incoterm = ?, freight = ?,
				    insurance = ?, packages = ?, gross_weight = ?, net_weight = ?, consignor = ?, consignee = ?,
				    last_amendment_hash = ?
				WHERE id = ?""")
			.params(d.flow().name(), d.tradeMode(), d.transportMode(), d.port().value(), d.originCountry().value(),
					d.destinationCountry().value(), d.tradingCountry().value(), d.currency().value(), d.incoterm(),
					d.freight(), d.insurance(), d.packages(), d.grossWeight(), d.netWeight(), d.consignor(),
					d.consignee(), amendment, id)
			.update();
	}

	/**
	 * Writes a correction customs made after the clearance ({@link DeclarationCorrections}): every line assessed
	 * again (a corrected value moves the freight and insurance the others bear), the corrected values, the header's
	 * totals, and the correction's own record with each changed line before and after. The status, version and
	 * timeline are {@link #save}'s.
	 */
	void writeCorrection(UUID id, io.singlewindow.declaration.DeclarationCorrected correction, boolean settledApart,
			java.math.BigDecimal customsValueBefore, Assessment after, Map<Integer, java.math.BigDecimal> changed,
			List<DeclarationView.CorrectedLine> lines) {
		List<Object[]> items = new ArrayList<>();
		for (Assessment.Line l : after.lines()) {
			items.add(new Object[] { l.customsValueCny(), l.duty(), l.excise(), l.vat(), remedy(l),
					String.join("\n", l.steps()), changed.get(l.lineNo()), id, l.lineNo() });
		}
		batch.batchUpdate("""
				UPDATE declaration_item SET customs_value_cny = ?, duty = ?, excise = ?, vat = ?, remedy = ?, steps = ?,
				    value = COALESCE(?, value)
				WHERE declaration_id = ? AND line_no = ?""", items);
		java.math.BigDecimal apart = settledApart ? correction.taxDifference() : java.math.BigDecimal.ZERO;
		jdbc.sql("""
				UPDATE declaration SET total_customs_value = ?, total_duty = ?, total_excise = ?, total_vat = ?,
				    total_remedy = ?, total_taxes = ?, duty_waived = ?, excise_waived = ?, vat_waived = ?,
				    taxes_settled_apart = taxes_settled_apart + ?, differences_unpaid = differences_unpaid + GREATEST(?, 0)
				WHERE id = ?""")
			.params(after.totalCustomsValueCny(), after.totalDuty(), after.totalExcise(), after.totalVat(),
					waived(after.totalRemedy()), after.totalTaxes(), waived(after.waived().duty()),
					waived(after.waived().excise()),
					waived(after.waived().vat()), apart, apart, id)
			.update();
		UUID correctionId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO declaration_correction (id, declaration_id, corrected_by, corrected_at, reason,
				    customs_value_before, customs_value_after, taxes_before, taxes_after, settled_apart)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(correctionId, id, correction.correctedBy(), Timestamp.from(correction.correctedAt()),
					correction.reason(), customsValueBefore, after.totalCustomsValueCny(), correction.taxesBefore(),
					correction.taxesAfter(), settledApart)
			.update();
		batch.batchUpdate("""
				INSERT INTO declaration_correction_line (correction_id, line_no, value_before, value_after,
				    customs_value_before, customs_value_after, taxes_before, taxes_after)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", lines.stream()
			.map(l -> new Object[] { correctionId, l.lineNo(), l.valueBefore(), l.valueAfter(), l.customsValueBefore(),
					l.customsValueAfter(), l.taxesBefore(), l.taxesAfter() })
			.toList());
	}

	/** The tasks of a locked declaration, by agency, with what each agency saw when it decided. */
	Map<String, PreviousTask> previousTasks(UUID id) {
		Map<String, PreviousTask> previous = new LinkedHashMap<>();
		jdbc.sql("SELECT id, agency, status, fingerprint FROM agency_task WHERE declaration_id = ?").param(id)
			.query((rs, n) -> previous.put(rs.getString("agency"), new PreviousTask(rs.getObject("id", UUID.class),
					TaskStatus.valueOf(rs.getString("status")), rs.getString("fingerprint"))))
			.list();
		return previous;
	}

	/** What a line was assessed at per unit of quantity, one part of it; {@literal null} when nothing was. */
	private static <T> T perUnit(Assessment.Line a, java.util.function.Function<Assessment.PerUnit, T> part) {
		return a == null || a.perUnit() == null ? null : part.apply(a.perUnit());
	}

	/** The declared lines with their assessment, and where routing sent each. */
	void insertLines(UUID id, ValidDeclaration d, Map<Integer, Assessment.Line> assessed,
			List<List<RoutingDecision>> routesPerLine) {
		List<Object[]> items = new ArrayList<>();
		for (ValidDeclaration.Item i : d.items()) {
			Assessment.Line a = assessed.get(i.lineNo());
			items.add(new Object[] { id, i.lineNo(), i.hsCode().value(), i.description(), i.quantity(),
					i.unit().value(), i.statisticalQuantity(), i.value(), i.origin().value(), i.permitNumber(),
					i.certificateAgreement(), i.certificateNumber(), a == null ? null : a.customsValueCny(),
					a == null ? null : a.rateBasis(), a == null ? null : a.dutyRate(), a == null ? null : a.duty(),
					a == null ? null : a.exciseRate(), a == null ? null : a.excise(), a == null ? null : a.vatRate(),
					a == null ? null : a.vat(), a == null ? null : String.join("\n", a.steps()),
					perUnit(a, Assessment.PerUnit::duty), perUnit(a, Assessment.PerUnit::excise),
					perUnit(a, Assessment.PerUnit::quantity), perUnit(a, Assessment.PerUnit::unit),
					i.tariffQuotaCertificate(), a == null ? null : a.remedyRate(), a == null ? null : remedy(a),
					i.producer() });
		}
		List<Object[]> routes = new ArrayList<>();
		for (int i = 0; i < routesPerLine.size(); i++) {
			for (RoutingDecision r : routesPerLine.get(i)) {
				routes.add(new Object[] { id, i + 1, r.agency().value(), r.ruleCode(), r.reason() });
			}
		}
		Pending pending = held.get();
		if (pending != null) {
			pending.items().addAll(items);
			pending.routes().addAll(routes);
			return;
		}
		ITEMS.write(jdbc, items);
		ROUTES.write(jdbc, routes);
	}

	private static final MultiRowInsert ITEMS = new MultiRowInsert("declaration_item", List.of("declaration_id uuid",
			"line_no int", "hs_code text", "description text", "quantity numeric", "unit text",
			"statistical_quantity numeric", "value numeric", "origin text", "permit_number text",
			"certificate_agreement text", "certificate_number text", "customs_value_cny numeric", "rate_basis text",
			"duty_rate numeric", "duty numeric", "excise_rate numeric", "excise numeric", "vat_rate numeric",
			"vat numeric", "steps text", "duty_per_unit numeric", "excise_per_unit numeric",
			"per_unit_quantity numeric", "per_unit_unit text", "tariff_quota_certificate text", "remedy_rate numeric",
			"remedy numeric", "producer text"), "");

	private static final MultiRowInsert ROUTES = new MultiRowInsert("declaration_route",
			List.of("declaration_id uuid", "line_no int", "agency text", "rule_code text", "reason text"),
			"ON CONFLICT DO NOTHING");

	private static final MultiRowInsert TASKS = new MultiRowInsert("agency_task",
			List.of("id uuid", "declaration_id uuid", "agency text", "status text", "policy_code text", "note text",
					"decided_by text", "decided_at timestamptz", "fingerprint text", "created_at timestamptz"),
			"");

	/** In the entries' order: {@code seq} numbers them as inserted, and the timeline is read in its order. */
	private static final MultiRowInsert TIMELINE = new MultiRowInsert("declaration_event", List.of("id uuid",
			"declaration_id uuid", "at timestamptz", "event text", "agency text", "actor text", "reason_code text",
			"reason text"), "");

	/** A group's lines, routes, tasks and timeline, written with its headers' routing ({@link #WRITE_HELD}). */
	private static final MultiRowInsert.Together HELD = MultiRowInsert.together(ITEMS, ROUTES, TASKS, TIMELINE);

	/**
	 * The lines, routes, tasks and timeline of submissions of one group, written together once the group's members
	 * are through: one multi-row insert per table for the whole group instead of one per submission. {@code headers}
	 * are the ids of the headers inserted at once: nothing is left to write for them, but a refusal after one of them
	 * has something to undo.
	 */
	record Pending(List<Object[]> items, List<Object[]> routes, List<Object[]> tasks, List<Object[]> timeline,
			List<String[]> routed, List<UUID> headers, List<StatusMove> moves) {

		Pending() {
			this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
					new ArrayList<>(), new ArrayList<>());
		}

		void add(Pending other) {
			items.addAll(other.items());
			routes.addAll(other.routes());
			tasks.addAll(other.tasks());
			timeline.addAll(other.timeline());
			routed.addAll(other.routed());
			headers.addAll(other.headers());
			moves.addAll(other.moves());
		}
	}

	/** A status a declaration moved to, for its declarant's webhooks. */
	record StatusMove(UUID id, String number, Uscc declarant, DeclarationStatus status, Instant at) {
	}

	/** The result of held work and the rows it left to write. */
	record Held<T>(T result, Pending rows) {
	}

	/**
	 * Runs {@code work} holding back the inserts of new lines, routes, tasks and timeline entries (nothing reads them
	 * before the transaction ends: the header, which idempotency and locking depend on, is written at once). The
	 * caller writes them with {@link #write} in the same transaction, or drops them with the refused work.
	 */
	<T> Held<T> hold(java.util.function.Supplier<T> work) {
		Pending outer = held.get();
		Pending pending = new Pending();
		held.set(pending);
		try {
			return new Held<>(work.get(), pending);
		} finally {
			held.set(outer);
		}
	}

	/**
	 * Writes held rows, one statement for the four tables (all name the declaration, written already), and what
	 * routing concluded into the headers, one statement for all; then queues the webhooks of the statuses reached.
	 */
	void write(Pending rows) {
		List<List<Object[]>> inserts = List.of(rows.items(), rows.routes(), rows.tasks(), rows.timeline());
		if (inserts.stream().allMatch(List::isEmpty) && rows.routed().isEmpty()) {
			return;
		}
		List<Object> params = HELD.params(inserts);
		params.addAll(Arrays.asList(MultiRowInsert.columns(rows.routed(), ROUTED_COLUMNS)));
		// The server would plan this statement at every call: its custom plan, sized by the arrays' length, always
		// looks cheaper than the cached generic one (0.28 plans a declaration, most of the planning left in
		// bench/e2e). The generic plan (an index look-up per header) is right for any length; what runs after it in
		// this transaction is inserts, whose plans do not depend on their values either.
		jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
		long routed = jdbc.sql(WRITE_HELD).params(params).query(Long.class).single();
		if (routed != rows.routed().size()) {
			// Each header was inserted by this transaction before its routing was held: nothing else can have it.
			throw new IllegalStateException("routed " + routed + " of " + rows.routed().size() + " headers held");
		}
		// Last: a webhook that carries the declaration's response document reads it, as now written.
		rows.moves().forEach(m -> webhooks.enqueue(m.declarant().value(), m.id(), m.number(), m.status().name(), m.at()));
	}

	/**
	 * A tax not collected, or the trade-remedy duties, as the header keeps them: NULL for nothing, as on a header
	 * assessed before the rule or the remedies.
	 */
	private static java.math.BigDecimal waived(java.math.BigDecimal amount) {
		return amount.signum() == 0 ? null : amount;
	}

	/** A line's trade-remedy duties as stored: NULL for none, as on lines assessed before there were any. */
	private static java.math.BigDecimal remedy(Assessment.Line line) {
		return line.remedyRate() == null && line.remedy().signum() == 0 ? null : line.remedy();
	}

	private static final int ROUTED_COLUMNS = 17;

	/** What {@link #saveRouted} writes into one header, for a whole group: every value as text, cast by column. */
	private static final String UPDATE_ROUTED_ALL = """
			UPDATE declaration d SET status = r.status, channel = r.channel, channel_reason_code = r.reason_code,
			    channel_reason = r.reason, exchange_rate = r.exchange_rate::numeric,
			    total_customs_value = r.customs_value::numeric, total_duty = r.duty::numeric,
			    total_excise = r.excise::numeric, total_vat = r.vat::numeric, total_taxes = r.taxes::numeric,
			    duty_waived = r.duty_waived::numeric, excise_waived = r.excise_waived::numeric,
			    vat_waived = r.vat_waived::numeric, total_remedy = r.remedy::numeric,
			    cleared_at = r.cleared_at::timestamptz, updated_at = r.updated_at::timestamptz, version = d.version + 1
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			    AS r(status, channel, reason_code, reason, exchange_rate, customs_value, duty, excise, vat, taxes,
			    duty_waived, excise_waived, vat_waived, remedy, cleared_at, updated_at, id)
			WHERE d.id = r.id::uuid""";

	/**
	 * What a group held, in one statement: its lines, routes, tasks and timeline, and what routing concluded into its
	 * headers (five statements a group before, 1.1 a declaration in {@code bench/e2e}); answers how many headers it
	 * routed.
	 */
	private static final String WRITE_HELD = HELD.sql(",\nrouted AS (" + UPDATE_ROUTED_ALL + "\nRETURNING 1)",
			"SELECT count(*) FROM routed");

	/**
	 * Writes what routing a submitted or amended declaration recorded ({@link Declaration#route}): its tasks, what
	 * assessment and the risk channel concluded, its status and timeline, and queues the declarant's webhooks when
	 * the status moved. Its events are the caller's to publish (a submission of a group holds them, see
	 * {@link HeldEvents}).
	 */
	void saveRouted(Declaration d, RiskDecision channel, Assessment assessment) {
		Timestamp now = Timestamp.from(d.changedAt());
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> reopens = new ArrayList<>();
		for (Declaration.RoutedTask task : d.routedTasks()) {
			AutomaticDecision.Outcome outcome = task.outcome();
			String decidedBy = outcome.automatic() ? "system" : null;
			Timestamp decidedAt = outcome.automatic() ? now : null;
			if (task.reopened()) {
				reopens.add(new Object[] { outcome.status().name(), outcome.policy(), outcome.note(), decidedBy,
						decidedAt, task.fingerprint(), task.id() });
			} else {
				inserts.add(new Object[] { task.id(), d.id(), task.agency().value(), outcome.status().name(),
						outcome.policy(), outcome.note(), decidedBy, decidedAt, task.fingerprint(), now });
			}
		}
		d.unroutedTasks().forEach(task -> jdbc.sql("DELETE FROM agency_task WHERE id = ?").param(task).update());
		Pending pending = held.get();
		if (pending != null) {
			pending.tasks().addAll(inserts);
		} else {
			TASKS.write(jdbc, inserts);
		}
		batch.batchUpdate("""
				UPDATE agency_task SET status = ?, policy_code = ?, note = ?, decided_by = ?, decided_at = ?,
				    reason = NULL, answer = NULL, answer_due = NULL, fingerprint = ?, version = version + 1
				WHERE id = ?""", reopens);
		Timestamp clearedAt = d.status() == DeclarationStatus.CLEARED ? now : null;
		if (pending != null) {
			// Nothing reads a held submission's header before the commit but the idempotency check (its key and
			// request hash): what routing concluded is written with the group's.
			pending.routed().add(new String[] { d.status().name(), channel.channel().name(), channel.reasonCode(),
					channel.reason(), plain(assessment.exchangeRate()), plain(assessment.totalCustomsValueCny()),
					plain(assessment.totalDuty()), plain(assessment.totalExcise()), plain(assessment.totalVat()),
					plain(assessment.totalTaxes()), plain(waived(assessment.waived().duty())),
					plain(waived(assessment.waived().excise())), plain(waived(assessment.waived().vat())),
					plain(waived(assessment.totalRemedy())), clearedAt == null ? null : d.changedAt().toString(),
					d.changedAt().toString(), d.id().toString() });
		} else {
			jdbc.sql("""
					UPDATE declaration SET status = ?, channel = ?, channel_reason_code = ?, channel_reason = ?,
					    exchange_rate = ?, total_customs_value = ?, total_duty = ?, total_excise = ?, total_vat = ?,
					    total_taxes = ?, duty_waived = ?, excise_waived = ?, vat_waived = ?, total_remedy = ?,
					    cleared_at = ?, updated_at = ?, version = version + 1 WHERE id = ?""")
				.params(d.status().name(), channel.channel().name(), channel.reasonCode(), channel.reason(),
						assessment.exchangeRate(), assessment.totalCustomsValueCny(), assessment.totalDuty(),
						assessment.totalExcise(), assessment.totalVat(), assessment.totalTaxes(),
						waived(assessment.waived().duty()), waived(assessment.waived().excise()),
						waived(assessment.waived().vat()), waived(assessment.totalRemedy()), clearedAt, now, d.id())
				.update();
		}
		if (d.statusMoved()) {
			statusMoved(d.id(), d.number(), d.declarant(), d.status(), d.changedAt());
		}
		insertTimeline(d.id(), d.timeline());
	}

	/** Writes what a change of a locked declaration recorded, then publishes its events. */
	void save(Declaration d) {
		for (Declaration.TaskChange change : d.taskChanges()) {
			int updated = change.answer() != null ? jdbc.sql("""
					UPDATE agency_task SET status = ?, answer = ?, answer_due = NULL, decided_by = NULL,
					    decided_at = NULL, version = ? WHERE id = ? AND version = ?""")
				.params(change.task().status().name(), change.answer(), change.task().version(), change.task().id(),
						change.readVersion())
				.update()
					: jdbc.sql("""
							UPDATE agency_task SET status = ?, decided_by = ?, decided_at = ?, reason = ?, answer_due = ?,
							    version = ? WHERE id = ? AND version = ?""")
						.params(change.task().status().name(), change.decidedBy(), timestamp(change.decidedAt()),
								change.reason(), change.answerBy(), change.task().version(), change.task().id(),
								change.readVersion())
						.update();
			if (updated != 1) {
				// Every change of a task takes the declaration's lock first; a task that moved anyway is a bug.
				throw new IllegalStateException("Task " + change.task().id() + " changed outside its declaration's lock");
			}
		}
		if (d.changedAt() != null) {
			jdbc.sql("""
					UPDATE declaration SET status = ?, updated_at = ?, version = version + 1,
					    cleared_at = COALESCE(?, cleared_at), released_at = COALESCE(?, released_at) WHERE id = ?""")
				.params(d.status().name(), timestamp(d.changedAt()), timestamp(d.clearedAt()),
						timestamp(d.releasedAt()), d.id())
				.update();
		}
		if (d.applicationChanged()) {
			Declaration.CancellationApplication open = d.application();
			jdbc.sql("""
					UPDATE declaration SET cancellation_applied_by = ?, cancellation_applied_at = ?,
					    cancellation_reason = ? WHERE id = ?""")
				.params(open == null ? null : open.by(), open == null ? null : timestamp(open.at()),
						open == null ? null : open.reason(), d.id())
				.update();
		}
		if (d.correctionApplicationChanged()) {
			Declaration.CorrectionApplication open = d.correctionApplication();
			jdbc.sql("""
					UPDATE declaration SET correction_applied_by = ?, correction_applied_at = ?, correction_reason = ?,
					    correction_values = ? WHERE id = ?""")
				.params(open == null ? null : open.by(), open == null ? null : timestamp(open.at()),
						open == null ? null : open.reason(), open == null ? null : ValueCorrections.stored(open.values()),
						d.id())
				.update();
		}
		if (d.paymentRecorded()) {
			Declaration.DutyPayment paid = d.duties().payment();
			jdbc.sql("""
					UPDATE declaration SET duties_paid_amount = ?, duties_paid_surcharge = ?, duties_paid_on = ?,
					    duties_payment_reference = ?, duties_recorded_by = ?, duties_recorded_at = ? WHERE id = ?""")
				.params(paid.amount(), paid.surcharge(), paid.paidOn(), paid.reference(), paid.recordedBy(),
						timestamp(paid.recordedAt()), d.id())
				.update();
		}
		if (d.refundRecorded()) {
			Declaration.DutyPayment paidBack = d.duties().refund();
			jdbc.sql("""
					UPDATE declaration SET duties_refund_amount = ?, duties_refund_on = ?, duties_refund_reference = ?,
					    duties_refund_by = ?, duties_refund_at = ? WHERE id = ?""")
				.params(paidBack.amount(), paidBack.paidOn(), paidBack.reference(), paidBack.recordedBy(),
						timestamp(paidBack.recordedAt()), d.id())
				.update();
		}
		if (d.guaranteeAccepted()) {
			Declaration.DutyGuarantee accepted = d.duties().guarantee();
			jdbc.sql("""
					UPDATE declaration SET duties_guarantee_kind = ?, duties_guarantee_amount = ?,
					    duties_guarantee_valid_until = ?, duties_guarantee_reference = ?, duties_guarantee_by = ?,
					    duties_guarantee_at = ?, duties_guarantee_summary = ? WHERE id = ?""")
				.params(accepted.kind().name(), accepted.amount(), accepted.validUntil(), accepted.reference(),
						accepted.recordedBy(), timestamp(accepted.recordedAt()), accepted.summary(), d.id())
				.update();
		}
		if (d.guaranteeEnforced()) {
			jdbc.sql("UPDATE declaration SET duties_guarantee_enforced = true WHERE id = ?").param(d.id()).update();
		}
		if (d.settledDifference() != null) {
			Declaration.DutyPayment settled = d.settledDifference().settlement();
			jdbc.sql("""
					UPDATE declaration_correction SET settled_amount = ?, settled_surcharge = ?, settled_on = ?,
					    settlement_reference = ?, settled_by = ?, settled_at = ? WHERE id = ?""")
				.params(settled.amount(), settled.surcharge(), settled.paidOn(), settled.reference(),
						settled.recordedBy(), timestamp(settled.recordedAt()), d.settledDifference().correctionId())
				.update();
			jdbc.sql("UPDATE declaration SET differences_unpaid = ? WHERE id = ?")
				.params(d.duties().differencesUnpaid(), d.id())
				.update();
		}
		insertTimeline(d.id(), d.timeline());
		if (d.statusMoved()) {
			statusMoved(d.id(), d.number(), d.declarant(), d.status(), d.changedAt());
		}
		d.events().forEach(events::publishEvent);
	}

	/**
	 * The declarant's webhooks hear of every status a declaration moves to. Held work queues them with its rows
	 * ({@link #write}): a webhook may carry the response document, read from the rows as they stand, and before the
	 * held rows are written the header still reads {@code SUBMITTED}.
	 */
	private void statusMoved(UUID id, String number, Uscc declarant, DeclarationStatus status, Instant at) {
		Pending pending = held.get();
		if (pending != null) {
			pending.moves().add(new StatusMove(id, number, declarant, status, at));
		} else {
			webhooks.enqueue(declarant.value(), id, number, status.name(), at);
		}
	}

	void insertTimeline(UUID declarationId, List<Declaration.TimelineEntry> entries) {
		List<Object[]> timeline = entries.stream()
			.map(e -> new Object[] { UUID.randomUUID(), declarationId, Timestamp.from(e.at()), e.event(), e.agency(),
					e.actor(), e.reasonCode(), e.reason() })
			.toList();
		Pending pending = held.get();
		if (pending != null) {
			pending.timeline().addAll(timeline);
		} else {
			TIMELINE.write(jdbc, timeline);
		}
	}

	private static String plain(java.math.BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}
