package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.FieldProblem;

class DeclarationFormUnitTests {

	@Test
	void formHoldsAsManyItemRowsAsWereTypedNotThree() {
		assertThat(DeclarationForm.rows(Map.of())).isEqualTo(1);
		assertThat(DeclarationForm.rows(Map.of("items[6].hsCode", "", "items[0].value", "1"))).isEqualTo(7);
	}

	@Test
	void removingARowMovesTheLaterRowsUp() {
		var form = Map.of("port", "CNXMN", "items[0].hsCode", "A", "items[1].hsCode", "B", "items[2].hsCode", "C");
		assertThat(DeclarationForm.withoutRow(form, 1))
			.containsExactlyInAnyOrderEntriesOf(Map.of("port", "CNXMN", "items[0].hsCode", "A", "items[1].hsCode", "C"));
	}

	@Test
	void anUnreadableAmountIsReportedAsWrittenAndTheRowsProblemsNameTheTypedRow() {
		List<Integer> rowOf = new ArrayList<>();
		var draft = DeclarationForm.draft(Map.of("freight", "$160,000", "items[2].hsCode", "3303000000",
				"items[2].value", "1 200,50", "items[2].quantity", "10 kg"), rowOf);
		assertThat(draft.request().freight()).isNull();
		assertThat(draft.request().items()).singleElement()
			.satisfies(item -> assertThat(item.value()).isEqualByComparingTo("1200.50"));
		assertThat(draft.unreadable()).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("items[0].quantity", "NUMBER_UNREADABLE"),
				org.assertj.core.groups.Tuple.tuple("freight", "NUMBER_UNREADABLE"));
		assertThat(DeclarationForm.onRows(draft.unreadable(), rowOf)).extracting(FieldProblem::field)
			.containsExactly("items[2].quantity", "freight");
	}

	@Test
	void packagesAreAWholeNumber() {
		var draft = DeclarationForm.draft(Map.of("packages", "1.5"));
		assertThat(draft.unreadable()).extracting(FieldProblem::code).containsExactly("INTEGER_REQUIRED");
	}
}
