package io.singlewindow.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * RFC 9457 problem+json written where Spring MVC's exception handling does not reach — the security filters, the
 * platform's own servlet filters — with the same body, codes and language as every other refusal of the API.
 */
public interface FilterProblems {

	/** Sets the status and writes the problem of {@code code} (its text from {@code problem.<code>}). */
	void write(HttpServletRequest request, HttpServletResponse response, int status, String code, Object... arguments)
			throws IOException;
}
