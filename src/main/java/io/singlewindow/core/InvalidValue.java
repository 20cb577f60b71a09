package io.singlewindow.core;

/**
 * Thrown by a value type's factory when the raw value does not make a valid instance. It names no field: whoever
 * reads the value from a request knows the field and turns this into a {@link FieldProblem}, usually through
 * {@link Violations#read(String, java.util.function.Supplier)}.
 */
public class InvalidValue extends IllegalArgumentException {

	private final String code;
	private final transient Object value;

	public InvalidValue(String code, Object value) {
		super(code + ": " + value);
		this.code = code;
		this.value = value;
	}

	public String code() {
		return code;
	}

	public Object value() {
		return value;
	}
}
