package io.singlewindow.interchange.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.interchange.internal.ReceivedInterchange.Message;

/**
 * The messages of an interchange while it is received, each held packed (its fields written out and deflated) and
 * unpacked again when it is asked for. A declaration read as form text with the source of every field takes about
 * 7 KB of heap; packed it takes a few hundred bytes, so the 10,000 messages an interchange may hold fit in a few MB
 * and are handed to the batch one at a time ({@link #declarations}), never all unpacked at once.
 */
final class PackedMessages extends AbstractList<Message> implements RandomAccess {

	private final List<byte[]> packed = new ArrayList<>();
	private final List<Integer> readable = new ArrayList<>();
	private final List<Integer> requests = new ArrayList<>();
	private long bytes;

	@Override
	public boolean add(Message message) {
		if (message.readable()) {
			(message.request() ? requests : readable).add(packed.size());
		}
		byte[] p = pack(message);
		bytes += p.length;
		return packed.add(p);
	}

	@Override
	public Message get(int index) {
		return unpack(packed.get(index));
	}

	@Override
	public int size() {
		return packed.size();
	}

	/** How many bytes the packed messages take (without the lists' own few bytes a message). */
	long packedBytes() {
		return bytes;
	}

	/** The readable messages (a declaration, no syntax error), each unpacked when asked for. */
	List<Message> readable() {
		return new Lazy<>(readable.size(), i -> get(readable.get(i)));
	}

	/** The readable cancellations and replacements of declarations sent before, each unpacked when asked for. */
	List<Message> requests() {
		return new Lazy<>(requests.size(), i -> get(requests.get(i)));
	}

	/** The declarations of {@code messages}, each unpacked when asked for when they are packed. */
	static List<BatchedDeclaration> declarations(List<Message> messages) {
		return new Lazy<>(messages.size(), i -> messages.get(i).declaration());
	}

	private static final class Lazy<T> extends AbstractList<T> implements RandomAccess {

		private final int size;
		private final java.util.function.IntFunction<T> element;

		Lazy(int size, java.util.function.IntFunction<T> element) {
			this.size = size;
			this.element = element;
		}

		@Override
		public T get(int index) {
			java.util.Objects.checkIndex(index, size);
			return element.apply(index);
		}

		@Override
		public int size() {
			return size;
		}
	}

	static byte[] pack(Message m) {
		var out = new ByteArrayOutputStream(1024);
		try (var data = new DataOutputStream(new DeflaterOutputStream(out))) {
			writeNullableText(data, m.reference());
			writeNullableText(data, m.type());
			writeNullableText(data, m.version());
			writeNullableText(data, m.release());
			writeNullableText(data, m.agency());
			writeError(data, m.refusal());
			data.writeInt(m.errors().size());
			for (SyntaxError e : m.errors()) {
				writeError(data, e);
			}
			BatchedDeclaration d = m.declaration();
			data.writeBoolean(d != null);
			if (d != null) {
				writeNullableText(data, d.reference());
				writeNullableText(data, d.source());
				writeMap(data, d.fields());
				writeMap(data, d.sources());
				data.writeInt(d.problems().size());
				for (FieldProblem p : d.problems()) {
					writeNullableText(data, p.field());
					writeNullableText(data, p.code());
					data.writeInt(p.arguments().length);
					for (Object argument : p.arguments()) {
						writeText(data, String.valueOf(argument));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static Message unpack(byte[] packed) {
		try (var data = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(packed)))) {
			String reference = readNullableText(data);
			String type = readNullableText(data);
			String version = readNullableText(data);
			String release = readNullableText(data);
			String agency = readNullableText(data);
			SyntaxError refusal = readError(data);
			int errorCount = data.readInt();
			List<SyntaxError> errors = new ArrayList<>(errorCount);
			for (int i = 0; i < errorCount; i++) {
				errors.add(readError(data));
			}
			BatchedDeclaration declaration = null;
			if (data.readBoolean()) {
				String ref = readNullableText(data);
				String source = readNullableText(data);
				Map<String, String> fields = readMap(data);
				Map<String, String> sources = readMap(data);
				int problemCount = data.readInt();
				List<FieldProblem> problems = new ArrayList<>(problemCount);
				for (int i = 0; i < problemCount; i++) {
					String field = readNullableText(data);
					String code = readNullableText(data);
					Object[] arguments = new Object[data.readInt()];
					for (int a = 0; a < arguments.length; a++) {
						arguments[a] = readText(data);
					}
					problems.add(new FieldProblem(field, code, arguments));
				}
				declaration = new BatchedDeclaration(ref, source, fields, sources, problems);
			}
			return new Message(reference, type, version, release, agency, declaration, refusal, errors);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void writeError(DataOutputStream data, SyntaxError e) throws IOException {
		data.writeBoolean(e != null);
		if (e != null) {
			writeNullableText(data, e.segmentTag());
			data.writeInt(e.segmentPosition());
			data.writeInt(e.element());
			data.writeInt(e.component());
			writeNullableText(data, e.code());
		}
	}

	private static SyntaxError readError(DataInputStream data) throws IOException {
		if (!data.readBoolean()) {
			return null;
		}
		return new SyntaxError(readNullableText(data), data.readInt(), data.readInt(), data.readInt(), readNullableText(data));
	}

	private static void writeMap(DataOutputStream data, Map<String, String> map) throws IOException {
		data.writeInt(map.size());
		for (var e : map.entrySet()) {
			writeText(data, e.getKey());
			writeNullableText(data, e.getValue());
		}
	}

	private static Map<String, String> readMap(DataInputStream data) throws IOException {
		int size = data.readInt();
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < size; i++) {
			map.put(readText(data), readNullableText(data));
		}
		return map;
	}

	private static void writeNullableText(DataOutputStream data, String s) throws IOException {
		data.writeBoolean(s != null);
		if (s != null) {
			writeText(data, s);
		}
	}

	private static String readNullableText(DataInputStream data) throws IOException {
		return data.readBoolean() ? readText(data) : null;
	}

	/** Any length (writeUTF stops at 64 KB, and an element too long for its schema is still read as text). */
	private static void writeText(DataOutputStream data, String s) throws IOException {
		byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		data.writeInt(utf8.length);
		data.write(utf8);
	}

	private static String readText(DataInputStream data) throws IOException {
		return new String(data.readNBytes(data.readInt()), java.nio.charset.StandardCharsets.UTF_8);
	}
}
