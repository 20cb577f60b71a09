package io.singlewindow.interchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

/**
 * What an answer interchange says, message by message, for a person to read on the upload page. It is read back from
 * the answer itself (CONTRL and CUSRES, by StAEDI's reader), so the page shows exactly what the sender's software
 * receives, whichever way the answer was made (at once, or from a batch's outcomes as they come).
 *
 * @param rejection the interchange refused as a whole (UCI 0083=4), or {@literal null}
 * @param results one per message answered so far: CUSRES (accepted or refused for its content) and CONTRL UCM
 *     (refused for its syntax), in the order of the answer
 */
record AnswerReport(Finding rejection, List<Result> results) {

	/** How a message was answered. */
	enum Outcome {
		/** CUSRES 1225=29: its declaration was submitted. */
		ACCEPTED,
		/** CUSRES 1225=27: refused for its content, nothing stored. */
		REFUSED,
		/** CONTRL UCM 0083=4: refused for its syntax or structure, nothing stored. */
		SYNTAX
	}

	/**
	 * One message's answer.
	 *
	 * @param reference the CUSDEC's message reference (UNH 0062)
	 * @param number the declaration number, when accepted
	 * @param declarationId the declaration, when accepted
	 * @param status the consolidated status (GIS ZST), {@code REFUSED} when not accepted
	 * @param act what a cancellation or replacement did (GIS ZRQ: {@code WITHDRAWN}, {@code CANCEL_APPLIED},
	 *     {@code AMENDED}), {@literal null} for a declaration
	 */
	record Result(String reference, Outcome outcome, String number, UUID declarationId, String status, String act,
			List<Finding> findings) {
	}

	/**
	 * Why a message (or the interchange) was refused.
	 *
	 * @param code the stable error code (ERC) of a CUSRES, or the syntax error code (0085) of a CONTRL
	 * @param segment the segment it concerns: {@code CST 16} in a CUSRES, the position ({@code 5}) in a CONTRL,
	 *     {@code UNB} for the envelope; may be empty
	 * @param element the element it concerns ({@code C246.7361} in a CUSRES, {@code 2:1} in a CONTRL), may be empty
	 * @param text the English text the CUSRES carries (FTX), empty for a CONTRL
	 */
	record Finding(String code, String segment, String element, String text) {

		boolean syntax() {
			return code.chars().allMatch(Character::isDigit);
		}
	}

	/** Reads the answer the platform wrote; an answer it cannot read is a fault of the platform, not the sender. */
	static AnswerReport of(byte[] answer) {
		List<Segment> segments = segments(answer);
		Finding rejection = null;
		List<Result> results = new ArrayList<>();
		for (int i = 0; i < segments.size(); i++) {
			Segment s = segments.get(i);
			switch (s.tag()) {
				case "UCI" -> {
					if (EdifactAnswer.REJECTED.equals(s.value(4, 1))) {
						rejection = new Finding(s.value(5, 1), s.value(6, 1), position(s, 7), "");
					}
				}
				case "UCM" -> {
					List<Finding> findings = new ArrayList<>();
					if (!s.value(4, 1).isEmpty()) {
						findings.add(new Finding(s.value(4, 1), s.value(5, 1), position(s, 6), ""));
					}
					for (int j = i + 1; j < segments.size() && (segments.get(j).tag().equals("UCS")
							|| segments.get(j).tag().equals("UCD")); j++) {
						Segment error = segments.get(j);
						if (error.tag().equals("UCS") && !error.value(2, 1).isEmpty()) {
							findings.add(new Finding(error.value(2, 1), error.value(1, 1), "", ""));
						}
						else if (error.tag().equals("UCD")) {
							// A UCD belongs to the UCS before it: the segment position it names.
							findings.add(new Finding(error.value(1, 1), segments.get(j - 1).value(1, 1),
									position(error, 2), ""));
						}
					}
					results.add(new Result(s.value(1, 1), Outcome.SYNTAX, null, null, "REFUSED", null, findings));
				}
				case "BGM" -> results.add(cusres(segments, i));
				default -> {
				}
			}
		}
		return new AnswerReport(rejection, results);
	}

