package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.declaration.DeclarationAmendmentRequests;
import io.singlewindow.declaration.DeclarationBatch;
import io.singlewindow.identity.Actor;

/**
 * A declarant's amendment named by the declaration's number, read like one declaration of a batch and done by
 * {@link Declarations#amend} (its rights, row lock, status rule, version check, audit and events), in its transaction:
 * refused, nothing of it is stored.
 */
@Service
class AmendmentRequests implements DeclarationAmendmentRequests {

	private final DeclarationStore store;
	private final Declarations declarations;

	AmendmentRequests(DeclarationStore store, Declarations declarations) {
		this.store = store;
		this.declarations = declarations;
	}

	@Override
	public DeclarationBatch.Entry amend(Actor actor, String number, Integer version, BatchedDeclaration declaration) {
		DeclarationWorkbooks.Entry entry = DeclarationWorkbooks.Entry.of(declaration);
		List<Integer> rowOf = new ArrayList<>();
		try {
			UUID id = (number == null ? java.util.Optional.<UUID>empty() : store.idByNumber(number))
				.orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", number));
			DeclarationDraft draft = entry.draft(rowOf);
			DeclarationView amended = declarations.amend(actor, id,
					new DeclarationDraft(draft.request().withVersion(version), draft.unreadable()));
			return new DeclarationBatch.Entry(1, declaration.reference(), declaration.source(),
					declaration.declarant(), declaration.lines(), DeclarationBatch.State.SUBMITTED, id,
					amended.number(), amended.status().name(), false, null, List.of());
		}
		catch (Problem refused) {
			List<FieldProblem> problems = refused.fieldProblems().isEmpty()
					? List.of(new FieldProblem(declaration.sources().getOrDefault(NUMBER, declaration.source()),
							refused.code(), refused.arguments()))
					: entry.onCells(refused.fieldProblems(), rowOf);
			return new DeclarationBatch.Entry(1, declaration.reference(), declaration.source(),
					declaration.declarant(), declaration.lines(), DeclarationBatch.State.REFUSED, null, null, null,
					false, refused.code(), problems);
		}
	}
}
