/**
 * Technical platform shared by every module: the database (embedded PostgreSQL unless a URL is configured), the
 * business clock, languages, RFC 9457 problem responses and structured logging.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "core")
package io.singlewindow.platform;
