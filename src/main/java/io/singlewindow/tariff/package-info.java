/**
 * The national tariff schedule (10-digit lines with MFN, preferential, excise and VAT rates, supervision conditions
 * and inspection categories), customs monthly exchange rates, and the assessment of duties and taxes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity", "audit",
		"reference" })
package io.singlewindow.tariff;
