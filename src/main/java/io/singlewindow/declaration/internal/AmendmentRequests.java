package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
		Optional<DeclarationStore.Standing> standing = number == null ? Optional.empty()
				: store.standingByNumber(number);
		DeclarationWorkbooks.Entry entry = DeclarationWorkbooks.Entry.of(standing
			.map(s -> directionKept(declaration, s.flow())).orElse(declaration));
		List<Integer> rowOf = new ArrayList<>();
		try {
			UUID id = standing.map(DeclarationStore.Standing::id)
				.orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", number));
			DeclarationDraft draft = entry.draft(rowOf);
			DeclarationDraft asRead = new DeclarationDraft(draft.request().withVersion(version), draft.unreadable());
			// Which of the two the message is follows from the status read here; each path locks the declaration and
			// checks its status again, so one cleared meanwhile is refused DECLARATION_NOT_AMENDABLE, not corrected.
			boolean cleared = standing.map(s -> s.status().cancellable()).orElse(false);
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

	/**
	 * An amendment that names no direction keeps the one declared: a WCO DM amendment's type says COR where an
	 * original's says IM or EX, and an import is never amended into an export.
	 */
	private static BatchedDeclaration directionKept(BatchedDeclaration declaration, String flow) {
		if (!declaration.fields().getOrDefault("flow", "").isBlank()) {
			return declaration;
		}
		Map<String, String> fields = new LinkedHashMap<>(declaration.fields());
		fields.put("flow", flow);
		return new BatchedDeclaration(declaration.reference(), declaration.source(), fields, declaration.sources(),
				declaration.problems());
	}
}
