package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;

/**
 * A cleared or released declaration declared again in full — a standard message's replacement (CUSDEC BGM 1225 = 5),
 * which EDI software sends with every field as it keeps them — read as its declarant's application for a correction of
 * the lines' values (报关单修改申请). Only values are corrected after a clearance: goods, quantities, parties, places and
 * permits decided the routing, the risk channel and the quotas written off, so a declaration that changes any of them
 * is refused at each field that differs, and the declarant cancels and declares again. The message is compared after
 * the validation every submission goes through, so a weight written 12.000 is the 12 declared, and a consignee left
 * out is the one validation fills in as it did then.
 */
final class ValuesDeclaredAgain {

	private ValuesDeclaredAgain() {
	}

	/**
	 * The value the message gives every line, for {@link ValueCorrections}, which keeps those that differ (and refuses
	 * {@code NOTHING_CORRECTED} when none does).
	 *
	 * @param declared the declaration as stored
	 * @param again the message's declaration, validated as a submission
	 * @throws Problem 422 {@code INVALID_INPUT}: {@code CHANGED_AFTER_CLEARANCE} at every field other than a line's
	 *     value that differs, with what was declared; {@code LINES_CHANGED_AFTER_CLEARANCE} at {@code items} when the
	 *     message has another number of lines
	 */
	static List<CorrectedValue> of(DeclarationView declared, ValidDeclaration again) {
		List<FieldProblem> changed = new ArrayList<>();
		Compared header = new Compared(changed, "");
		header.text("flow", declared.flow(), again.flow().name());
		header.text("tradeMode", declared.tradeMode(), again.tradeMode());
		header.text("transportMode", declared.transportMode(), again.transportMode());
		header.text("port", declared.port(), again.port());
		header.text("originCountry", declared.originCountry(), again.originCountry());
		header.text("destinationCountry", declared.destinationCountry(), again.destinationCountry());
		header.text("tradingCountry", declared.tradingCountry(), again.tradingCountry());
		header.text("currency", declared.currency(), again.currency());
		header.text("incoterm", declared.incoterm(), again.incoterm());
		header.number("freight", declared.freight(), again.freight());
		header.number("insurance", declared.insurance(), again.insurance());
		header.number("packages", BigDecimal.valueOf(declared.packages()), BigDecimal.valueOf(again.packages()));
		header.number("grossWeight", declared.grossWeight(), again.grossWeight());
		header.number("netWeight", declared.netWeight(), again.netWeight());
		header.text("consignor", declared.consignor(), again.consignor());
		header.text("consignee", declared.consignee(), again.consignee());
		if (declared.items().size() != again.items().size()) {
			changed.add(new FieldProblem("items", "LINES_CHANGED_AFTER_CLEARANCE", declared.items().size()));
			throw Problem.invalidInput(changed);
		}
		List<CorrectedValue> values = new ArrayList<>();
		for (int i = 0; i < declared.items().size(); i++) {
			DeclarationView.Item was = declared.items().get(i);
			ValidDeclaration.Item is = again.items().get(i);
			Compared line = new Compared(changed, "items[" + i + "].");
			line.text("hsCode", was.hsCode(), is.hsCode());
			line.text("description", was.description(), is.description());
			line.number("quantity", was.quantity(), is.quantity());
			line.text("unit", was.unit(), is.unit());
			line.number("statisticalQuantity", was.statisticalQuantity(), is.statisticalQuantity());
			line.text("origin", was.origin(), is.origin());
			line.text("permitNumber", was.permitNumber(), is.permitNumber());
			line.text("certificateAgreement", was.certificateAgreement(), is.certificateAgreement());
			line.text("certificateNumber", was.certificateNumber(), is.certificateNumber());
			line.text("tariffQuotaCertificate", was.tariffQuotaCertificate(), is.tariffQuotaCertificate());
			line.text("producer", was.producer(), is.producer());
			values.add(new CorrectedValue(was.lineNo(), is.value()));
		}
		if (!changed.isEmpty()) {
			throw Problem.invalidInput(changed);
		}
		return values;
	}

	/** Compares the fields of the header or of one line, noting each that differs under its path. */
	private record Compared(List<FieldProblem> changed, String path) {

		void text(String field, String declared, Object again) {
			String is = again == null ? null : again.toString();
			if (!Objects.equals(blankToNull(declared), blankToNull(is))) {
				differs(field, declared);
			}
		}

		void number(String field, BigDecimal declared, BigDecimal again) {
			boolean same = declared == null || again == null ? declared == again : declared.compareTo(again) == 0;
			if (!same) {
				differs(field, declared == null ? null : declared.stripTrailingZeros().toPlainString());
			}
		}

		private void differs(String field, String declared) {
			changed.add(new FieldProblem(path + field, "CHANGED_AFTER_CLEARANCE", declared == null ? "—" : declared));
		}

		private static String blankToNull(String s) {
			return s == null || s.isBlank() ? null : s;
		}
	}
}
