package io.singlewindow.interchange.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import io.singlewindow.declaration.ConsolidatedResponse;
import io.singlewindow.declaration.ResponseWriter;
import io.singlewindow.platform.BusinessTime;

/**
 * The declaration's response as a CUSRES for webhooks that ask for {@code EDIFACT}: the same interchange
 * {@code GET /api/v1/declarations/{id}/response} answers with {@code Accept: application/EDIFACT}, addressed to the
 * declarant, in UTF-8 (UNOW) so that it travels as JSON text unharmed.
 */
@Component
class CusresWriter implements ResponseWriter {

	private final BusinessTime time;

	CusresWriter(BusinessTime time) {
		this.time = time;
	}

	@Override
	public String format() {
		return Interchanges.CHANNEL;
	}

	@Override
	public String write(ConsolidatedResponse response) {
		return new String(EdifactAnswer.response(response, response.declarant(), time.now()), StandardCharsets.UTF_8);
	}
}
