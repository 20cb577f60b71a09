package io.singlewindow.declaration.internal;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.singlewindow.identity.CurrentActor;

/**
 * Giving up a form saved unsent (暂存): its delete button on the declarations list. Saving and resuming one are the
 * new-declaration form's ({@link DeclarationPages}).
 */
@Controller
class UnsentDeclarationPages {

	private final UnsentDeclarations unsent;
	private final CurrentActor currentActor;

	UnsentDeclarationPages(UnsentDeclarations unsent, CurrentActor currentActor) {
		this.unsent = unsent;
		this.currentActor = currentActor;
	}

	/** Deletes it for good; 404 {@code UNSENT_DECLARATION_NOT_FOUND} when it is gone or not the person's to delete. */
	@PostMapping("/declarations/unsent/{id}/delete")
	String delete(@PathVariable UUID id) {
		unsent.delete(currentActor.get(), id);
		return "redirect:/declarations?unsentDeleted";
	}
}
