package io.singlewindow.permit.internal;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A permit printed for its holder ({@link PrintedPermits}), and the public page anyone holding the paper checks it on
 * ({@code /verify/permits/{number}}, no login, under the platform's public {@code /verify/**}): its public facts
 * ({@link PermitChecks}).
 */
@Controller
class PermitDocumentPages {

	private final PermitChecks checks;
	private final PrintedPermits printed;

	PermitDocumentPages(PermitChecks checks, PrintedPermits printed) {
		this.checks = checks;
		this.printed = printed;
	}

	@GetMapping("/permits/{number}/permit.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		return printed.of(number);
	}

	@GetMapping({ "/verify/permits", "/verify/permits/{number}" })
	String verify(@PathVariable(required = false) String number,
			@RequestParam(name = "number", required = false) String asked, Model model, HttpServletResponse response) {
		String raw = (number != null ? number : asked == null ? "" : asked).strip();
		model.addAttribute("number", raw);
		if (raw.isEmpty()) {
			return "permit/verify";
		}
		Optional<PermitChecks.PermitCheck> found = checks.of(raw);
		if (found.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("notFound", true);
			return "permit/verify";
		}
		model.addAttribute("permit", found.get());
		return "permit/verify";
	}
}
