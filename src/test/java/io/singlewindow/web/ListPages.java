package io.singlewindow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list page read as a person reads it, a page at a time, by following its next link (the fragment
 * {@code fragments/pages :: links}, whose links are {@code <prefix>-first} and {@code <prefix>-next}).
 */
public final class ListPages {

	private ListPages() {
	}

	/** How a test reads one page of the list, as its user. */
	@FunctionalInterface
	public interface Reader {

		String read(String path) throws Exception;
	}

	/**
	 * Every page's HTML in order, from {@code first}, following the {@code <prefix>-next} links to the last.
	 *
	 * @throws AssertionError when a next link leads to an address read before: a list that goes round in circles
	 *     would otherwise keep the test reading for ever
	 */
	public static List<String> follow(String first, String prefix, Reader reader) throws Exception {
		List<String> pages = new ArrayList<>();
		java.util.Set<String> read = new java.util.HashSet<>();
		for (String path = first; path != null; path = next(pages.getLast(), prefix)) {
			if (!read.add(path)) {
				throw new AssertionError("page " + (pages.size() + 1) + " of " + first + " leads back to " + path);
			}
			pages.add(reader.read(path));
		}
		return pages;
	}

	/** The address the page's {@code <prefix>-next} link leads to, or {@literal null} on the last page. */
	public static String next(String page, String prefix) {
		Matcher next = Pattern.compile("id=\"" + prefix + "-next\" href=\"([^\"]+)\"").matcher(page);
		return next.find() ? next.group(1).replace("&amp;", "&") : null;
	}

	/** The first group of every match of {@code row}, page after page. */
	public static List<String> rows(List<String> pages, String row) {
		Pattern pattern = Pattern.compile(row);
		List<String> found = new ArrayList<>();
		for (String page : pages) {
			Matcher matcher = pattern.matcher(page);
			while (matcher.find()) {
				found.add(matcher.group(1));
			}
		}
		return found;
	}
}
