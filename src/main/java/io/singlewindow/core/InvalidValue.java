package io.singlewindow.core;

/**
 * Thrown by a value type's factory when the raw value does not make a valid instance. It names no field: whoever
 * reads the value from a request knows the field and turns this into a {@link FieldProblem}, usually through
 * {@link Violations#read(String, java.util.function.Supplier)}, with {@link #arguments()} for its message.
 */
public class InvalidValue extends IllegalArgumentException {

	private final String code;
	private final transient Object value;
	private final transient Object[] arguments;

	public InvalidValue(String code, Object value) {
		this(code, value, new Object[] { value });
	}

	private InvalidValue(String code, Object value, Object[] arguments) {
		super(code + ": " + value);
		this.code = code;
		this.value = value;
		this.arguments = arguments;
	}

	/** {@code TOO_LARGE}, whose message says the largest value allowed rather than the one refused. */
	public static InvalidValue tooLarge(Object value, Object largest) {
		return new InvalidValue("TOO_LARGE", value, new Object[] { largest });
	}

	public String code() {
		return code;
	}

	/** The value refused, as given (a request's field holding it is found by it). */
	public Object value() {
		return value;
	}

	/** What the code's message is written with: the value refused, unless the code's message says otherwise. */
	public Object[] arguments() {
		return arguments.clone();
	}
}
