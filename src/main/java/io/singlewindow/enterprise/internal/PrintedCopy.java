package io.singlewindow.enterprise.internal;

/**
 * How a printed licence (its QR code carries the licence version it was printed from) compares with the licence as it
 * stands: current, changed since (amended, suspended, reinstated, revoked, deregistered), or no version the licence
 * ever had — a copy not made by the platform.
 */
enum PrintedCopy {

	CURRENT, CHANGED_SINCE, UNKNOWN_VERSION;

	static PrintedCopy of(String printedVersion, int currentVersion) {
		int printed;
		try {
			printed = Integer.parseInt(printedVersion.strip());
		} catch (NumberFormatException e) {
			return UNKNOWN_VERSION;
		}
		if (printed < 0 || printed > currentVersion) {
			return UNKNOWN_VERSION;
		}
		return printed == currentVersion ? CURRENT : CHANGED_SINCE;
	}
}
