package io.singlewindow.declaration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.singlewindow.identity.Actor;

/**
 * Takes several declarations at once and submits each on its own, like a multi-message interchange. Accepting stores
 * the batch and its declarations in one transaction and returns at once; a job on any node then submits the
 * declarations one by one, each in its own transaction and under its own idempotency key, so that a node stopping
 * half-way leaves the rest to another and none is submitted twice. The owner's webhooks hear of a finished batch.
 */
public interface DeclarationBatches {

	/**
	 * Accepts a batch from {@code actor}. Each declaration is submitted under its own {@code clientReference} when it
	 * has one (a workbook row's client reference, a CUSDEC message's document number: sent again in another batch, it
	 * is the same declaration), else under {@code key/reference}; the same key with the same declarations answers the
	 * batch accepted the first time.
	 *
	 * @param channel how it arrived, e.g. {@code WORKBOOK}
	 * @throws io.singlewindow.core.Problem 403 {@code ROLE_REQUIRED} unless a trader or broker; 409
	 *     {@code IDEMPOTENCY_KEY_REUSED} for the same key with other declarations
	 */
	Acceptance accept(Actor actor, String channel, String idempotencyKey, List<BatchedDeclaration> declarations);

	/**
	 * Submits one declaration of a small batch while the caller waits, exactly as the batch job submits each of a large
	 * one: under its own {@code clientReference} when it has one, else under {@code key} (a repeat answers the
	 * declaration stored the first time), refused with its problems named
	 * by {@link BatchedDeclaration#sources()}, nothing of it stored when refused. The entry's position is 1.
	 *
	 * @throws io.singlewindow.core.Problem 403 {@code ROLE_REQUIRED} unless a trader or broker
	 */
	DeclarationBatch.Entry submitNow(Actor actor, String key, BatchedDeclaration declaration);

	/** The batch as {@code actor} may see it: one of its enterprise's. */
	Optional<DeclarationBatch> find(Actor actor, UUID batchId);

	/** @param created false when the idempotency key named a batch accepted before */
	record Acceptance(UUID batchId, boolean created) {
	}
}
