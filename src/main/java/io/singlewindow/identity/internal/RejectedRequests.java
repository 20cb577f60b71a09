package io.singlewindow.identity.internal;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request the security firewall refuses before anything else runs (an encoded slash or NUL in the path, a
 * malformed header …) is answered like every other malformed request: 400 problem+json {@code MALFORMED_REQUEST},
 * instead of the container's bare error page.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

	private final ProblemWriter problems;

	RejectedRequests(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		log.info("event=request_rejected method={} reason=\"{}\"", request.getMethod(), rejected.getMessage());
		problems.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "MALFORMED_REQUEST");
	}
}
