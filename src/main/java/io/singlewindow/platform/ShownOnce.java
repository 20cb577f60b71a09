package io.singlewindow.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation whose answer carries a secret shown only this once (an API key, a webhook's signing secret): its
 * answer is never kept to be given again under an {@code Idempotency-Key}, which would store the secret the platform
 * keeps only a hash or a sealed copy of. Sent again under its key, such a request makes nothing more (a second secret
 * would be a live credential nobody ever saw): it is 409 {@code SECRET_SHOWN_ONCE} with the {@code Location} of what
 * the first made. Without a key each request makes another.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ShownOnce {

	/**
	 * The request attribute a page sets once its form made what the page shows a secret of (an API key, a webhook):
	 * the address of the page that lists what it made. The same form pressed again (a double click, Back and Submit)
	 * makes nothing more and is led there; the page says why ({@code SentForms}).
	 */
	String MADE = "io.singlewindow.platform.ShownOnce.made";
}
