package io.singlewindow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * A page links its scripts, style sheets and icon under names that carry a hash of their content, which browsers keep
 * for a year; the page itself is never kept. A release that changes a file therefore changes the name a page links.
 */
@SingleWindowIntegrationTest
class StaticFilesIntegrationTests {

	private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars|favicon)[^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void theLoginPageLinksContentHashedFilesThatAnyoneMayFetchAndKeepForAYear() throws Exception {
		MvcResult page = mvc.perform(get("/login")).andReturn();
		assertThat(page.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		List<String> linked = linkedFiles(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(linked).as("files the login page links").hasSizeGreaterThanOrEqualTo(4)
			.anyMatch(l -> l.startsWith("/webjars/htmx.org/")).anyMatch(l -> l.startsWith("/css/app-"))
			.anyMatch(l -> l.startsWith("/js/app-")).anyMatch(l -> l.startsWith("/favicon"))
			.allMatch(l -> l.matches(".*-[0-9a-f]{32}\\.[a-z]+"));
		for (String file : linked) {
			var response = mvc.perform(get(file)).andReturn().getResponse();
			assertThat(response.getStatus()).as(file).isEqualTo(200);
			assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).as(file).isEqualTo("max-age=31536000, public");
		}
	}

	@Test
	void aFileAskedForUnderAHashItDoesNotHaveIsNotFound() throws Exception {
		String linked = linkedFiles(mvc.perform(get("/login")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).stream().filter(l -> l.startsWith("/css/app-")).findFirst()
			.orElseThrow();
		String stale = linked.replaceAll("-[0-9a-f]{32}\\.", "-00000000000000000000000000000000.");
		assertThat(mvc.perform(get(stale)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	private static List<String> linkedFiles(String html) {
		List<String> files = new ArrayList<>();
		Matcher m = LINKED.matcher(html);
		while (m.find()) {
			files.add(m.group(1));
		}
		return files;
	}
}
