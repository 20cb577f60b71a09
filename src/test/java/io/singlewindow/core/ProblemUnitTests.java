package io.singlewindow.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A refusal's status, stable code and arguments are the API's contract; a 429 says how long to wait. */
class ProblemUnitTests {

	@Test
	void tooManyRequestsSaysHowLongToWaitInWholeSecondsAndMinutesRoundedUp() {
		Problem soon = Problem.tooManyRequests("LOGIN_LOCKED", Duration.ofMillis(1));
		Problem later = Problem.tooManyRequests("LOGIN_LOCKED", Duration.ofSeconds(61).plusMillis(1));

		assertThat(soon.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(soon.retryAfterSeconds()).contains(1L);
		assertThat(soon.arguments()).containsExactly(1L, 1L);
		assertThat(later.retryAfterSeconds()).contains(62L);
		assertThat(later.arguments()).containsExactly(62L, 2L);
		assertThat(Problem.tooManyRequests("X", Duration.ofSeconds(120)).arguments()).containsExactly(120L, 2L);
	}

	@Test
	void onlyA429HasATimeToWait() {
		assertThat(Problem.conflict("DECLARATION_CLOSED", 5L).retryAfterSeconds()).isEmpty();
		assertThat(Problem.forbidden("NOT_YOURS").retryAfterSeconds()).isEmpty();
		assertThat(Problem.notFound("TASK_NOT_FOUND").arguments()).isEmpty();
	}

	@Test
	void aFieldRefusalIsInvalidInputWithTheFieldsOwnCode() {
		Problem p = Problem.invalidField("limit", "TOO_LARGE", 500);

		assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(p.code()).isEqualTo("INVALID_INPUT");
		assertThat(p.fieldProblems()).singleElement().satisfies(f -> {
			assertThat(f.field()).isEqualTo("limit");
			assertThat(f.code()).isEqualTo("TOO_LARGE");
			assertThat(f.arguments()).containsExactly(500);
		});
		assertThat(Problem.unauthenticated().status()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theArgumentsHandedOutAreACopy() {
		Problem p = Problem.conflict("PERMIT_EXHAUSTED", "AIL-1");

		p.arguments()[0] = "changed";

		assertThat(p.arguments()).containsExactly("AIL-1");
	}
}
