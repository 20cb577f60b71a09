package io.singlewindow.core;

/**
 * A URL pattern (Spring {@code PathPattern} syntax, e.g. {@code /verify/**}) that anyone may open without logging in.
 * Modules declare theirs as beans; the security configuration collects them, so it needs no knowledge of the modules.
 */
public record PublicPath(String pattern) {
}
