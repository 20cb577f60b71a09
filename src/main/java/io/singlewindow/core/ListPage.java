package io.singlewindow.core;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list and, when more rows follow, the cursor of the next page. Answered as the list itself (the
 * shape clients had before lists were paged) with the next page's address in an RFC 8288 {@code Link} header.
 */
public record ListPage<T>(List<T> rows, Cursor next) {

	/** The same page with each row shown as a client sees it. */
	public <R> ListPage<R> map(Function<? super T, ? extends R> view) {
		return new ListPage<>(rows.stream().<R>map(view).toList(), next);
	}

	/** 200 with the rows, and {@code Link: <…?cursor=…>; rel="next"} when there are more. */
	public ResponseEntity<List<T>> answer() {
		var answer = ResponseEntity.ok();
		if (next != null) {
			answer.header("Link", nextLink(next));
		}
		return answer.body(rows);
	}

	/**
	 * The RFC 8288 link to the page after {@code next}: the request's own address with its filters and limit, so the
	 * next page is the same list read further.
	 */
	public static String nextLink(Cursor next) {
		String address = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("cursor", next.text())
			.build()
			.toUriString();
		return "<" + address + ">; rel=\"next\"";
	}
}
