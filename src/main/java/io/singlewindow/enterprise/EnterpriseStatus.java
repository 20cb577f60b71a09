package io.singlewindow.enterprise;

/** The state of an enterprise's business licence. Only {@link #ACTIVE} enterprises may trade or apply for permits. */
public enum EnterpriseStatus {
	ACTIVE, SUSPENDED, REVOKED, DEREGISTERED
}
