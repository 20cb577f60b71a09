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
		var read = new CusdecReader(new EdifactSchemas()).read(interchange("LARGE1", messages));
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		System.out.println("read=" + read.readable().size() + " refusal=" + read.refusal() + " heapUsedMb="
				+ (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024) + " heapMaxMb="
				+ runtime.maxMemory() / (1024 * 1024));
	}

	/**
	 * An interchange of {@code messages} two-line imports of the chip trader (a Chinese consignee each, 1.4 KB a
	 * message), generated as it is read, never held whole; also what {@code LargeInterchangeIntegrationTests} sends.
	 */
	public static InputStream interchange(String reference, int messages) {
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
						: n == messages ? "UNZ+" + messages + "+" + reference + "'\n"
								: String.join("'\n", CusdecFixtures.aCusdec(String.valueOf(n + 1))
									.clientReference(reference.toLowerCase() + "-" + (n + 1))
									.consignee("厦门芯片贸易有限公司").segments()) + "'\n";
				return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
			}
		};
		return new SequenceInputStream(parts);
	}
}
