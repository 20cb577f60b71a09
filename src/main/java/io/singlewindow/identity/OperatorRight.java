package io.singlewindow.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an enterprise's operator (操作员) may do for it, as its administrator (企业管理员) grants it — the way the
 * national single window's enterprise administrators give each clerk the businesses they handle. Everyone of an
 * enterprise reads its data; a right is needed to change it. The enterprise's administrator holds every right, and an
 * operator opened without a choice holds every right too, as every account did before rights existed.
 */
public enum OperatorRight {

	/** Declares goods (货物申报): submits, amends and withdraws declarations, answers queries, attaches documents,
	 * applies for a cancellation or correction, sends workbooks and standard messages. */
	DECLARE,

	/** Applies for permits, filings and notification-commitments, and supplements the applications (许可证件). */
	APPLY_FOR_PERMITS,

	/** Keeps the enterprise's record (企业资料): amends or deregisters its licence, authorises customs brokers and
	 * registers the webhooks its systems hear on. */
	MANAGE_ENTERPRISE;

	/** Every right: what an enterprise's administrator holds. */
	public static Set<OperatorRight> all() {
		return Set.copyOf(EnumSet.allOf(OperatorRight.class));
	}
}
