/**
 * Routing as data: admin-maintained rules decide from tariff-line supervision conditions, inspection categories and
 * permit scopes which agencies must act on each declaration item; every decision names the rule that caused it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity", "audit",
		"permit", "tariff" })
package io.singlewindow.routing;
