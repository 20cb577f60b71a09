package io.singlewindow.reference.internal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.singlewindow.reference.ReferenceData;

/**
 * How pages name a unit of measure: in the reader's language ("个", "kg") instead of its Rec 20 code ({@code C62},
 * {@code KGM}), which only experts read. Templates call it as {@code ${@units.name(item.unit)}}.
 */
@Component("units")
class PageUnits {

	private final ReferenceData reference;

	PageUnits(ReferenceData reference) {
		this.reference = reference;
	}

	public String name(String code) {
		return code == null ? "" : reference.unitName(code, LocaleContextHolder.getLocale());
	}
}
