package io.singlewindow.tariff.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Violations;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.tariff.Assessment;
import io.singlewindow.tariff.AssessmentRequest;
import io.singlewindow.tariff.DutyAssessor;
import io.singlewindow.tariff.TariffLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Tariff lines, exchange rates, assessments (so a trader can pre-compute) and the admin CSV import. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tariff", description = "Tariff schedule, customs exchange rates, duty and tax assessment")
class TariffApi {

	private final JdbcTariffSchedule schedule;
	private final JdbcExchangeRates rates;
	private final DutyAssessor assessor;
	private final TariffImports imports;
	private final CurrentActor currentActor;
	private final BusinessTime time;

	TariffApi(JdbcTariffSchedule schedule, JdbcExchangeRates rates, DutyAssessor assessor, TariffImports imports,
			CurrentActor currentActor, BusinessTime time) {
		this.schedule = schedule;
		this.rates = rates;
		this.assessor = assessor;
		this.imports = imports;
		this.currentActor = currentActor;
		this.time = time;
	}

	@Refuses(notFound = "TARIFF_LINE_UNKNOWN")
	@GetMapping("/tariff/lines/{code}")
	@Operation(summary = "One 10-digit tariff line with its MFN, preferential, excise and VAT rates")
	TariffLine line(@PathVariable String code) {
		currentActor.get();
		HsCode hs = readHs(code);
		return schedule.line(hs).orElseThrow(() -> Problem.notFound("TARIFF_LINE_UNKNOWN", code));
	}

