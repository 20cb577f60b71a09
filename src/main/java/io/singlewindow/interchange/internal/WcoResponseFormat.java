package io.singlewindow.interchange.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.ResponseWriter;
import io.singlewindow.platform.BusinessTime;

/**
 * The declaration's response as a WCO DM {@code Response} for webhooks that ask for {@code XML}: the same document
 * {@code GET /api/v1/declarations/{id}/response} answers with {@code Accept: application/xml}.
 */
@Component
class WcoResponseFormat implements ResponseWriter {

	static final String FORMAT = "XML";

	private final BusinessTime time;

	WcoResponseFormat(BusinessTime time) {
		this.time = time;
	}

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public String write(ConsolidatedResponse response) {
		return new String(WcoResponseWriter.accepted(response.clientReference(), response, time.now()),
				StandardCharsets.UTF_8);
	}
}
