package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The contract test itself: an answer whose problem code the operation did not declare breaks the contract, even
 * when the status and the body's shape are documented.
 */
class ApiContractUnitTests {

	static String problem(int status, String code) {
		return """
				{"type":"https://singlewindow.example/problems/%s","title":"t","status":%d,"code":"%s"}"""
			.formatted(code, status, code);
	}

	@Test
	void aRefusalWithADeclaredCodeKeepsTheContract() {
		assertThat(ApiContract.DOCUMENT.violations("GET", "/api/v1/agencies/CIQ/tasks", 403,
				"application/problem+json", problem(403, "NOT_AUTHORISED_FOR_AGENCY"))).isEmpty();
	}

	@Test
	void aRefusalWithACodeTheOperationDidNotDeclareBreaksTheContract() {
		// The agency queue checks the agency, not a role: ROLE_REQUIRED is another operation's code.
		assertThat(ApiContract.DOCUMENT.violations("GET", "/api/v1/agencies/CIQ/tasks", 403,
				"application/problem+json", problem(403, "ROLE_REQUIRED")))
			.singleElement().asString().contains("code ROLE_REQUIRED is not among the codes documented");
	}

	@Test
	void aRefusalWithAStatusTheOperationDoesNotAnswerBreaksTheContract() {
		// The business-activity catalogue is a list: nothing in it is ever "not found".
		assertThat(ApiContract.DOCUMENT.violations("GET", "/api/v1/business-activities", 404,
				"application/problem+json", problem(404, "ACCOUNT_NOT_FOUND")))
			.singleElement().asString().contains("status not documented");
	}
}
