package io.singlewindow.interchange.internal;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.declaration.DeclarationBatches;
import io.singlewindow.declaration.DeclarationResponses;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.interchange.internal.ReceivedInterchange.Envelope;
import io.singlewindow.interchange.internal.ReceivedInterchange.Message;
import io.singlewindow.platform.BusinessTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives interchanges: each readable CUSDEC becomes a declaration of the declaration module's batch model, submitted
 * at once for a small interchange and by the batch job for a large one, or — its message function a cancellation or a
 * replacement — the declarant's request about a declaration sent before, acted on at once ({@link DeclarationRequests});
 * messages with syntax errors are named in the CONTRL and nothing of them is stored. An interchange is known by its
 * sender and control reference: sent again with the same content it is answered as the first time, with other content
 * it is refused.
 */
@Component
class Interchanges {

	private static final Logger log = LoggerFactory.getLogger(Interchanges.class);

	/**
	 * An interchange of at most this many readable messages is submitted while the client waits: twenty submissions
	 * stay well within a client's timeout on a busy node. A larger one is a batch: 202 and an address to poll.
	 */
	static final int SYNCHRONOUS_UP_TO = 20;

	static final String CHANNEL = "EDIFACT";

	private final CusdecReader reader;
	private final DeclarationBatches batches;
	private final DeclarationResponses responses;
	private final DeclarationRequests requests;
	private final JdbcClient jdbc;
	private final BusinessTime time;
	private final MessageSource messages;
	private final JsonMapper json;

	Interchanges(CusdecReader reader, DeclarationBatches batches, DeclarationResponses responses,
			DeclarationRequests requests, JdbcClient jdbc, BusinessTime time, MessageSource messages, JsonMapper json) {
		this.reader = reader;
		this.batches = batches;
		this.responses = responses;
		this.requests = requests;
		this.jdbc = jdbc;
		this.time = time;
		this.messages = messages;
		this.json = json;
	}

	/**
	 * What the platform answers an interchange with.
	 *
	 * @param outcome {@code ANSWERED} (every message has its answer), {@code ACCEPTED} (a batch: poll for the
	 *     rest), {@code REPEATED} (sent before: the first answer), {@code REJECTED} (refused as a whole for its
	 *     syntax), {@code DUPLICATE} (its control reference used before for other content)
	 * @param id the interchange's address, {@literal null} when it was rejected as a whole
	 */
	record Answer(String outcome, UUID id, byte[] body, boolean pending) {
	}

	/**
	 * What is kept of an interchange to answer it later: its envelope, its messages without their content, and what was
	 * done with its cancellations and replacements, which are acted on when it is received ({@literal null} in
	 * interchanges kept before they were taken).
	 */
	record Document(Envelope envelope, List<Message> messages, List<DeclarationRequests.Answer> requests) {
	}

