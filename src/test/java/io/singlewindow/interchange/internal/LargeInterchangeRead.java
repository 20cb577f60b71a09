package io.singlewindow.interchange.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * Run in a JVM of its own with a small heap (InterchangeMemoryTests): reads an interchange of {@code args[0]}
 * messages, generated as it is read (never held whole), and prints how many declarations it read and the heap used.
 */
public final class LargeInterchangeRead {

	private LargeInterchangeRead() {
	}

	public static void main(String[] args) {
		int messages = Integer.parseInt(args[0]);
		byte[] head = "UNA:+.?*'\\nUNB+UNOW:4+BROKERSOFT:ZZZ+SINGLEWINDOW+20261130:0600+LARGE1'\\n".replace("\\n", "\n")
			.getBytes(StandardCharsets.UTF_8);
		Enumeration<InputStream> parts = new Enumeration<>() {
			int next = -1;

			@Override
			public boolean hasMoreElements() {
				return next <= messages;
			}

			@Override
			public InputStream nextElement() {
				int n = next++;
				String text = n < 0 ? new String(head, StandardCharsets.UTF_8)
						: n == messages ? "UNZ+" + messages + "+LARGE1'\n"
								: String.join("'\n", CusdecFixtures.aCusdec(String.valueOf(n + 1))
									.consignee("厦门芯片贸易有限公司").segments()) + "'\n";
				return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
			}
		};
		var read = new CusdecReader(new EdifactSchemas()).read(new SequenceInputStream(parts));
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		System.out.println("read=" + read.readable().size() + " refusal=" + read.refusal() + " heapUsedMb="
				+ (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024) + " heapMaxMb="
				+ runtime.maxMemory() / (1024 * 1024));
	}
}
