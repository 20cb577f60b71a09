package io.singlewindow.interchange.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.declaration.BatchedDeclaration;

/**
 * A CUSDEC message with the message function cancellation (BGM 1225 = 1): the declarant's request to cancel a
 * declaration it sent before, named by the number the platform gave it (RFF 1153 = ABT, customs declaration number,
 * as the CUSRES carries it) and with a reason (FTX 4451 = ACD, reason, in the message's header). What else the message
 * holds — EDI software often sends the original declaration again with only its function changed — is not read.
 *
 * @param reference the message reference (UNH 0062)
 * @param number the declaration's number, {@literal null} when the message names none
 * @param reason as written, {@literal null} when none is given
 * @param sources where each of {@link #NUMBER} and {@link #REASON} was read, and the message itself under {@code ""}
 * @param problems what reading found ({@code INTERCHANGE_VALUE_REPEATED}, a missing number)
 */
record CusdecCancellation(String reference, String number, String reason, Map<String, String> sources,
		List<FieldProblem> problems) {

	/**
	 * The fields a cancellation is read into (the names the declaration module's refusals give them); a replacement
	 * keeps its function and number under the same names.
	 */
	static final String FUNCTION = "function";
	static final String NUMBER = "number";
	static final String REASON = "reason";

	/** RFF C506/1153: customs declaration number (UNCL 1153). */
	static final String DECLARATION_NUMBER = "ABT";
	/** FTX 4451: reason (UNCL 4451). */
	static final String REASON_TEXT = "ACD";

	/** The cancellation a message holds, read by {@link CusdecDeclaration}; empty for any other message. */
	static Optional<CusdecCancellation> of(BatchedDeclaration read) {
		if (read == null || !CusdecDeclaration.CANCELLATION.equals(read.fields().get(FUNCTION))) {
			return Optional.empty();
		}
		String number = blankToNull(read.fields().get(NUMBER));
		List<FieldProblem> problems = new java.util.ArrayList<>(read.problems());
		if (number == null) {
			problems.add(new FieldProblem(read.sources().get(FUNCTION), "DECLARATION_NUMBER_REQUIRED"));
		}
		Map<String, String> sources = new java.util.LinkedHashMap<>(read.sources());
		sources.put("", read.source());
		return Optional.of(new CusdecCancellation(read.reference(), number, read.fields().get(REASON), sources,
				problems));
	}

	/** Where a field of a refusal was read: the reason's FTX, the number's RFF, else the message's BGM 1225. */
	String source(String field) {
		String at = field == null ? null : sources.get(field);
		return at != null ? at : sources.get(FUNCTION);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
