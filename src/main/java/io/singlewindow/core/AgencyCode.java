package io.singlewindow.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifies one of the zone's agencies, e.g. {@code CUSTOMS}, {@code CIQ} (inspection and quarantine),
 * {@code COMMERCE} (commerce and licensing), {@code SAMR} (market regulation), {@code MSA} (maritime), {@code TAX}.
 * The list of agencies is data (see the identity module); this type only fixes the format.
 */
public record AgencyCode(String value) {

	/** Compiled once: value objects are created for every line of every declaration. */
	private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

	public static final AgencyCode CUSTOMS = new AgencyCode("CUSTOMS");
	public static final AgencyCode CIQ = new AgencyCode("CIQ");
	public static final AgencyCode COMMERCE = new AgencyCode("COMMERCE");
	public static final AgencyCode SAMR = new AgencyCode("SAMR");
	public static final AgencyCode MSA = new AgencyCode("MSA");
	public static final AgencyCode TAX = new AgencyCode("TAX");

	public AgencyCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidValue("AGENCY_CODE_FORMAT", value);
		}
	}

	@JsonCreator
	public static AgencyCode of(String raw) {
		return new AgencyCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
