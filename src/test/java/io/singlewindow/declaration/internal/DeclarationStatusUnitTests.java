package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.TaskStatus.APPROVED;
import static io.singlewindow.declaration.internal.TaskStatus.AUTO_APPROVED;
import static io.singlewindow.declaration.internal.TaskStatus.PENDING;
import static io.singlewindow.declaration.internal.TaskStatus.QUERIED;
import static io.singlewindow.declaration.internal.TaskStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeclarationStatusUnitTests {

	@Test
	void clearedOnlyWhenEveryAgencyApproved() {
		assertThat(DeclarationStatus.consolidate(List.of(AUTO_APPROVED, APPROVED, AUTO_APPROVED)))
			.isEqualTo(DeclarationStatus.CLEARED);
		assertThat(DeclarationStatus.consolidate(List.of(AUTO_APPROVED, PENDING)))
			.isEqualTo(DeclarationStatus.UNDER_REVIEW);
	}

	@Test
	void aRejectionOutweighsAQueryAndAQueryOutweighsPendingTasks() {
		assertThat(DeclarationStatus.consolidate(List.of(QUERIED, REJECTED, APPROVED)))
			.isEqualTo(DeclarationStatus.REJECTED);
		assertThat(DeclarationStatus.consolidate(List.of(QUERIED, PENDING, APPROVED)))
			.isEqualTo(DeclarationStatus.QUERIED);
	}

	@Test
	void noTaskIsNotAClearance() {
		assertThat(DeclarationStatus.consolidate(List.of())).isEqualTo(DeclarationStatus.UNDER_REVIEW);
	}

	@Test
	void officersDecideAndDeclarantsAnswerOnlyWhileADeclarationIsOpen() {
		assertThat(EnumSet.allOf(DeclarationStatus.class)).filteredOn(DeclarationStatus::open)
			.containsExactlyInAnyOrder(DeclarationStatus.SUBMITTED, DeclarationStatus.UNDER_REVIEW,
					DeclarationStatus.QUERIED);
	}
}
