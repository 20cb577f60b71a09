package io.singlewindow.platform.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;

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
		// Without Accept-Language the container's request locale is the server's own (English on a host set to C or
		// en_US): a request that names no language is answered in the zone's working language instead.
		setDefaultLocaleFunction(request -> {
			String asked = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
			return asked == null || asked.isBlank() ? Locale.SIMPLIFIED_CHINESE : spoken(request.getLocale());
		});
		setCookieMaxAge(Duration.ofDays(365));
		setRejectInvalidCookies(false);
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
