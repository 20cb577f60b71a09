package io.singlewindow.declaration.internal;

/**
 * How a printed declaration ({@link DeclarationDocument}) compares with what is declared now. Its QR code carries how
 * often the declared content had changed when it was printed — amendments by the declarant, corrections by customs —
 * so a carrier, a warehouse or a bank holding the paper learns whether it still shows what stands. Decisions and
 * payments do not change what was declared: a copy printed before them stays current.
 */
enum DeclaredCopy {

	/** What the copy shows is what is declared now. */
	CURRENT,

	/** The declarant amended it, or customs corrected it, after the copy was printed. */
	CHANGED_SINCE,

	/** The copy names more changes than the declaration ever had, or none readable: not printed by the platform. */
	UNKNOWN;

	static DeclaredCopy of(String printedChanges, int changes) {
		int printed;
		try {
			printed = Integer.parseInt(printedChanges.strip());
		} catch (NumberFormatException e) {
			return UNKNOWN;
		}
		if (printed < 0 || printed > changes) {
			return UNKNOWN;
		}
		return printed == changes ? CURRENT : CHANGED_SINCE;
	}

	/** The changes to a declaration's declared content: its amendments and customs' corrections. */
	static int changesOf(DeclarationView declaration) {
		return ResponseCopy.amendmentsOf(declaration) + declaration.corrections().size();
	}
}
