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

	private static final java.util.function.Function<String, String> NO_HEADERS = name -> null;

	@Test
	void aResourceMadeWithoutItsLocationBreaksTheContract() {
		// RFC 9110: a 201 without Location says the resource made is the request's own address, which it is not.
		assertThat(ApiContract.DOCUMENT.violations("POST", "/api/v1/agency-agreements", 201, NO_HEADERS,
				"application/json", "")).singleElement().asString().contains("no Location header");
		assertThat(ApiContract.DOCUMENT.violations("POST", "/api/v1/agency-agreements", 201,
				name -> "Location".equals(name) ? "/api/v1/agency-agreements/WT202600000001" : null,
				"application/json", "")).isEmpty();
	}

	@Test
	void aRefusalWithADeclaredCodeKeepsTheContract() {
		assertThat(ApiContract.DOCUMENT.violations("GET", "/api/v1/agencies/CIQ/tasks", 403, NO_HEADERS,
				"application/problem+json", problem(403, "NOT_AUTHORISED_FOR_AGENCY"))).isEmpty();
	}

	@Test
	void aRefusalWithACodeTheOperationDidNotDeclareBreaksTheContract() {
		// The agency queue checks the agency, not a role: ROLE_REQUIRED is another operation's code.
		assertThat(ApiContract.DOCUMENT.violations("GET", "/api/v1/agencies/CIQ/tasks", 403, NO_HEADERS,
				"application/problem+json", problem(403, "ROLE_REQUIRED")))
			.singleElement().asString().contains("code ROLE_REQUIRED is not among the codes documented");
	}

	@Test
	void aRefusalWithAStatusTheOperationDoesNotAnswerBreaksTheContract() {
		// The business-activity catalogue is a list: nothing in it is ever "not found".
		assertThat(ApiContract.DOCUMENT.violations("GET", "/api/v1/business-activities", 404, NO_HEADERS,
				"application/problem+json", problem(404, "ACCOUNT_NOT_FOUND")))
			.singleElement().asString().contains("status not documented");
	}
}
