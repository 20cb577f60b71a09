package io.singlewindow.identity;

import java.util.Locale;

import io.singlewindow.core.AgencyCode;

/** One of the zone's agencies. */
public record Agency(AgencyCode code, String nameZh, String nameEn) {

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}
}
