package io.singlewindow.interchange.internal;

import static io.singlewindow.interchange.internal.CusdecFixtures.aCusdec;
import static io.singlewindow.interchange.internal.CusdecFixtures.anInterchange;
import static io.singlewindow.interchange.internal.WcoFixtures.aWcoDeclaration;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;

/**
 * Brokers' software breaks messages in ways nobody lists: seeded mutations of valid messages (bytes deleted, doubled,
 * swapped or inserted, separators and invalid UTF-8 among them, the end cut off, numbers made huge) read by both
 * standard readers. Whatever the bytes, a reader answers with what it read or a refusal with a code, never another
 * exception (which the API would answer with a 500), and a message it calls readable has a declaration. A failure
 * names the variant's number and its bytes in hex, to be turned into a regression test.
 */
class MutatedMessagesUnitTests {

	static final long SEED = Long.getLong("fuzz.seed", 20261202L);

	static final int TRIES = Integer.getInteger("fuzz.tries", 3_000);

	static final CusdecReader cusdec = new CusdecReader(new EdifactSchemas());

	static final WcoDeclarationReader wco = new WcoDeclarationReader();

	static final byte[][] INSERTS = bytes("'", "+", ":", "?", "*", ".", ",", "?'", "''", "++", "::", "\n", "\r\n", " ",
			"\u0000", "\u001b", "UNH+", "UNT+1+1'", "UNZ+", "UNB+UNOC:3+", "UNA:+.? '", "9999999999999999999999",
			"-1", "1E400", "0.000000000000000000001", "é", "厦门", "😀", "\uFFFD", "<", ">", "&", "&amp;", "</", "<a>",
			"<![CDATA[", "]]>", "<!--", "-->", "<?x?>", "\"", "xmlns=\"\"", "&#0;", "&#x1F600;");

	static final byte[][] INVALID_UTF8 = { { (byte) 0xC3 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
			{ (byte) 0xF0, (byte) 0x9F }, { (byte) 0x80 } };

	@Test
	void aMutatedCusdecInterchangeIsReadOrRefusedWithACode() {
		byte[] valid = anInterchange("IC1").with(aCusdec("1"), aCusdec("2")).text().getBytes(StandardCharsets.UTF_8);

		everyVariantOf(valid, "CUSDEC", body -> {
			ReceivedInterchange read = cusdec.read(new ByteArrayInputStream(body));
			if (read.refusal() != null) {
				assertThat(read.refusal().code()).isNotNull();
			}
			for (ReceivedInterchange.Message message : read.messages()) {
				assertThat(message.readable() || message.refusal() != null || !message.errors().isEmpty())
					.as("a message neither readable nor refused: %s", message).isTrue();
			}
			return read.readable().stream().allMatch(m -> m.declaration() != null);
		});
	}

	@Test
	void aMutatedWcoDeclarationIsReadOrRefusedWithACode() {
		byte[] valid = aWcoDeclaration("LRN-1").inEnvelope().text().getBytes(StandardCharsets.UTF_8);

		everyVariantOf(valid, "WCO", body -> wco.read(new ByteArrayInputStream(body)) != null);
	}

	private static void everyVariantOf(byte[] valid, String what, Function<byte[], Boolean> read) {
		SplittableRandom random = new SplittableRandom(SEED);
		List<String> failures = new ArrayList<>();
		for (int number = 1; number <= TRIES; number++) {
			byte[] body = mutated(valid, random);
			try {
				if (!read.apply(body)) {
					failures.add(describe(what, number, body, "answered without a declaration"));
				}
			}
			catch (Problem refused) {
				if (refused.code() == null || refused.code().isBlank()) {
					failures.add(describe(what, number, body, "refused without a code: " + refused));
				}
			}
			catch (AssertionError | RuntimeException | StackOverflowError e) {
				failures.add(describe(what, number, body, e.toString()));
			}
		}
		assertThat(failures).as("%s variants of seed %d answered wrongly, of %d", what, SEED, TRIES).isEmpty();
	}

	private static String describe(String what, int number, byte[] body, String answer) {
		return "%s variant #%d: %s; body (hex)=%s".formatted(what, number, answer, HexFormat.of().formatHex(body));
	}

	/** One to three mutations of a valid message. */
	static byte[] mutated(byte[] valid, SplittableRandom random) {
		byte[] body = valid.clone();
		int mutations = 1 + random.nextInt(3);
		for (int i = 0; i < mutations && body.length > 0; i++) {
			int at = random.nextInt(body.length);
			int length = 1 + random.nextInt(Math.min(40, body.length - at));
			body = switch (random.nextInt(8)) {
				case 0 -> concat(Arrays.copyOfRange(body, 0, at), Arrays.copyOfRange(body, at + length, body.length));
				case 1 -> concat(Arrays.copyOfRange(body, 0, at + length), Arrays.copyOfRange(body, at, body.length));
				case 2 -> concat(Arrays.copyOfRange(body, 0, at), INSERTS[random.nextInt(INSERTS.length)],
						Arrays.copyOfRange(body, at, body.length));
				case 3 -> concat(Arrays.copyOfRange(body, 0, at), INVALID_UTF8[random.nextInt(INVALID_UTF8.length)],
						Arrays.copyOfRange(body, at, body.length));
				case 4 -> Arrays.copyOfRange(body, 0, at);
				case 5 -> swapped(body, at, length, random);
				case 6 -> {
					byte[] changed = body.clone();
					changed[at] = (byte) random.nextInt(256);
					yield changed;
				}
				default -> hugeNumber(body, random);
			};
		}
		return body;
	}

	/** Two pieces of the body changed places (segments, elements, tags, depending on where they fall). */
	private static byte[] swapped(byte[] body, int at, int length, SplittableRandom random) {
		int other = random.nextInt(body.length);
		int first = Math.min(at, other);
		int second = Math.max(at, other);
		int firstLength = Math.min(length, second - first);
		int secondLength = Math.min(length, body.length - second);
		if (firstLength == 0 || secondLength == 0) {
			return body;
		}
		return concat(Arrays.copyOfRange(body, 0, first), Arrays.copyOfRange(body, second, second + secondLength),
				Arrays.copyOfRange(body, first + firstLength, second),
				Arrays.copyOfRange(body, first, first + firstLength),
				Arrays.copyOfRange(body, second + secondLength, body.length));
	}

	/** A run of digits made twenty-five digits longer. */
	private static byte[] hugeNumber(byte[] body, SplittableRandom random) {
		int start = random.nextInt(body.length);
		for (int i = start; i < body.length; i++) {
			if (body[i] >= '0' && body[i] <= '9') {
				return concat(Arrays.copyOfRange(body, 0, i), "9".repeat(25).getBytes(StandardCharsets.US_ASCII),
						Arrays.copyOfRange(body, i, body.length));
			}
		}
		return body;
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private static byte[][] bytes(String... texts) {
		return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
	}
}
