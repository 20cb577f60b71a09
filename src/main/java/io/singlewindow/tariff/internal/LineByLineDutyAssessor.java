package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.InputLimits;
import io.singlewindow.core.Violations;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.DutyAssessor;
import io.singlewindow.tariff.ExchangeRates;
import io.singlewindow.tariff.TariffLine;
import io.singlewindow.tariff.TariffSchedule;

/**
 * Assesses item by item and writes down every step as a person checks it. Every amount shown is rounded to the fen
 * (HALF_UP) before the next step uses it, so the steps add up exactly as printed.
 *
 * <p>Customs value: imports CIF, exports FOB. Freight and insurance of the consignment are allocated to the items in
 * proportion to their values (largest remainder, so the parts add up to the whole). Imports on terms without freight
 * (EXW, FCA, FAS, FOB) need the freight; when the insurance is not given on terms without insurance, it is 3‰ of
 * goods value plus freight (GACC valuation rules, art. 41). Exports on terms that include freight or insurance (CFR,
 * CPT, CIF, CIP, D-terms) have the given amounts deducted; when they are not given nothing is deducted.
 *
 * <p>Rates: on import MFN, or the general rate (普通税率) for goods of an origin without MFN treatment, or within a
 * tariff-rate quota the in-quota rate (配额内税率), or the provisional rate in force (暂定税率, never at the general rate)
 * when lower than the one it would replace, or a preference its certificate earns when lower than any of them; on
 * export the export rate or the provisional export rate in force. A line may levy its MFN duty or its excise per unit of its legal unit (从量, or with an ad valorem rate 复合), on the item's quantity in that unit. An
 * import of goods a trade-remedy notice names pays its rate besides the duty ({@link TradeRemedyChoice}).
 *
 * <p>Taxes are assessed one after the other for the whole consignment — duty, excise, VAT — since a tax the
 * consignment owes 50 CNY or less of is not collected ({@link SmallTaxWaiver}) and the ones after it are on what is
 * collected.
 */
@Component
class LineByLineDutyAssessor implements DutyAssessor {

	/** Incoterms 2020 rules whose price includes the main carriage to the destination. */
	static final Set<String> WITH_FREIGHT = Set.of("CFR", "CPT", "CIF", "CIP", "DAP", "DPU", "DDP");
	/** Rules whose price includes insurance of the main carriage. */
	static final Set<String> WITH_INSURANCE = Set.of("CIF", "CIP", "DAP", "DPU", "DDP");
	static final Set<String> INCOTERMS = Set.of("EXW", "FCA", "FAS", "FOB", "CFR", "CPT", "CIF", "CIP", "DAP", "DPU",
			"DDP");
	static final BigDecimal DEEMED_INSURANCE_RATE = new BigDecimal("0.003");

	private final TariffSchedule schedule;
	private final ExchangeRates exchangeRates;
	private final TradeAgreements agreements;
	private final ExportDutyRates exportDutyRates;
	private final TradeRemedies remedies;
	private final OriginsWithoutMfn originsWithoutMfn;

	@org.springframework.beans.factory.annotation.Autowired
	LineByLineDutyAssessor(TariffSchedule schedule, ExchangeRates exchangeRates, TradeAgreements agreements,
			ExportDutyRates exportDutyRates, TradeRemedies remedies, OriginsWithoutMfn originsWithoutMfn) {
		this.schedule = schedule;
		this.exchangeRates = exchangeRates;
		this.agreements = agreements;
		this.exportDutyRates = exportDutyRates;
		this.remedies = remedies;
		this.originsWithoutMfn = originsWithoutMfn;
	}

	/** An assessor of a schedule whose every origin has MFN treatment. */
	LineByLineDutyAssessor(TariffSchedule schedule, ExchangeRates exchangeRates, TradeAgreements agreements,
			ExportDutyRates exportDutyRates, TradeRemedies remedies) {
		this(schedule, exchangeRates, agreements, exportDutyRates, remedies, OriginsWithoutMfn.NONE);
	}

	/** An assessor of a schedule without trade remedies. */
	LineByLineDutyAssessor(TariffSchedule schedule, ExchangeRates exchangeRates, TradeAgreements agreements,
			ExportDutyRates exportDutyRates) {
		this(schedule, exchangeRates, agreements, exportDutyRates, TradeRemedies.NONE);
	}

