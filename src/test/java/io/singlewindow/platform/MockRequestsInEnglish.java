package io.singlewindow.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * A MockMvc request says {@code Accept-Language: en} unless the test says another: the request MockMvc makes is
 * English by default (its locale, without the header), which the integration tests' English texts were written
 * against. The platform itself answers a request without the header in Chinese (the zone's working language,
 * {@code DefaultLanguageIntegrationTests}), so the header says outright what the tests always assumed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockRequestsInEnglish {

	@Bean
	MockMvcBuilderCustomizer inEnglishUnlessSaid() {
		// A default request's headers go to every request that does not set its own (MockHttpServletRequestBuilder.merge).
		return builder -> builder.defaultRequest(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
	}
}
