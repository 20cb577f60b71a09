package io.singlewindow.interchange.internal;

/**
 * A syntax or structure error found reading an interchange, where CONTRL points at it (ISO 9735-5).
 *
 * @param segmentTag the segment in error, {@literal null} for the message or interchange as a whole
 * @param segmentPosition its position in the message (UNH is 1), 0 outside a message
 * @param element the data element position in the segment, 0 for the segment as a whole
 * @param component the component position in the element, 0 for a simple element
 * @param code the syntax error code (0085): {@code 12} invalid value, {@code 13} missing, {@code 29} control count…
 */
record SyntaxError(String segmentTag, int segmentPosition, int element, int component, String code) {

	/** 2: syntax version or level not supported. */
	static final String NOT_SUPPORTED = "2";
	/** 12: invalid value. */
	static final String INVALID_VALUE = "12";
	/** 13: missing. */
	static final String MISSING = "13";
	/** 14: value not supported in this position. */
	static final String VALUE_NOT_SUPPORTED = "14";
	/** 15: not supported in this position (a segment the message does not have there). */
	static final String SEGMENT_NOT_SUPPORTED = "15";
	/** 16: too many constituents. */
	static final String TOO_MANY_CONSTITUENTS = "16";
	/** 18: unspecified error. */
	static final String UNSPECIFIED = "18";
	/** 21: invalid character(s): outside the declared character repertoire. */
	static final String INVALID_CHARACTER = "21";
	/** 26: duplicate detected (the same control reference with other content). */
	static final String DUPLICATE = "26";
	/** 28: references do not match (UNH/UNT, UNB/UNZ). */
	static final String REFERENCES_DO_NOT_MATCH = "28";
	/** 29: control count does not match number of instances received. */
	static final String COUNT_DOES_NOT_MATCH = "29";
	/** 35: too many data element or segment repetitions. */
	static final String TOO_MANY_REPETITIONS = "35";
	/** 36: too many segment group repetitions. */
	static final String TOO_MANY_GROUP_REPETITIONS = "36";
	/** 37: invalid type of character(s), e.g. a letter in a numeric element. */
	static final String INVALID_CHARACTER_TYPE = "37";
	/** 39: data element too long. */
	static final String TOO_LONG = "39";
	/** 40: data element too short. */
	static final String TOO_SHORT = "40";

	static SyntaxError of(String code) {
		return new SyntaxError(null, 0, 0, 0, code);
	}

	static SyntaxError segment(String tag, int position, String code) {
		return new SyntaxError(tag, position, 0, 0, code);
	}
}
