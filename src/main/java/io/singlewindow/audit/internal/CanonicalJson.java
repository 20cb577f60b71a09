package io.singlewindow.audit.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The one JSON spelling of a value that the audit chain hashes, so that anyone can recompute a row's hash from what
 * the database shows (PostgreSQL's {@code jsonb} keeps neither key order nor spacing):
 * <ul>
 * <li>objects: members sorted by key (by UTF-16 code units, as {@link String#compareTo}), no duplicates;</li>
 * <li>no whitespace anywhere;</li>
 * <li>strings: UTF-8, escaped only where JSON requires it — {@code \"}, {@code \\}, {@code \b \f \n \r \t}, other
 * characters below U+0020 as {@code \}{@code u00xx} (lower-case hex); everything else as is;</li>
 * <li>numbers: the exact decimal value in plain notation with trailing zeros removed ({@code 12.50} → {@code 12.5},
 * {@code 1E+3} → {@code 1000}, zero → {@code 0}), never an exponent and never a binary float;</li>
 * <li>{@code true}, {@code false}, {@code null}.</li>
 * </ul>
 * This is RFC 8785 (JCS) except for numbers, which JCS writes as IEEE doubles and which would lose money's precision.
 */
final class CanonicalJson {

	private static final JsonMapper READER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private CanonicalJson() {
	}

	/** The canonical spelling of the JSON document {@code json}; {@literal null} stays {@literal null}. */
	static String of(String json) {
		if (json == null) {
			return null;
		}
		try {
			StringBuilder out = new StringBuilder(json.length());
			write(READER.readTree(json), out);
			return out.toString();
		} catch (JacksonException e) {
			throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
		}
	}

	/**
	 * The canonical spelling of {@code value} as {@code mapper} writes it, without writing it as text and reading it
	 * back: the same spelling as {@code of(mapper.writeValueAsString(value))}, at a fraction of the work (the audit
	 * trail writes one for every decision).
	 */
	static String of(JsonMapper mapper, Object value) {
		if (value == null) {
			return null;
		}
		JsonNode tree = mapper.valueToTree(value);
		StringBuilder out = new StringBuilder(128);
		try {
			write(tree, out);
		} catch (IllegalArgumentException e) {
			// A node that has no plain JSON spelling in a tree (binary, an embedded object): take the long way.
			return of(mapper.writeValueAsString(value));
		}
		return out.toString();
	}

	/**
	 * The canonical spelling of an object whose members are already JSON values: strings and numbers are written as
	 * such, {@link RawJson} as its canonical form, {@literal null} as {@code null}.
	 */
	static String object(Map<String, ?> members) {
		ObjectNode node = READER.createObjectNode();
		members.forEach((name, value) -> node.set(name, switch (value) {
			case null -> NullNode.getInstance();
			case RawJson raw -> raw.json() == null ? NullNode.getInstance() : READER.readTree(raw.json());
			case Number n -> DecimalNode.valueOf(new BigDecimal(n.toString()));
			default -> StringNode.valueOf(value.toString());
		}));
		StringBuilder out = new StringBuilder();
		write(node, out);
		return out.toString();
	}

	/** A member of {@link #object(Map)} that is itself a JSON document. */
	record RawJson(String json) {
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			out.append("null");
		} else if (node.isObject()) {
			List<String> keys = new ArrayList<>(node.propertyNames());
			keys.sort(null);
			out.append('{');
			for (int i = 0; i < keys.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				string(keys.get(i), out);
				out.append(':');
				write(node.get(keys.get(i)), out);
			}
			out.append('}');
		} else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(node.get(i), out);
			}
			out.append(']');
		} else if (node.isString()) {
			string(node.stringValue(), out);
		} else if (node.isFloat() || node.isDouble()) {
			// As the number is written in text (shortest decimal form), not the binary value widened to a decimal.
			number(new BigDecimal(node.isFloat() ? Float.toString(node.floatValue())
					: Double.toString(node.doubleValue())), out);
		} else if (node.isNumber()) {
			number(node.decimalValue(), out);
		} else if (node.isBoolean()) {
			out.append(node.booleanValue());
		} else {
			throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
		}
	}

	private static void number(BigDecimal n, StringBuilder out) {
		out.append(n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString());
	}

	private static void string(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					} else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
