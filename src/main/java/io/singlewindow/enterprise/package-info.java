/**
 * Business registration: enterprises of the zone and their business licences, identified by the Unified Social
 * Credit Code. Other modules ask {@link io.singlewindow.enterprise.Enterprises} whether an enterprise is in good
 * standing before it may declare goods or apply for permits.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity", "audit" })
package io.singlewindow.enterprise;
