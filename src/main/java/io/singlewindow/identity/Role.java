package io.singlewindow.identity;

/** What a user account may do. */
public enum Role {
	/** Acts for exactly one enterprise: its own. */
	TRADER,
	/** A customs broker: acts for its own enterprise and for every enterprise that authorised it. */
	BROKER,
	/** Works for exactly one agency and decides that agency's tasks. */
	OFFICER,
	/** Runs the zone's catalogues and reference data; acts for no enterprise and decides for no agency. */
	ADMIN
}
