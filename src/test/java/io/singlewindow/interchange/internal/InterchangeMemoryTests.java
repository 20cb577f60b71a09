package io.singlewindow.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Reading is a stream: an interchange of a thousand messages (1.4 MB) is read in a JVM of its own with a 64 MB heap,
 * generated as it is read. What stays in memory is each message's declaration as form text, about 7 KB a message
 * (docs/interchange.md, "Memory"), not the interchange's bytes.
 */
class InterchangeMemoryTests {

	@Test
	void aThousandMessagesAreReadUnderA64MegabyteHeap() throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-cp",
				System.getProperty("java.class.path"), LargeInterchangeRead.class.getName(), "1000"))
			.redirectErrorStream(true)
			.start();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(finished).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("read=1000 refusal=null");
	}
}
