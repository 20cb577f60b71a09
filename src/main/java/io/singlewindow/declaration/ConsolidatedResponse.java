package io.singlewindow.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the single window answers about a declaration now, as other channels (an EDIFACT CUSRES, a WCO DM Response)
 * write it: its number, consolidated status, what the agencies tell the declarant and, once assessed, its duties and
 * taxes in CNY, in total and line by line.
 *
 * @param status the consolidated status ({@code UNDER_REVIEW}, {@code CLEARED} …)
 * @param version grows with every change of the declaration: a response of a higher version replaces the earlier
 * @param totalDuty {@literal null} before the declaration is assessed (and the other totals with it)
 * @param notices the agencies' open questions and their rejections, oldest first
 * @param lines each line's duty, excise and VAT; empty before the declaration is assessed
 * @param totalRemedy the anti-dumping, countervailing and safeguard duties (贸易救济), part of {@code totalTaxes};
 *     {@literal null} when none
 */
public record ConsolidatedResponse(UUID id, String number, String declarant, String clientReference, String status,
		int version, Instant updatedAt, BigDecimal totalCustomsValue, BigDecimal totalDuty, BigDecimal totalExcise,
		BigDecimal totalVat, BigDecimal totalTaxes, List<Notice> notices, List<LineTaxes> lines,
		BigDecimal totalRemedy) {

	public ConsolidatedResponse {
		notices = List.copyOf(notices);
		lines = List.copyOf(lines);
	}

	/** A response without trade-remedy duties. */
	public ConsolidatedResponse(UUID id, String number, String declarant, String clientReference, String status,
			int version, Instant updatedAt, BigDecimal totalCustomsValue, BigDecimal totalDuty, BigDecimal totalExcise,
			BigDecimal totalVat, BigDecimal totalTaxes, List<Notice> notices, List<LineTaxes> lines) {
		this(id, number, declarant, clientReference, status, version, updatedAt, totalCustomsValue, totalDuty,
				totalExcise, totalVat, totalTaxes, notices, lines, null);
	}

	/**
	 * What one agency tells the declarant: a question to answer (by {@code answerBy}, a day in the zone) or why it
	 * rejected the declaration.
	 *
	 * @param agency the agency's code ({@code CIQ}, {@code CUSTOMS} …)
	 * @param answerBy for a question only; {@literal null} for a rejection
	 */
	public record Notice(String agency, Kind kind, String text, LocalDate answerBy) {

		public enum Kind {
			/** An open question: the declaration waits for the declarant's answer. */
			QUESTION,
			/** The agency's reason for rejecting the declaration. */
			REJECTION
		}
	}

	/**
	 * One line's duty, excise and VAT in CNY, by its line number.
	 *
	 * @param remedy its trade-remedy duties, {@literal null} when none
	 */
	public record LineTaxes(int lineNo, BigDecimal duty, BigDecimal excise, BigDecimal vat, BigDecimal remedy) {

		/** A line without trade-remedy duties. */
		public LineTaxes(int lineNo, BigDecimal duty, BigDecimal excise, BigDecimal vat) {
			this(lineNo, duty, excise, vat, null);
		}
	}
}
