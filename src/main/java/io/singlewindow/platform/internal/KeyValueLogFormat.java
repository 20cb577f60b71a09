package io.singlewindow.platform.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.logging.structured.StructuredLogFormatter;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;

/**
 * The platform's log lines: {@code <time> level=<level> thread=<thread> logger=<logger> <message>}, one line a record,
 * its stack trace (if any) on the lines after it, each indented by a tab. Messages carry what users typed (a user name
 * at the login, a file's name, an exception's message quoting a request), so nothing in a message may end the line or
 * act on the terminal that shows it: line breaks, other control characters and the Unicode controls that reorder text
 * are written as escapes ({@code \n}, {@code \r}, {@code \u001b}, {@code \u202e}). A line that starts with a time was
 * therefore written by the platform; a logging pattern cannot escape character by character, hence this format
 * ({@code logging.structured.format.console}) instead of {@code logging.pattern.console}.
 */
public class KeyValueLogFormat implements StructuredLogFormatter<ILoggingEvent> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
		.withZone(ZoneId.systemDefault());

	private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(1);

	/** Abbreviated once per logger, not at every line: loggers are few, lines many. */
	private final Map<String, String> loggers = new ConcurrentHashMap<>();

	@Override
	public String format(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(160);
		TIME.formatTo(event.getInstant(), line);
		String level = event.getLevel().toString();
		line.append(" level=").append(level).repeat(' ', Math.max(0, 5 - level.length()));
		line.append(" thread=");
		escape(event.getThreadName(), line);
		line.append(" logger=").append(loggers.computeIfAbsent(event.getLoggerName(), abbreviator::abbreviate))
			.append(' ');
		escape(event.getFormattedMessage(), line);
		line.append('\n');
		IThrowableProxy thrown = event.getThrowableProxy();
		if (thrown != null) {
			for (String traceLine : ThrowableProxyUtil.asString(thrown).split("\r?\n")) {
				line.append('\t');
				escape(traceLine, line);
				line.append('\n');
			}
		}
		return line.toString();
	}

	/** Appends {@code text} with every character that could end the line or drive the terminal written as an escape. */
	private static void escape(String text, StringBuilder to) {
		if (text == null) {
			to.append("null");
			return;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\n' -> to.append("\\n");
				case '\r' -> to.append("\\r");
				case '\t' -> to.append('\t');
				default -> {
					if (escaped(c)) {
						to.append("\\u").append(String.format("%04x", (int) c));
					}
					else {
						to.append(c);
					}
				}
			}
		}
	}

	/**
	 * Control characters (C0, DEL, C1 with NEL), the line and paragraph separators, and the marks, embeddings,
	 * overrides and isolates of the bidirectional algorithm, which make a terminal show text in another order.
	 */
	private static boolean escaped(char c) {
		return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0x200e || c == 0x200f
				|| c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x061c;
	}
}
