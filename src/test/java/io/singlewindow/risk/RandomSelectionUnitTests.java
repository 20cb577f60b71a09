package io.singlewindow.risk;

import static io.singlewindow.risk.RiskFixtures.aLine;
import static io.singlewindow.risk.RiskFixtures.aRiskRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.risk.internal.RiskEvaluation;
import io.singlewindow.risk.internal.RiskEvaluation.Declarant;
import io.singlewindow.risk.internal.RiskProperties;
import io.singlewindow.risk.internal.SelectionDraw;

/** The small deterministic random selection: its rates, its determinism and the AEO reduction. */
class RandomSelectionUnitTests {

	static final int DECLARATIONS = 20_000;
	static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

	final RiskEvaluation evaluation = new RiskEvaluation(RiskProperties.defaults());

	Map<Channel, Integer> channelsOf(int declarations, boolean aeo) {
		Map<Channel, Integer> counts = new EnumMap<>(Channel.class);
		for (int i = 0; i < declarations; i++) {
			UUID id = UUID.nameUUIDFromBytes(("declaration-" + i).getBytes(StandardCharsets.UTF_8));
			var request = aRiskRequest().id(id).withLine(aLine()).build();
			Channel channel = evaluation.evaluate(request, new Declarant(aeo, Instant.EPOCH), List.of(), Map.of(), NOW)
				.decision().channel();
			counts.merge(channel, 1, Integer::sum);
		}
		return counts;
	}

	@Test
	void selectsAboutTheConfiguredShareOfDeclarations() {
		Map<Channel, Integer> counts = channelsOf(DECLARATIONS, false);

		// 2 % YELLOW = 400 ± 4σ (σ ≈ 19.8); 0.5 % RED = 100 ± 4σ (σ ≈ 10)
		assertThat(counts.get(Channel.YELLOW)).isBetween(320, 480);
		assertThat(counts.get(Channel.RED)).isBetween(60, 140);
	}

	@Test
	void selectsAeoEnterprisesAtAQuarterOfTheRate() {
		Map<Channel, Integer> counts = channelsOf(DECLARATIONS, true);

		// 0.5 % YELLOW = 100 ± 4σ; 0.125 % RED = 25 ± 4σ (σ ≈ 5)
		assertThat(counts.get(Channel.YELLOW)).isBetween(60, 140);
		assertThat(counts.getOrDefault(Channel.RED, 0)).isBetween(5, 45);
	}

	@Test
	void drawsTheSameNumberForTheSameDeclarationAndPolicy() {
		UUID id = UUID.fromString("0b6f3c1e-5d0a-4e8f-9a51-2a6c7d8e9f01");

		assertThat(SelectionDraw.of(id, "PERFUME")).isEqualTo(SelectionDraw.of(UUID.fromString(id.toString()), "PERFUME"));
		assertThat(SelectionDraw.of(id, "PERFUME")).isNotEqualTo(SelectionDraw.of(id, "TUNGSTEN"));
		// Pinned: the draw must not change between releases, or re-assessed declarations would change channel.
		assertThat(SelectionDraw.of(id, "PERFUME")).isEqualTo(0.5073549301996202);
	}

	@Test
	void drawsAreUniformOverTheUnitInterval() {
		int[] deciles = new int[10];
		for (int i = 0; i < DECLARATIONS; i++) {
			double draw = SelectionDraw.of(UUID.nameUUIDFromBytes(("d" + i).getBytes(StandardCharsets.UTF_8)), "P");
			assertThat(draw).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
			deciles[(int) (draw * 10)]++;
		}
		for (int count : deciles) {
			assertThat(count).isBetween(1_830, 2_170); // 2,000 ± 4σ (σ ≈ 42)
		}
	}

	@Test
	void theSameDeclarationIsSelectedTheSameWayEveryTime() {
		for (int i = 0; i < 500; i++) {
			UUID id = UUID.nameUUIDFromBytes(("again-" + i).getBytes(StandardCharsets.UTF_8));
			var request = aRiskRequest().id(id).withLine(aLine()).build();
			Declarant declarant = new Declarant(false, Instant.EPOCH);
			var first = evaluation.evaluate(request, declarant, List.of(), Map.of(), NOW).decision();
			var second = evaluation.evaluate(request, declarant, List.of(), Map.of(), NOW).decision();
			assertThat(second).isEqualTo(first);
		}
	}
}
