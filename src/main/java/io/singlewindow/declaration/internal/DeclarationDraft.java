package io.singlewindow.declaration.internal;

import java.util.List;

import io.singlewindow.core.FieldProblem;

/**
 * A declaration as read from a form or a spreadsheet, where a person may have written something that is not a number
 * at all ({@code $160,000}). Such a field is left empty in {@link #request()} and its problem kept in
 * {@link #unreadable()}, so that the submission reports it together with every other problem, as it was written,
 * instead of a misleading "required" or "must be more than zero".
 */
record DeclarationDraft(DeclarationRequest request, List<FieldProblem> unreadable) {

	DeclarationDraft {
		unreadable = List.copyOf(unreadable);
	}
}
