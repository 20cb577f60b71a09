package io.singlewindow.tariff.internal;

import java.math.BigDecimal;

/**
 * China's small-amount rule: of one consignment (一票货物, one declaration) a customs duty (import or export), an
 * excise or an import VAT of 50 CNY or less is not collected (关税、进口环节增值税或者消费税税额在人民币 50 元以下的一票货物，
 * 免征 — Regulations on Import and Export Duties and customs' rules on collecting taxes; written from memory, see
 * docs/tariff.md). Each tax on its own, on the consignment's total, not line by line; "50 元以下" counts 50 itself,
 * as Chinese statutes read 以下. A late-payment surcharge has a rule of its own (not collected under 50 CNY,
 * {@code DutyPaymentTerms}). Plain code, tested without a database ({@code DutyAssessmentUnitTests},
 * {@code TaxWaiverPropertiesUnitTests}).
 */
final class SmallTaxWaiver {

	static final int LIMIT_CNY = 50;
	private static final BigDecimal LIMIT = BigDecimal.valueOf(LIMIT_CNY);

	private SmallTaxWaiver() {
	}

	/** Whether a consignment's total of one tax is not collected: something, and 50 CNY or less. */
	static boolean waives(BigDecimal consignmentTotal) {
		return consignmentTotal.signum() > 0 && consignmentTotal.compareTo(LIMIT) <= 0;
	}
}
