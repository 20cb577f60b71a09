package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * An interchange of the most messages it may hold (10,000 CUSDEC, 15 MB) is received by a platform whose heap is
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
					() -> interchange(reference, MESSAGES));
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

	/** The interchange, generated as it is sent: two-line imports of the chip trader, a Chinese consignee each. */
	static InputStream interchange(String reference, int messages) {
		Enumeration<InputStream> parts = new Enumeration<>() {
			int next = -1;

			@Override
			public boolean hasMoreElements() {
				return next <= messages;
			}

			@Override
			public InputStream nextElement() {
				int n = next++;
				String text = n < 0 ? "UNA:+.?*'\nUNB+UNOW:4+BROKERSOFT:ZZZ+SINGLEWINDOW+20261130:0600+" + reference + "'\n"
						: n == messages ? "UNZ+" + messages + "+" + reference + "'\n" : message(reference, n + 1);
				return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
			}
		};
		return new SequenceInputStream(parts);
	}

	/** One CUSDEC of 28 segments, UNH and UNT included (UNT 0074). */
	private static String message(String reference, int number) {
		return """
				UNH+%1$d+CUSDEC:D:96B:UN'
				BGM+929+%2$s-%1$d+9'
				LOC+22+CNXMN'
				LOC+27+US'
				LOC+28+CN'
				LOC+ZTC+US'
				GIS+ZTM:::0110'
				PAC+3'
				MEA+WT+G+KGM:12'
				MEA+WT+N+KGM:10'
				NAD+CN+++厦门芯片贸易有限公司'
				TDT+11++4'
				TOD+++CIF'
				CUX+2:USD:4'
				UNS+D'
				CST+1+8542319000'
				FTX+AAA+++processors'
				LOC+27+US'
				QTY+47:200:C62'
				MOA+38:4000'
				CST+2+8542319000'
				FTX+AAA+++memories'
				LOC+27+US'
				QTY+47:5:C62'
				MOA+38:4000'
				UNS+S'
				CNT+5:2'
				UNT+28+%1$d'
				""".formatted(number, reference.toLowerCase());
	}
}
