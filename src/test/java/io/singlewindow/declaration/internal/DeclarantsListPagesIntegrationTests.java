package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.DeclarationBatchIntegrationTests.chipDeclaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.KeyedActors;
import io.singlewindow.web.ListPages;

/**
 * The declarant's list page (/declarations) a page at a time: following its links reads every declaration of a
 * search once, and a later page leads back to the first with the search kept.
 */
@SingleWindowIntegrationTest
class DeclarantsListPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Declarations declarations;

	@Autowired
	KeyedActors actors;

	@Test
	void theDeclarantReadsASearchPageByPageEachDeclarationOnce() throws Exception {
		Actor trader = DeclarationBatchIntegrationTests.chipTrader(jdbc, actors);
		String run = "pages-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> submitted = new ArrayList<>();
		for (int i = 0; i <= DeclarationPages.LIST_PAGE; i++) {
			String key = run + "-" + i;
			submitted.add(declarations.submit(trader,
					DeclarationWorkbooks.Entry.of(chipDeclaration("P" + i, key, null)).draft(new ArrayList<>()), key)
				.number());
		}
		var login = mvc.perform(formLogin("/login").user("trader.chip").password("demo12345")).andReturn()
			.getResponse();
		Cookie session = login.getCookie("SESSION");
		List<String> pages = ListPages.follow("/declarations?lang=en&q=" + run, "list",
				path -> mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString());
		List<String> listed = ListPages.rows(pages, "<a href=\"/declarations/[^\"]+\">(XM\\d+)</a>");
		assertThat(pages.getFirst()).doesNotContain("id=\"list-first\"");
		for (String later : pages.subList(1, pages.size())) {
			Matcher first = Pattern.compile("id=\"list-first\" href=\"([^\"]+)\"").matcher(later);
			assertThat(first.find()).as("a later page leads back to the first").isTrue();
			assertThat(first.group(1)).contains("q=" + run).doesNotContain("cursor=");
		}
		assertThat(pages).hasSize(2);
		// Each once; the order within a page (newest first) is the list's keyset, tested through the API.
		assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(submitted);
	}
}
