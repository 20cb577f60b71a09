package io.singlewindow.declaration.internal;

/**
 * How a printed consolidated response compares with the declaration as it stands. The response's QR code carries the
 * declaration's version and its number of amendments when printed; every decision, status change, amendment,
 * correction and payment of its duties moves the version on.
 */
enum ResponseCopy {

	/** Nothing has changed since the copy was printed. */
	CURRENT,

	/** The declarant amended the declaration since: the copy is superseded by a later version. */
	AMENDED_SINCE,

	/**
	 * Agencies decided, the status moved on, customs corrected it or its duties were paid since: the copy is out of
	 * date.
	 */
	CHANGED_SINCE,

	/** The copy names a version the declaration never had: it was not printed by the platform. */
	UNKNOWN_VERSION;

	static ResponseCopy of(String printedVersion, String printedAmendments, int version, int amendments) {
		int v;
		int a;
		try {
			v = Integer.parseInt(printedVersion.strip());
			a = printedAmendments == null ? amendments : Integer.parseInt(printedAmendments.strip());
		} catch (NumberFormatException e) {
			return UNKNOWN_VERSION;
		}
		if (v < 0 || v > version || a < 0 || a > amendments) {
			return UNKNOWN_VERSION;
		}
		if (v == version) {
			return CURRENT;
		}
		return a < amendments ? AMENDED_SINCE : CHANGED_SINCE;
	}

	/** Amendments recorded on the declaration's timeline. */
	static int amendmentsOf(DeclarationView declaration) {
		return (int) declaration.timeline().stream().filter(e -> "AMENDED".equals(e.event())).count();
	}
}
