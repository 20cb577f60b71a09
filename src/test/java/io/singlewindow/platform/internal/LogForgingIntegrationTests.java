package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Operators read the platform's log line by line, as {@code key=value} pairs, and alert on what it says. Nobody may
 * write a line of it: not an anonymous visitor typing a user name at the login (the failed login is logged with what
 * was typed), whatever that name holds — line breaks, terminal escapes, right-to-left overrides, quotes, spaces and
 * {@code key=} of its own.
 */
@SingleWindowIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogForgingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aUserNameTypedAtTheLoginCannotWriteALineOfTheLog(CapturedOutput output) throws Exception {
		// The login keeps the first 64 characters of a name, in lower case: all of this fits.
		String typed = "x\n1999-01-01T00:00:00.000Z level=INFO \u001b[2K\u202eevent=y\" actor=admin";

		mvc.perform(formLogin("/login").user(typed).password("wrong"));

		List<String> lines = output.getOut().lines().toList();
		assertThat(lines).noneMatch(line -> line.startsWith("1999-01-01"));
		assertThat(lines).noneMatch(line -> line.contains("\u001b") || line.contains("\u202e"));
		String failed = lines.stream().filter(line -> line.contains("type=LOGIN_FAILED")).reduce((a, b) -> b)
			.orElseThrow();
		// One value, quoted, its quote escaped: a key=value reader finds one user name, and no actor=admin.
		assertThat(failed).contains(
				"username=\"x\\n1999-01-01t00:00:00.000z level=info \\u001b[2k\\u202eevent=y\\\" actor=admin\" actor=null");
	}
}
