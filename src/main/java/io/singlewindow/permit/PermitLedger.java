package io.singlewindow.permit;

import java.util.List;
import java.util.UUID;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;

/**
 * What the single window asks of the permit module: which permits goods need, and the atomic write-off of permit
 * quotas by declaration item lines.
 */
public interface PermitLedger {

	/**
	 * The catalogue entries whose HS scope covers {@code hsCode} for {@code flow}: the permits an item line needs.
	 * Routing sends such a line to each entry's issuing agency.
	 */
	List<PermitRequirement> requirementsFor(HsCode hsCode, TradeFlow flow);

	/**
	 * Checks that the permit exists, is in force on the business date, is held by the request's holder, covers the
	 * line's HS code and has enough quota left, and consumes the quota — atomically, so that concurrent write-offs
	 * against one permit never overdraw it. A quantity quota takes the line's quantity converted into the quota's unit
	 * (5 TNE from a quota in KGM takes 5,000). A repeated request for the same declaration line and permit returns the
	 * existing write-off instead of consuming twice. Joins the caller's transaction.
	 *
	 * @throws io.singlewindow.core.Problem with code {@code PERMIT_NOT_FOUND}, {@code PERMIT_NOT_IN_FORCE},
	 *     {@code PERMIT_HOLDER_MISMATCH}, {@code PERMIT_CATALOGUE_MISMATCH} (a permit of another catalogue entry than the
	 *     one it is presented as), {@code PERMIT_SCOPE_MISMATCH}, {@code PERMIT_QUOTA_UNIT_MISMATCH} (the line's
	 *     unit does not convert into the quota's) or {@code PERMIT_QUOTA_EXCEEDED}
	 */
	WriteOff writeOff(WriteOffRequest request);

	/**
	 * What {@link #writeOff(WriteOffRequest)} would answer right now, checked without locking or consuming anything:
	 * the code of the refusal, or empty when it would succeed. Lets a caller decide early and take the permit's lock
	 * only at the end of its transaction; the write-off itself checks again under the lock. It accepts on the permit as
	 * its transaction last read or wrote it, if it did (see {@link #readAhead}), and refuses only on the permit as it
	 * is now.
	 */
	java.util.Optional<String> check(WriteOffRequest request);

	/**
	 * Reads the permits named, in one statement, for the {@link #check checks} this transaction is about to make: a
	 * group of submissions reads the permits of all its members at once instead of one statement per line. A check
	 * accepts on the permit as read ahead (the write-off compares the row with it and decides again under the lock if
	 * it changed since); a refusal is always decided on the permit as it is then. Numbers that name no permit, or none
	 * at all, are passed over; outside a transaction this does nothing.
	 */
	void readAhead(java.util.Collection<String> permitNumbers);

	/**
	 * {@link #readAhead}, locking the permits' rows until the transaction ends, one after the other in the order of
	 * their numbers: for work that writes off several permits in one transaction while other such work runs (chunks of
	 * a batch written side by side), so that two of them never each hold a permit the other waits for — each write-off
	 * would otherwise lock its permit in the order of its lines. A number that names no permit is passed over.
	 */
	void lockAhead(java.util.Collection<String> permitNumbers);

	/** Gives back everything written off for {@code declarationId} (rejected or cancelled); idempotent. */
	void restore(UUID declarationId);

	/** The permits {@code holder} holds, in force or not, newest first. */
	List<HeldPermit> heldBy(Uscc holder);

	/** Every write-off recorded for a declaration, restored ones included. */
	List<WriteOff> writeOffsOf(UUID declarationId);
}
