package io.singlewindow.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links to the platform's public pages, as printed in documents (the verification QR codes). Behind a
 * reverse proxy the request's own address may be an internal one, so the public address can be configured:
 * {@code singlewindow.public-base-url} (e.g. {@code https://singlewindow.xm-ftz.gov.cn}); when blank, the address the
 * request came in on.
 */
@Component
public class PublicLinks {

	private final String baseUrl;

	PublicLinks(@Value("${singlewindow.public-base-url:}") String baseUrl) {
		this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
	}

	/** The absolute URL of {@code path} (starting with {@code /}). */
	public String to(String path) {
		String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
		return base + path;
	}
}
