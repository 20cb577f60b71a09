package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch keeps each refused declaration's problems until its sender reads the outcome, perhaps in another language
 * than the one it was sent in: what a refusal names in the reader's words (a licence's status) must still be named so.
 */
class BatchDocumentsUnitTests {

	final BatchDocuments documents = new BatchDocuments(JsonMapper.builder().build());

	@Test
	void aRefusalKeptInABatchNamesTheStatusInTheWordsOfWhoeverReadsItLater() {
		var messages = new StaticMessageSource();
		messages.addMessage("problem.ENTERPRISE_NOT_ACTIVE", Locale.ENGLISH, "The licence of {0} is {1}.");
		messages.addMessage("problem.ENTERPRISE_NOT_ACTIVE", Locale.SIMPLIFIED_CHINESE, "{0} 的营业执照状态为 {1}。");
		messages.addMessage("enterprise.status.SUSPENDED", Locale.ENGLISH, "Suspended");
		messages.addMessage("enterprise.status.SUSPENDED", Locale.SIMPLIFIED_CHINESE, "暂停");
		var refused = new FieldProblem("Declarations!2", "ENTERPRISE_NOT_ACTIVE", Uscc.parse("91350200MA2XN0QR5D"),
				Problem.named("enterprise.status.", EnterpriseStatus.SUSPENDED), 40);

		FieldProblem kept = documents.problems(documents.problems(List.of(refused))).getFirst();

		assertThat(kept.field()).isEqualTo("Declarations!2");
		assertThat(messages.getMessage("problem." + kept.code(), kept.arguments(), Locale.ENGLISH))
			.isEqualTo("The licence of 91350200MA2XN0QR5D is Suspended.");
		assertThat(messages.getMessage("problem." + kept.code(), kept.arguments(), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("91350200MA2XN0QR5D 的营业执照状态为 暂停。");
		assertThat(kept.arguments()[2]).as("a number stays a number").isEqualTo(40);
	}
}
