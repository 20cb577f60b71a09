package io.singlewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Violations;

/** Which passwords a person may choose. */
class PasswordPolicyUnitTests {

	PasswordPolicy policy = new PasswordPolicy();

	@ParameterizedTest(name = "{1} for {0} → {2}")
	@CsvSource({
			"officer.ciq, '',                        REQUIRED",
			"officer.ciq, short-one,                 PASSWORD_TOO_SHORT",
			"officer.ciq, elevenchars,               PASSWORD_TOO_SHORT",
			"officer.ciq, qwertyuiop12,              PASSWORD_TOO_COMMON",
			"officer.ciq, Password1234!,             PASSWORD_TOO_COMMON",
			"officer.ciq, 1234567890123,             PASSWORD_TOO_COMMON",
			"officer.ciq, aaaaaaaaaaaaaa,            PASSWORD_TOO_COMMON",
			"officer.ciq, abcabcabcabcabc,           PASSWORD_TOO_COMMON",
			"officer.ciq, my-OFFICER.CIQ-2026,       PASSWORD_CONTAINS_USERNAME",
			"officer.ciq, lantern-quietly-47,        ok",
			"abc,         abc-lantern-quietly,       ok" })
	void refusesWeakPasswords(String username, String password, String expected) {
		Violations violations = new Violations();
		policy.check(username, password, "password", violations);
		assertThat(violations.problems().stream().map(FieldProblem::code).findFirst().orElse("ok")).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "password", "iloveyou", "football", "starwars", "sunshine" })
	void knowsTheShippedListOfCommonPasswords(String common) {
		assertThat(policy.isCommon(common)).isTrue();
		assertThat(policy.isCommon(common + "2026!!")).isTrue();
	}
}
