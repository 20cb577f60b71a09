package io.singlewindow.interchange.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.declaration.DeclarationBatches;
import io.singlewindow.declaration.DeclarationResponses;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * Receives WCO Data Model declarations: each is read safely as a stream, submitted at once through the declaration
 * module's batch model like a CUSDEC message, and answered with a WCO DM Response. Its functional reference (the
 * LRN) is its idempotency key under its declarant, the same key the REST API takes from {@code clientReference}: sent
 * again with the same content it is answered with the declaration stored the first time, with other content it is
 * refused ({@code IDEMPOTENCY_KEY_REUSED}).
 */
@Component
class XmlInterchanges {

	private static final Logger log = LoggerFactory.getLogger(XmlInterchanges.class);

	private final WcoDeclarationReader reader;
	private final DeclarationBatches batches;
	private final DeclarationResponses responses;
	private final BusinessTime time;
	private final MessageSource messages;

	XmlInterchanges(WcoDeclarationReader reader, DeclarationBatches batches, DeclarationResponses responses,
			BusinessTime time, MessageSource messages) {
		this.reader = reader;
		this.batches = batches;
		this.responses = responses;
		this.time = time;
		this.messages = messages;
	}

	/**
	 * What the platform answers a declaration with.
	 *
	 * @param declarationId the declaration submitted, {@literal null} when it was refused
	 * @param created a new declaration (not one stored before under the same functional reference)
	 * @param body the WCO DM Response
	 */
	record Answer(UUID declarationId, boolean created, byte[] body) {
	}

	/**
	 * @throws io.singlewindow.core.Problem 403 {@code ROLE_REQUIRED} unless a trader or broker; 422 when the body is
	 *     no safe, well-formed WCO DM declaration ({@link WcoDeclarationReader#read})
	 */
	Answer receive(Actor actor, InputStream body) {
		actor.requireRole(Role.TRADER, Role.BROKER);
		BatchedDeclaration declaration = reader.read(body);
		String reference = declaration.reference();
		DeclarationBatch.Entry entry = batches.submitNow(actor, reference.isBlank() ? null : reference, declaration);
		Instant now = time.now();
		if (entry.state() == DeclarationBatch.State.SUBMITTED) {
			ConsolidatedResponse response = responses.find(actor, entry.declarationId()).orElseThrow();
			log.info("event=wco_declaration_answered reference={} declaration={} number={} repeated={} status={}",
					reference, entry.declarationId(), response.number(), entry.repeated(), response.status());
			return new Answer(entry.declarationId(), !entry.repeated(),
					WcoResponseWriter.accepted(reference, response, now));
		}
		log.info("event=wco_declaration_refused reference={} code={} problems={}", reference, entry.code(),
				entry.problems().size());
		return new Answer(null, false,
				WcoResponseWriter.refused(reference, EdifactAnswer.Refusal.of(entry, messages), now));
	}

	/** A declaration's consolidated response as a WCO DM Response, whatever channel it came by. */
	byte[] response(ConsolidatedResponse response) {
		return WcoResponseWriter.accepted(response.clientReference(), response, time.now());
	}
}
