package io.singlewindow.declaration.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import jakarta.servlet.http.HttpServletResponse;

/** The supporting documents on a declaration's page: the declarant attaches them, everyone who reads it downloads them. */
@Controller
class SupportingDocumentPages {

	private final SupportingDocuments documents;
	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	SupportingDocumentPages(SupportingDocuments documents, DeclarationStore store, CurrentActor currentActor,
			MessageSource messages) {
		this.documents = documents;
		this.store = store;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	/**
	 * What the declaration's page shows of its documents.
	 *
	 * @param mayAttach whether this reader attaches documents here: the declarant's side, while the agencies decide
	 * @param error why the last upload was refused, in the reader's words (shown even when the form is gone: a
	 *     declaration decided meanwhile); {@literal null} after none
	 * @param kind the kind the refused upload was sent as, chosen again in the form
	 */
	record OnPage(List<SupportingDocument> attached, boolean mayAttach, List<DocumentKind> kinds, String error,
			String kind) {

		/** The documents of a declaration the reader may see ({@code d} is already {@link ChannelVisibility}'s). */
		static OnPage of(SupportingDocuments documents, Actor actor, DeclarationView d) {
			return new OnPage(documents.attachedTo(d),
					d.status().open() && actor.mayActFor(Uscc.parse(d.declarant()), OperatorRight.DECLARE), List.of(DocumentKind.values()),
					null, null);
		}

		OnPage refused(String message, String kindSent) {
			return new OnPage(attached, mayAttach, kinds, message, kindSent);
		}
	}

	@PostMapping(path = "/declarations/{id}/documents", consumes = "multipart/form-data")
	String attach(@PathVariable UUID id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) MultipartFile file, Model model, Locale locale,
			HttpServletResponse response) throws IOException {
		Actor actor = currentActor.get();
		try {
			documents.attach(actor, id, kind, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			return "redirect:/declarations/" + id + "?recorded=DOCUMENT_ATTACHED#documents";
		} catch (Problem problem) {
			if (problem.status().value() == 403 || problem.status().value() == 404) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			DeclarationView d = DeclarationApi.visible(actor,
					store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id)));
			model.addAttribute("d", d);
			model.addAttribute("documents",
					OnPage.of(documents, actor, d).refused(DeclarationPages.firstMessage(messages, problem, locale), kind));
			return "declaration/detail";
		}
	}

	@GetMapping("/declarations/{id}/documents/{documentId}")
	ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId) {
		return SupportingDocumentApi.file(documents.open(currentActor.get(), id, documentId));
	}

}
