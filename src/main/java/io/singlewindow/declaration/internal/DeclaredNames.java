package io.singlewindow.declaration.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.reference.ReferenceData;

/**
 * The names people read beside the codes a declaration declares — its declarant's, its countries', its currency's, its
 * trade and transport modes', its terms' and its port's — in the reader's language: an officer reviewing a
 * declaration (审单) reads "FR France" and "0110 General trade", not "FR" and "0110". The templates call it as
 * {@code @declaredNames}; the names are those of the form's pick lists ({@link DeclarationPickerPages#lists}), so a
 * declaration reads as it was typed. A code no list names shows as itself.
 */
@Component("declaredNames")
class DeclaredNames {

	private final DeclarationPickerPages pickers;
	private final ReferenceData reference;
	private final Enterprises enterprises;

	DeclaredNames(DeclarationPickerPages pickers, ReferenceData reference, Enterprises enterprises) {
		this.pickers = pickers;
		this.reference = reference;
		this.enterprises = enterprises;
	}

	/** A country's code and name: {@code FR France}, {@code FR 法国}. */
	public String country(String code, Locale locale) {
		return named("origins", code, locale);
	}

	public String currency(String code, Locale locale) {
		return named("currencies", code, locale);
	}

	public String tradeMode(String code, Locale locale) {
		return named("tradeModes", code, locale);
	}

	public String transportMode(String code, Locale locale) {
		return named("transportModes", code, locale);
	}

	public String incoterm(String code, Locale locale) {
		return named("incoterms", code, locale);
	}

	/**
	 * A unit's name for people ({@code KGM} "千克" or "kg", {@code C62} "个" or "unit"), as the form's legal-unit hints
	 * name it; the code itself where the shipped lists name none.
	 */
	public String unit(String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return reference.unitName(code, locale);
	}

	/** A port's UN/LOCODE and its name in the shipped lists ({@code CNXMN Xiamen}); the code alone where they have none. */
	public String port(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return reference.locations(code, 1).stream().filter(e -> e.getKey().equals(code)).findFirst()
			.map(e -> code + " " + e.getValue()).orElse(code);
	}

	/** The declarant's name in the reader's language, {@literal null} when no enterprise holds the USCC. */
	public String declarant(String uscc, Locale locale) {
		// A stored declarant was a USCC the declaration was submitted under: it parses.
		return enterprises.find(Uscc.parse(uscc)).map((Enterprise e) -> e.name(locale)).orElse(null);
	}

	private String named(String list, String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return "";
		}
		List<DeclarationPickerPages.Option> options = pickers.lists(locale).getOrDefault(list, List.of());
		return options.stream().filter(o -> o.code().equals(code)).findFirst()
			.map(o -> o.name().equals(code) ? code : code + " " + o.name()).orElse(code);
	}
}