	/** A CUSRES from its BGM to its UNT. */
	private static Result cusres(List<Segment> segments, int bgm) {
		boolean accepted = "29".equals(segments.get(bgm).value(3, 1));
		String reference = null;
		String number = null;
		UUID id = null;
		String status = null;
		String act = null;
		List<Finding> findings = new ArrayList<>();
		String segment = "";
		for (int i = bgm + 1; i < segments.size() && !segments.get(i).tag().equals("UNT"); i++) {
			Segment s = segments.get(i);
			switch (s.tag()) {
				case "GIS" -> {
					if ("ZRQ".equals(s.value(1, 1))) {
						act = s.value(1, 4);
					}
					else {
						status = s.value(1, 4);
					}
				}
				case "RFF" -> {
					switch (s.value(1, 1)) {
						case "ACW" -> reference = s.value(1, 2);
						case "ABT" -> number = s.value(1, 2);
						case "ZID" -> id = UUID.fromString(s.value(1, 2)
							.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
						default -> {
						}
					}
				}
				case "ERP" -> segment = s.value(2, 1).isEmpty() ? "" : s.value(2, 1) + " " + s.value(2, 2);
				case "ERC" -> findings.add(new Finding(s.value(1, 1), segment, "", ""));
				case "FTX" -> {
					if (!findings.isEmpty()) {
						Finding last = findings.removeLast();
						findings.add(new Finding(last.code(), last.segment(), s.value(4, 2), s.value(4, 1)));
					}
				}
				default -> {
				}
			}
		}
		if (reference == null) {
			reference = segments.get(bgm).value(2, 1);
		}
		return new Result(reference, accepted ? Outcome.ACCEPTED : Outcome.REFUSED, accepted ? number : null,
				accepted ? id : null, status, act, findings);
	}

	/** S011 (element:component) of a CONTRL segment, as {@code 2:1}. */
	private static String position(Segment s, int element) {
		String at = s.value(element, 1);
		String component = s.value(element, 2);
		return at.isEmpty() || component.isEmpty() ? at : at + ":" + component;
	}

	/** A segment as read: its tag and, per element, its components. */
	private record Segment(String tag, List<List<String>> elements) {

		String value(int element, int component) {
			if (element > elements.size()) {
				return "";
			}
			List<String> components = elements.get(element - 1);
			return component > components.size() || components.get(component - 1) == null ? ""
					: components.get(component - 1);
		}
	}

	private static List<Segment> segments(byte[] answer) {
		EDIInputFactory factory = EDIInputFactory.newFactory();
		factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
		String head = new String(answer, 0, Math.min(40, answer.length), StandardCharsets.ISO_8859_1);
		String charset = head.matches("(?s).*UNO[WY].*") ? "UTF-8" : "ISO-8859-1";
		List<Segment> segments = new ArrayList<>();
		try (EDIStreamReader r = factory.createEDIStreamReader(new ByteArrayInputStream(answer), charset)) {
			String tag = null;
			List<List<String>> elements = new ArrayList<>();
			while (r.hasNext()) {
				EDIStreamEvent event = r.next();
				if (event == EDIStreamEvent.START_SEGMENT) {
					tag = r.getText();
					elements = new ArrayList<>();
				}
				else if (event == EDIStreamEvent.ELEMENT_DATA && tag != null) {
					var at = r.getLocation();
					while (elements.size() < at.getElementPosition()) {
						elements.add(new ArrayList<>());
					}
					List<String> components = elements.get(at.getElementPosition() - 1);
					int component = Math.max(at.getComponentPosition(), 1);
					while (components.size() < component) {
						components.add(null);
					}
					components.set(component - 1, r.getText());
				}
				else if (event == EDIStreamEvent.END_SEGMENT && tag != null) {
					segments.add(new Segment(tag, elements));
					tag = null;
				}
			}
		}
		catch (EDIStreamException | IOException e) {
			throw new IllegalStateException("the platform's own answer could not be read", e);
		}
		return segments;
	}
}
