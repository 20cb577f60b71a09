package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A person who presses Submit twice — a double click, a second press while the first is on its way, the browser's
 * "send again" — declares the goods once: the form carries a submission key of its own, and the second press is
 * answered with the declaration the first made. A new form is a new declaration, even of the same goods.
 */
class DoubleSubmissionIntegrationTests extends CustomsDeskTestCase {

	private static final Pattern KEY = Pattern.compile("id=\"submission\" value=\"([^\"]+)\"");

	@Test
	void aFormSubmittedTwiceDeclaresTheGoodsOnceAndANewFormDeclaresThemAgain() throws Exception {
		long before = declarationsOfTheChipMaker();
		Map<String, String> form = complete(keyOf(desk.page("trader.chip", "/declarations/new")));
		String first = desk.pagePost("trader.chip", "/declarations/new", form).getRedirectedUrl();
		String second = desk.pagePost("trader.chip", "/declarations/new", form).getRedirectedUrl();
		assertThat(first).startsWith("/declarations/");
		assertThat(second).as("the second press answered with the first's declaration").isEqualTo(first);
		assertThat(declarationsOfTheChipMaker()).isEqualTo(before + 1);
		assertThat(desk.page("trader.chip", first)).as("its own reference none: the key is not one")
			.doesNotContain(form.get("submission"));

		String again = desk.pagePost("trader.chip", "/declarations/new",
				complete(keyOf(desk.page("trader.chip", "/declarations/new")))).getRedirectedUrl();
		assertThat(again).as("a new form: the same goods declared again, on purpose").isNotEqualTo(first);
		assertThat(declarationsOfTheChipMaker()).isEqualTo(before + 2);
	}

	@Test
	void twoPressesAtOneInstantDeclareTheGoodsOnce() throws Exception {
		long before = declarationsOfTheChipMaker();
		Map<String, String> form = complete(keyOf(desk.page("trader.chip", "/declarations/new")));
		jakarta.servlet.http.Cookie session = desk.session("trader.chip");
		ExecutorService presses = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> answers = new ArrayList<>();
			Callable<String> press = () -> {
				var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/declarations/new")
					.cookie(session)
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
				form.forEach(request::param);
				return mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
			};
			answers.add(presses.submit(press));
			answers.add(presses.submit(press));
			assertThat(answers.get(0).get()).startsWith("/declarations/").isEqualTo(answers.get(1).get());
		}
		finally {
			presses.shutdown();
		}
		assertThat(declarationsOfTheChipMaker()).isEqualTo(before + 1);
	}

	/** The second press on a form opened from one saved for later meets the declaration, not "sent since you opened it". */
	@Test
	void aFormFinishedFromOneSavedForLaterAndSubmittedTwiceLeadsBothPressesToTheOneDeclaration() throws Exception {
		long before = declarationsOfTheChipMaker();
		String saved = desk.pagePost("trader.chip", "/declarations/new", Map.of("port", "CNXMN", "saveUnsent", "1"))
			.getRedirectedUrl();
		String id = saved.replaceAll(".*unsent=([0-9a-f-]+).*", "$1");
		Map<String, String> form = complete(keyOf(desk.page("trader.chip", "/declarations/new?unsent=" + id)));
		form.putAll(Map.of("unsent", id, "unsentVersion", "1"));
		String first = desk.pagePost("trader.chip", "/declarations/new", form).getRedirectedUrl();
		String second = desk.pagePost("trader.chip", "/declarations/new", form).getRedirectedUrl();
		assertThat(first).startsWith("/declarations/");
		assertThat(second).isEqualTo(first);
		assertThat(declarationsOfTheChipMaker()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM declaration_unsent WHERE id = ?::uuid").param(id).query(Long.class)
			.single()).as("sent: no longer kept").isZero();

		// Another person's form sent from the same saved one is still told it was sent since it was opened.
		Map<String, String> another = complete(keyOf(desk.page("trader.chip", "/declarations/new")));
		another.putAll(Map.of("unsent", id, "unsentVersion", "1"));
		assertThat(desk.pagePost("trader.chip", "/declarations/new", another).getContentAsString(
				java.nio.charset.StandardCharsets.UTF_8)).contains("sent or deleted since you opened it");
		assertThat(declarationsOfTheChipMaker()).isEqualTo(before + 1);
	}

	@Test
	void aKeyThatIsNoneOfTheFormsIsNotTakenForOne() throws Exception {
		long before = declarationsOfTheChipMaker();
		for (String key : List.of("x".repeat(5000), "PO-4711", "auto:not-a-uuid")) {
			assertThat(desk.pagePost("trader.chip", "/declarations/new", complete(key)).getRedirectedUrl())
				.as(key.substring(0, Math.min(20, key.length()))).startsWith("/declarations/");
		}
		assertThat(declarationsOfTheChipMaker()).as("each a declaration of its own, as without a key")
			.isEqualTo(before + 3);
	}

	private static String keyOf(String page) {
		Matcher key = KEY.matcher(page);
		assertThat(key.find()).as("the form carries a submission key").isTrue();
		return key.group(1);
	}

	/** A whole import of processors as the form sends it, without a reference of its own. */
	private static Map<String, String> complete(String submission) {
		Map<String, String> form = new LinkedHashMap<>(Map.of("declarant", DeclarationCorrectionIntegrationTests.CHIP,
				"flow", "IMPORT", "tradeMode", "0110", "transportMode", "2", "port", "CNXMN", "originCountry", "US",
				"destinationCountry", "CN", "tradingCountry", "US", "currency", "USD", "incoterm", "FOB"));
		form.putAll(Map.of("freight", "100", "packages", "3", "grossWeight", "12", "netWeight", "10",
				"items[0].hsCode", "8542319000", "items[0].description", "processors", "items[0].quantity", "150",
				"items[0].unit", "C62", "items[0].value", "3000", "items[0].origin", "US"));
		form.put("submission", submission);
		return form;
	}

	private long declarationsOfTheChipMaker() {
		return jdbc.sql("SELECT count(*) FROM declaration WHERE declarant = ?")
			.param(DeclarationCorrectionIntegrationTests.CHIP).query(Long.class).single();
	}
}
