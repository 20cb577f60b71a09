package io.singlewindow.permit.internal;

import java.util.Collection;
import java.util.List;

import io.singlewindow.core.HsCode;

/**
 * A set of HS prefixes — chapters (2 digits), headings (4), subheadings (6) or tariff lines (8 or 10) — that a
 * catalogue entry or an issued permit covers.
 */
record HsScope(List<String> prefixes) {

	HsScope {
		prefixes = List.copyOf(prefixes);
		for (String p : prefixes) {
			if (!isPrefix(p)) {
				throw new IllegalArgumentException("not an HS prefix: " + p);
			}
		}
	}

	static HsScope of(Collection<String> prefixes) {
		return new HsScope(List.copyOf(prefixes));
	}

	/** Whether {@code raw} is a chapter, heading, subheading or tariff line: 2, 4, 6, 8 or 10 digits. */
	static boolean isPrefix(String raw) {
		return raw != null && raw.matches("\\d{2}(\\d{2}){0,4}");
	}

	boolean covers(HsCode code) {
		return prefixes.stream().anyMatch(code::startsWith);
	}

	boolean isEmpty() {
		return prefixes.isEmpty();
	}
}