	@Refuses
	@GetMapping("/tariff/lines")
	@Operation(summary = "Search tariff lines by code prefix or words of the description (zh/en)")
	List<TariffLine> lines(@RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "50") int limit) {
		currentActor.get();
		return schedule.search(q, Math.max(1, Math.min(limit, 500)));
	}

	/** An assessment request as JSON; codes are plain strings and checked all at once. */
	record AssessmentInput(String flow, String incoterm, String currency, BigDecimal freight, BigDecimal insurance,
			String date, List<ItemInput> items) {
	}

	/**
	 * @param quantity in the tariff line's legal unit; needed on a line that levies duty or excise per unit
	 * @param inQuota whether the line is imported within its tariff-rate quota (a tariff-quota certificate presented):
	 *     a line with an in-quota rate is then assessed at it
	 * @param producer the goods' producer, for a trade remedy that sets a rate of its own for it; none: the rate for
	 *     all other producers of the origin
	 */
	record ItemInput(Integer lineNo, String hsCode, BigDecimal value, String origin, String preferenceAgreement,
			BigDecimal quantity, Boolean inQuota, String producer) {

		ItemInput(Integer lineNo, String hsCode, BigDecimal value, String origin, String preferenceAgreement,
				BigDecimal quantity, Boolean inQuota) {
			this(lineNo, hsCode, value, origin, preferenceAgreement, quantity, inQuota, null);
		}

		ItemInput(Integer lineNo, String hsCode, BigDecimal value, String origin, String preferenceAgreement,
				BigDecimal quantity) {
			this(lineNo, hsCode, value, origin, preferenceAgreement, quantity, null, null);
		}
	}

	@Refuses
	@PostMapping("/tariff/assessments")
	@Operation(summary = "Assess duties and taxes line by line (nothing is stored); date defaults to today",
			description = "The amounts are what is collected: a consignment's duty, excise or import VAT of 50 CNY or "
					+ "less is not (each tax on its own, of the whole consignment); waived says what each would have been, "
					+ "and the lines' steps say so. Excise and VAT are on the value with what is collected of the taxes "
					+ "before them. A line that levies duty or excise per unit of quantity (从量税, 复合税: its tariff line's "
					+ "mfnPerUnit or excisePerUnit) needs the item's quantity in the line's legal unit (QUANTITY_REQUIRED); "
					+ "the line's perUnit says what it was levied per unit and on which quantity. On a date a line's "
					+ "provisional rate is in force (its provisional: rate on import, exportRate on export), the rate basis "
					+ "is PROVISIONAL or EXPORT_PROVISIONAL; a preference is given only when lower than it. An item inQuota "
					+ "on a line under a tariff-rate quota (its inQuotaRate) is assessed at the in-quota rate, IN_QUOTA (a "
					+ "lower provisional rate or preference still wins); a declaration is so only when it presents a "
					+ "tariff-quota certificate the permit ledger takes. An import of an origin listed without MFN treatment "
					+ "(GET /api/v1/tariff/origins-without-mfn) on the date pays the line's general rate (generalRate, "
					+ "generalPerUnit), GENERAL, and no provisional rate; a line without one refuses it "
					+ "(GENERAL_RATE_MISSING at items[i].origin). An import of a line and origin under a trade "
					+ "remedy (GET /api/v1/tariff/trade-remedies) pays its rate on the customs value besides the duty: "
					+ "the rate for the item's producer where the notice names it, else the rate for all other producers; "
					+ "a line's remedy and remedyRate, the total totalRemedy, part of totalTaxes and of the excise's and "
					+ "the VAT's basis, never waived.")
	Assessment assess(@RequestBody AssessmentInput input) {
		currentActor.get();
		return assessor.assess(toRequest(input, time.today()));
	}

	static AssessmentRequest toRequest(AssessmentInput input, LocalDate today) {
		Violations v = new Violations();
		TradeFlow flow = null;
		if (input.flow() == null || input.flow().isBlank()) {
			v.add("flow", "REQUIRED");
		} else {
			try {
				flow = TradeFlow.valueOf(input.flow().strip().toUpperCase(java.util.Locale.ROOT));
			} catch (IllegalArgumentException e) {
				v.add("flow", "TRADE_FLOW_UNKNOWN", input.flow());
			}
		}
		CurrencyCode currency = v.read("currency", () -> CurrencyCode.of(input.currency()));
		LocalDate date = today;
		if (input.date() != null && !input.date().isBlank()) {
			try {
				date = io.singlewindow.core.IsoDay.parse(input.date().strip());
			} catch (DateTimeParseException e) {
				v.add("date", "DATE_FORMAT", input.date());
			}
		}
		List<AssessmentRequest.Item> items = new ArrayList<>();
		List<ItemInput> inputs = input.items() == null ? List.of() : input.items();
		for (int i = 0; i < inputs.size(); i++) {
			ItemInput it = inputs.get(i);
			String f = "items[" + i + "]";
			if (it == null) {
				// "items":[null] is a line left out, not a line without fields.
				v.add(f, "REQUIRED");
				continue;
			}
			HsCode hs = v.read(f + ".hsCode", () -> HsCode.of(it.hsCode()));
			CountryCode origin = it.origin() == null || it.origin().isBlank() ? null
					: v.read(f + ".origin", () -> CountryCode.of(it.origin()));
			String agreement = it.preferenceAgreement() == null || it.preferenceAgreement().isBlank() ? null
					: it.preferenceAgreement().strip().toUpperCase(java.util.Locale.ROOT);
			String producer = it.producer() == null || it.producer().isBlank() ? null
					: v.read(f + ".producer", () -> io.singlewindow.core.FreeText.line(it.producer(),
							io.singlewindow.core.InputLimits.ADDRESS));
			items.add(new AssessmentRequest.Item(it.lineNo() == null ? i + 1 : it.lineNo(), hs, it.value(), origin,
					agreement, it.quantity(), Boolean.TRUE.equals(it.inQuota()), producer));
		}
		v.throwIfAny();
		return new AssessmentRequest(flow, input.incoterm(), currency, input.freight(), input.insurance(), date, items);
	}

	@Refuses
	@GetMapping("/exchange-rates")
	@Operation(summary = "Customs exchange rates of a month (yyyy-MM, default the current month), CNY per unit")
	List<JdbcExchangeRates.MonthlyRate> exchangeRates(@RequestParam(required = false) String month) {
		currentActor.get();
		return rates.of(month(month));
	}

	record RateInput(BigDecimal rate) {
	}

	@Refuses(forbidden = "ROLE_REQUIRED")
	@PutMapping("/exchange-rates/{currency}/{month}")
	@Operation(summary = "Set the customs exchange rate of a currency for a month (administrators)")
	JdbcExchangeRates.MonthlyRate setRate(@PathVariable String currency, @PathVariable String month,
			@RequestBody RateInput input) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		Violations v = new Violations();
		CurrencyCode c = v.read("currency", () -> CurrencyCode.of(currency));
		v.throwIfAny();
		return rates.set(c, month(month), input.rate(), false, actor.username(), time.now());
	}

	private YearMonth month(String raw) {
		if (raw == null || raw.isBlank()) {
			return time.month();
		}
		try {
			return io.singlewindow.core.IsoDay.month(raw.strip());
		} catch (DateTimeParseException e) {
			throw Problem.invalidField("month", "MONTH_FORMAT", raw);
		}
	}

	private static HsCode readHs(String code) {
		Violations v = new Violations();
		HsCode hs = v.read("code", () -> HsCode.of(code));
		v.throwIfAny();
		return hs;
	}

	@Refuses(forbidden = "ROLE_REQUIRED", invalid = { "FILE_ENCODING", "CONTROL_CHARACTER" })
	@PostMapping(path = "/admin/tariff/imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202",
			description = "Accepted: the import runs in the background",
			headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location",
					description = "The import's progress", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
	@Operation(summary = "Import a tariff schedule as CSV (administrators); runs in the background, poll the status",
			description = "UTF-8 unless the Content-Type names another encoding (text/csv; charset=GB18030 for a file "
					+ "Excel saved on a Chinese system); bytes that are no text of that encoding are refused whole "
					+ "(422 FILE_ENCODING, with the offset of the first), nothing queued.")
	ResponseEntity<TariffImports.Status> startImport(@RequestBody byte[] csv,
			@RequestParam(defaultValue = "tariff.csv") String fileName, jakarta.servlet.http.HttpServletRequest request) {
		var actor = currentActor.get();
		actor.requireRole(Role.ADMIN);
		UUID id = imports.start(fileName, TariffFileText.read(csv, TariffFileText.charsetOf(
				request.getHeader(org.springframework.http.HttpHeaders.CONTENT_TYPE))), actor.username());
		return ResponseEntity.accepted().location(URI.create("/api/v1/admin/tariff/imports/" + id))
				.body(imports.status(id).orElseThrow());
	}

	@Refuses(forbidden = "ROLE_REQUIRED", notFound = "TARIFF_IMPORT_NOT_FOUND")
	@GetMapping("/admin/tariff/imports/{id}")
	@Operation(summary = "Progress and per-row errors of a tariff import (administrators)")
	TariffImports.Status importStatus(@PathVariable UUID id) {
		currentActor.get().requireRole(Role.ADMIN);
		return imports.status(id).orElseThrow(() -> Problem.notFound("TARIFF_IMPORT_NOT_FOUND", id));
	}
}
