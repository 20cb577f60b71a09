/**
 * Reference data shipped with the platform (see {@code src/main/resources/reference/NOTICE.md} for sources and
 * licences): the HS 2022 nomenclature, ISO 3166 countries, ISO 4217 currencies, UN/ECE Rec 20 units and UN/LOCODE
 * locations. Read-only and identical on every node.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity" })
package io.singlewindow.reference;