	@Override
	public Assessment assess(AssessmentRequest request) {
		Violations v = new Violations();
		String incoterm = consignment(request, true, v);
		List<AssessmentRequest.Item> items = request.items() == null ? List.of() : request.items();
		if (items.size() > InputLimits.ITEMS_PER_DECLARATION) {
			v.add("items", "TOO_MANY_ITEMS", InputLimits.ITEMS_PER_DECLARATION);
			v.throwIfAny();
		}
		if (request.flow() == TradeFlow.IMPORT && incoterm != null && INCOTERMS.contains(incoterm)
				&& !WITH_FREIGHT.contains(incoterm) && request.freight() == null) {
			v.add("freight", "FREIGHT_REQUIRED", incoterm);
		}
		BigDecimal rate = null;
		if (request.currency() != null && request.date() != null) {
			YearMonth month = YearMonth.from(request.date());
			rate = exchangeRates.rate(request.currency(), month).orElse(null);
			v.check(rate != null, "currency", "EXCHANGE_RATE_MISSING", request.currency(), month);
		}
		List<TariffLine> lines = new ArrayList<>();
		// for each item, why it pays the general rate instead of MFN (null: it does not, or an export)
		List<GeneralRateGround> grounds = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			AssessmentRequest.Item item = items.get(i);
			String field = "items[" + i + "]";
			if (item == null || item.hsCode() == null) {
				v.add(field + ".hsCode", "REQUIRED");
				lines.add(null);
				grounds.add(null);
				continue;
			}
			Optional<TariffLine> line = schedule.line(item.hsCode());
			v.check(line.isPresent(), field + ".hsCode", "TARIFF_LINE_UNKNOWN", item.hsCode());
			lines.add(line.orElse(null));
			GeneralRateGround ground = request.flow() == TradeFlow.IMPORT ? GeneralRateGround.of(item.origin(),
					originsWithoutMfn.on(item.origin(), request.date()).orElse(null)) : null;
			grounds.add(ground);
			// within a tariff quota the in-quota rate is paid whatever the origin
			boolean general = ground != null && line.isPresent()
					&& !(item.inQuota() && line.get().underTariffQuota());
			// the schedule must state the rate such goods pay: no other rate stands in for it
			v.check(!general || line.get().hasGeneralRate(), field + ".origin", "GENERAL_RATE_MISSING",
					item.hsCode(), general ? ground.origin().value() : null);
			if (item.value() == null) {
				v.add(field + ".value", "REQUIRED");
			} else {
				checkAmount(item.value(), field + ".value", v);
			}
			if (item.preferenceAgreement() != null && !item.preferenceAgreement().isBlank()
					&& !agreements.exists(item.preferenceAgreement())) {
				v.add(field + ".preferenceAgreement", "AGREEMENT_UNKNOWN", item.preferenceAgreement());
			}
			checkQuantity(item, line.orElse(null), request.flow(), general, field, v);
		}
		v.throwIfAny();
		return compute(request, incoterm, rate, items, (i, value, steps) -> tariffRates(request, items.get(i),
				lines.get(i), grounds.get(i), value, steps));
	}

	/**
	 * A line levied per unit on import needs its quantity in the legal unit (法定第一数量): without it the duty cannot be
	 * assessed, and an absurd one must not reach the arithmetic.
	 */
	private static void checkQuantity(AssessmentRequest.Item item, TariffLine line, TradeFlow flow, boolean general,
			String field, Violations v) {
		if (item.quantity() != null) {
			BigDecimal quantity = v.read(field + ".quantity", () -> InputLimits.QUANTITY.fit(item.quantity()));
			v.check(quantity == null || quantity.signum() >= 0, field + ".quantity", "QUANTITY_NEGATIVE",
					item.quantity());
		} else if (line != null && flow == TradeFlow.IMPORT
				&& (line.leviesPerUnit() || general && line.generalPerUnit() != null)) {
			v.add(field + ".quantity", "QUANTITY_REQUIRED", line.code(), line.legalUnit().value());
		}
	}

	@Override
	public Assessment reassess(AssessmentRequest request, BigDecimal exchangeRate, List<Assessment.Rates> rates) {
		Violations v = new Violations();
		String incoterm = consignment(request, false, v);
		List<AssessmentRequest.Item> items = request.items() == null ? List.of() : request.items();
		java.util.Map<Integer, Assessment.Rates> byLine = new java.util.HashMap<>();
		rates.forEach(r -> byLine.put(r.lineNo(), r));
		for (int i = 0; i < items.size(); i++) {
			AssessmentRequest.Item item = items.get(i);
			if (item == null || item.value() == null) {
				v.add("items[" + i + "].value", "REQUIRED");
			} else {
				checkAmount(item.value(), "items[" + i + "].value", v);
			}
		}
		v.throwIfAny();
		if (exchangeRate == null || exchangeRate.signum() <= 0) {
			throw new IllegalArgumentException("A reassessment needs the exchange rate first applied: " + exchangeRate);
		}
		for (AssessmentRequest.Item item : items) {
			if (!byLine.containsKey(item.lineNo())) {
				throw new IllegalArgumentException("No rates first applied to line " + item.lineNo());
			}
		}
		boolean imports = request.flow() == TradeFlow.IMPORT;
		return compute(request, incoterm, exchangeRate, items, (i, value, steps) -> {
			Assessment.Rates first = byLine.get(items.get(i).lineNo());
			Assessment.PerUnit perUnit = imports ? first.perUnit() : null;
			steps.add("rates as first assessed: " + first.rateBasis() + " duty " + percent(first.dutyRate())
					+ (perUnit != null && perUnit.duty() != null ? " + " + perUnit(perUnit.duty(), perUnit.unit()) : "")
					+ (imports && first.remedyRate() != null ? ", trade remedy " + percent(first.remedyRate()) : "")
					+ (imports && first.exciseRate() != null ? ", excise " + percent(first.exciseRate()) : "")
					+ (perUnit != null && perUnit.excise() != null ? (first.exciseRate() != null ? " + " : ", excise ")
							+ perUnit(perUnit.excise(), perUnit.unit()) : "")
					+ (imports ? ", VAT " + percent(first.vatRate()) : "")
					+ (perUnit != null ? ", on " + plain(perUnit.quantity()) + " " + perUnit.unit() : ""));
			return new LineRates(first.rateBasis(), first.dutyRate(), imports ? first.exciseRate() : null,
					imports ? first.vatRate() : BigDecimal.ZERO, perUnit, imports ? first.remedyRate() : null);
		});
	}

	/**
	 * The checks of the consignment an assessment and a reassessment share — flow, currency, (for an assessment) the
	 * date, incoterm, freight, insurance, some items — noted in {@code v}; answers the incoterm as read.
	 */
	private static String consignment(AssessmentRequest request, boolean dated, Violations v) {
		v.required(request.flow(), "flow");
		v.required(request.currency(), "currency");
		if (dated) {
			v.required(request.date(), "date");
		}
		String incoterm = request.incoterm() == null ? null : request.incoterm().strip().toUpperCase(Locale.ROOT);
		v.check(incoterm != null && INCOTERMS.contains(incoterm), "incoterm", "INCOTERM_UNKNOWN", request.incoterm());
		checkAmount(request.freight(), "freight", v);
		checkAmount(request.insurance(), "insurance", v);
		v.check(request.items() != null && !request.items().isEmpty(), "items", "ITEMS_REQUIRED");
		return incoterm;
	}

	/**
	 * The rates a line is assessed at: the rate basis ({@code MFN}, {@code GENERAL}, {@code IN_QUOTA},
	 * {@code PROVISIONAL}, {@code PREF:…}, {@code EXPORT}, {@code EXPORT_PROVISIONAL}), its ad valorem rates, and what it is levied per unit of quantity ({@literal null}:
	 * nothing), and the trade-remedy rates it pays added up ({@literal null}: none).
	 */
	private record LineRates(String basis, BigDecimal duty, BigDecimal excise, BigDecimal vat, Assessment.PerUnit perUnit,
			BigDecimal remedy) {

		/** The specific duty in CNY for the line's quantity, rounded to the fen; zero when none. */
		BigDecimal specificDuty() {
			return perUnit == null || perUnit.duty() == null ? BigDecimal.ZERO.setScale(2)
					: fen(perUnit.quantity().multiply(perUnit.duty()));
		}

		/** The specific excise in CNY for the line's quantity, rounded to the fen; zero when none. */
		BigDecimal specificExcise() {
			return perUnit == null || perUnit.excise() == null ? BigDecimal.ZERO.setScale(2)
					: fen(perUnit.quantity().multiply(perUnit.excise()));
		}
	}

	/** Chooses a line's rates, given its customs value in CNY, writing down why (a preference given or not). */
	@FunctionalInterface
	private interface RateChoice {

		LineRates of(int index, BigDecimal customsValue, List<String> steps);
	}

	/** Not negative and within the money columns, so that no computation runs on 1e999999999. */
	/** An amount {@link #checkAmount checked} before, as {@code NUMERIC(15, 2)} keeps it. */
	private static BigDecimal kept(BigDecimal amount) {
		return amount == null ? null : InputLimits.DECLARED_MONEY.fit(amount);
	}

	private static void checkAmount(BigDecimal amount, String field, Violations v) {
		if (amount != null && v.read(field, () -> InputLimits.DECLARED_MONEY.fit(amount)) != null) {
			v.check(amount.signum() >= 0, field, "AMOUNT_NEGATIVE", amount);
		}
	}

	private Assessment compute(AssessmentRequest request, String incoterm, BigDecimal rate,
			List<AssessmentRequest.Item> items, RateChoice rates) {
		boolean imports = request.flow() == TradeFlow.IMPORT;
		String currency = request.currency().value();
		// Every amount as it was checked and as a declaration stores it: typed as 1e-999999999 it passed the checks as
		// zero, and rounding the typed number to fen needs 10^999999997 (a 500 the fuzz suite found).
		List<BigDecimal> values = items.stream().map(i -> kept(i.value())).toList();
		// which consignment costs move the declared values to the customs basis (CIF in, FOB out), and with what sign
		BigDecimal freight = null;
		BigDecimal insurance = null;
		boolean deemedInsurance = false;
		if (imports) {
			if (!WITH_FREIGHT.contains(incoterm)) {
				freight = kept(request.freight());
			}
			if (!WITH_INSURANCE.contains(incoterm)) {
				if (request.insurance() != null) {
					insurance = kept(request.insurance());
				} else {
					BigDecimal goods = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
					insurance = fen(goods.add(freight == null ? BigDecimal.ZERO : freight).multiply(DEEMED_INSURANCE_RATE));
					deemedInsurance = true;
				}
			}
		} else {
			if (WITH_FREIGHT.contains(incoterm) && request.freight() != null) {
				freight = kept(request.freight());
			}
			if (WITH_INSURANCE.contains(incoterm) && request.insurance() != null) {
				insurance = kept(request.insurance());
			}
		}
		List<BigDecimal> freightShares = freight == null ? null : allocate(freight, values);
		List<BigDecimal> insuranceShares = insurance == null ? null : allocate(insurance, values);

		List<Valued> valued = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			List<String> steps = new ArrayList<>();
			BigDecimal basis = fen(values.get(i));
			String basisName = imports ? "CIF" : "FOB";
			steps.add("declared value (" + incoterm + ") = " + money(basis) + " " + currency);
			if (freightShares != null || insuranceShares != null) {
				StringBuilder s = new StringBuilder(basisName + " value = " + money(basis));
				if (freightShares != null) {
					BigDecimal f = freightShares.get(i);
					s.append(imports ? " + " : " − ").append("freight ").append(money(f));
					basis = imports ? basis.add(f) : basis.subtract(f);
				}
				if (insuranceShares != null) {
					BigDecimal in = insuranceShares.get(i);
					s.append(imports ? " + " : " − ").append("insurance ").append(money(in));
					if (deemedInsurance) {
						s.append(" (3‰ of goods value + freight, not declared)");
					}
					basis = imports ? basis.add(in) : basis.subtract(in);
				}
				s.append(" = ").append(money(basis)).append(" ").append(currency);
				steps.add(s.toString());
			}
			BigDecimal value = fen(basis.multiply(rate));
			steps.add("customs value = " + money(basis) + " " + currency + " × " + plain(rate) + " = " + money(value)
					+ " CNY");
			valued.add(new Valued(items.get(i).lineNo(), value, rates.of(i, value, steps), steps));
		}
		return taxed(rate, valued, imports);
	}

	/** One line valued in CNY with the rates chosen for it, and the steps so far. */
	private record Valued(int lineNo, BigDecimal value, LineRates rates, List<String> steps) {
	}

	/**
	 * Taxes the valued lines one tax after the other, each first for the whole consignment, since the small-amount
	 * rule ({@link SmallTaxWaiver}) is the consignment's and each tax is assessed on what is collected of those before
	 * it: duty; trade-remedy duties on the value (never waived: the rule names duty, excise and VAT); excise on value,
	 * duty and trade-remedy duties; import VAT on value, duty, trade-remedy duties and excise.
	 */
	private static Assessment taxed(BigDecimal rate, List<Valued> lines, boolean imports) {
		int n = lines.size();
		BigDecimal[] duty = new BigDecimal[n], remedy = new BigDecimal[n], excise = new BigDecimal[n],
				vat = new BigDecimal[n];
		String dutyName = imports ? "duty" : "export duty";
		for (int i = 0; i < n; i++) {
			duty[i] = duty(lines.get(i), dutyName);
		}
		BigDecimal dutyWaived = waive(dutyName, duty, lines);
		for (int i = 0; i < n; i++) {
			remedy[i] = imports ? remedy(lines.get(i)) : BigDecimal.ZERO.setScale(2);
		}
		for (int i = 0; i < n; i++) {
			excise[i] = imports ? excise(lines.get(i), duty[i], remedy[i]) : BigDecimal.ZERO.setScale(2);
		}
		BigDecimal exciseWaived = waive("excise", excise, lines);
		for (int i = 0; i < n; i++) {
			Valued l = lines.get(i);
			vat[i] = BigDecimal.ZERO.setScale(2);
			if (imports) {
				vat[i] = fen(l.value().add(duty[i]).add(remedy[i]).add(excise[i]).multiply(l.rates().vat()));
				l.steps().add("VAT = (" + withDuties(l.value(), duty[i], remedy[i]) + " + " + money(excise[i]) + ") × "
						+ percent(l.rates().vat()) + " = " + money(vat[i]));
			} else {
				l.steps().add("no import VAT or excise on exports");
			}
		}
		BigDecimal vatWaived = waive("VAT", vat, lines);

		List<Assessment.Line> result = new ArrayList<>();
		BigDecimal totalValue = BigDecimal.ZERO, totalDuty = BigDecimal.ZERO, totalExcise = BigDecimal.ZERO,
				totalVat = BigDecimal.ZERO, totalRemedy = BigDecimal.ZERO.setScale(2);
		for (int i = 0; i < n; i++) {
			Valued l = lines.get(i);
			l.steps().add("taxes = " + money(duty[i]) + (remedy[i].signum() == 0 ? "" : " + " + money(remedy[i]))
					+ " + " + money(excise[i]) + " + " + money(vat[i]) + " = "
					+ money(duty[i].add(remedy[i]).add(excise[i]).add(vat[i])));
			result.add(new Assessment.Line(l.lineNo(), l.value(), l.rates().basis(), l.rates().duty(), duty[i],
					imports ? l.rates().excise() : null, excise[i], imports ? l.rates().vat() : BigDecimal.ZERO, vat[i],
					List.copyOf(l.steps()), imports ? l.rates().perUnit() : null, imports ? l.rates().remedy() : null,
					remedy[i]));
			totalValue = totalValue.add(l.value());
			totalDuty = totalDuty.add(duty[i]);
			totalRemedy = totalRemedy.add(remedy[i]);
			totalExcise = totalExcise.add(excise[i]);
			totalVat = totalVat.add(vat[i]);
		}
		return new Assessment(rate, List.copyOf(result), totalValue, totalDuty, totalExcise, totalVat,
				totalDuty.add(totalRemedy).add(totalExcise).add(totalVat),
				new Assessment.Waived(dutyWaived, exciseWaived, vatWaived), totalRemedy);
	}

	/**
	 * One imported line's trade-remedy duties (反倾销税, 反补贴税, 保障措施关税) on its customs value, at their rates added
	 * up, rounded once, with its step; zero when it pays none.
	 */
	private static BigDecimal remedy(Valued l) {
		BigDecimal remedyRate = l.rates().remedy();
		if (remedyRate == null) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal remedy = fen(l.value().multiply(remedyRate));
		l.steps().add("trade remedy duty = " + money(l.value()) + " × " + percent(remedyRate) + " = " + money(remedy));
		return remedy;
	}

	/** {@code 10,000.00 + 1,000.00}, with {@code + 3,490.00} when the line pays a trade-remedy duty. */
	private static String withDuties(BigDecimal value, BigDecimal duty, BigDecimal remedy) {
		return money(value) + " + " + money(duty) + (remedy.signum() == 0 ? "" : " + " + money(remedy));
	}

	/** One line's duty, ad valorem, per unit (从量税) or both (复合税), with its step. */
	private static BigDecimal duty(Valued l, String dutyName) {
		BigDecimal adValorem = fen(l.value().multiply(l.rates().duty()));
		Assessment.PerUnit perUnit = l.rates().perUnit();
		if (perUnit == null || perUnit.duty() == null) {
			l.steps().add(dutyName + " = " + money(l.value()) + " × " + percent(l.rates().duty()) + " = "
					+ money(adValorem));
			return adValorem;
		}
		// 从量税 (ad valorem rate 0) or 复合税: each part rounded to the fen, so the printed parts add up
		BigDecimal specific = l.rates().specificDuty();
		BigDecimal duty = adValorem.add(specific);
		boolean both = l.rates().duty().signum() != 0;
		l.steps().add(dutyName + " = " + (both ? money(l.value()) + " × " + percent(l.rates().duty()) + " + " : "")
				+ perUnitTimes(perUnit, perUnit.duty()) + " = "
				+ (both ? money(adValorem) + " + " + money(specific) + " = " : "") + money(duty));
		return duty;
	}

	/**
	 * One imported line's excise on its value and the duty collected of it — ad valorem, per unit, or both (复合计征) —
	 * with its step; zero when it has none.
	 */
	private static BigDecimal excise(Valued l, BigDecimal collectedDuty, BigDecimal remedy) {
		// the trade-remedy duties enter the excise's basis as the duty does (组成计税价格)
		BigDecimal duty = collectedDuty.add(remedy);
		BigDecimal exciseRate = l.rates().excise();
		boolean adValorem = exciseRate != null && exciseRate.signum() > 0;
		Assessment.PerUnit perUnit = l.rates().perUnit();
		if (perUnit == null || perUnit.excise() == null) {
			if (!adValorem) {
				return BigDecimal.ZERO.setScale(2);
			}
			BigDecimal excise = l.value().add(duty).multiply(exciseRate).divide(BigDecimal.ONE.subtract(exciseRate), 2,
					RoundingMode.HALF_UP);
			l.steps().add("excise = (" + withDuties(l.value(), collectedDuty, remedy) + ") ÷ (1 − "
					+ percent(exciseRate) + ") × " + percent(exciseRate) + " = " + money(excise));
			return excise;
		}
		BigDecimal specific = l.rates().specificExcise();
		if (!adValorem) {
			l.steps().add("excise = " + perUnitTimes(perUnit, perUnit.excise()) + " = " + money(specific));
			return specific;
		}
		// 复合计征: the specific part also enters the basis of the ad valorem part (组成计税价格 = (value + duty +
		// quantity × per unit) ÷ (1 − rate)), then is added to it
		BigDecimal part = l.value().add(duty).add(specific).multiply(exciseRate)
			.divide(BigDecimal.ONE.subtract(exciseRate), 2, RoundingMode.HALF_UP);
		BigDecimal excise = part.add(specific);
		l.steps().add("excise = (" + withDuties(l.value(), collectedDuty, remedy) + " + " + money(specific) + ") ÷ (1 − "
				+ percent(exciseRate) + ") × " + percent(exciseRate) + " + " + perUnitTimes(perUnit, perUnit.excise())
				+ " = " + money(part) + " + " + money(specific) + " = " + money(excise));
		return excise;
	}

	/** {@code 10000 KGM × 1.3 CNY/KGM}: a quantity times an amount a unit, as the steps write it. */
	private static String perUnitTimes(Assessment.PerUnit perUnit, BigDecimal amount) {
		return plain(perUnit.quantity()) + " " + perUnit.unit() + " × " + perUnit(amount, perUnit.unit());
	}

	/**
	 * The small-amount rule on one tax of the consignment: when {@link SmallTaxWaiver} waives its total, each line's
	 * amount becomes nothing, with a step saying why. Answers what is not collected (zero when the tax is).
	 */
	private static BigDecimal waive(String tax, BigDecimal[] amounts, List<Valued> lines) {
		BigDecimal total = Arrays.stream(amounts).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		if (!SmallTaxWaiver.waives(total)) {
			return BigDecimal.ZERO.setScale(2);
		}
		for (int i = 0; i < amounts.length; i++) {
			if (amounts[i].signum() > 0) {
				lines.get(i).steps().add(tax + " not collected: the consignment's " + tax + " " + money(total)
						+ " is " + SmallTaxWaiver.LIMIT_CNY + " CNY or less");
				amounts[i] = BigDecimal.ZERO.setScale(2);
			}
		}
		return total;
	}

	/**
	 * Why an import pays the general rate (普通税率) instead of MFN: its origin is listed without MFN treatment on the
	 * day ({@code listing}), or its origin is unknown (原产地不明, {@link CountryCode#UNKNOWN}) — the law sends both to
	 * the general rate, the second without a notice.
	 */
	private record GeneralRateGround(CountryCode origin, OriginWithoutMfn listing) {

		/** The ground for goods of {@code origin}, {@literal null} when they pay MFN. */
		static GeneralRateGround of(CountryCode origin, OriginWithoutMfn listing) {
			if (origin != null && origin.isUnknown()) {
				return new GeneralRateGround(origin, null);
			}
			return listing == null ? null : new GeneralRateGround(listing.origin(), listing);
		}

		/** The assessment's step saying so. */
		String step(String generalRate, String mfn) {
			return (listing == null ? "origin unknown"
					: "origin " + origin.value() + " has no MFN treatment (notice " + listing.notice() + ")")
					+ " → general rate " + generalRate + " instead of MFN " + mfn;
		}
	}

	/**
	 * The rates of the tariff in force for one item on the request's date: on import (at the general rate on a
	 * {@code ground}) or on export.
	 */
	private LineRates tariffRates(AssessmentRequest request, AssessmentRequest.Item item, TariffLine line,
			GeneralRateGround ground, BigDecimal customsValue, List<String> steps) {
		return request.flow() == TradeFlow.IMPORT ? importRates(request, item, line, ground, customsValue, steps)
				: exportRates(request, line, steps);
	}

	/**
	 * What an import pays without a preference: its basis ({@code MFN}, {@code GENERAL}, {@code IN_QUOTA},
	 * {@code PROVISIONAL}), its ad valorem rate and its amount a unit ({@literal null}: none), and how the steps name it
	 * ({@code MFN}, {@code general rate}, {@code in-quota rate}, {@code provisional rate}) with the rate as they state it.
	 */
	private record Base(String basis, BigDecimal rate, BigDecimal perUnit, String named, String stated) {
	}

	/**
	 * An import's rate without a preference: MFN (ad valorem, per unit or both), or the general rate of goods whose
	 * origin has no MFN treatment or is unknown, or the in-quota rate of a line imported within its tariff quota, or the provisional
	 * rate in force instead of MFN or the in-quota rate (within a quota only when lower).
	 */
	private static Base importBase(AssessmentRequest request, AssessmentRequest.Item item, TariffLine line,
			GeneralRateGround ground, List<String> steps) {
		// 关税配额: within the quota (a certificate presented and checked) the in-quota rate replaces the MFN duty, which is
		// then the out-of-quota rate
		boolean inQuota = item.inQuota() && line.underTariffQuota();
		if (inQuota) {
			steps.add("tariff-quota certificate presented → in-quota rate " + percent(line.inQuotaRate())
					+ " instead of out-of-quota MFN " + mfn(line));
		}
		// 普通税率: goods of an origin without MFN treatment, or of unknown origin, pay the general rate outside a quota, and
		// no provisional rate (适用普通税率的进口货物，不适用暂定税率); within a quota the in-quota rate as any other
		if (ground != null && !inQuota) {
			steps.add(ground.step(general(line), mfn(line)));
			line.provisionalRateOn(request.date()).ifPresent(p -> steps.add("provisional rate " + percent(p)
					+ " does not apply at the general rate"));
			return new Base("GENERAL", line.generalRate(), line.generalPerUnit(), "general rate", general(line));
		}
		// 暂定税率: an import at MFN pays the provisional rate in force, which replaces the whole MFN duty; within a quota
		// the lower of the in-quota and the provisional rate (从低适用)
		Optional<BigDecimal> provisional = line.provisionalRateOn(request.date())
			.filter(p -> !inQuota || p.compareTo(line.inQuotaRate()) < 0);
		if (provisional.isPresent()) {
			steps.add("provisional rate " + percent(provisional.get()) + " in force " + line.provisional().from() + " to "
					+ line.provisional().until() + " instead of "
					+ (inQuota ? "in-quota rate " + percent(line.inQuotaRate()) : "MFN " + mfn(line)));
			return new Base("PROVISIONAL", provisional.get(), null, "provisional rate", percent(provisional.get()));
		}
		return inQuota ? new Base("IN_QUOTA", line.inQuotaRate(), null, "in-quota rate", percent(line.inQuotaRate()))
				: new Base("MFN", line.mfnRate(), line.mfnPerUnit(), "MFN", mfn(line));
	}

	/**
	 * An import's rates: its {@link #importBase base}, or a preference its certificate earns when lower than that
	 * (从低适用); its excise and VAT.
	 */
	private LineRates importRates(AssessmentRequest request, AssessmentRequest.Item item, TariffLine line,
			GeneralRateGround ground, BigDecimal customsValue, List<String> steps) {
		Base base = importBase(request, item, line, ground, steps);
		String rateBasis = base.basis();
		BigDecimal dutyRate = base.rate();
		BigDecimal dutyPerUnit = base.perUnit();
		BigDecimal quantity = item.quantity() == null ? null : InputLimits.QUANTITY.fit(item.quantity());
		// what an import without a preference pays, as the steps name it
		String baseRate = base.named() + " " + base.stated();
		String agreement = item.preferenceAgreement() == null || item.preferenceAgreement().isBlank() ? null
				: item.preferenceAgreement().strip();
		if (agreement != null) {
			BigDecimal pref = line.preferentialRates().get(agreement);
			if (pref == null) {
				steps.add("no " + agreement + " rate on line " + line.code() + " → " + baseRate);
			} else if (item.origin() == null || !agreements.isParty(agreement, item.origin())) {
				steps.add(agreement + " certificate presented, but origin " + (item.origin() == null ? "unknown"
						: item.origin().value()) + " is not a party to " + agreement + " → " + baseRate);
			} else if (dutyPerUnit == null && pref.compareTo(dutyRate) >= 0) {
				// with a provisional rate too, the lower of the two (从低适用)
				steps.add(agreement + " rate " + percent(pref) + " is not below " + base.named() + " → " + baseRate);
			} else if (dutyPerUnit != null && !lower(pref, customsValue, dutyRate, dutyPerUnit, quantity)) {
				steps.add(agreement + " duty " + money(fen(customsValue.multiply(pref))) + " (" + percent(pref)
						+ ") is not below the " + base.named() + " duty → " + baseRate);
			} else {
				dutyRate = pref;
				dutyPerUnit = null;
				rateBasis = "PREF:" + agreement;
				steps.add(agreement + " certificate of origin, origin " + item.origin().value() + " is a party → "
						+ agreement + " rate " + percent(pref) + " instead of " + baseRate);
			}
		}
		Assessment.PerUnit perUnit = dutyPerUnit == null && line.excisePerUnit() == null ? null
				: new Assessment.PerUnit(dutyPerUnit, line.excisePerUnit(), quantity, line.legalUnit().value());
		return new LineRates(rateBasis, dutyRate, line.exciseRate(), line.vatRate(), perUnit,
				remedyRate(request, item, line, steps));
	}

	/**
	 * The trade-remedy rates an import pays ({@link TradeRemedyChoice}) added up, each written down with its notice and
	 * whose rate it is; {@literal null} when none. A preference or a quota does not lift them.
	 */
	private BigDecimal remedyRate(AssessmentRequest request, AssessmentRequest.Item item, TariffLine line,
			List<String> steps) {
		List<TradeRemedy> paid = TradeRemedyChoice.paidBy(remedies.onLine(line.code()), item.origin(), item.producer(),
				request.date());
		BigDecimal total = null;
		for (TradeRemedy r : paid) {
			steps.add(r.kind().named + " " + percent(r.rate()) + " (notice " + r.notice() + "; "
					+ (r.origin() == null ? "every origin"
							: "origin " + r.origin().value() + "; "
									+ (r.producer() == null ? "all other producers" : "producer " + r.producer()))
					+ ")");
			total = total == null ? r.rate() : total.add(r.rate());
		}
		return total;
	}

	/** An export's rate: the export rate, or the provisional export rate in force instead; nothing per unit. */
	private LineRates exportRates(AssessmentRequest request, TariffLine line, List<String> steps) {
		BigDecimal dutyRate = exportDutyRates.exportRate(line.code()).orElse(BigDecimal.ZERO);
		Optional<BigDecimal> provisional = line.provisionalExportRateOn(request.date());
		if (provisional.isEmpty()) {
			return new LineRates("EXPORT", dutyRate, null, BigDecimal.ZERO, null, null);
		}
		steps.add("provisional export rate " + percent(provisional.get()) + " in force " + line.provisional().from()
				+ " to " + line.provisional().until() + " instead of " + percent(dutyRate));
		return new LineRates("EXPORT_PROVISIONAL", provisional.get(), null, BigDecimal.ZERO, null, null);
	}

	/**
	 * Whether a preferential ad valorem rate levies less than the duty it would replace (MFN or the general rate),
	 * levied (also) per unit: the two are compared as amounts on this line, since a rate and an amount a kilogram cannot
	 * be compared as rates.
	 */
	private static boolean lower(BigDecimal pref, BigDecimal customsValue, BigDecimal baseRate, BigDecimal basePerUnit,
			BigDecimal quantity) {
		BigDecimal base = fen(customsValue.multiply(baseRate)).add(fen(quantity.multiply(basePerUnit)));
		return fen(customsValue.multiply(pref)).compareTo(base) < 0;
	}

	/** The MFN duty as the tariff states it: {@code 8%}, {@code 1.3 CNY/KGM}, or both. */
	private static String mfn(TariffLine line) {
		return stated(line.mfnRate(), line.mfnPerUnit(), line);
	}

	/** A duty ad valorem, per unit of the line's legal unit, or both, as the tariff states it. */
	private static String stated(BigDecimal rate, BigDecimal amountPerUnit, TariffLine line) {
		if (amountPerUnit == null) {
			return percent(rate);
		}
		return (rate.signum() == 0 ? "" : percent(rate) + " + ") + perUnit(amountPerUnit, line.legalUnit().value());
	}

	/** The general rate as the tariff states it: {@code 30%}, {@code 7.5 CNY/LTR}, or both. */
	private static String general(TariffLine line) {
		return stated(line.generalRate(), line.generalPerUnit(), line);
	}

	/** An amount per unit as a person reads it: {@code 1.3 CNY/KGM}. */
	static String perUnit(BigDecimal amount, String unit) {
		return plain(amount) + " CNY/" + unit;
	}

	/** Splits {@code amount} (to the cent) in proportion to {@code weights}; the parts add up to the amount. */
	static List<BigDecimal> allocate(BigDecimal amount, List<BigDecimal> weights) {
		BigDecimal total = fen(amount);
		BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		int n = weights.size();
		long cents = total.movePointRight(2).longValueExact();
		long[] parts = new long[n];
		BigDecimal[] remainders = new BigDecimal[n];
		long given = 0;
		for (int i = 0; i < n; i++) {
			BigDecimal exact = sum.signum() == 0 ? BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(n), 10,
					RoundingMode.DOWN) : BigDecimal.valueOf(cents).multiply(weights.get(i)).divide(sum, 10, RoundingMode.DOWN);
			parts[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
			remainders[i] = exact.subtract(BigDecimal.valueOf(parts[i]));
			given += parts[i];
		}
		for (long left = cents - given; left > 0; left--) {
			int best = 0;
			for (int i = 1; i < n; i++) {
				if (remainders[i].compareTo(remainders[best]) > 0) {
					best = i;
				}
			}
			parts[best]++;
			remainders[best] = BigDecimal.valueOf(-1);
		}
		List<BigDecimal> result = new ArrayList<>(n);
		for (long p : parts) {
			result.add(BigDecimal.valueOf(p, 2));
		}
		return result;
	}

	static BigDecimal fen(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	/** One format per thread (a format is not thread-safe, and building one for every amount cost CPU per line). */
	private static final ThreadLocal<DecimalFormat> MONEY = ThreadLocal.withInitial(() -> {
		DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		f.setRoundingMode(RoundingMode.HALF_UP);
		return f;
	});

	static String money(BigDecimal amount) {
		return MONEY.get().format(amount);
	}

	static String percent(BigDecimal fraction) {
		return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	static String plain(BigDecimal d) {
		return d.stripTrailingZeros().toPlainString();
	}
}
