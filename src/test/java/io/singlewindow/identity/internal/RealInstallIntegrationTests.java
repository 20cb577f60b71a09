package io.singlewindow.identity.internal;

import static io.singlewindow.identity.internal.People.logIn;
import static io.singlewindow.identity.internal.People.sessionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.RealInstallTest;

/**
 * A zone installs the platform on its own PostgreSQL and sets no demo flag: no demo account, no known API key, no
 * demo banner; a setup token waits for the first administrator, who can also be made from the command line.
 */
@RealInstallTest
class RealInstallIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdministratorCommand command;

	@Autowired
	FirstAdministrator firstAdministrator;

	@AfterEach
	void forgetAdministrators() {
		Administrators.removeAll(jdbc);
	}

	@Test
	void anExternalDatabaseWithoutTheFlagGetsNoDemoAccountsAndNoKnownKeys() throws Exception {
		assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE demo OR username IN ('admin', 'trader.chip', 'broker')")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE key_prefix = 'sw-demo'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM tariff_line WHERE demo").query(Long.class).single())
			.as("no demo tariff line: the national schedule waits for the official import").isZero();

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer sw-demo-admin"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("INVALID_API_KEY"));
		assertThat(logIn(mvc, "admin", "demo12345", "192.0.2.50").getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		mvc.perform(get("/login"))
			.andExpect(content().string(not(containsString("demo-banner"))))
			.andExpect(content().string(not(containsString("demo12345"))));
	}

	@Test
	void theFirstStartIssuedASetupTokenForTheFirstAdministrator() throws Exception {
		assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE type = 'SETUP_TOKEN_ISSUED'").query(Long.class)
			.single()).isPositive();
		firstAdministrator.issueToken();
		mvc.perform(get("/setup")).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"setup-form\"")));
	}

	@Test
	void createAdminMakesTheFirstAdministratorFromTheCommandLine() throws Exception {
		firstAdministrator.issueToken();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		command.printTo(new PrintStream(out, true, StandardCharsets.UTF_8));

		command.run(new DefaultApplicationArguments("create-admin", "ops.chief"));

		assertThat(command.getExitCode()).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Administrator ops.chief created");
		// The password came from SINGLEWINDOW_ADMIN_PASSWORD (see RealInstallTest), never from an argument.
		assertThat(sessionOf(mvc, "ops.chief", "harbour-crane-at-dawn", "192.0.2.51")).isNotNull();
		assertThat(jdbc.sql("SELECT count(*) FROM setup_token").query(Long.class).single()).as("setup closed").isZero();
		mvc.perform(get("/setup")).andExpect(status().isNotFound());

		command.run(new DefaultApplicationArguments("create-admin", "ops.chief"));
		assertThat(command.getExitCode()).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("username: User name 'ops.chief' is already taken.");

		command.run(new DefaultApplicationArguments("create-admin"));
		assertThat(command.getExitCode()).isEqualTo(2);
		command.printTo(System.out);
	}
}
