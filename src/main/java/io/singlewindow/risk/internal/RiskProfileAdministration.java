package io.singlewindow.risk.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.audit.AuditRecord;
import io.singlewindow.audit.AuditTrail;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;

/** What zone administrators do with risk profiles. Every field is checked before anything is stored. */
@Service
class RiskProfileAdministration {

	private static final Logger log = LoggerFactory.getLogger(RiskProfileAdministration.class);

	private final RiskProfiles profiles;
	private final CurrentActor currentActor;
	private final AuditTrail auditTrail;

	RiskProfileAdministration(RiskProfiles profiles, CurrentActor currentActor, AuditTrail auditTrail) {
		this.auditTrail = auditTrail;
		this.profiles = profiles;
		this.currentActor = currentActor;
	}

	List<RiskProfile> all() {
		admin();
		return profiles.all();
	}

	RiskProfile get(String code) {
		admin();
		return profiles.get(code);
	}

	/** @throws Problem 422 {@code INVALID_INPUT} listing every invalid field, including a code already taken */
	@Transactional
	RiskProfile create(RiskProfileDraft draft) {
		return create(draft, new Violations());
	}

	/** As {@link #create(RiskProfileDraft)}, adding to problems the caller already found (e.g. unreadable numbers). */
	@Transactional
	RiskProfile create(RiskProfileDraft draft, Violations violations) {
		Actor actor = admin();
		RiskProfile profile = draft.toProfile(draft.code(), UUID.randomUUID(), 0, violations);
		if (profile != null && profiles.exists(profile.code())) {
			violations.add("code", "RISK_PROFILE_CODE_TAKEN", profile.code());
		}
		violations.throwIfAny();
		try {
			profiles.insert(profile);
		} catch (DuplicateKeyException e) {
			throw Problem.invalidField("code", "RISK_PROFILE_CODE_TAKEN", profile.code());
		}
		log.info("event=risk_profile_created code={} channel={} rate={} by={}", profile.code(), profile.channel(),
				profile.selectionPercent(), actor.username());
		RiskProfile created = profiles.get(profile.code());
		auditTrail.record(AuditRecord.of("RISK_PROFILE_CREATED", "RISK_PROFILE", created.code()).by(actor)
			.change(null, created));
		return created;
	}

	/**
	 * Replaces the settings of profile {@code code} (the code itself never changes).
	 *
	 * @throws Problem 404 {@code RISK_PROFILE_NOT_FOUND}, 422 {@code INVALID_INPUT}, 409 {@code RISK_PROFILE_CHANGED}
	 */
	@Transactional
	RiskProfile update(String code, RiskProfileDraft draft) {
		return update(code, draft, new Violations());
	}

	@Transactional
	RiskProfile update(String code, RiskProfileDraft draft, Violations violations) {
		Actor actor = admin();
		RiskProfile stored = profiles.get(code);
		if (draft.code() != null && !draft.code().isBlank()) {
			violations.check(draft.code().strip().equalsIgnoreCase(code), "code", "RISK_PROFILE_CODE_FIXED", code);
		}
		RiskProfile profile = draft.toProfile(code, stored.id(), stored.version(), violations);
		violations.throwIfAny();
		profiles.update(profile);
		log.info("event=risk_profile_updated code={} channel={} rate={} active={} by={}", code, profile.channel(),
				profile.selectionPercent(), profile.active(), actor.username());
		RiskProfile updated = profiles.get(code);
		auditTrail.record(AuditRecord.of("RISK_PROFILE_UPDATED", "RISK_PROFILE", code).by(actor)
			.change(stored, updated));
		return updated;
	}

	/** @throws Problem 404 {@code RISK_PROFILE_NOT_FOUND} */
	@Transactional
	RiskProfile deactivate(String code) {
		Actor actor = admin();
		RiskProfile stored = profiles.get(code);
		profiles.deactivate(code);
		log.info("event=risk_profile_deactivated code={} by={}", code, actor.username());
		RiskProfile deactivated = profiles.get(code);
		auditTrail.record(AuditRecord.of("RISK_PROFILE_DEACTIVATED", "RISK_PROFILE", code).by(actor)
			.change(stored, deactivated));
		return deactivated;
	}

	private Actor admin() {
		Actor actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		return actor;
	}
}
