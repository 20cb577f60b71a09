package io.singlewindow.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem with a request before anything is stored, so the caller learns all of them at once.
 *
 * <pre>{@code
 * var violations = new Violations();
 * HsCode hs = violations.read("items[0].hsCode", () -> HsCode.of(raw));
 * violations.check(quantity.signum() > 0, "items[0].quantity", "QUANTITY_NOT_POSITIVE", quantity);
 * violations.throwIfAny();
 * }</pre>
 */
public final class Violations {

	private final List<FieldProblem> problems = new ArrayList<>();

	/**
	 * Reads a value through a value type's factory; an {@link InvalidValue} becomes a problem of {@code field}.
	 *
	 * @return the value, or {@literal null} when it was invalid (the problem is recorded)
	 */
	public <T> T read(String field, Supplier<T> factory) {
		try {
			return factory.get();
		} catch (InvalidValue e) {
			problems.add(new FieldProblem(field, e.code(), e.arguments()));
			return null;
		}
	}

	/**
	 * Reads the one value a request is about, failing at once when it is invalid.
	 *
	 * @throws Problem {@code INVALID_INPUT} naming {@code field}
	 */
	public static <T> T readOne(String field, Supplier<T> factory) {
		var violations = new Violations();
		T value = violations.read(field, factory);
		violations.throwIfAny();
		return value;
	}

	/** Records a problem of {@code field} unless {@code condition} holds. */
	public Violations check(boolean condition, String field, String code, Object... arguments) {
		if (!condition) {
			problems.add(new FieldProblem(field, code, arguments));
		}
		return this;
	}

	/** Records a problem of {@code field} when {@code value} is null or blank. */
	public Violations required(Object value, String field) {
		boolean present = value != null && !(value instanceof String s && s.isBlank());
		return check(present, field, "REQUIRED");
	}

	/**
	 * Records a problem of {@code field} when the text {@code raw} holds a control character or is longer than
	 * {@code maxLength} (see {@link FreeText#paragraph}); absent text is no problem here.
	 */
	public Violations text(String field, String raw, int maxLength) {
		read(field, () -> FreeText.paragraph(raw, maxLength));
		return this;
	}

	/**
	 * {@link #text} for one line (a name, a reference): also refuses line breaks and what reorders its display (see
	 * {@link FreeText#line}).
	 */
	public Violations line(String field, String raw, int maxLength) {
		read(field, () -> FreeText.line(raw, maxLength));
		return this;
	}

	public Violations add(String field, String code, Object... arguments) {
		problems.add(new FieldProblem(field, code, arguments));
		return this;
	}

	public boolean isEmpty() {
		return problems.isEmpty();
	}

	public List<FieldProblem> problems() {
		return List.copyOf(problems);
	}

	/** @throws Problem with code {@code INVALID_INPUT} listing every recorded problem, if there is any */
	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw Problem.invalidInput(problems);
		}
	}
}
