package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;

/** Which corrections of a cleared declaration's values customs may make, decided without a database. */
class ValueCorrectionsUnitTests {

	/** Three lines as declared: 3,000.00, 1,000.00 and 250.50. */
	static final Map<Integer, BigDecimal> DECLARED = new LinkedHashMap<>(Map.of(1, new BigDecimal("3000.00"), 2,
			new BigDecimal("1000.00"), 3, new BigDecimal("250.50")));

	@Test
	void onlyTheLinesWhoseValueChangesAreCorrectedInTheDeclarationsOrder() {
		var changed = ValueCorrections.changed(DECLARED, List.of(value(3, "260"), value(1, "3000"), value(2, "999.995")));

		// 999.995 rounds half up to the fen, to the 1,000.00 declared: line 2 does not change.
		assertThat(changed).containsExactly(Map.entry(3, new BigDecimal("260.00")));
	}

	@Test
	void everyRefusalIsNamedAtItsFieldAllAtOnce() {
		assertThatThrownBy(() -> ValueCorrections.changed(DECLARED, List.of(value(4, "10"), value(1, "0"),
				value(1, "20"), new CorrectedValue(null, new BigDecimal("1")), new CorrectedValue(2, null),
				value(3, "1e13"))))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + ":" + f.code())
				.containsExactly("lines[0].lineNo:LINE_UNKNOWN", "lines[1].value:VALUE_NOT_POSITIVE",
						"lines[2].lineNo:LINE_REPEATED", "lines[3].lineNo:REQUIRED", "lines[4].value:REQUIRED",
						"lines[5].value:TOO_LARGE"));
	}

	@Test
	void noLinesOrNoChangeIsRefusedAtTheLines() {
		List<CorrectedValue> withANull = new ArrayList<>(Arrays.asList((CorrectedValue) null));
		for (List<CorrectedValue> none : List.of(List.<CorrectedValue>of(), withANull)) {
			assertThatThrownBy(() -> ValueCorrections.changed(DECLARED, none))
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
					.isEqualTo("REQUIRED"));
		}
		assertThatThrownBy(() -> ValueCorrections.changed(DECLARED, null))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems()).extracting(f -> f.field() + ":"
					+ f.code()).containsExactly("lines:REQUIRED"));
		assertThatThrownBy(() -> ValueCorrections.changed(DECLARED, List.of(value(1, "3000"), value(3, "250.5"))))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems()).extracting(f -> f.field() + ":"
					+ f.code()).containsExactly("lines:NOTHING_CORRECTED"));
	}

	@Test
	void moreCorrectionsThanADeclarationHasLinesAreRefusedBeforeAnyIsRead() {
		List<CorrectedValue> many = new ArrayList<>();
		for (int i = 0; i <= io.singlewindow.core.InputLimits.ITEMS_PER_DECLARATION; i++) {
			many.add(value(1, "1"));
		}
		assertThatThrownBy(() -> ValueCorrections.changed(DECLARED, many))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems()).extracting(f -> f.field() + ":"
					+ f.code()).containsExactly("lines:TOO_MANY_ITEMS"));
	}

	private static CorrectedValue value(int lineNo, String value) {
		return new CorrectedValue(lineNo, new BigDecimal(value));
	}

	@Test
	void aLineWrittenOffAPermitsValueQuotaKeepsItsCustomsValue() {
		var valueQuota = writeOff(2, "AIL-2026-000001", new BigDecimal("50000.00"), null);
		var quantityOnly = writeOff(1, "AIL-2026-000002", null, null);
		var givenBack = writeOff(3, "AIL-2026-000003", new BigDecimal("900.00"), java.time.Instant.EPOCH);

		assertThatThrownBy(() -> ValueCorrections.refuseMovingAPermitsValue("XM1", List.of(quantityOnly, valueQuota),
				List.of(1, 2)))
			.isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.code()).isEqualTo("CORRECTION_MOVES_PERMIT_VALUE");
				assertThat(p.arguments()).containsExactly("XM1", 2, "AIL-2026-000001");
			});
		// A quantity quota, a write-off given back, or a line whose customs value does not move: nothing to refuse.
		ValueCorrections.refuseMovingAPermitsValue("XM1", List.of(quantityOnly, valueQuota, givenBack), List.of(1, 3));
	}

	private static io.singlewindow.permit.WriteOff writeOff(int lineNo, String permit, BigDecimal remainingValue,
			java.time.Instant restoredAt) {
		return new io.singlewindow.permit.WriteOff(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), lineNo,
				permit, BigDecimal.ONE, new BigDecimal("100.00"), BigDecimal.TEN, remainingValue, java.time.Instant.EPOCH,
				restoredAt);
	}
}
