package io.singlewindow.declaration.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.PublicPath;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The consolidated response and the declaration as declared as PDFs for whoever may see the declaration
 * ({@link PrintedDeclarations}), and the public page their QR codes open. The public learns only what a printed copy
 * needs checking against — number, status and the date of the last change —
 * and whether the copy is current; never the declarant, goods, values or decisions.
 */
@Controller
class ResponseVerificationPages {

	/** Declaration numbers are short; anything longer is not looked up. */
	static final int MAX_NUMBER_LENGTH = 40;

	private final DeclarationStore store;
	private final PrintedDeclarations printed;

	ResponseVerificationPages(DeclarationStore store, PrintedDeclarations printed) {
		this.store = store;
		this.printed = printed;
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
		return printed.response(id);
	}

	/** The declaration as declared, printed (报关单打印), for whoever may read it. */
	@GetMapping("/declarations/{id}/declaration.pdf")
	ResponseEntity<byte[]> declarationPdf(@PathVariable UUID id) {
		return printed.declaration(id);
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
