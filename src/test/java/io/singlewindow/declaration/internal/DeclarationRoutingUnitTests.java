package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.AgencyDecisionRecorded;
import io.singlewindow.declaration.AgencyTaskOpened;
import io.singlewindow.risk.Channel;
import io.singlewindow.risk.RiskDecision;
import io.singlewindow.routing.RoutingDecision;

/**
 * The aggregate routes a submission or an amendment to its agencies, decides what a policy can and consolidates the
 * status, without a database: assessment, the risk channel, routing and the permit checks are given.
 */
class DeclarationRoutingUnitTests {

	static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
	static final Uscc DECLARANT = Uscc.parse("91110000802100433B");
	static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
	static final RiskDecision GREEN = new RiskDecision(Channel.GREEN, "NO_RISK", null, "no profile matched");
	static final RiskDecision RED = new RiskDecision(Channel.RED, "PROFILE_MATCH", "P-1", "processors from X");
	static final RoutingDecision CUSTOMS_ALWAYS = new RoutingDecision(AgencyCode.CUSTOMS, "CUSTOMS_ALWAYS", "every line");
	static final RoutingDecision CIQ_INSPECTION = new RoutingDecision(AgencyCode.CIQ, "CIQ_SUPERVISION_AB", "condition A");
	static final PermitChecks.Result NO_PERMITS = new PermitChecks.Result(Map.of(), List.of());

	@Test
	void aGreenSubmissionOnlyCustomsSeesIsClearedAtOnceByPolicy() {
		var declaration = Declaration.submitted(ID, "XM2026113000000001", DECLARANT, "trader.chip", NOW);

		declaration.route(processors(), AgencyWork.of(List.of(List.of(CUSTOMS_ALWAYS))), GREEN, NO_PERMITS, Map.of(),
				NOW);

		assertThat(declaration.routedTasks()).singleElement().satisfies(task -> {
			assertThat(task.agency()).isEqualTo(AgencyCode.CUSTOMS);
			assertThat(task.outcome().policy()).isEqualTo(AutomaticDecision.CUSTOMS_GREEN_CHANNEL);
			assertThat(task.reopened()).isFalse();
		});
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.CLEARED);
		assertThat(declaration.statusMoved()).isTrue();
		assertThat(declaration.clearedNow()).isTrue();
		assertThat(declaration.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("SUBMITTED", "ROUTED", "AUTO_APPROVED", "CLEARED");
		assertThat(declaration.events()).singleElement().isInstanceOf(AgencyDecisionRecorded.class);
	}

	@Test
	void aRedChannelAndAnInspectionLeaveTheirTasksToOfficers() {
		var declaration = Declaration.submitted(ID, "XM2026113000000002", DECLARANT, "trader.chip", NOW);

		declaration.route(processors(), AgencyWork.of(List.of(List.of(CUSTOMS_ALWAYS, CIQ_INSPECTION))), RED,
				NO_PERMITS, Map.of(), NOW);

		assertThat(declaration.routedTasks()).extracting(t -> t.outcome().status())
			.containsExactly(TaskStatus.PENDING, TaskStatus.PENDING);
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.UNDER_REVIEW);
		assertThat(declaration.clearedNow()).isFalse();
		assertThat(declaration.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("SUBMITTED", "ROUTED", "ROUTED", "UNDER_REVIEW");
		assertThat(declaration.events()).hasSize(2).allMatch(AgencyTaskOpened.class::isInstance);
	}

	@Test
	void anAmendmentKeepsTheDecisionOfAnAgencyThatSeesTheSameLinesAndWithdrawsOneNoLongerRouted() {
		var declared = processors();
		var work = AgencyWork.of(List.of(List.of(CUSTOMS_ALWAYS)));
		UUID customsTask = UUID.randomUUID();
		UUID ciqTask = UUID.randomUUID();
		var previous = Map.of(
				"CUSTOMS", new DeclarationRows.PreviousTask(customsTask, TaskStatus.AUTO_APPROVED,
						work.get(AgencyCode.CUSTOMS).fingerprint(declared, Channel.GREEN)),
				"CIQ", new DeclarationRows.PreviousTask(ciqTask, TaskStatus.QUERIED, "what CIQ saw"));
		var declaration = locked(DeclarationStatus.QUERIED);
		declaration.amended("trader.chip", NOW);

		declaration.route(declared, work, GREEN, NO_PERMITS, previous, NOW);

		assertThat(declaration.routedTasks()).isEmpty();
		assertThat(declaration.unroutedTasks()).containsExactly(ciqTask);
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.CLEARED);
		assertThat(declaration.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("AMENDED", "UNROUTED", "CLEARED");
		assertThat(declaration.events()).isEmpty();
	}

	@Test
	void anAmendmentReopensTheTaskOfAnAgencyWhoseLinesChanged() {
		UUID customsTask = UUID.randomUUID();
		var previous = Map.of("CUSTOMS",
				new DeclarationRows.PreviousTask(customsTask, TaskStatus.AUTO_APPROVED, "lines as they were"));
		var declaration = locked(DeclarationStatus.UNDER_REVIEW);
		declaration.amended("trader.chip", NOW);

		declaration.route(processors(), AgencyWork.of(List.of(List.of(CUSTOMS_ALWAYS))), RED, NO_PERMITS, previous,
				NOW);

		assertThat(declaration.routedTasks()).singleElement().satisfies(task -> {
			assertThat(task.id()).isEqualTo(customsTask);
			assertThat(task.reopened()).isTrue();
			assertThat(task.before()).isEqualTo(TaskStatus.AUTO_APPROVED);
			assertThat(task.outcome().status()).isEqualTo(TaskStatus.PENDING);
		});
		assertThat(declaration.statusMoved()).isFalse();
		assertThat(declaration.timeline()).extracting(Declaration.TimelineEntry::event)
			.containsExactly("AMENDED", "REOPENED");
		assertThat(declaration.events()).singleElement().isInstanceOf(AgencyTaskOpened.class);
	}

	private static Declaration locked(DeclarationStatus status) {
		return new Declaration(ID, "XM2026113000000003", DECLARANT, status, 3, List.of());
	}

	private static ValidDeclaration processors() {
		return new ValidDeclaration(DECLARANT, null, TradeFlow.IMPORT, "0110", "4", LoCode.of("CNXMN"),
				CountryCode.of("US"), CountryCode.of("CN"), CountryCode.of("US"), CurrencyCode.of("USD"), "CIF", null,
				null, 3, new BigDecimal("12"), new BigDecimal("10"), null, "Xiamen Chip Trading",
				List.of(new ValidDeclaration.Item(1, HsCode.of("8542319000"), null, "processors", new BigDecimal("200"),
						UnitCode.of("C62"), new BigDecimal("200"), new BigDecimal("4000"), CountryCode.of("US"), null,
						null, null)),
				List.of());
	}
}
