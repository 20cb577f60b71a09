package io.singlewindow.tariff.internal;

import java.time.LocalDate;
import java.util.Optional;

import io.singlewindow.core.CountryCode;

/** Which origins pay the general rate (普通税率) on a day: those listed without most-favoured-nation treatment. */
interface OriginsWithoutMfn {

	/** Every origin with MFN treatment, every day. */
	OriginsWithoutMfn NONE = (origin, day) -> Optional.empty();

	/** The listing that takes MFN treatment from goods of {@code origin} on {@code day}; empty for most origins. */
	Optional<OriginWithoutMfn> on(CountryCode origin, LocalDate day);
}
