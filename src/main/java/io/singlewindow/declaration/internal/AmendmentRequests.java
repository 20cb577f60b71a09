package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * {@link Declarations#amend} (its rights, row lock, status rule, version check, audit and events), in its transaction;
 * of a cleared or released declaration, an application for a correction of its values made by
 * {@link DeclarationCorrections#applyForCorrection(Actor, UUID, String, DeclarationDraft)}. Refused, nothing of it is
 * stored.
 */
@Service
class AmendmentRequests implements DeclarationAmendmentRequests {

	private final DeclarationStore store;
	private final Declarations declarations;
	private final DeclarationCorrections corrections;

	AmendmentRequests(DeclarationStore store, Declarations declarations, DeclarationCorrections corrections) {
		this.store = store;
		this.declarations = declarations;
		this.corrections = corrections;
	}

	@Override
	public Outcome amend(Actor actor, String number, Integer version, String reason, BatchedDeclaration declaration) {
		DeclarationWorkbooks.Entry entry = DeclarationWorkbooks.Entry.of(declaration);
		List<Integer> rowOf = new ArrayList<>();
		try {
			UUID id = (number == null ? Optional.<UUID>empty() : store.idByNumber(number))
				.orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", number));
			DeclarationDraft draft = entry.draft(rowOf);
			DeclarationDraft asRead = new DeclarationDraft(draft.request().withVersion(version), draft.unreadable());
			// Which of the two the message is follows from the status read here; each path locks the declaration and
			// checks its status again, so one cleared meanwhile is refused DECLARATION_NOT_AMENDABLE, not corrected.
			boolean cleared = store.status(id).map(DeclarationStatus::cancellable).orElse(false);
			Act act = cleared ? Act.CORRECTION_APPLIED : Act.AMENDED;
			DeclarationView done = cleared ? corrections.applyForCorrection(actor, id, reason, asRead)
					: declarations.amend(actor, id, asRead);
			return new Outcome(act, new DeclarationBatch.Entry(1, declaration.reference(), declaration.source(),
					declaration.declarant(), declaration.lines(), DeclarationBatch.State.SUBMITTED, id, done.number(),
					done.status().name(), false, null, List.of()));
		}
		catch (Problem refused) {
			List<FieldProblem> problems = refused.fieldProblems().isEmpty()
					? List.of(new FieldProblem(declaration.sources().getOrDefault(NUMBER, declaration.source()),
							refused.code(), refused.arguments()))
					: entry.onCells(refused.fieldProblems(), rowOf);
			return new Outcome(null, new DeclarationBatch.Entry(1, declaration.reference(), declaration.source(),
					declaration.declarant(), declaration.lines(), DeclarationBatch.State.REFUSED, null, null, null,
					false, refused.code(), problems));
		}
	}
}
