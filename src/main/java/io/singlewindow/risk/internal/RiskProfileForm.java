package io.singlewindow.risk.internal;

import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.singlewindow.core.Violations;

/**
 * The admin page's form: every field as typed, lists as comma- or space-separated text, so that a malformed number
 * becomes a field error rather than a binding failure.
 */
public class RiskProfileForm {

	private String code = "";
	private String nameZh = "";
	private String nameEn = "";
	private String originCountries = "";
	private String hsPrefixes = "";
	private String tradeModes = "";
	private String flow = "";
	private String newEnterpriseDays = "";
	private String priceDeviationPercent = "";
	private String channel = "YELLOW";
	private String selectionPercent = "";
	private String aeoFactor = "1";
	private boolean active = true;
	private String validFrom = "";
	private String validTo = "";
	private String version = "";

	static RiskProfileForm of(RiskProfile p) {
		RiskProfileForm form = new RiskProfileForm();
		RiskProfileDraft d = RiskProfileDraft.of(p);
		form.code = d.code();
		form.nameZh = d.nameZh();
		form.nameEn = d.nameEn();
		form.originCountries = String.join(", ", d.originCountries());
		form.hsPrefixes = String.join(", ", d.hsPrefixes());
		form.tradeModes = String.join(", ", d.tradeModes());
		form.flow = d.flow() == null ? "" : d.flow();
		form.newEnterpriseDays = d.newEnterpriseDays() == null ? "" : d.newEnterpriseDays().toString();
		form.priceDeviationPercent = text(d.priceDeviationPercent());
		form.channel = d.channel();
		form.selectionPercent = text(d.selectionPercent());
		form.aeoFactor = text(d.aeoFactor());
		form.active = d.active();
		form.validFrom = d.validFrom() == null ? "" : d.validFrom().toString();
		form.validTo = d.validTo() == null ? "" : d.validTo().toString();
		form.version = String.valueOf(d.version());
		return form;
	}

	/** The draft; numbers and dates that cannot be read are recorded in {@code violations} and left out. */
	RiskProfileDraft toDraft(Violations violations) {
		return new RiskProfileDraft(code, nameZh, nameEn, list(originCountries), list(hsPrefixes), list(tradeModes),
				flow, parse("newEnterpriseDays", newEnterpriseDays, Integer::valueOf, violations),
				parse("priceDeviationPercent", priceDeviationPercent, BigDecimal::new, violations), channel,
				parse("selectionPercent", selectionPercent, BigDecimal::new, violations),
				parse("aeoFactor", aeoFactor, BigDecimal::new, violations), active,
				parse("validFrom", validFrom, io.singlewindow.core.IsoDay::parse, violations),
				parse("validTo", validTo, io.singlewindow.core.IsoDay::parse, violations),
				parse("version", version, Integer::valueOf, violations));
	}

	private static <T> T parse(String field, String raw, Function<String, T> parser, Violations violations) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return parser.apply(raw.strip());
		} catch (NumberFormatException | DateTimeParseException e) {
			violations.add(field, "MALFORMED_VALUE", raw);
			return null;
		}
	}

	private static List<String> list(String raw) {
		return raw == null ? List.of()
				: Arrays.stream(raw.split("[,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	private static String text(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getNameZh() {
		return nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getOriginCountries() {
		return originCountries;
	}

	public void setOriginCountries(String originCountries) {
		this.originCountries = originCountries;
	}

	public String getHsPrefixes() {
		return hsPrefixes;
	}

	public void setHsPrefixes(String hsPrefixes) {
		this.hsPrefixes = hsPrefixes;
	}

	public String getTradeModes() {
		return tradeModes;
	}

	public void setTradeModes(String tradeModes) {
		this.tradeModes = tradeModes;
	}

	public String getFlow() {
		return flow;
	}

	public void setFlow(String flow) {
		this.flow = flow;
	}

	public String getNewEnterpriseDays() {
		return newEnterpriseDays;
	}

	public void setNewEnterpriseDays(String newEnterpriseDays) {
		this.newEnterpriseDays = newEnterpriseDays;
	}

	public String getPriceDeviationPercent() {
		return priceDeviationPercent;
	}

	public void setPriceDeviationPercent(String priceDeviationPercent) {
		this.priceDeviationPercent = priceDeviationPercent;
	}

	public String getChannel() {
		return channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getSelectionPercent() {
		return selectionPercent;
	}

	public void setSelectionPercent(String selectionPercent) {
		this.selectionPercent = selectionPercent;
	}

	public String getAeoFactor() {
		return aeoFactor;
	}

	public void setAeoFactor(String aeoFactor) {
		this.aeoFactor = aeoFactor;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getValidFrom() {
		return validFrom;
	}

	public void setValidFrom(String validFrom) {
		this.validFrom = validFrom;
	}

	public String getValidTo() {
		return validTo;
	}

	public void setValidTo(String validTo) {
		this.validTo = validTo;
	}

	public String getVersion() {
		return version;
	}

	public void setVersion(String version) {
		this.version = version;
	}
}
