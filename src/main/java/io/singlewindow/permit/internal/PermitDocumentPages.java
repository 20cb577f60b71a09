package io.singlewindow.permit.internal;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.platform.BusinessTime;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A permit printed for its holder ({@link PrintedPermits}), and the public page anyone holding the paper checks it on
 * ({@code /verify/permits/{number}}, no login, under the platform's public {@code /verify/**}): whether the permit
 * is in force today, what it permits, whose it is, which agency issued it and until when — the facts an issuing agency
 * publishes of a permit it grants (行政许可 双公示), never its quota, what remains of it or its write-offs.
 */
@Controller
class PermitDocumentPages {

	/** Permit numbers are short; anything longer is not looked up. */
	static final int MAX_NUMBER_LENGTH = 40;

	private final IssuedPermits permits;
	private final PermitCatalogue catalogue;
	private final Enterprises enterprises;
	private final PrintedPermits printed;
	private final BusinessTime time;

	PermitDocumentPages(IssuedPermits permits, PermitCatalogue catalogue, Enterprises enterprises,
			PrintedPermits printed, BusinessTime time) {
		this.permits = permits;
		this.catalogue = catalogue;
		this.enterprises = enterprises;
		this.printed = printed;
		this.time = time;
	}

	/** What the public sees of a permit. */
	record PublicPermit(String number, CatalogueEntry entry, String holder, String holderNameZh, String holderNameEn,
			java.time.LocalDate validFrom, java.time.LocalDate validUntil, PermitStatus status, boolean usable) {
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
		Optional<IssuedPermit> found = raw.length() > MAX_NUMBER_LENGTH ? Optional.empty() : permits.find(raw);
		if (found.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("notFound", true);
			return "permit/verify";
		}
		IssuedPermit permit = found.get();
		Optional<Enterprise> holder = enterprises.find(permit.holder());
		model.addAttribute("permit", new PublicPermit(permit.number(), catalogue.get(permit.catalogueCode()),
				permit.holder().value(), holder.map(Enterprise::nameZh).orElse(null),
				holder.map(Enterprise::nameEn).orElse(null), permit.validFrom(), permit.validUntil(),
				permit.status(time.today()), permit.usableOn(time.today())));
		return "permit/verify";
	}
}
