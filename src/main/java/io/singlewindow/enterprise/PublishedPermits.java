package io.singlewindow.enterprise;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.singlewindow.core.Uscc;

/**
 * The permits an enterprise holds, as their issuing agencies publish them (行政许可 双公示): shown under its licence on
 * the public verification page, so that whoever checks a licence sees the permits its activities rest on beside it
 * (证照分离: the licence and the permits, separated but seen together). Implemented by the permit module; the
 * enterprise module does not know permits.
 */
public interface PublishedPermits {

	/** How many of an enterprise's permits the page lists at most, the most recently issued first. */
	int SHOWN = 50;

	/** Up to {@link #SHOWN} of the holder's permits, the most recently issued first, and whether it holds more. */
	Published of(Uscc holder, Locale locale);

	/** The permits listed, and whether more were issued to the holder than listed. */
	record Published(List<PublishedPermit> permits, boolean more) {

		public Published {
			permits = List.copyOf(permits);
		}

		/** How many are listed at most: the page says so when the holder holds more. */
		public int shown() {
			return SHOWN;
		}
	}

	/**
	 * One permit as its agency publishes it: never its quota, what remains of it or its write-offs.
	 *
	 * @param name what it permits, in the reader's language
	 * @param issuingAgency the agency's code ({@code COMMERCE}), named by the page
	 * @param status {@code IN_FORCE}, {@code SUSPENDED}, {@code REVOKED} or {@code EXPIRED}, today
	 */
	record PublishedPermit(String number, String name, String issuingAgency, LocalDate validFrom, LocalDate validUntil,
			String status) {
	}
}
