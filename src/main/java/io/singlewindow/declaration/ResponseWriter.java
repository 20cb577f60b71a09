package io.singlewindow.declaration;

/**
 * Writes a declaration's consolidated response in a standard's own format (an EDIFACT CUSRES …), so that a webhook
 * that asks for that format receives the response itself with each status change, not only a link to fetch it. The
 * channel that knows the standard provides it; the declaration module knows none.
 */
public interface ResponseWriter {

	/** The name a webhook subscription asks for it by, e.g. {@code EDIFACT}. */
	String format();

	/** The response as the standard writes it, to the declarant (who receives the declaration's webhooks). */
	String write(ConsolidatedResponse response);
}
