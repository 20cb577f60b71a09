package io.singlewindow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

class KeyValueLogFormatUnitTests {

	final KeyValueLogFormat format = new KeyValueLogFormat();

	final LoggerContext context = new LoggerContext();

	LoggingEvent event(Level level, String message, Throwable thrown, Object... arguments) {
		LoggingEvent event = new LoggingEvent("test", context.getLogger("io.singlewindow.identity.internal.SecurityEvents"),
				level, message, thrown, arguments);
		event.setInstant(Instant.parse("2026-12-02T01:02:03.456Z"));
		event.setThreadName("main");
		return event;
	}

	@Test
	void aLineHasTheFixedFieldsThenTheMessage() {
		String line = format.format(event(Level.INFO, "event=ready url={}", null, "http://localhost:8080/"));

		assertThat(line).endsWith(" level=INFO  thread=main logger=i.s.i.i.SecurityEvents event=ready url=http://localhost:8080/\n")
			.matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) level=.*")
			.hasLineCount(1);
		assertThat(format.format(event(Level.ERROR, "x", null))).contains(" level=ERROR thread=main ");
	}

	@Test
	void whatAMessageCarriesCannotEndTheLineNorDriveTheTerminal() {
		String line = format.format(event(Level.WARN, "username={}", null,
				"a\nb\rc\u001b[31md\u0000e\u0085f\u2028g\u202eh\u2066i\u200fj\u061ck\tl 厦门 😀"));

		assertThat(line).hasLineCount(1).endsWith(
				"username=a\\nb\\rc\\u001b[31md\\u0000e\\u0085f\\u2028g\\u202eh\\u2066i\\u200fj\\u061ck\tl 厦门 😀\n");
	}

	@Test
	void aStackTraceFollowsOnLinesIndentedByATabEvenWhenItsMessageHasLineBreaks() {
		var thrown = new IllegalStateException("refused\n1999-01-01T00:00:00.000Z level=INFO  forged \u001b[2J");

		String[] lines = format.format(event(Level.ERROR, "event=unhandled_error", thrown)).split("\n");

		assertThat(lines[0]).endsWith("logger=i.s.i.i.SecurityEvents event=unhandled_error");
		assertThat(lines).hasSizeGreaterThan(3);
		for (int i = 1; i < lines.length; i++) {
			assertThat(lines[i]).startsWith("\t").doesNotContain("\u001b");
		}
		assertThat(lines[1]).isEqualTo("\tjava.lang.IllegalStateException: refused");
		assertThat(lines[2]).isEqualTo("\t1999-01-01T00:00:00.000Z level=INFO  forged \\u001b[2J");
		assertThat(lines[3]).startsWith("\t\tat io.singlewindow.platform.internal.KeyValueLogFormatUnitTests.");
	}
}
