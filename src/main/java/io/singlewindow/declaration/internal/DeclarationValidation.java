package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.FreeText;
import io.singlewindow.core.Problem;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InputLimits;
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

	private static final CountryCode CHINA = new CountryCode("CN");

	static final int MAX_ITEMS = InputLimits.ITEMS_PER_DECLARATION;

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
		LoCode port = port(v, r.port(), warnings);
		// The zone is in China: an import's destination and an export's origin default to CN.
		CountryCode origin = country(v, orChina(r.originCountry(), flow == TradeFlow.EXPORT), "originCountry");
		CountryCode destination = country(v, orChina(r.destinationCountry(), flow == TradeFlow.IMPORT),
				"destinationCountry");
		CountryCode trading = country(v, r.tradingCountry(), "tradingCountry");
		// The zone is in China: goods imported arrive here, goods exported leave from here.
		if (flow == TradeFlow.IMPORT && destination != null && !destination.equals(CHINA)) {
			v.add("destinationCountry", "DESTINATION_NOT_CHINA", destination.value());
		}
		if (flow == TradeFlow.EXPORT && origin != null && !origin.equals(CHINA)) {
			v.add("originCountry", "ORIGIN_NOT_CHINA", origin.value());
		}
		CurrencyCode currency = currency(v, r.currency(), month);
		BigDecimal freight = amount(v, r.freight(), "freight");
		BigDecimal insurance = amount(v, r.insurance(), "insurance");
		packages(v, r.packages());
		BigDecimal grossWeight = positive(v, r.grossWeight(), "grossWeight");
		BigDecimal netWeight = positive(v, r.netWeight(), "netWeight");
		if (grossWeight != null && netWeight != null) {
			v.check(netWeight.compareTo(grossWeight) <= 0, "netWeight", "NET_WEIGHT_ABOVE_GROSS", netWeight,
					grossWeight);
		}
		String clientReference = v.read("clientReference", () -> FreeText.line(r.clientReference(),
				InputLimits.REFERENCE));
		String consignor = v.read("consignor", () -> FreeText.line(r.consignor(), InputLimits.NAME));
		String consignee = v.read("consignee", () -> FreeText.line(r.consignee(), InputLimits.NAME));
		v.check(!r.items().isEmpty(), "items", "ITEMS_REQUIRED");
		if (r.items().size() > MAX_ITEMS) {
			// Not one line is looked up: the caller learns the limit, the database is spared.
			v.add("items", "TOO_MANY_ITEMS", MAX_ITEMS);
			v.throwIfAny();
		}
		List<ValidDeclaration.Item> items = new ArrayList<>();
		// Items often repeat a commodity code: look each code up once per declaration.
		Map<HsCode, Optional<TariffLine>> tariffLines = new HashMap<>();
		for (int i = 0; i < r.items().size(); i++) {
			DeclarationRequest.Item item = r.items().get(i);
			if (item == null) {
				v.add("items[" + i + "]", "REQUIRED");
				continue;
			}
			items.add(item(v, item, i, flow, tariffLines));
		}
		v.throwIfAny();
		if (flow == TradeFlow.IMPORT && consignee == null) {
			consignee = declarantName;
		}
		if (flow == TradeFlow.EXPORT && consignor == null) {
			consignor = declarantName;
		}
		return new ValidDeclaration(declarant, clientReference, flow, tradeMode, transportMode, port, origin,
				destination, trading, currency, incoterm, freight, insurance, r.packages(), grossWeight, netWeight,
				consignor == null ? "" : consignor, consignee == null ? "" : consignee, items,
				warnings);
	}

	/** The port of entry or exit: a UN/LOCODE of the shipped list; one the list knows but does not cover, a warning. */
	private LoCode port(Violations v, String raw, List<String> warnings) {
		if (!present(v, raw, "port")) {
			return null;
		}
		LoCode port = v.read("port", () -> LoCode.of(raw));
		if (port != null) {
			switch (reference.location(port)) {
				case UNKNOWN -> v.add("port", "LOCODE_UNKNOWN", port.value());
				case NOT_COVERED -> warnings.add("LOCODE_NOT_COVERED:" + port.value());
				case KNOWN -> {
				}
			}
		}
		return port;
	}

	/** A current ISO 4217 currency with a customs exchange rate for the month (CNY needs none). */
	private CurrencyCode currency(Violations v, String raw, YearMonth month) {
		if (!present(v, raw, "currency")) {
			return null;
		}
		CurrencyCode currency = v.read("currency", () -> CurrencyCode.of(raw));
		if (currency != null) {
			if (!reference.isCurrentCurrency(currency)) {
				v.add("currency", "CURRENCY_UNKNOWN", currency.value());
			} else if (!currency.equals(CurrencyCode.CNY) && rates.rate(currency, month).isEmpty()) {
				v.add("currency", "EXCHANGE_RATE_MISSING", currency.value(), month.toString());
			}
		}
		return currency;
	}

	private static void packages(Violations v, Integer packages) {
		if (packages == null) {
			v.add("packages", "REQUIRED");
		} else {
			v.check(packages > 0, "packages", "QUANTITY_NOT_POSITIVE", packages);
			v.check(packages <= InputLimits.PACKAGES, "packages", "TOO_LARGE", InputLimits.PACKAGES);
		}
	}

	/**
	 * One goods line, its problems at {@code items[i].…}; {@code tariffLines} holds the lines looked up so far, as
	 * items often repeat a commodity code.
	 */
	private ValidDeclaration.Item item(Violations v, DeclarationRequest.Item item, int i, TradeFlow flow,
			Map<HsCode, Optional<TariffLine>> tariffLines) {
		String p = "items[" + i + "].";
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
		String description = present(v, item.description(), p + "description")
				? v.read(p + "description", () -> FreeText.paragraph(item.description(), InputLimits.DESCRIPTION))
				: null;
		BigDecimal quantity = positive(v, item.quantity(), p + "quantity");
		UnitCode unit = present(v, item.unit(), p + "unit") ? unit(v, item.unit(), p + "unit") : null;
		BigDecimal statisticalQuantity = item.statisticalQuantity() == null ? null
				: positive(v, item.statisticalQuantity(), p + "statisticalQuantity");
		boolean statisticalUnitGiven = item.statisticalUnit() != null && !item.statisticalUnit().isBlank();
		UnitCode statisticalUnit = statisticalUnitGiven ? unit(v, item.statisticalUnit(), p + "statisticalUnit")
				: null;
		if ((item.statisticalQuantity() == null || statisticalQuantity != null)
				&& (!statisticalUnitGiven || statisticalUnit != null)) {
			LegalQuantity.Outcome legal = LegalQuantity.check(line, quantity, unit, statisticalQuantity,
					statisticalUnit);
			legal.refusal().ifPresent(refused -> v.add(p + refused.field(), refused.code(), refused.arguments()));
			statisticalQuantity = legal.statisticalQuantity();
		}
		BigDecimal value = null;
		if (item.value() == null) {
			v.add(p + "value", "REQUIRED");
		} else {
			value = v.read(p + "value", () -> InputLimits.DECLARED_MONEY.fit(item.value()));
			v.check(value == null || value.signum() > 0, p + "value", "VALUE_NOT_POSITIVE", item.value());
		}
		CountryCode itemOrigin = flow == TradeFlow.IMPORT ? originOrUnknown(v, item.origin(), p + "origin")
				: country(v, item.origin(), p + "origin");
		String permit = v.read(p + "permitNumber", () -> FreeText.line(item.permitNumber(), InputLimits.REFERENCE));
		String agreement = v.read(p + "certificateAgreement",
				() -> FreeText.line(item.certificateAgreement(), InputLimits.REFERENCE));
		String certificate = v.read(p + "certificateNumber",
				() -> FreeText.line(item.certificateNumber(), InputLimits.REFERENCE));
		v.check((agreement == null) == (certificate == null), p + (agreement == null ? "certificateAgreement"
				: "certificateNumber"), "CERTIFICATE_INCOMPLETE");
		String quotaCertificate = tariffQuotaCertificate(v, item, flow, line, p);
		// as the notices name producers: one line of text, runs of spaces as one
		String producer = v.read(p + "producer", () -> FreeText.line(item.producer(), InputLimits.ADDRESS));
		return new ValidDeclaration.Item(i + 1, hs, line, description, quantity, unit, statisticalQuantity,
				value, itemOrigin, permit,
				agreement == null ? null : agreement.toUpperCase(Locale.ROOT), certificate, quotaCertificate,
				producer == null ? null : producer.strip().replaceAll("\\s+", " "));
	}

	/**
	 * Refuses a draft with unreadable values, listing them together with every other problem of the declaration; a
	 * field whose value was unreadable is not also reported as missing.
	 *
	 * @throws io.singlewindow.core.Problem {@code INVALID_INPUT} when the draft has an unreadable value
	 */
	void refuseUnreadable(DeclarationDraft draft, Uscc declarant, String declarantName, YearMonth month) {
		if (draft.unreadable().isEmpty()) {
			return;
		}
		List<FieldProblem> problems = new ArrayList<>(draft.unreadable());
		Set<String> unreadable = draft.unreadable().stream().map(FieldProblem::field)
			.collect(java.util.stream.Collectors.toSet());
		try {
			validate(draft.request(), declarant, declarantName, month);
		} catch (Problem others) {
			others.fieldProblems().stream().filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
		}
		throw Problem.invalidInput(problems);
	}

	/**
	 * A line's tariff-quota certificate (关税配额证), if it names one: only an import of a line under a tariff-rate quota
	 * pays an in-quota rate. Whether the certificate is the declarant's, in force and holds the quantity is decided at
	 * submission, by the permit ledger.
	 */
	private static String tariffQuotaCertificate(Violations v, DeclarationRequest.Item item, TradeFlow flow,
			TariffLine line, String p) {
		String field = p + "tariffQuotaCertificate";
		String certificate = v.read(field, () -> FreeText.line(item.tariffQuotaCertificate(), InputLimits.REFERENCE));
		if (certificate == null) {
			return null;
		}
		if (flow == TradeFlow.EXPORT) {
			v.add(field, "TARIFF_QUOTA_IMPORT_ONLY");
		} else if (line != null && !line.underTariffQuota()) {
			v.add(field, "TARIFF_QUOTA_NOT_APPLICABLE", line.code().value());
		}
		return certificate;
	}

	/**
	 * An imported line's origin: a country, or {@link CountryCode#UNKNOWN} when the origin of its goods cannot be
	 * established (原产地不明, declared as such: they pay the general rate). An export's goods and a declaration's
	 * countries are always a country.
	 */
	private CountryCode originOrUnknown(Violations v, String raw, String field) {
		if (raw != null && CountryCode.UNKNOWN.value().equals(raw.strip().toUpperCase(Locale.ROOT))) {
			return CountryCode.UNKNOWN;
		}
		return country(v, raw, field);
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

	/** A quantity or weight, as its column keeps it; positive after rounding (1e-7 kg is no weight). */
	private static BigDecimal positive(Violations v, BigDecimal value, String field) {
		if (value == null) {
			v.add(field, "REQUIRED");
			return null;
		}
		BigDecimal stored = v.read(field, () -> InputLimits.QUANTITY.fit(value));
		v.check(stored == null || stored.signum() > 0, field, "QUANTITY_NOT_POSITIVE", value);
		return stored;
	}

	/** An optional amount of money (freight, insurance), as its column keeps it; zero is allowed. */
	private static BigDecimal amount(Violations v, BigDecimal value, String field) {
		if (value == null) {
			return null;
		}
		BigDecimal stored = v.read(field, () -> InputLimits.DECLARED_MONEY.fit(value));
		v.check(stored == null || stored.signum() >= 0, field, "AMOUNT_NEGATIVE", value);
		return stored;
	}

	/** A unit as written, or {@literal null} when refused (its format, or {@code UNIT_UNKNOWN}). */
	private UnitCode unit(Violations v, String written, String field) {
		UnitCode unit = v.read(field, () -> UnitCode.of(written));
		if (unit != null && !reference.isUnit(unit)) {
			v.add(field, "UNIT_UNKNOWN", unit.value());
			return null;
		}
		return unit;
	}

	private static boolean present(Violations v, String raw, String field) {
		v.required(raw, field);
		return raw != null && !raw.isBlank();
	}

	private static String orChina(String raw, boolean defaultToChina) {
		return (raw == null || raw.isBlank()) && defaultToChina ? "CN" : raw;
	}

}
