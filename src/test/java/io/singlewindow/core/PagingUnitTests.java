package io.singlewindow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Lists a page at a time: a client asks for a page size and continues with the opaque cursor the last page handed
 * out; anything else it sends as a size or a cursor is refused at that field, never answered with a 500 or a silent
 * default.
 */
class PagingUnitTests {

	static final Instant SUBMITTED = Instant.parse("2026-12-03T01:30:00.123456Z");
	static final UUID LAST_ROW = UUID.fromString("4f1b8a52-9c3e-4d1f-8a7b-2f0c9d6e1a33");

	@AfterEach
	void forgetTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aCursorHandedOutIsReadBackAsTheSameRow() {
		Cursor cursor = new Cursor(SUBMITTED, LAST_ROW.toString());

		Cursor read = Cursor.read(cursor.text());

		assertThat(read).isEqualTo(cursor);
		assertThat(read.id()).isEqualTo(LAST_ROW);
		assertThat(read.atUtc().getOffset()).isEqualTo(ZoneOffset.UTC);
		assertThat(read.atUtc().toInstant()).isEqualTo(SUBMITTED);
		assertThat(cursor.text()).as("URL-safe, no padding").matches("[A-Za-z0-9_-]+");
		assertThat(Cursor.read(" " + cursor.text() + " ")).as("spaces around it are a copy-paste's").isEqualTo(cursor);
	}

	@Test
	void noCursorIsTheFirstPage() {
		assertThat(Cursor.read(null)).isNull();
		assertThat(Cursor.read("")).isNull();
		assertThat(Cursor.read("   ")).isNull();
	}

	@Test
	void textNoPageHandedOutIsRefusedAtTheCursor() {
		for (String forged : List.of("%%%", "not a cursor", encoded("2|" + SUBMITTED + "|" + LAST_ROW),
				encoded("1|" + SUBMITTED), encoded("1|" + SUBMITTED + "|"), encoded("1|yesterday|" + LAST_ROW),
				encoded("|" + SUBMITTED + "|" + LAST_ROW))) {
			assertThatThrownBy(() -> Cursor.read(forged)).as(forged)
				.isInstanceOfSatisfying(Problem.class, p -> refusedAt(p, "cursor", "CURSOR_INVALID"));
		}
	}

	@Test
	void aCursorWhoseKeyIsNoRowIdIsRefusedWhenTheRowIsLookedFor() {
		Cursor cursor = Cursor.read(encoded("1|" + SUBMITTED + "|XM2026120300000001"));

		assertThat(cursor.key()).isEqualTo("XM2026120300000001");
		assertThatThrownBy(cursor::id)
			.isInstanceOfSatisfying(Problem.class, p -> refusedAt(p, "cursor", "CURSOR_INVALID"));
	}

	@Test
	void aCursorNeedsATimeAndAKey() {
		assertThatThrownBy(() -> new Cursor(null, "k")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Cursor(SUBMITTED, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Cursor(SUBMITTED, "")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aPageSizeIsOneToFiveHundredAndTwoHundredWhenNoneIsNamed() {
		assertThat(PageRequest.read(null, null)).isEqualTo(new PageRequest(PageRequest.DEFAULT_LIMIT, null));
		assertThat(PageRequest.read("  ", null).limit()).isEqualTo(200);
		assertThat(PageRequest.read(" 1 ", null).limit()).isEqualTo(1);
		assertThat(PageRequest.read("500", null).limit()).isEqualTo(500);
		assertThatThrownBy(() -> PageRequest.read("0", null))
			.isInstanceOfSatisfying(Problem.class, p -> refusedAt(p, "limit", "TOO_SMALL"));
		assertThatThrownBy(() -> PageRequest.read("501", null))
			.isInstanceOfSatisfying(Problem.class, p -> refusedAt(p, "limit", "TOO_LARGE"));
		assertThatThrownBy(() -> PageRequest.read("ten", null))
			.isInstanceOfSatisfying(Problem.class, p -> refusedAt(p, "limit", "MALFORMED_VALUE"));
		assertThatThrownBy(() -> PageRequest.read("99999999999", null))
			.isInstanceOfSatisfying(Problem.class, p -> refusedAt(p, "limit", "MALFORMED_VALUE"));
		Cursor cursor = new Cursor(SUBMITTED, LAST_ROW.toString());
		assertThat(PageRequest.read("2", cursor.text()).after()).isEqualTo(cursor);
	}

	@Test
	void aStoreReadsOneRowMoreThanThePageToKnowWhetherAnotherFollows() {
		PageRequest twoAPage = PageRequest.first(2);
		assertThat(twoAPage.rows()).isEqualTo(3);

		ListPage<String> last = twoAPage.page(List.of("a", "b"), this::cursorOf);
		ListPage<String> notLast = twoAPage.page(List.of("a", "b", "c"), this::cursorOf);

		assertThat(last.rows()).containsExactly("a", "b");
		assertThat(last.next()).as("nothing follows").isNull();
		assertThat(notLast.rows()).containsExactly("a", "b");
		assertThat(notLast.next()).as("the next page starts after the last row shown").isEqualTo(cursorOf("b"));
		assertThat(twoAPage.page(List.of(), this::cursorOf).rows()).isEmpty();
	}

	@Test
	void aPageIsAnsweredAsItsRowsWithTheNextPagesAddressInALinkHeader() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/declarations");
		request.setQueryString("q=coffee&limit=2&cursor=old");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		Cursor next = cursorOf("b");

		var more = new ListPage<>(List.of("a", "b"), next).map(String::toUpperCase).answer();
		var lastPage = new ListPage<>(List.of("c"), null).answer();

		assertThat(more.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(more.getBody()).containsExactly("A", "B");
		assertThat(more.getHeaders().getFirst("Link")).isEqualTo(
				"<http://localhost/api/v1/declarations?q=coffee&limit=2&cursor=" + next.text() + ">; rel=\"next\"");
		assertThat(lastPage.getBody()).containsExactly("c");
		assertThat(lastPage.getHeaders().containsHeader("Link")).isFalse();
	}

	private Cursor cursorOf(String row) {
		return new Cursor(SUBMITTED, row);
	}

	private static String encoded(String plain) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	private static void refusedAt(Problem problem, String field, String code) {
		assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(problem.code()).isEqualTo("INVALID_INPUT");
		assertThat(problem.fieldProblems()).singleElement().satisfies(f -> {
			assertThat(f.field()).isEqualTo(field);
			assertThat(f.code()).isEqualTo(code);
		});
	}
}
