package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A query's stream ({@code JdbcClient…query(…).stream()}, {@code queryForStream}) keeps its database connection until
 * the stream is closed: read outside a try-with-resources it is never given back. One such read on the declaration page
 * (the general guarantees it offers) kept a connection per page shown until the pool ran dry (2026-12-05). The
 * platform's code reads lists; this test fails on any query stream not opened by a try-with-resources.
 */
class QueryStreamsUnitTests {

	@Test
	void everyQueryStreamOfThePlatformIsClosedByATryWithResources() throws IOException {
		List<String> open = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				openStreams(Files.readString(source)).forEach(at -> open.add(source + " at offset " + at));
			}
		}
		assertThat(open).as("query streams that keep their connection").isEmpty();
	}

	@Test
	void theRuleFindsTheStreamThatRanThePoolDry() {
		String leaking = """
				return jdbc.sql("SELECT 1").param(declarant).query(GeneralGuarantees::covered).stream()
					.map(c -> c).toList();""";
		String closed = """
				try (var rows = jdbc.sql("SELECT 1").query(Integer.class).stream()) {""";
		assertThat(openStreams(leaking)).hasSize(1);
		assertThat(openStreams("return jdbc.sql(\"SELECT 1\").query((rs, n) -> f(rs.getInt(1))).list().stream();"))
			.isEmpty();
		assertThat(openStreams("var s = jdbc.sql(\"SELECT 1\").query((rs, n) -> f(rs.getInt(1))).stream();")).hasSize(1);
		assertThat(openStreams("Stream<Integer> s = template.queryForStream(\"SELECT 1\", mapper);")).hasSize(1);
		assertThat(openStreams(closed)).isEmpty();
	}

	/**
	 * Where {@code text} reads a query's stream outside a try-with-resources: {@code .query(…)} (its parentheses
	 * balanced) followed by {@code .stream()}, or {@code queryForStream(}, in a statement that does not open with
	 * {@code try (}.
	 */
	static List<Integer> openStreams(String text) {
		List<Integer> found = new ArrayList<>();
		for (int at = text.indexOf(".query("); at >= 0; at = text.indexOf(".query(", at + 1)) {
			int close = closing(text, at + ".query(".length() - 1);
			if (close > 0 && text.substring(close + 1).stripLeading().startsWith(".stream()") && !inTry(text, at)) {
				found.add(at);
			}
		}
		for (int at = text.indexOf("queryForStream("); at >= 0; at = text.indexOf("queryForStream(", at + 1)) {
			if (!inTry(text, at)) {
				found.add(at);
			}
		}
		return found;
	}

	/** The index of the parenthesis closing the one at {@code open}, or -1. */
	private static int closing(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '(') {
				depth++;
			} else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** Whether the statement around {@code at} opens with {@code try (}. */
	private static boolean inTry(String text, int at) {
		int statement = Math.max(text.lastIndexOf(';', at), Math.max(text.lastIndexOf('{', at), text.lastIndexOf('}', at)));
		return text.substring(statement + 1, at).strip().startsWith("try (");
	}
}
