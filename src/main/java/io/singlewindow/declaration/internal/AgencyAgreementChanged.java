package io.singlewindow.declaration.internal;

import java.time.Instant;

import io.singlewindow.core.Uscc;

/**
 * An agency agreement changed in a way the other party's system should hear of, published in the transaction that
 * changed it: the principal hears that one is proposed to it or withdrawn, the broker that its principal confirmed or
 * declined one, or that a declaration gave one back ({@link Webhooks}).
 *
 * @param change {@code proposed}, {@code withdrawn}, {@code confirmed}, {@code declined} or {@code given-back}
 * @param reason why it was declined, else {@literal null}
 * @param declaration the number of the declaration that gave it back, else {@literal null}
 */
record AgencyAgreementChanged(String number, Uscc broker, Uscc principal, String change, String by, String reason,
		String declaration, Instant at) {

	/** The party told: the principal of a proposal or its withdrawal, the broker of anything else. */
	Uscc told() {
		return change.equals("proposed") || change.equals("withdrawn") ? principal : broker;
	}
}
