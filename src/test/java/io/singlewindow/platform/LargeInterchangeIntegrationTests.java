package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.interchange.internal.LargeInterchangeRead;

/**
 * An interchange of the most messages it may hold (10,000 CUSDEC, 14 MB) is received by a platform whose heap is
 * small, its own JVM that exits at the first OutOfMemoryError: the messages are read as a stream, held packed and
 * stored into the batch a chunk at a time, so the memory they need does not grow with their number
 * (docs/interchange.md, "Memory"). Before, the same interchange ran the platform out of memory at 96 MB and at 192 MB.
 */
class LargeInterchangeIntegrationTests {

	/**
	 * The platform's heap here: 96 MB sufficed on the development machine; 128 MB leaves room for a busier machine and
	 * is still far below what the interchange needed before (more than 192 MB).
	 */
	static final String HEAP = System.getProperty("singlewindow.test.interchange-heap", "128m");

	static final int MESSAGES = 10_000;

	@Test
	void tenThousandMessagesAreReceivedByAPlatformWithASmallHeap() throws Exception {
		Path home = Files.createTempDirectory("sw-large-interchange");
		PlatformProcess platform = null;
		try {
			platform = PlatformProcess.launchWithHeap(home.resolve("data"), "small-heap", HEAP).awaitReady();
			String reference = "MEM" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

			long started = System.nanoTime();
			var answer = platform.postStream("/api/v1/interchanges", DeclarationLoad.TRADER, "application/EDIFACT",
					() -> LargeInterchangeRead.interchange(reference, MESSAGES));
			long millis = (System.nanoTime() - started) / 1_000_000;

			assertThat(answer.statusCode()).as(answer.body() + "\n" + platform.tail()).isEqualTo(202);
			assertThat(answer.body()).contains("UCI+" + reference + "+BROKERSOFT:ZZZ+SINGLEWINDOW+8");
			assertThat(platform.process.isAlive()).as(platform.tail()).isTrue();
			assertThat(platform.logText()).doesNotContain("OutOfMemoryError");
			try (Connection db = platform.database(); Statement s = db.createStatement();
					ResultSet rs = s.executeQuery("SELECT count(*) FROM declaration_batch_entry e "
							+ "JOIN interchange i ON i.batch_id = e.batch_id WHERE i.control_reference = '" + reference
							+ "'")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(MESSAGES);
			}
			System.out.println("event=large_interchange_received messages=" + MESSAGES + " heap=" + HEAP + " millis="
					+ millis);
		}
		finally {
			if (platform != null) {
				platform.forceStop();
				Path logs = Path.of("target", "platform-life-logs");
				Files.createDirectories(logs);
				Files.copy(platform.log, logs.resolve(platform.log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
			PlatformLifeIntegrationTests.deleteRecursively(home);
		}
	}
}
