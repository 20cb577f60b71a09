package io.singlewindow.identity.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem+json from the security filters, which run before Spring MVC's exception handling, so that
 * 401 and 403 answers look like every other error of the API.
 */
@Component
class ProblemWriter {

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final JsonMapper json = JsonMapper.builder().build();

	ProblemWriter(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String code, Object... arguments)
			throws IOException {
		String title = messages.getMessage("problem." + code, arguments, code, locales.resolveLocale(request));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "https://singlewindow.example/problems/" + code);
		body.put("title", title);
		body.put("status", status);
		body.put("detail", title);
		body.put("instance", request.getRequestURI());
		body.put("code", code);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"single-window\"");
		}
		response.getWriter().write(json.writeValueAsString(body));
	}
}
