package io.singlewindow.declaration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.FieldProblem;

/**
 * Declarations received together and submitted one by one, like the messages of an interchange: how far the batch
 * is, and what became of each declaration.
 *
 * @param channel how it arrived: {@code WORKBOOK} or {@code EDIFACT}
 * @param acceptedAt when the trader handed it in; {@literal null} while a person still looks at what it holds
 * @param finishedAt when its last declaration was submitted or refused; {@literal null} before
 */
public record DeclarationBatch(UUID id, String channel, String submitter, Instant receivedAt, Instant acceptedAt,
		Instant finishedAt, List<Entry> declarations) {

	public DeclarationBatch {
		declarations = List.copyOf(declarations);
	}

	/** Where a declaration of a batch stands. */
	public enum State {
		/** Waiting for its turn (or for another node to finish it). */
		PENDING,
		/** Submitted: it has a declaration, new or (under the same key) an earlier one. */
		SUBMITTED,
		/** Refused with its problems; nothing of it was stored. */
		REFUSED
	}

	/**
	 * One declaration of the batch.
	 *
	 * @param position its place in the batch, from 1
	 * @param lines how many goods lines it has
	 * @param repeated submitted before under the same key: {@code declarationId} is that earlier declaration
	 * @param status the declaration's consolidated status now ({@code CLEARED} …), once submitted
	 * @param code the refusal's stable code ({@code INVALID_INPUT}, {@code IDEMPOTENCY_KEY_REUSED} …)
	 * @param problems the refusal's problems, each named by where it was read ({@code Goods!D7})
	 */
	public record Entry(int position, String reference, String source, String declarant, int lines, State state,
			UUID declarationId, String number, String status, boolean repeated, String code,
			List<FieldProblem> problems) {

		public Entry {
			problems = List.copyOf(problems);
		}
	}

	public int total() {
		return declarations.size();
	}

	public long submitted() {
		return count(State.SUBMITTED);
	}

	public long refused() {
		return count(State.REFUSED);
	}

	public long pending() {
		return count(State.PENDING);
	}

	public boolean accepted() {
		return acceptedAt != null;
	}

	public boolean finished() {
		return finishedAt != null;
	}

	private long count(State state) {
		return declarations.stream().filter(e -> e.state() == state).count();
	}
}
