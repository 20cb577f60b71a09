package io.singlewindow.interchange.internal;

import java.util.List;

import io.singlewindow.declaration.BatchedDeclaration;

/**
 * An interchange as it was read: its envelope, and each message either as the declaration (or cancellation) it holds
 * or with the syntax errors that keep it from being one.
 *
 * @param refusal why the interchange as a whole is refused (its envelope broken, cut short), or {@literal null}
 * @param contentHash SHA-256 of the bytes received: the same control reference must come with the same content
 */
record ReceivedInterchange(Envelope envelope, SyntaxError refusal, List<Message> messages, String contentHash) {

	ReceivedInterchange {
		// Packed messages stay packed: copying them would unpack every declaration at once.
		messages = messages instanceof PackedMessages ? messages : List.copyOf(messages);
	}

	/**
	 * The interchange header (UNB).
	 *
	 * @param sender 0004, the sender's identification; with {@link #controlReference} it names the interchange
	 */
	record Envelope(SyntaxIdentifier syntax, String syntaxCode, String version, String sender, String senderQualifier,
			String recipient, String recipientQualifier, String controlReference) {

		static final Envelope UNKNOWN = new Envelope(SyntaxIdentifier.UNOW, "UNOW", "4", "", null, "", null, "");
	}

	/**
	 * One message (UNH … UNT).
	 *
	 * @param reference UNH 0062, the message reference number
	 * @param version and {@code release}: the directory, {@code D} and {@code 96B}
	 * @param declaration what it holds, {@literal null} when it was refused
	 * @param refusal the message refused as a whole (an unsupported type or directory), or {@literal null}
	 * @param errors its segments' and elements' errors
	 */
	record Message(String reference, String type, String version, String release, String agency,
			BatchedDeclaration declaration, SyntaxError refusal, List<SyntaxError> errors) {

		Message {
			errors = List.copyOf(errors);
		}

		boolean readable() {
			return declaration != null && refusal == null && errors.isEmpty();
		}

		/** Whether it asks to cancel a declaration sent before ({@link CusdecCancellation}) rather than declares. */
		boolean cancellation() {
			return function(CusdecDeclaration.CANCELLATION);
		}

		/** Whether it replaces (amends) a declaration sent before rather than declares a new one. */
		boolean replacement() {
			return function(CusdecDeclaration.REPLACEMENT);
		}

		/** A cancellation or a replacement: about a declaration sent before, acted on when it is received. */
		boolean request() {
			return cancellation() || replacement();
		}

		private boolean function(String code) {
			return declaration != null && code.equals(declaration.fields().get(CusdecCancellation.FUNCTION));
		}
	}

	/** The readable messages that declare goods. */
	List<Message> readable() {
		return messages instanceof PackedMessages packed ? packed.readable()
				: messages.stream().filter(m -> m.readable() && !m.request()).toList();
	}

	/** The readable messages about a declaration sent before: cancellations and replacements. */
	List<Message> requests() {
		return messages instanceof PackedMessages packed ? packed.requests()
				: messages.stream().filter(m -> m.readable() && m.request()).toList();
	}
}
