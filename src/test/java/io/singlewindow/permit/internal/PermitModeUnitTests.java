package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermitModeUnitTests {

	@Test
	void onlyApprovalWaitsForAnOfficer() {
		assertThat(PermitMode.FILING.issuesOnSubmission()).isTrue();
		assertThat(PermitMode.NOTIFICATION_COMMITMENT.issuesOnSubmission()).isTrue();
		assertThat(PermitMode.OPTIMISED_APPROVAL.issuesOnSubmission()).isFalse();
		assertThat(PermitMode.APPROVAL_CANCELLED.issuesOnSubmission()).isFalse();
	}
}
