package io.singlewindow.risk.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.risk.RiskAssessments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Risk profiles (administrators) and declarations' risk assessments (officers). */
@RestController
@RequestMapping("/api/v1/risk")
@Tag(name = "Risk", description = "Risk profiles and control channels (GREEN, YELLOW, RED); not visible to traders")
class RiskApi {

	private final RiskProfileAdministration administration;
	private final RiskAssessments assessments;
	private final CurrentActor currentActor;

	RiskApi(RiskProfileAdministration administration, RiskAssessments assessments, CurrentActor currentActor) {
		this.administration = administration;
		this.assessments = assessments;
		this.currentActor = currentActor;
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@GetMapping("/profiles")
	@Operation(summary = "All risk profiles, active ones first (ADMIN)")
	List<RiskProfileView> profiles() {
		return administration.all().stream().map(RiskProfileView::of).toList();
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "RISK_PROFILE_NOT_FOUND")
	@GetMapping("/profiles/{code}")
	@Operation(summary = "One risk profile (ADMIN)")
	RiskProfileView profile(@PathVariable String code) {
		return RiskProfileView.of(administration.get(code));
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@PostMapping("/profiles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a risk profile (ADMIN); 422 lists every invalid field, nothing is stored")
	ResponseEntity<RiskProfileView> create(@RequestBody RiskProfileDraft draft) {
		RiskProfileView created = RiskProfileView.of(administration.create(draft));
		return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/risk/profiles/{code}")
			.buildAndExpand(created.code()).encode().toUri()).body(created);
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "RISK_PROFILE_NOT_FOUND", conflict = "RISK_PROFILE_CHANGED")
	@PutMapping("/profiles/{code}")
	@Operation(summary = "Replace a risk profile's settings (ADMIN); send the version you edited, 409 if it changed")
	RiskProfileView update(@PathVariable String code, @RequestBody RiskProfileDraft draft) {
		return RiskProfileView.of(administration.update(code, draft));
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "RISK_PROFILE_NOT_FOUND")
	@PostMapping("/profiles/{code}/deactivate")
	@Operation(summary = "Switch a risk profile off (ADMIN); reactivate it by replacing it with active=true")
	RiskProfileView deactivate(@PathVariable String code) {
		return RiskProfileView.of(administration.deactivate(code));
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "RISK_ASSESSMENT_NOT_FOUND")
	@GetMapping("/assessments/{declarationId}")
	@Operation(summary = "A declaration's risk channel and every reason (OFFICER, ADMIN); traders get 403")
	RiskAssessmentView assessment(@PathVariable UUID declarationId) {
		currentActor.get().requireRole(Role.OFFICER, Role.ADMIN);
		return assessments.find(declarationId).map(RiskAssessmentView::of)
			.orElseThrow(() -> Problem.notFound("RISK_ASSESSMENT_NOT_FOUND", declarationId));
	}
}
