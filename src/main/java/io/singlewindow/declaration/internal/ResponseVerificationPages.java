package io.singlewindow.declaration.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.Problem;
import io.singlewindow.core.PublicPath;
import io.singlewindow.identity.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The consolidated response as a PDF for whoever may see the declaration, and the public page its QR code opens. The
 * public learns only what a printed copy needs checking against — number, status and the date of the last change —
 * and whether the copy is current; never the declarant, goods, values or decisions.
 */
@Controller
class ResponseVerificationPages {

	/** Declaration numbers are short; anything longer is not looked up. */
	static final int MAX_NUMBER_LENGTH = 40;

	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final ResponseDocument document;
	private final DeclarationDocument declarationDocument;

	ResponseVerificationPages(DeclarationStore store, CurrentActor currentActor, ResponseDocument document,
			DeclarationDocument declarationDocument) {
		this.declarationDocument = declarationDocument;
		this.store = store;
		this.currentActor = currentActor;
		this.document = document;
	}

	@Bean
	static PublicPath declarationVerificationPages() {
		return new PublicPath("/verify/declarations/**");
	}

	@Bean
	static PublicPath declarationVerificationPage() {
		return new PublicPath("/verify/declarations");
	}

	/** What the public sees of a declaration. */
	record PublicStatus(String number, DeclarationStatus status, Instant changedAt) {
	}

	@GetMapping("/declarations/{id}/response.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		DeclarationView view = store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		DeclarationView visible = DeclarationApi.visible(currentActor.get(), view);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"response-" + view.number() + ".pdf\"")
			.body(document.render(visible));
	}

	/** The declaration as declared, printed (报关单打印), for whoever may read it. */
	@GetMapping("/declarations/{id}/declaration.pdf")
	ResponseEntity<byte[]> declarationPdf(@PathVariable UUID id) {
		DeclarationView view = store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		// Refuses whoever may not read the declaration (403), as its page does.
		DeclarationView readable = DeclarationApi.visible(currentActor.get(), view);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"declaration-" + view.number() + ".pdf\"")
			.body(declarationDocument.render(readable));
	}

	@GetMapping({ "/verify/declarations", "/verify/declarations/{number}" })
	String verify(@PathVariable(required = false) String number, @RequestParam(name = "number", required = false) String asked,
			@RequestParam(name = "v", required = false) String printedVersion,
			@RequestParam(name = "a", required = false) String printedAmendments,
			@RequestParam(name = "d", required = false) String printedChanges, Model model,
			HttpServletResponse response) {
		String raw = (number != null ? number : asked == null ? "" : asked).strip();
		model.addAttribute("number", raw);
		if (raw.isEmpty()) {
			return "declaration/verify";
		}
		Optional<DeclarationView> found = raw.length() > MAX_NUMBER_LENGTH ? Optional.empty()
				: store.idByNumber(raw).flatMap(store::find);
		if (found.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("notFound", true);
			return "declaration/verify";
		}
		DeclarationView d = found.get();
		model.addAttribute("declaration", new PublicStatus(d.number(), d.status(),
				d.updatedAt() != null ? d.updatedAt() : d.submittedAt()));
		if (printedChanges != null) {
			model.addAttribute("printedDeclaration", DeclaredCopy.of(printedChanges, DeclaredCopy.changesOf(d)));
		} else if (printedVersion != null) {
			model.addAttribute("printedCopy",
					ResponseCopy.of(printedVersion, printedAmendments, d.version(), ResponseCopy.amendmentsOf(d)));
		}
		model.addAttribute("zone", io.singlewindow.platform.BusinessTime.ZONE);
		return "declaration/verify";
	}
}
