package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Violations;

/**
 * Which corrections of a cleared declaration's values customs may make: each names a line the declaration has, once,
 * with a value a submission would take (more than zero, within the declared amounts' range), and at least one differs
 * from what is declared. A correction sent again after it was made changes nothing, so it is refused
 * ({@code NOTHING_CORRECTED}) rather than recorded twice.
 */
final class ValueCorrections {

	private ValueCorrections() {
	}

	/**
	 * The corrected values by line number, only the lines whose value changes, in the declaration's line order.
	 *
	 * @param declared the declared value of each line, by line number
	 * @throws Problem 422 {@code INVALID_INPUT} listing each refusal at its field: {@code lines} {@code REQUIRED},
	 *     {@code TOO_MANY_ITEMS}, {@code NOTHING_CORRECTED}; {@code lines[i].lineNo} {@code REQUIRED},
	 *     {@code LINE_UNKNOWN}, {@code LINE_REPEATED}; {@code lines[i].value} {@code REQUIRED}, {@code TOO_LARGE},
	 *     {@code VALUE_NOT_POSITIVE}
	 */
	static Map<Integer, BigDecimal> changed(Map<Integer, BigDecimal> declared, List<CorrectedValue> corrections) {
		Violations v = new Violations();
		if (corrections == null || corrections.isEmpty()) {
			throw Problem.invalidField("lines", "REQUIRED");
		}
		if (corrections.size() > InputLimits.ITEMS_PER_DECLARATION) {
			throw Problem.invalidField("lines", "TOO_MANY_ITEMS", InputLimits.ITEMS_PER_DECLARATION);
		}
		Map<Integer, BigDecimal> corrected = new LinkedHashMap<>();
		for (int i = 0; i < corrections.size(); i++) {
			CorrectedValue c = corrections.get(i);
			String p = "lines[" + i + "]";
			if (c == null) {
				v.add(p, "REQUIRED");
				continue;
			}
			boolean known = false;
			if (c.lineNo() == null) {
				v.add(p + ".lineNo", "REQUIRED");
			} else if (!declared.containsKey(c.lineNo())) {
				v.add(p + ".lineNo", "LINE_UNKNOWN", c.lineNo());
			} else if (corrected.containsKey(c.lineNo())) {
				v.add(p + ".lineNo", "LINE_REPEATED", c.lineNo());
			} else {
				known = true;
			}
			BigDecimal value = null;
			if (c.value() == null) {
				v.add(p + ".value", "REQUIRED");
			} else {
				value = v.read(p + ".value", () -> InputLimits.DECLARED_MONEY.fit(c.value()));
				if (value != null && value.signum() <= 0) {
					v.add(p + ".value", "VALUE_NOT_POSITIVE", c.value());
					value = null;
				}
			}
			if (known) {
				// Kept even when the value was refused: a repeat of the line is then named as such.
				corrected.put(c.lineNo(), value);
			}
		}
		v.throwIfAny();
		Map<Integer, BigDecimal> changed = new LinkedHashMap<>();
		declared.forEach((lineNo, before) -> {
			BigDecimal after = corrected.get(lineNo);
			if (after != null && after.compareTo(before) != 0) {
				changed.put(lineNo, after);
			}
		});
		if (changed.isEmpty()) {
			throw Problem.invalidField("lines", "NOTHING_CORRECTED");
		}
		return changed;
	}

	/**
	 * Refuses a correction that would move the customs value of a line written off a permit's value quota: the quota
	 * took the value as first assessed, and a quota is never to be drawn on other figures than the ones it recorded
	 * (nor overdrawn by a correction made after the clearance). Such goods are cancelled and declared afresh. A
	 * permit that counts quantities only is not touched by a value.
	 *
	 * @param writeOffs the declaration's write-offs ({@code PermitLedger.writeOffsOf}), restored ones included
	 * @param movedLines the lines whose customs value the correction moves
	 * @throws Problem 409 {@code CORRECTION_MOVES_PERMIT_VALUE} naming the first such line and its permit
	 */
	static void refuseMovingAPermitsValue(String number, List<io.singlewindow.permit.WriteOff> writeOffs,
			java.util.Collection<Integer> movedLines) {
		writeOffs.stream()
			.filter(w -> w.restoredAt() == null && w.remainingValue() != null && movedLines.contains(w.lineNo()))
			.findFirst()
			.ifPresent(w -> {
				throw Problem.conflict("CORRECTION_MOVES_PERMIT_VALUE", number, w.lineNo(), w.permitNumber());
			});
	}

	/** The values of an application as its row keeps them: {@code lineNo=value} pairs separated by {@code ;}. */
	static String stored(Map<Integer, BigDecimal> values) {
		return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
			.collect(java.util.stream.Collectors.joining(";"));
	}

	/** What {@link #stored} wrote, read back in the same order. */
	static Map<Integer, BigDecimal> fromStored(String stored) {
		Map<Integer, BigDecimal> values = new LinkedHashMap<>();
		if (stored != null && !stored.isEmpty()) {
			for (String pair : stored.split(";")) {
				int at = pair.indexOf('=');
				values.put(Integer.valueOf(pair.substring(0, at)), new BigDecimal(pair.substring(at + 1)));
			}
		}
		return values;
	}
}