	Answer receive(Actor actor, InputStream body) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		actor.requireRight(OperatorRight.DECLARE);
		ReceivedInterchange read = reader.read(body);
		Instant now = time.now();
		Envelope envelope = read.envelope();
		if (read.refusal() != null) {
			log.info("event=interchange_rejected sender={} reference={} code={} segment={}", envelope.sender(),
					envelope.controlReference(), read.refusal().code(), read.refusal().segmentTag());
			return new Answer("REJECTED", null, answer(envelope, now).contrl(EdifactAnswer.REJECTED, read.refusal(),
					List.of()).bytes(), false);
		}
		Optional<Stored> earlier = stored(actor, envelope);
		if (earlier.isPresent()) {
			if (!earlier.get().hash().equals(read.contentHash())) {
				log.info("event=interchange_reference_reused sender={} reference={}", envelope.sender(),
						envelope.controlReference());
				return new Answer("DUPLICATE", null, answer(envelope, now).contrl(EdifactAnswer.REJECTED,
						new SyntaxError("UNB", 0, 5, 0, SyntaxError.DUPLICATE), List.of()).bytes(), false);
			}
			Answer first = find(actor, earlier.get().id()).orElseThrow();
			return new Answer("REPEATED", first.id(), first.body(), first.pending());
		}
		List<Message> refused = read.messages().stream().filter(m -> !m.readable()).toList();
		List<Message> readable = read.readable();
		UUID id = UUID.randomUUID();
		List<Message> about = read.requests();
		boolean replacementsAnswered = readable.size() + about.stream().filter(Message::replacement).count()
				<= SYNCHRONOUS_UP_TO;
		if (readable.size() > SYNCHRONOUS_UP_TO) {
			// A batch's declarations are submitted later; its cancellations, which name declarations sent before (the
			// platform numbers a declaration only once it is submitted), are acted on now and answered with every poll,
			// and its replacements refused: amending each costs a submission, more than a client should wait for.
			List<DeclarationRequests.Answer> done = about.stream().map(m -> requests.act(actor, m, false)).toList();
			var acceptance = batches.accept(actor, CHANNEL, key(envelope), PackedMessages.declarations(readable));
			store(actor, id, read, document(read, done), acceptance.batchId(), null, now);
			log.info("event=interchange_accepted interchange={} batch={} sender={} reference={} messages={} refused={}"
					+ " requests={}", id, acceptance.batchId(), envelope.sender(), envelope.controlReference(),
					read.messages().size(), refused.size(), done.size());
			EdifactAnswer answer = answer(envelope, now).contrl(EdifactAnswer.RECEIVED, null, refused);
			respond(actor, answer, about, done, now);
			return new Answer("ACCEPTED", id, answer.bytes(), true);
		}
		EdifactAnswer answer = answer(envelope, now).contrl(EdifactAnswer.ACKNOWLEDGED, null, refused);
		List<DeclarationRequests.Answer> done = new java.util.ArrayList<>();
		// In the interchange's order, each message's CUSRES after the one before it.
		for (Message message : read.messages()) {
			if (!message.readable()) {
				continue;
			}
			if (message.request()) {
				DeclarationRequests.Answer one = requests.act(actor, message, replacementsAnswered);
				done.add(one);
				respond(actor, answer, List.of(message), List.of(one), now);
				continue;
			}
			// Under its document number (BGM 1004) when it has one, as every declaration of a batch: sent again in a
			// new interchange (EDI software that got no answer resends under a new control reference), it is the same.
			DeclarationBatch.Entry entry = batches.submitNow(actor, key(envelope) + "/" + message.reference(),
					message.declaration());
			respond(actor, answer, message, entry, now);
		}
		byte[] bytes = answer.bytes();
		store(actor, id, read, document(read, done), null, bytes, now);
		log.info("event=interchange_answered interchange={} sender={} reference={} messages={} refused={}", id,
				envelope.sender(), envelope.controlReference(), read.messages().size(), refused.size());
		return new Answer("ANSWERED", id, bytes, false);
	}

	/** The answer to an interchange received before: as it was given, or, for a batch, its outcomes so far. */
	Optional<Answer> find(Actor actor, UUID id) {
		return jdbc.sql("SELECT document, batch_id, answer FROM interchange WHERE id = ? AND submitted_by = ?")
			.params(id, actor.userId())
			.query((rs, n) -> {
				byte[] answered = rs.getBytes("answer");
				if (answered != null) {
					return new Answer("ANSWERED", id, answered, false);
				}
				Document document = json.readValue(rs.getString("document"), Document.class);
				return batchAnswer(actor, id, document, rs.getObject("batch_id", UUID.class));
			})
			.optional();
	}

	private Answer batchAnswer(Actor actor, UUID id, Document document, UUID batchId) {
		Instant now = time.now();
		DeclarationBatch batch = batches.find(actor, batchId).orElseThrow();
		EdifactAnswer answer = answer(document.envelope(), now).contrl(
				batch.finished() ? EdifactAnswer.ACKNOWLEDGED : EdifactAnswer.RECEIVED, null,
				document.messages().stream().filter(m -> m.refusal() != null || !m.errors().isEmpty()).toList());
		for (DeclarationBatch.Entry entry : batch.declarations()) {
			if (entry.state() == DeclarationBatch.State.PENDING) {
				continue;
			}
			Message message = document.messages().stream().filter(m -> m.reference().equals(entry.reference()))
				.findFirst().orElseThrow();
			respond(actor, answer, message, entry, now);
		}
		List<DeclarationRequests.Answer> done = document.requests() == null ? List.of() : document.requests();
		respond(actor, answer, done.stream().map(c -> document.messages().stream()
			.filter(m -> m.reference().equals(c.reference())).findFirst().orElseThrow()).toList(), done, now);
		return new Answer(batch.finished() ? "ANSWERED" : "ACCEPTED", id, answer.bytes(), !batch.finished());
	}

	/** The CUSRES of one message: its declaration's response, or its refusal's problems. */
	private void respond(Actor actor, EdifactAnswer answer, Message message, DeclarationBatch.Entry entry,
			Instant now) {
		if (entry.state() == DeclarationBatch.State.SUBMITTED) {
			answer.accepted(message, responses.find(actor, entry.declarationId()).orElseThrow(), entry.repeated(), now);
			return;
		}
		answer.refused(message, EdifactAnswer.Refusal.of(entry, messages), now);
	}

	/**
	 * The CUSRES of each cancellation or replacement: the declaration's response as it is now, with what was done, or
	 * the refusal. {@code messages} and {@code answers} pair by position.
	 */
	private void respond(Actor actor, EdifactAnswer answer, List<Message> messages,
			List<DeclarationRequests.Answer> answers, Instant now) {
		for (int i = 0; i < answers.size(); i++) {
			DeclarationRequests.Answer done = answers.get(i);
			if (done.refusals().isEmpty()) {
				answer.requestAccepted(messages.get(i), responses.find(actor, done.declarationId()).orElseThrow(),
						done.act(), now);
			}
			else {
				answer.refused(messages.get(i), done.refusals(), now);
			}
		}
	}

	/** The document kept of {@code read}: its messages without their content, and its requests' answers. */
	private String document(ReceivedInterchange read, List<DeclarationRequests.Answer> done) {
		return json.writeValueAsString(new Document(read.envelope(), read.messages().stream()
			.map(m -> new Message(storable(m.reference()), storable(m.type()), storable(m.version()),
					storable(m.release()), storable(m.agency()), null, m.refusal(), m.errors()))
			.toList(), done));
	}

	private static EdifactAnswer answer(Envelope received, Instant now) {
		return new EdifactAnswer(received, received.controlReference().isEmpty() ? "0" : received.controlReference(),
				now);
	}

	/**
	 * A value of a message header as it is kept: PostgreSQL holds no NUL character in text or JSON, and a message
	 * header may have one (the message is then refused for it; its answer names it by what is kept). The envelope's
	 * values need nothing: a character outside the repertoire in UNB refuses the interchange before anything is kept.
	 */
	private static String storable(String value) {
		return value == null ? null : value.replace('\u0000', '\uFFFD');
	}

	/**
	 * The key the interchange is stored under as a batch, and its declarations' when they have no document number:
	 * its sender and control reference.
	 */
	private static String key(Envelope envelope) {
		return "edifact:" + envelope.sender() + ":" + envelope.controlReference();
	}

	private record Stored(UUID id, String hash) {
	}

	private Optional<Stored> stored(Actor actor, Envelope envelope) {
		return jdbc.sql("""
				SELECT id, content_hash FROM interchange
				WHERE submitted_by = ? AND sender = ? AND control_reference = ?""")
			.params(actor.userId(), envelope.sender(), envelope.controlReference())
			.query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("content_hash")))
			.optional();
	}

	private void store(Actor actor, UUID id, ReceivedInterchange read, String document, UUID batchId, byte[] answer,
			Instant now) {
		jdbc.sql("""
				INSERT INTO interchange (id, submitted_by, sender, control_reference, content_hash, received_at,
				    messages, document, batch_id, answer)
				VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?)
				ON CONFLICT (submitted_by, sender, control_reference) DO NOTHING""")
			.params(id, actor.userId(), read.envelope().sender(), read.envelope().controlReference(),
					read.contentHash(), Timestamp.from(now), read.messages().size(), document, batchId, answer)
			.update();
	}
}
