package io.singlewindow.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Reading is a stream: an interchange of the most messages it may hold (10,000, 14 MB) is read in a JVM of its own
 * with a 32 MB heap, generated as it is read. What stays in memory is each message's declaration packed, about 0.7 KB
 * a message (docs/interchange.md, "Memory"), not the interchange's bytes nor its declarations unpacked (7 KB each, 70
 * MB in all, which did not fit in 64 MB).
 */
class InterchangeMemoryTests {

	@Test
	void tenThousandMessagesAreReadUnderA32MegabyteHeap() throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx32m", "-cp",
				System.getProperty("java.class.path"), LargeInterchangeRead.class.getName(), "10000"))
			.redirectErrorStream(true)
			.start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(finished).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("read=10000 refusal=null");
	}
}
