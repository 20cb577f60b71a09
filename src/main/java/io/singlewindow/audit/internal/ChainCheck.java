package io.singlewindow.audit.internal;

/**
 * Walks sealed rows in chain order and remembers the first broken link. Fed one row at a time, so a chain of any
 * length is checked in constant memory.
 */
final class ChainCheck {

	/** Why a link is broken; stable codes shown to administrators and returned by the API. */
	enum Reason {
		/** The row's content or its stored hash was changed. */
		HASH_MISMATCH,
		/** The row does not name the hash of the row before it: a row before it was changed, deleted or moved. */
		PREVIOUS_HASH_MISMATCH,
		/** A chain position is missing: a row was deleted (the row reported is the one after the gap). */
		POSITION_GAP,
		/** The chain ends before the position the sealer last recorded: rows at the end were deleted. */
		TRUNCATED
	}

	/**
	 * The first broken link.
	 *
	 * @param entryId the row where the chain breaks ({@literal null} when rows at the end are missing)
	 * @param chainPosition its position (for {@link Reason#TRUNCATED} the last position the sealer recorded)
	 * @param expectedHash the hash recomputed from the rows before it and its own content
	 * @param storedHash the hash stored in the row
	 */
	record Break(Long entryId, long chainPosition, Reason reason, String expectedHash, String storedHash) {
	}

	private String previousHash = AuditChain.GENESIS;
	private long position;
	private Break broken;

	/** Checks the next row; does nothing once a break was found. */
	void accept(AuditEntry entry) {
		if (broken != null) {
			return;
		}
		long expectedPosition = position + 1;
		String expected = AuditChain.hash(previousHash, entry, expectedPosition);
		if (entry.chainPosition() == null || entry.chainPosition() != expectedPosition) {
			broken = new Break(entry.id(), expectedPosition, Reason.POSITION_GAP, expected, entry.hash());
		} else if (!previousHash.equals(entry.previousHash())) {
			broken = new Break(entry.id(), expectedPosition, Reason.PREVIOUS_HASH_MISMATCH, expected, entry.hash());
		} else if (!expected.equals(entry.hash())) {
			broken = new Break(entry.id(), expectedPosition, Reason.HASH_MISMATCH, expected, entry.hash());
		}
		// Go on from what is stored, so a single altered row is reported once and not as a cascade.
		previousHash = entry.hash() == null ? expected : entry.hash();
		position = expectedPosition;
	}

	/** After the last row: the sealer's record of the chain's end must match it. */
	void end(long headPosition, String headHash) {
		if (broken == null && (headPosition != position || !headHash.equals(previousHash))) {
			broken = new Break(null, headPosition, Reason.TRUNCATED, headHash, position == 0 ? null : previousHash);
		}
	}

	long checked() {
		return position;
	}

	Break broken() {
		return broken;
	}
}
