/**
 * Risk management: admin-defined risk profiles and a deterministic random selection assign each declaration a
 * channel — GREEN (automatic release), YELLOW (document check) or RED (physical inspection). Shown to officers only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity", "audit",
		"enterprise" })
package io.singlewindow.risk;
