package io.singlewindow.declaration.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.FreeText;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.TransactionLock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 暂存: a declaration's form saved before it is sent, as a person typed it, to be finished later — by the person or a
 * colleague who may declare for the same declarant (a form takes an hour of invoices and packing lists; a session, a
 * browser or a day ends first). Nothing of it is validated or counted: it is text until it is submitted, which
 * validates it as any declaration, and then it is gone. Table {@code declaration_unsent}, one row a form, its fields as
 * JSON (only the form's own fields: header and up to {@value InputLimits#ITEMS_PER_DECLARATION} lines), at most
 * {@value #KEPT} a declarant. A save names the version it replaces, so a colleague's later save is never overwritten
 * unseen.
 * <p>
 * A form is kept for {@code singlewindow.declarations.unsent-kept-for} (90 days) after its last save, a date its list
 * shows: the goods of a form untouched for a quarter have long been declared on another or not at all, and what an
 * enterprise typed about its trade is not kept for ever without a purpose. Past that day it is neither listed, counted
 * nor opened, and the hourly sweep deletes it.
 */
@Component
class UnsentDeclarations {

	/** How many unsent forms a declarant keeps at most: a list to finish, not an archive. */
	static final int KEPT = 100;

	private static final Logger log = LoggerFactory.getLogger(UnsentDeclarations.class);

	private static final Pattern ITEM = Pattern.compile("items\\[(\\d{1,4})]\\.(\\w+)");

	/** One form saved unsent; {@code fields} as the form names them ({@code port}, {@code items[0].value}). */
	record Unsent(UUID id, String declarant, String savedBy, Instant savedAt, int version, Map<String, String> fields,
			Instant keptUntil) {

		/** The first line's commodity code and description, for the list: what the form is about. */
		public String firstLine() {
			String hs = fields.getOrDefault(DeclarationForm.itemField(0, "hsCode"), "");
			String description = fields.getOrDefault(DeclarationForm.itemField(0, "description"), "");
			return (hs + " " + description).strip();
		}

		public int lines() {
			return DeclarationForm.rows(fields);
		}
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final BusinessTime time;
	private final Duration keptFor;

	UnsentDeclarations(JdbcClient jdbc, JsonMapper json, BusinessTime time,
			@Value("${singlewindow.declarations.unsent-kept-for:P90D}") Duration keptFor) {
		this.jdbc = jdbc;
		this.json = json;
		this.time = time;
		if (keptFor.compareTo(Duration.ofDays(1)) < 0 || keptFor.compareTo(Duration.ofDays(3660)) > 0) {
			// A form gone before its person comes back to it, or kept for ever in all but name: a setting's slip.
			throw new IllegalArgumentException(
					"singlewindow.declarations.unsent-kept-for must be 1 day to 10 years, not " + keptFor);
		}
		this.keptFor = keptFor;
	}

	/**
	 * Saves a form unsent: a new one when {@code id} is {@literal null}, else over the one read at {@code version}.
	 * The declarant is the form's when the actor may declare for it, else the actor's own enterprise.
	 *
	 * @return the saved form
	 * @throws Problem 403 without the right to declare for the declarant; 422 {@code INVALID_INPUT} at a field holding
	 *     a control character or more than {@value InputLimits#DESCRIPTION} characters; 409
	 *     {@code UNSENT_DECLARATION_CHANGED} when a colleague saved or sent it since it was read,
	 *     {@code UNSENT_DECLARATIONS_TOO_MANY} at the {@value #KEPT}th; 404 {@code UNSENT_DECLARATION_NOT_FOUND}
	 */
	@Transactional
	Unsent save(Actor actor, UUID id, Integer version, Map<String, String> form) {
		Uscc declarant = declarantOf(actor, form.get("declarant"));
		actor.requireActFor(declarant, OperatorRight.DECLARE);
		Map<String, String> fields = fieldsOf(form);
		fields.put("declarant", declarant.value());
		String document = json.writeValueAsString(fields);
		Instant now = time.now();
		// One declarant's saves queue here, so that two at one instant cannot both pass the count.
		TransactionLock.take(jdbc, "declaration-unsent:" + declarant.value());
		if (id == null) {
			long kept = jdbc.sql("SELECT count(*) FROM declaration_unsent WHERE declarant = ? AND saved_at >= ?")
				.params(declarant.value(), keptSince(now)).query(Long.class).single();
			if (kept >= KEPT) {
				throw Problem.conflict("UNSENT_DECLARATIONS_TOO_MANY", KEPT);
			}
			UUID created = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO declaration_unsent (id, declarant, saved_by, saved_at, fields, version)
					VALUES (?, ?, ?, ?, CAST(? AS JSONB), 1)""")
				.params(created, declarant.value(), actor.username(), Timestamp.from(now), document).update();
			return new Unsent(created, declarant.value(), actor.username(), now, 1, fields, now.plus(keptFor));
		}
		Unsent before = find(actor, id);
		if (version == null || before.version() != version) {
			throw Problem.conflict("UNSENT_DECLARATION_CHANGED", before.savedBy());
		}
		int saved = jdbc.sql("""
				UPDATE declaration_unsent SET declarant = ?, saved_by = ?, saved_at = ?, fields = CAST(? AS JSONB),
				       version = version + 1
				WHERE id = ? AND version = ?""")
			.params(declarant.value(), actor.username(), Timestamp.from(now), document, id, version).update();
		if (saved == 0) {
			// Saved under another declarant's lock a moment before: the colleague's save stands.
			throw Problem.conflict("UNSENT_DECLARATION_CHANGED", before.savedBy());
		}
		return new Unsent(id, declarant.value(), actor.username(), now, version + 1, fields, now.plus(keptFor));
	}

	/**
	 * A form saved unsent, for someone who may declare for its declarant.
	 *
	 * @throws Problem 404 {@code UNSENT_DECLARATION_NOT_FOUND}, also for a form of a declarant the actor may not
	 *     declare for (whether another enterprise keeps one is not said)
	 */
	Unsent find(Actor actor, UUID id) {
		return jdbc.sql("SELECT * FROM declaration_unsent WHERE id = ? AND saved_at >= ?")
			.params(id, keptSince(time.now()))
			.query(this::unsent)
			.optional()
			.filter(u -> actor.holds(OperatorRight.DECLARE) && actor.mayActFor(Uscc.parse(u.declarant())))
			.orElseThrow(() -> Problem.notFound("UNSENT_DECLARATION_NOT_FOUND", id));
	}

	/**
	 * The forms saved unsent of the actor's enterprise and principals — those it may declare for — the latest saved
	 * first (at most {@value #KEPT} of each).
	 */
	List<Unsent> of(Actor actor) {
		List<String> declarants = DeclarationApi.declarants(actor);
		if (declarants.isEmpty() || !actor.holds(OperatorRight.DECLARE)) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM declaration_unsent WHERE declarant IN (:d) AND saved_at >= :since
				ORDER BY saved_at DESC, id""")
			.param("d", declarants).param("since", keptSince(time.now()))
			.query(this::unsent)
			.list();
	}

	/** How many days before its keeping day ends the home page warns that a form saved for later will be deleted. */
	static final int ENDING_NOTICE_DAYS = 7;

	/**
	 * Forms saved unsent someone may finish: how many, how many of them are deleted within
	 * {@value #ENDING_NOTICE_DAYS} days unless saved again, and the last day the first of those is kept.
	 */
	record Waiting(long forms, long ending, LocalDate firstEnding) {
	}

	/**
	 * The forms saved unsent the actor may finish (its enterprise's and its principals'): the home page's count, off
	 * {@code declaration_unsent_of}.
	 */
	Waiting waitingFor(Actor actor) {
		List<String> declarants = DeclarationApi.declarants(actor);
		if (declarants.isEmpty() || !actor.holds(OperatorRight.DECLARE)) {
			return new Waiting(0, 0, null);
		}
		Instant now = time.now();
		return jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE saved_at < :endingBefore),
				       min(saved_at) FILTER (WHERE saved_at < :endingBefore)
				FROM declaration_unsent WHERE declarant IN (:d) AND saved_at >= :since""")
			.param("d", declarants).param("since", keptSince(now))
			.param("endingBefore", keptSince(now.plus(Duration.ofDays(ENDING_NOTICE_DAYS))))
			.query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3) == null ? null
					: LocalDate.ofInstant(rs.getTimestamp(3).toInstant().plus(keptFor), BusinessTime.ZONE)))
			.single();
	}

	/** Deletes a form saved unsent (the person gave it up, or it was sent). */
	@Transactional
	void delete(Actor actor, UUID id) {
		find(actor, id);
		jdbc.sql("DELETE FROM declaration_unsent WHERE id = ?").param(id).update();
	}

	/**
	 * A form saved unsent was sent as a declaration: it is no longer kept (unless a colleague saved it again in the
	 * moment between, whose save stands).
	 */
	void sent(Unsent form) {
		jdbc.sql("DELETE FROM declaration_unsent WHERE id = ? AND version = ?").params(form.id(), form.version())
			.update();
	}

	@Scheduled(fixedDelayString = "${singlewindow.declarations.unsent-sweep:PT1H}", initialDelayString = "PT1M")
	void sweepInBackground() {
		try {
			forgetThoseKeptTooLong();
		} catch (RuntimeException e) {
			// The database away for a moment: the next sweep deletes them, and nobody sees them meanwhile.
			log.warn("event=unsent_declarations_sweep_failed error={}", e.toString());
		}
	}

	/**
	 * Deletes the forms past their keeping day, which nobody could list or open any more; any node may sweep, and a
	 * second sweep at the same moment deletes nothing twice.
	 *
	 * @return how many were deleted
	 */
	int forgetThoseKeptTooLong() {
		int forgotten = jdbc.sql("DELETE FROM declaration_unsent WHERE saved_at < ?").param(keptSince(time.now()))
			.update();
		if (forgotten > 0) {
			log.info("event=unsent_declarations_forgotten rows={} kept_for={}", forgotten, keptFor);
		}
		return forgotten;
	}

	/** The earliest last save of a form still kept at {@code now}. */
	private Timestamp keptSince(Instant now) {
		return Timestamp.from(now.minus(keptFor));
	}

	/**
	 * The form's own fields, each checked as one line of text (a control character, which the database's JSON cannot
	 * hold, or an endless value is refused at its field); blank ones and anything the form does not have are left out.
	 */
	private static Map<String, String> fieldsOf(Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			Matcher item = ITEM.matcher(name);
			boolean known = DeclarationForm.HEADER_FIELDS.contains(name) && !name.equals("declarant")
					|| item.matches() && Integer.parseInt(item.group(1)) < InputLimits.ITEMS_PER_DECLARATION
							&& DeclarationForm.ITEM_FIELDS.contains(item.group(2));
			if (known) {
				String text = FreeText.readLine(name, value, InputLimits.DESCRIPTION);
				if (text != null) {
					fields.put(name, text);
				}
			}
		});
		return fields;
	}

	private static Uscc declarantOf(Actor actor, String named) {
		if (named != null && !named.isBlank()) {
			try {
				Uscc uscc = Uscc.parse(named.strip());
				if (actor.mayActFor(uscc)) {
					return uscc;
				}
			} catch (io.singlewindow.core.InvalidValue notAUscc) {
				// A declarant nobody may declare for is the actor's own enterprise's form.
			}
		}
		if (actor.enterprise() == null) {
			throw Problem.invalidField("declarant", "REQUIRED");
		}
		return actor.enterprise();
	}

	private Unsent unsent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Instant savedAt = rs.getTimestamp("saved_at").toInstant();
		return new Unsent(rs.getObject("id", UUID.class), rs.getString("declarant"), rs.getString("saved_by"),
				savedAt, rs.getInt("version"), read(rs.getString("fields")), savedAt.plus(keptFor));
	}

	private Map<String, String> read(String document) {
		return json.readValue(document, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}
}
