/**
 * Trade statistics of the zone computed from its own cleared declarations: monthly and year-to-date trade value,
 * year-on-year growth and breakdowns, maintained as aggregates as declarations clear.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity", "enterprise",
		"declaration", "reference", "tariff" })
package io.singlewindow.statistics;
