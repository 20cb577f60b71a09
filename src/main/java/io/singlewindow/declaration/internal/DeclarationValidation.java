package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.Violations;
import io.singlewindow.reference.ReferenceData;
import io.singlewindow.tariff.ExchangeRates;
import io.singlewindow.tariff.TariffLine;
import io.singlewindow.tariff.TariffSchedule;

/**
 * Checks a declaration against the shipped reference data and the tariff schedule, collecting every problem with its
 * JSON path before anything is stored.
 */
@Component
class DeclarationValidation {

	static final Set<String> INCOTERMS = Set.of("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR",
			"CIF");

	/** China customs trade modes (监管方式) the zone handles. */
	static final Set<String> TRADE_MODES = Set.of("0110", "0214", "0615", "1210", "1233", "1239", "5000", "5034",
			"9610", "9710", "9810");

	/** UN/ECE Recommendation 19 modes of transport. */
	static final Set<String> TRANSPORT_MODES = Set.of("1", "2", "3", "4", "5", "7", "8", "9");

	static final int MAX_ITEMS = 50;

	private final ReferenceData reference;
	private final TariffSchedule tariff;
	private final ExchangeRates rates;

	DeclarationValidation(ReferenceData reference, TariffSchedule tariff, ExchangeRates rates) {
		this.reference = reference;
		this.tariff = tariff;
		this.rates = rates;
	}

