package io.singlewindow.enterprise.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.singlewindow.enterprise.BusinessActivity;
import io.singlewindow.enterprise.Enterprise;

/**
 * The web form behind the application, the amendment and the officer's record of an existing enterprise: every
 * field as typed, so that a rejected form comes back exactly as the person left it.
 */
public record RegistrationForm(String nameZh, String nameEn, String entityType, String legalRepresentative,
		String registeredCapital, String capitalCurrency, String zoneArea, String address, List<String> businessScope,
		String industrialChain, Boolean highTech, Boolean crossBorderTrader, String username, String password,
		String uscc, String establishedOn, Integer version) {

	static final BigDecimal MALFORMED = new BigDecimal("-999999999.999");

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "LIMITED_LIABILITY_COMPANY", "", "", "CNY", "", "", List.of(), "", false,
				false, "", "", "", "", null);
	}

	static RegistrationForm of(Licence licence) {
		Enterprise e = licence.enterprise();
		return new RegistrationForm(e.nameZh(), e.nameEn(), e.entityType(), e.legalRepresentative(),
				e.registeredCapital().toPlainString(), e.capitalCurrency().value(), licence.zoneArea(), e.address(),
				licence.businessScope().stream().map(BusinessActivity::code).toList(), e.industrialChain().name(),
				e.highTech(), e.crossBorderTrader(), "", "", e.uscc().value(), "", licence.version());
	}

	/** The same form without the password, which is never sent back to the browser. */
	RegistrationForm withoutPassword() {
		return new RegistrationForm(nameZh, nameEn, entityType, legalRepresentative, registeredCapital, capitalCurrency,
				zoneArea, address, businessScope, industrialChain, highTech, crossBorderTrader, username, "", uscc,
				establishedOn, version);
	}

	public List<String> scope() {
		return businessScope == null ? List.of() : businessScope;
	}

	/** The capital as a number; {@literal null} when blank, {@link #MALFORMED} when it is not a number. */
	BigDecimal capital() {
		if (registeredCapital == null || registeredCapital.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(registeredCapital.strip().replace(",", "").replace("，", ""));
		} catch (NumberFormatException e) {
			return MALFORMED;
		}
	}

	/** The establishment date; {@literal null} when blank or not a date (the latter is reported by the page). */
	LocalDate established() {
		try {
			return establishedOn == null || establishedOn.isBlank() ? null : io.singlewindow.core.IsoDay.parse(establishedOn.strip());
		} catch (DateTimeParseException e) {
			return null;
		}
	}

	Application application() {
		return new Application(nameZh, nameEn, entityType, legalRepresentative, capital(), capitalCurrency, zoneArea,
				address, scope(), industrialChain, Boolean.TRUE.equals(highTech), Boolean.TRUE.equals(crossBorderTrader),
				username, password);
	}

	Amendment amendment() {
		return new Amendment(nameZh, nameEn == null ? "" : nameEn, legalRepresentative, capital(), capitalCurrency,
				zoneArea, address, scope(), industrialChain, Boolean.TRUE.equals(highTech),
				Boolean.TRUE.equals(crossBorderTrader), version);
	}
}
