package io.singlewindow.permit.internal;

/**
 * How the 证照分离 reform handles a regulated activity's permit.
 */
public enum PermitMode {

	/** 直接取消审批: nothing to apply for; the activity is free and the system records that it was. */
	APPROVAL_CANCELLED,

	/** 审批改为备案: recorded at once on submission; the agency may review afterwards. */
	FILING,

	/**
	 * 实行告知承诺: issued at once when the applicant signs the commitment; the agency verifies it within a deadline and
	 * revokes the permit if the commitment proves false.
	 */
	NOTIFICATION_COMMITMENT,

	/** 优化审批服务: reviewed by the issuing agency within its statutory time limit. */
	OPTIMISED_APPROVAL;

	/** Whether submitting an application issues the permit without an officer's decision. */
	boolean issuesOnSubmission() {
		return this == FILING || this == NOTIFICATION_COMMITMENT;
	}
}
