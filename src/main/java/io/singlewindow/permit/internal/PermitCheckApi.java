package io.singlewindow.permit.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Problem;
import io.singlewindow.core.PublicPath;
import io.singlewindow.core.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A permit checked by its number, by anyone's software — a bank paying under it, a carrier, a warehouse (the public
 * page's facts, {@link PermitChecks}); no API key, as the licence's check ({@code GET /api/v1/licences/{uscc}}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Permits") // described once, on PermitApi
class PermitCheckApi {

	private final PermitChecks checks;

	PermitCheckApi(PermitChecks checks) {
		this.checks = checks;
	}

	@Bean
	static PublicPath publicPermitChecks() {
		return new PublicPath("/api/v1/permit-checks/**");
	}

	@Refuses(notFound = "PERMIT_NOT_FOUND")
	@GetMapping("/permit-checks/{number}")
	@SecurityRequirements // public: no API key
	@Operation(summary = "Check a permit (public): whether it is in force today and what its agency publishes of it",
			description = "usable: in force and within its validity on checkedOn (the zone's day), so a declaration may "
					+ "present it; status IN_FORCE, SUSPENDED, REVOKED or EXPIRED. Never its quota, what remains of it "
					+ "or its write-offs. The page /verify/permits/{number}, which a printed permit's QR code opens, "
					+ "says the same.")
	PermitChecks.PermitCheck check(@PathVariable String number) {
		return checks.of(number).orElseThrow(() -> Problem.notFound("PERMIT_NOT_FOUND", number));
	}
}
