package io.singlewindow.declaration.internal;

import java.time.Instant;
import java.util.Locale;

import io.singlewindow.core.Uscc;

/**
 * An agency agreement changed in a way the other party's system should hear of, published in the transaction that
 * changed it: the principal hears that one is proposed to it or withdrawn, the broker that its principal confirmed or
 * declined one, or that a declaration gave one back ({@link Webhooks}).
 *
 * @param reason why it was declined, how the declaration that gave it back ended, else {@literal null}
 * @param declaration the number of the declaration that gave it back, else {@literal null}
 */
record AgencyAgreementChanged(String number, Uscc broker, Uscc principal, Change change, String by, String reason,
		String declaration, Instant at) {

	/** What happened to it, and whose system hears of it. */
	enum Change {
		PROPOSED(true), WITHDRAWN(true), CONFIRMED(false), DECLINED(false), GIVEN_BACK(false);

		private final boolean toPrincipal;

		Change(boolean toPrincipal) {
			this.toPrincipal = toPrincipal;
		}

		/** The decision the principal made or the broker took back, as the agreement's status names it. */
		static Change of(AgencyAgreement.Status decided) {
			return switch (decided) {
				case CONFIRMED -> CONFIRMED;
				case DECLINED -> DECLINED;
				case WITHDRAWN -> WITHDRAWN;
				case PROPOSED -> PROPOSED;
			};
		}

		/** The event's type on a webhook, {@code agency-agreement.given-back} for instance. */
		String type() {
			return "agency-agreement." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	/** The party told: the principal of a proposal or its withdrawal, the broker of anything else. */
	Uscc told() {
		return change.toPrincipal ? principal : broker;
	}
}
