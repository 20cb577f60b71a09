package io.singlewindow.enterprise;

import java.util.Locale;

/**
 * An activity of the zone's business-scope catalogue (经营范围). A regulated activity may be carried on only with the
 * permit {@link #permitCode()} names in the permit catalogue, obtained after the licence (证照分离).
 */
public record BusinessActivity(String code, String nameZh, String nameEn, boolean regulated, String permitCode) {

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}
}