	/**
	 * @param declarantName the registered name, the default consignor (exports) or consignee (imports)
	 * @param month the month whose exchange rate assesses the declaration
	 * @throws io.singlewindow.core.Problem {@code INVALID_INPUT} listing every problem
	 */
	ValidDeclaration validate(DeclarationRequest r, Uscc declarant, String declarantName, YearMonth month) {
		var v = new Violations();
		List<String> warnings = new ArrayList<>();
		TradeFlow flow = null;
		if (r.flow() == null || r.flow().isBlank()) {
			v.add("flow", "REQUIRED");
		} else {
			try {
				flow = TradeFlow.valueOf(r.flow().strip().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				v.add("flow", "FLOW_UNKNOWN", r.flow());
			}
		}
		String tradeMode = code(v, r.tradeMode(), "tradeMode", TRADE_MODES, "TRADE_MODE_UNKNOWN");
		String transportMode = code(v, r.transportMode(), "transportMode", TRANSPORT_MODES, "TRANSPORT_MODE_UNKNOWN");
		String incoterm = code(v, r.incoterm(), "incoterm", INCOTERMS, "INCOTERM_UNKNOWN");
		LoCode port = null;
		if (present(v, r.port(), "port")) {
			port = v.read("port", () -> LoCode.of(r.port()));
			if (port != null) {
				switch (reference.location(port)) {
					case UNKNOWN -> v.add("port", "LOCODE_UNKNOWN", port.value());
					case NOT_COVERED -> warnings.add("LOCODE_NOT_COVERED:" + port.value());
					case KNOWN -> {
					}
				}
			}
		}
		// The zone is in China: an import's destination and an export's origin default to CN.
		CountryCode origin = country(v, orChina(r.originCountry(), flow == TradeFlow.EXPORT), "originCountry");
		CountryCode destination = country(v, orChina(r.destinationCountry(), flow == TradeFlow.IMPORT),
				"destinationCountry");
		CountryCode trading = country(v, r.tradingCountry(), "tradingCountry");
		CurrencyCode currency = null;
		if (present(v, r.currency(), "currency")) {
			currency = v.read("currency", () -> CurrencyCode.of(r.currency()));
			if (currency != null) {
				if (!reference.isCurrentCurrency(currency)) {
					v.add("currency", "CURRENCY_UNKNOWN", currency.value());
				} else if (!currency.equals(CurrencyCode.CNY) && rates.rate(currency, month).isEmpty()) {
					v.add("currency", "EXCHANGE_RATE_MISSING", currency.value(), month.toString());
				}
			}
		}
		v.check(r.freight() == null || r.freight().signum() >= 0, "freight", "AMOUNT_NEGATIVE", r.freight());
		v.check(r.insurance() == null || r.insurance().signum() >= 0, "insurance", "AMOUNT_NEGATIVE", r.insurance());
		if (r.packages() == null) {
			v.add("packages", "REQUIRED");
		} else {
			v.check(r.packages() > 0, "packages", "QUANTITY_NOT_POSITIVE", r.packages());
		}
		positive(v, r.grossWeight(), "grossWeight");
		positive(v, r.netWeight(), "netWeight");
		if (r.grossWeight() != null && r.netWeight() != null) {
			v.check(r.netWeight().compareTo(r.grossWeight()) <= 0, "netWeight", "NET_WEIGHT_ABOVE_GROSS",
					r.netWeight(), r.grossWeight());
		}
		v.check(!r.items().isEmpty(), "items", "ITEMS_REQUIRED");
		v.check(r.items().size() <= MAX_ITEMS, "items", "TOO_MANY_ITEMS", MAX_ITEMS);
		List<ValidDeclaration.Item> items = new ArrayList<>();
		// Items often repeat a commodity code: look each code up once per declaration.
		java.util.Map<HsCode, Optional<TariffLine>> tariffLines = new java.util.HashMap<>();
		for (int i = 0; i < r.items().size(); i++) {
			DeclarationRequest.Item item = r.items().get(i);
			String p = "items[" + i + "].";
			if (item == null) {
				v.add("items[" + i + "]", "REQUIRED");
				continue;
			}
			HsCode hs = null;
			TariffLine line = null;
			if (present(v, item.hsCode(), p + "hsCode")) {
				hs = v.read(p + "hsCode", () -> HsCode.of(item.hsCode()));
				if (hs != null && hs.value().length() != 10) {
					v.add(p + "hsCode", "HS_CODE_NOT_NATIONAL", hs.value());
					hs = null;
				}
				if (hs != null) {
					if (!reference.isHsSubheading(hs.subheading())) {
						v.add(p + "hsCode", "HS_CODE_UNKNOWN", hs.value());
					} else {
						line = tariffLines.computeIfAbsent(hs, tariff::line).orElse(null);
						v.check(line != null, p + "hsCode", "TARIFF_LINE_UNKNOWN", hs.value());
					}
				}
			}
			present(v, item.description(), p + "description");
			positive(v, item.quantity(), p + "quantity");
			UnitCode unit = null;
			if (present(v, item.unit(), p + "unit")) {
				unit = v.read(p + "unit", () -> UnitCode.of(item.unit()));
				if (unit != null && !reference.isUnit(unit)) {
					v.add(p + "unit", "UNIT_UNKNOWN", unit.value());
				}
			}
			v.check(item.statisticalQuantity() == null || item.statisticalQuantity().signum() > 0,
					p + "statisticalQuantity", "QUANTITY_NOT_POSITIVE", item.statisticalQuantity());
			if (item.value() == null) {
				v.add(p + "value", "REQUIRED");
			} else {
				v.check(item.value().signum() > 0, p + "value", "VALUE_NOT_POSITIVE", item.value());
			}
			CountryCode itemOrigin = country(v, item.origin(), p + "origin");
			String permit = blankToNull(item.permitNumber());
			String agreement = blankToNull(item.certificateAgreement());
			String certificate = blankToNull(item.certificateNumber());
			v.check((agreement == null) == (certificate == null), p + (agreement == null ? "certificateAgreement"
					: "certificateNumber"), "CERTIFICATE_INCOMPLETE");
			items.add(new ValidDeclaration.Item(i + 1, hs, line, strip(item.description()), item.quantity(), unit,
					item.statisticalQuantity(), item.value(), itemOrigin, permit,
					agreement == null ? null : agreement.toUpperCase(Locale.ROOT), certificate));
		}
		v.throwIfAny();
		String consignor = blankToNull(r.consignor());
		String consignee = blankToNull(r.consignee());
		if (flow == TradeFlow.IMPORT && consignee == null) {
			consignee = declarantName;
		}
		if (flow == TradeFlow.EXPORT && consignor == null) {
			consignor = declarantName;
		}
		return new ValidDeclaration(declarant, r.clientReference(), flow, tradeMode, transportMode, port, origin,
				destination, trading, currency, incoterm, r.freight(), r.insurance(), r.packages(), r.grossWeight(),
				r.netWeight(), consignor == null ? "" : consignor, consignee == null ? "" : consignee, items,
				warnings);
	}

	private CountryCode country(Violations v, String raw, String field) {
		if (!present(v, raw, field)) {
			return null;
		}
		CountryCode code = v.read(field, () -> CountryCode.of(raw));
		if (code != null && !reference.isCountry(code)) {
			v.add(field, "COUNTRY_UNKNOWN", code.value());
		}
		return code;
	}

	private static String code(Violations v, String raw, String field, Set<String> known, String unknownCode) {
		if (!present(v, raw, field)) {
			return null;
		}
		String code = raw.strip().toUpperCase(Locale.ROOT);
		v.check(known.contains(code), field, unknownCode, raw);
		return code;
	}

	private static void positive(Violations v, BigDecimal value, String field) {
		if (value == null) {
			v.add(field, "REQUIRED");
		} else {
			v.check(value.signum() > 0, field, "QUANTITY_NOT_POSITIVE", value);
		}
	}

	private static boolean present(Violations v, String raw, String field) {
		v.required(raw, field);
		return raw != null && !raw.isBlank();
	}

	private static String orChina(String raw, boolean defaultToChina) {
		return (raw == null || raw.isBlank()) && defaultToChina ? "CN" : raw;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String strip(String s) {
		return s == null ? null : s.strip();
	}
}
