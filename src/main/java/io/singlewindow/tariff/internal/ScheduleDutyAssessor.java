package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.singlewindow.core.Violations;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.DutyAssessor;
import io.singlewindow.tariff.ExchangeRates;
import io.singlewindow.tariff.TariffLine;

/**
 * Assesses against the tariff schedule and the month's customs exchange rate. A preferential rate applies only when
 * the line presents a certificate of origin under an agreement that has a rate for the line and the goods originate
 * in a party to it; otherwise the MFN rate applies and the steps say why.
 */
@Component
class ScheduleDutyAssessor implements DutyAssessor {

	private final JdbcTariffSchedule schedule;
	private final ExchangeRates rates;

	ScheduleDutyAssessor(JdbcTariffSchedule schedule, ExchangeRates rates) {
		this.schedule = schedule;
		this.rates = rates;
	}

	@Override
	public Assessment assess(AssessmentRequest request) {
		Violations violations = new Violations();
		List<TariffLine> lines = new ArrayList<>();
		for (int i = 0; i < request.items().size(); i++) {
			var item = request.items().get(i);
			Optional<TariffLine> line = schedule.line(item.hsCode());
			violations.check(line.isPresent(), "items[" + i + "].hsCode", "TARIFF_LINE_UNKNOWN", item.hsCode().value());
			lines.add(line.orElse(null));
		}
		YearMonth month = YearMonth.from(request.date());
		Optional<BigDecimal> rate = rates.rate(request.currency(), month);
		violations.check(rate.isPresent(), "currency", "EXCHANGE_RATE_MISSING", request.currency().value(),
				month.toString());
		violations.throwIfAny();

		CustomsValuation.Basis basis = CustomsValuation.basis(request.flow(), request.incoterm(), request.freight(),
				request.insurance(), request.items().stream().map(AssessmentRequest.Item::value).toList());
		List<Assessment.Line> assessed = new ArrayList<>();
		for (int i = 0; i < request.items().size(); i++) {
			var item = request.items().get(i);
			TariffLine line = lines.get(i);
			List<String> notes = new ArrayList<>(request.items().size() == 1 ? basis.notes() : List.of());
			String rateBasis = "MFN";
			BigDecimal dutyRate = line.mfnRate();
			String agreement = item.preferenceAgreement();
			if (agreement != null && !agreement.isBlank()) {
				String a = agreement.strip().toUpperCase(Locale.ROOT);
				BigDecimal preferential = line.preferentialRates().get(a);
				if (preferential == null) {
					notes.add("no " + a + " rate for " + line.code() + ": MFN applies");
				} else if (item.origin() == null || !schedule.isParty(a, item.origin())) {
					notes.add("origin " + item.origin() + " is not a party to " + a + ": MFN applies");
				} else {
					rateBasis = "PREF:" + a;
					dutyRate = preferential;
				}
			}
			assessed.add(DutyComputation.line(item.lineNo(), request.flow(), basis.values().get(i),
					request.currency().value(), rate.get(), rateBasis, dutyRate, line.exciseRate(), line.vatRate(),
					notes));
		}
		return total(rate.get(), assessed, basis.notes());
	}

	private static Assessment total(BigDecimal rate, List<Assessment.Line> lines, List<String> notes) {
		BigDecimal value = BigDecimal.ZERO.setScale(2);
		BigDecimal duty = value;
		BigDecimal excise = value;
		BigDecimal vat = value;
		for (Assessment.Line l : lines) {
			value = value.add(l.customsValueCny());
			duty = duty.add(l.duty());
			excise = excise.add(l.excise());
			vat = vat.add(l.vat());
		}
		if (lines.size() > 1 && !notes.isEmpty()) {
			// The consignment-level valuation note goes with the first line when there are several.
			Assessment.Line first = lines.getFirst();
			List<String> steps = new ArrayList<>(notes);
			steps.addAll(first.steps());
			lines = new ArrayList<>(lines);
			lines.set(0, new Assessment.Line(first.lineNo(), first.customsValueCny(), first.rateBasis(),
					first.dutyRate(), first.duty(), first.exciseRate(), first.excise(), first.vatRate(), first.vat(),
					List.copyOf(steps)));
		}
		return new Assessment(rate, List.copyOf(lines), value, duty, excise, vat, duty.add(excise).add(vat));
	}
}
