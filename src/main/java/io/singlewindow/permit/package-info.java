/**
 * Permits separated from business licences (证照分离): the permit catalogue, the four handling modes, permit
 * applications and officers' decisions, issued permits and the write-off of their quotas by declarations
 * ({@link io.singlewindow.permit.PermitLedger}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity", "audit",
		"enterprise", "calendar" })
package io.singlewindow.permit;
