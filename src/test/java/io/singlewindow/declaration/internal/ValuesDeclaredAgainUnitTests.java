package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;

/** A cleared declaration declared again in full, read as an application for a correction of its values. */
class ValuesDeclaredAgainUnitTests {

	static final Uscc DECLARANT = Uscc.parse("91350200MA2XN0QR5D");

	@Test
	void aDeclarationSentAgainWithOnlyALinesValueChangedAsksForThatValue() {
		List<CorrectedValue> values = ValuesDeclaredAgain.of(cleared(), again("12.000", "Xiamen Chip Trading",
				line(1, "200", "4000.00"), line(2, "5", "3650.5")));

		assertThat(values).extracting(CorrectedValue::lineNo).containsExactly(1, 2);
		// What ValueCorrections keeps: the one line whose value differs (12.000 kg is the 12 declared).
		Map<Integer, BigDecimal> declared = new LinkedHashMap<>(Map.of(1, new BigDecimal("4000.00"), 2,
				new BigDecimal("4000.00")));
		assertThat(ValueCorrections.changed(declared, values)).containsExactly(Map.entry(2, new BigDecimal("3650.50")));
	}

	@Test
	void everyOtherFieldThatDiffersIsRefusedAtItsPathWithWhatWasDeclared() {
		assertThatThrownBy(() -> ValuesDeclaredAgain.of(cleared(), again("12.5", "Someone else",
				line(1, "200", "4000"), line(2, "4", "3650.5"))))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + ":" + f.code() + ":" + f.arguments()[0])
				.containsExactly("grossWeight:CHANGED_AFTER_CLEARANCE:12",
						"consignee:CHANGED_AFTER_CLEARANCE:Xiamen Chip Trading",
						"items[1].quantity:CHANGED_AFTER_CLEARANCE:5"));
	}

	@Test
	void aLineAddedOrTakenAwayIsRefusedAtTheLines() {
		for (ValidDeclaration lines : List.of(again("12", "Xiamen Chip Trading", line(1, "200", "4000")),
				again("12", "Xiamen Chip Trading", line(1, "200", "4000"), line(2, "5", "4000"),
						line(3, "1", "10")))) {
			assertThatThrownBy(() -> ValuesDeclaredAgain.of(cleared(), lines))
				.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
					.extracting(f -> f.field() + ":" + f.code() + ":" + f.arguments()[0])
					.containsExactly("items:LINES_CHANGED_AFTER_CLEARANCE:2"));
		}
	}

	/** The processors-and-laptops import as stored when cleared. */
	private static DeclarationView cleared() {
		return new DeclarationView(UUID.randomUUID(), "XM2026120500001", DECLARANT.value(), "edi-1", "IMPORT", "0110",
				"4", "CNXMN", "US", "CN", "US", "USD", "CIF", null, null, 3, new BigDecimal("12.000"),
				new BigDecimal("10.000"), null, "Xiamen Chip Trading", DeclarationStatus.CLEARED, null, null, null,
				new BigDecimal("7.1"), null, null, null, null, null, null, "trader.chip", null, null, null, null, 3,
				List.of(stored(1, "8542319000", "processors", "200.000", "4000.00"),
						stored(2, "8471300000", "laptops", "5.000", "4000.00")),
				List.of(), List.of(), List.of(), null, List.of(), null, null, null);
	}

	private static DeclarationView.Item stored(int lineNo, String hsCode, String description, String quantity,
			String value) {
		return new DeclarationView.Item(lineNo, hsCode, description, new BigDecimal(quantity), "C62", null,
				new BigDecimal(value), "US", null, null, null, null, null, null, null, null, null, null, null, null, null,
				List.of(), null, null, null);
	}

	private static ValidDeclaration again(String grossWeight, String consignee, ValidDeclaration.Item... items) {
		return new ValidDeclaration(DECLARANT, "edi-2", TradeFlow.IMPORT, "0110", "4", LoCode.of("CNXMN"),
				CountryCode.of("US"), CountryCode.of("CN"), CountryCode.of("US"), CurrencyCode.of("USD"), "CIF", null,
				null, 3, new BigDecimal(grossWeight), new BigDecimal("10"), null, consignee, List.of(items), List.of());
	}

	private static ValidDeclaration.Item line(int lineNo, String quantity, String value) {
		return new ValidDeclaration.Item(lineNo, HsCode.of(lineNo == 1 ? "8542319000" : "8471300000"), null,
				lineNo == 1 ? "processors" : lineNo == 2 ? "laptops" : "cables", new BigDecimal(quantity),
				UnitCode.of("C62"), null, new BigDecimal(value), CountryCode.of("US"), null, null, null);
	}
}
