/**
 * Who is acting: user accounts with their roles (trader, broker, officer, admin), the agencies, broker
 * authorisations, REST API keys, login and the web UI's shell (layout, navigation, home pages).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform" })
package io.singlewindow.identity;
