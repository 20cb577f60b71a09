package io.singlewindow.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language of a request: the {@code sw-lang} cookie a person's switch wrote, else {@code Accept-Language}, and
 * always one of the two the platform speaks — English when asked for, Chinese otherwise. The cookie is input like
 * any other and can be set by anyone who shares the domain: a value that is no locale ({@code %%%}) threw on every
 * request that carried it (a 500 on every page and API call), and any locale asked for was written back and used.
 */
class PageLanguages extends CookieLocaleResolver {

	PageLanguages() {
		super("sw-lang");
		// Read here, not by the container: without Accept-Language, or with one it cannot read (q=abc, q=2, ";;;"),
		// its request locale is the server's own (English on a host set to C or en_US), and it takes a language
		// refused with q=0 for one asked for.
		setDefaultLocaleFunction(request -> accepted(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
		setCookieMaxAge(Duration.ofDays(365));
		setRejectInvalidCookies(false);
	}

	/**
	 * The language of the answer to an {@code Accept-Language} (RFC 9110 §12.5.4): the first of the two the platform
	 * speaks among the languages the header accepts, by their qualities (any English is English, any Chinese the
	 * zone's Chinese); a language with {@code q=0} is refused, not asked for. The zone's working language when the
	 * header is missing, cannot be read or accepts neither — but English when it refuses Chinese and not English.
	 */
	static Locale accepted(String header) {
		if (header == null || header.isBlank()) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(header); // by quality, the highest first
		} catch (IllegalArgumentException unreadable) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		Set<String> refused = ranges.stream().filter(range -> range.getWeight() == 0).map(PageLanguages::language)
			.collect(Collectors.toSet());
		// Neither asked for by name: Chinese, but for a header that refuses Chinese and not English.
		Locale otherwise = refused.contains("zh") && !refused.contains("en") ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
		for (Locale.LanguageRange range : ranges) {
			String language = language(range);
			if (range.getWeight() == 0) {
				continue;
			} else if (language.equals("en")) {
				return Locale.ENGLISH;
			} else if (language.equals("zh")) {
				return Locale.SIMPLIFIED_CHINESE;
			} else if (language.equals("*")) {
				return otherwise;
			}
		}
		return otherwise;
	}

	private static String language(Locale.LanguageRange range) {
		return range.getRange().split("-", 2)[0];
	}

	/** English when the language asked for is English, else the zone's working language. */
	static Locale spoken(Locale asked) {
		return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return spoken(super.resolveLocale(request));
	}

	/** Read when asked, as Spring's is: {@code ?lang=en} switches the request it comes with, after this was resolved. */
	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		LocaleContext read = super.resolveLocaleContext(request);
		return new TimeZoneAwareLocaleContext() {
			@Override
			public Locale getLocale() {
				return spoken(read.getLocale());
			}

			@Override
			public TimeZone getTimeZone() {
				return timeZone(read);
			}
		};
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext chosen) {
		super.setLocaleContext(request, response, chosen == null || chosen.getLocale() == null ? chosen
				: new SimpleTimeZoneAwareLocaleContext(spoken(chosen.getLocale()), timeZone(chosen)));
	}

	private static TimeZone timeZone(LocaleContext context) {
		return context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
	}
}
