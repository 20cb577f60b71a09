package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;

/**
 * Brings declared item values to the customs valuation basis: CIF for imports, FOB for exports (in the declaration
 * currency). Freight and insurance given for the whole consignment are allocated to the lines in proportion to their
 * values; the last line takes the rounding remainder so the parts add up to the whole.
 * <ul>
 * <li>Imports on E and F terms (EXW, FCA, FAS, FOB) add freight and insurance; on CFR/CPT add insurance; on CIF, CIP and
 * the D terms the value is taken as CIF (costs after arrival are not deducted: a simplification).</li>
 * <li>An import on E/F terms without freight is refused ({@code FREIGHT_REQUIRED}); missing insurance is reckoned at
 * 0.3 % of value plus freight, as Chinese customs do when insurance cannot be established.</li>
 * <li>Exports on C terms subtract freight (and insurance on CIF/CIP), which must then be given; EXW is taken as FOB (a
 * simplification); F terms as they are.</li>
 * </ul>
 */
final class CustomsValuation {

	static final Set<String> INCOTERMS = Set.of("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU",
			"DDP");
	private static final Set<String> WITHOUT_CARRIAGE = Set.of("EXW", "FCA", "FAS", "FOB");
	private static final Set<String> CARRIAGE_ONLY = Set.of("CFR", "CPT");
	private static final Set<String> CARRIAGE_AND_INSURANCE = Set.of("CIF", "CIP");
	static final BigDecimal DEEMED_INSURANCE_RATE = new BigDecimal("0.003");

	record Basis(List<BigDecimal> values, List<String> notes) {
	}

	private CustomsValuation() {
	}

	static Basis basis(TradeFlow flow, String incotermRaw, BigDecimal freight, BigDecimal insurance,
			List<BigDecimal> declared) {
		String incoterm = incotermRaw == null ? "" : incotermRaw.strip().toUpperCase(Locale.ROOT);
		if (!INCOTERMS.contains(incoterm)) {
			throw Problem.invalidField("incoterm", "INCOTERM_UNKNOWN", incotermRaw);
		}
		BigDecimal total = declared.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		List<String> notes = new ArrayList<>();
		BigDecimal add = BigDecimal.ZERO;
		if (flow == TradeFlow.IMPORT) {
			if (WITHOUT_CARRIAGE.contains(incoterm)) {
				if (freight == null) {
					throw Problem.invalidField("freight", "FREIGHT_REQUIRED", incoterm);
				}
				BigDecimal ins = insurance != null ? insurance
						: total.add(freight).multiply(DEEMED_INSURANCE_RATE).setScale(2, RoundingMode.HALF_UP);
				notes.add(String.format(Locale.ROOT, "CIF = %s %s + freight %s + insurance %s%s", incoterm,
						plain(total), plain(freight), plain(ins), insurance == null ? " (deemed 0.3 %)" : ""));
				add = freight.add(ins);
			} else if (CARRIAGE_ONLY.contains(incoterm)) {
				BigDecimal ins = insurance != null ? insurance
						: total.multiply(DEEMED_INSURANCE_RATE).setScale(2, RoundingMode.HALF_UP);
				notes.add(String.format(Locale.ROOT, "CIF = %s %s + insurance %s%s", incoterm, plain(total), plain(ins),
						insurance == null ? " (deemed 0.3 %)" : ""));
				add = ins;
			} else {
				notes.add("CIF = " + incoterm + " " + plain(total));
			}
		} else {
			if (CARRIAGE_ONLY.contains(incoterm) || CARRIAGE_AND_INSURANCE.contains(incoterm)) {
				if (freight == null) {
					throw Problem.invalidField("freight", "FREIGHT_REQUIRED", incoterm);
				}
				BigDecimal ins = CARRIAGE_AND_INSURANCE.contains(incoterm) && insurance != null ? insurance
						: BigDecimal.ZERO;
				notes.add(String.format(Locale.ROOT, "FOB = %s %s − freight %s − insurance %s", incoterm, plain(total),
						plain(freight), plain(ins)));
				add = freight.add(ins).negate();
			} else {
				notes.add("FOB = " + incoterm + " " + plain(total));
			}
		}
		return new Basis(allocate(declared, total, add), notes);
	}

	/** Adds {@code extra} to the values in proportion to each value; the last takes the rounding remainder. */
	static List<BigDecimal> allocate(List<BigDecimal> values, BigDecimal total, BigDecimal extra) {
		List<BigDecimal> result = new ArrayList<>();
		BigDecimal allocated = BigDecimal.ZERO;
		for (int i = 0; i < values.size(); i++) {
			BigDecimal share;
			if (i == values.size() - 1) {
				share = extra.subtract(allocated);
			} else if (total.signum() == 0) {
				share = BigDecimal.ZERO;
			} else {
				share = extra.multiply(values.get(i)).divide(total, 2, RoundingMode.HALF_UP);
			}
			allocated = allocated.add(share);
			result.add(values.get(i).add(share));
		}
		return result;
	}

	static String plain(BigDecimal value) {
		return value.setScale(Math.max(2, value.scale()), RoundingMode.HALF_UP).toPlainString();
	}
}
