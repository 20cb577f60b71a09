package io.singlewindow.declaration.internal;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.identity.Role;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.reference.ReferenceData;
import io.singlewindow.tariff.TariffLine;
import io.singlewindow.tariff.TariffSchedule;
import io.singlewindow.tariff.TariffSearch;

/**
 * The pick lists of the declaration form, named in the reader's language: the short lists (countries, currencies,
 * trade and transport modes, Incoterms, common units) go with the page as {@code <datalist>}s, so a person types a
 * code or a name and picks; the long ones (ports, commodity codes) are searched as they type (htmx, server-rendered
 * options). For a commodity code the form also shows what its tariff line needs (supervision conditions, inspection,
 * permits) and offers the declarant's permits in force for it.
 */
@Controller
class DeclarationPickerPages {

	/** The units most goods are declared in; any other UN/ECE Rec 20 code may still be typed. */
	static final List<String> COMMON_UNITS = List.of("KGM", "GRM", "TNE", "C62", "H87", "PR", "SET", "DZN", "LTR",
			"MTR", "MTK", "MTQ");

	private static final Pattern HS_PARAMETER = Pattern.compile("items\\[(\\d{1,2})]\\.hsCode");

	/** One choice: the code the form submits and the name a person recognises. */
	record Option(String code, String name) {
	}

	/** What the form shows under a commodity code; {@code units} are the line's legal units by name. */
	record TariffHelp(String code, String description, List<String> units, Set<String> supervisionConditions,
			Set<String> inspectionCategories, List<String> permitsNeeded, List<HeldPermit> permitsHeld) {
	}

	private final ReferenceData reference;
	private final TariffSearch tariffSearch;
	private final TariffSchedule tariff;
	private final PermitLedger permits;
	private final CurrentActor currentActor;
	private final MessageSource messages;
	private final Map<Locale, Map<String, List<Option>>> lists = new ConcurrentHashMap<>();

	DeclarationPickerPages(ReferenceData reference, TariffSearch tariffSearch, TariffSchedule tariff,
			PermitLedger permits, CurrentActor currentActor, MessageSource messages) {
		this.reference = reference;
		this.tariffSearch = tariffSearch;
		this.tariff = tariff;
		this.permits = permits;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	/** The short pick lists by name ({@code countries}, {@code currencies} …), built once per language. */
	Map<String, List<Option>> lists(Locale locale) {
		return lists.computeIfAbsent(Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage())
				? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, this::build);
	}

	private Map<String, List<Option>> build(Locale locale) {
		List<Option> countries = reference.countries().entrySet().stream()
			.map(c -> new Option(c.getKey(), countryName(c.getKey(), c.getValue(), locale)))
			.toList();
		List<Option> currencies = reference.currencies().entrySet().stream()
			.map(c -> new Option(c.getKey(), currencyName(c.getKey(), c.getValue(), locale)))
			.toList();
		List<Option> units = COMMON_UNITS.stream()
			.map(u -> new Option(u, messages.getMessage("declaration.picker.unit." + u, null,
					reference.units().getOrDefault(u, u), locale)))
			.toList();
		// a goods line's origin may also be unknown (原产地不明): its goods then pay the general rate
		List<Option> origins = java.util.stream.Stream.concat(countries.stream(), java.util.stream.Stream.of(
				new Option(CountryCode.UNKNOWN.value(), messages.getMessage("declaration.picker.originUnknown", null,
						locale))))
			.toList();
		return Map.of("countries", countries, "origins", origins, "currencies", currencies, "units", units,
				"tradeModes",
				named("tradeMode", DeclarationValidation.TRADE_MODES, locale), "transportModes",
				named("transportMode", DeclarationValidation.TRANSPORT_MODES, locale), "incoterms",
				named("incoterm", DeclarationValidation.INCOTERMS, locale));
	}

	private List<Option> named(String list, Set<String> codes, Locale locale) {
		return new TreeSet<>(codes).stream()
			.map(code -> new Option(code, messages.getMessage("declaration.picker." + list + "." + code, null, code,
					locale)))
			.toList();
	}

	/** The JDK knows every country's and currency's name in both languages; the shipped list's name otherwise. */
	private static String countryName(String code, String english, Locale locale) {
		String name = Locale.of("", code).getDisplayCountry(locale);
		return name.isBlank() || name.equals(code) ? english : name;
	}

	private static String currencyName(String code, String english, Locale locale) {
		try {
			String name = Currency.getInstance(code).getDisplayName(locale);
			return name.equals(code) ? english : name;
		}
		catch (IllegalArgumentException e) {
			return english;
		}
	}

	/** Ports and other locations whose UN/LOCODE starts with, or whose name contains, what was typed. */
	@GetMapping("/declarations/pickers/ports")
	String ports(@RequestParam(defaultValue = "") String port, Model model) {
		currentActor.get().requireRole(Role.TRADER, Role.BROKER);
		model.addAttribute("options", port.strip().length() < 2 ? List.of()
				: reference.locations(port, 20).stream().map(e -> new Option(e.getKey(), e.getValue())).toList());
		return "declaration/pickers :: options";
	}

	/**
	 * Tariff lines matching what was typed in an item's commodity code (code or words, Chinese or English), and for
	 * a complete code what its line needs and the declarant's permits in force for it.
	 */
	@GetMapping("/declarations/pickers/hs")
	String hs(@RequestParam Map<String, String> parameters, Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		int row = 0;
		String typed = "";
		for (var p : parameters.entrySet()) {
			Matcher m = HS_PARAMETER.matcher(p.getKey());
			if (m.matches()) {
				row = Integer.parseInt(m.group(1));
				typed = p.getValue() == null ? "" : p.getValue().strip();
			}
		}
		boolean chinese = Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage());
		List<Option> options = typed.length() < 2 ? List.of()
				: tariffSearch.search(typed, 15).stream()
					.map(l -> new Option(l.code().value(), suggestion(l, chinese, locale)))
					.toList();
		model.addAttribute("row", row);
		model.addAttribute("options", options);
		model.addAttribute("help", help(actor, typed, parameters.get("flow"), parameters.get("declarant"), locale)
			.orElse(null));
		return "declaration/pickers :: hs";
	}

	private Optional<TariffHelp> help(Actor actor, String typed, String flow, String declarant, Locale locale) {
		boolean chinese = Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage());
		if (!typed.matches("\\d{10}")) {
			return Optional.empty();
		}
		Optional<TariffLine> line;
		try {
			line = tariff.line(HsCode.of(typed));
		}
		catch (InvalidValue e) {
			return Optional.empty();
		}
		return line.map(l -> {
			TradeFlow tradeFlow = "EXPORT".equalsIgnoreCase(flow) ? TradeFlow.EXPORT : TradeFlow.IMPORT;
			List<PermitRequirement> needed = permits.requirementsFor(l.code(), tradeFlow);
			Set<String> catalogue = needed.stream().map(PermitRequirement::catalogueCode)
				.collect(java.util.stream.Collectors.toSet());
			List<HeldPermit> held = needed.isEmpty() ? List.of()
					: holder(actor, declarant).map(permits::heldBy).orElse(List.of()).stream()
						.filter(p -> "IN_FORCE".equals(p.status()) && catalogue.contains(p.catalogueCode()))
						.sorted(Comparator.comparing(HeldPermit::validUntil, Comparator.nullsLast(Comparator.naturalOrder())))
						.toList();
			return new TariffHelp(l.code().value(), chinese ? l.descriptionZh() : l.descriptionEn(),
					unitNames(l, locale), new TreeSet<>(l.supervisionConditions()), new TreeSet<>(l.inspectionCategories()),
					needed.stream().map(r -> chinese ? r.nameZh() : r.nameEn()).toList(), held);
		});
	}

	/** A suggested line as the type-ahead lists it: its description, then the unit it is counted in. */
	private String suggestion(TariffLine line, boolean chinese, Locale locale) {
		String description = chinese ? line.descriptionZh() : line.descriptionEn();
		List<String> units = unitNames(line, locale);
		return units.isEmpty() ? description : description + " · " + String.join(" / ", units);
	}

	/** The line's legal units by name in the reader's language ("kg", "升"), first unit first. */
	private List<String> unitNames(TariffLine line, Locale locale) {
		return line.legalUnits().stream().map(u -> reference.unitName(u.value(), locale)).toList();
	}

	/** The declarant the form names, if the actor may act for it; else the actor's own enterprise. */
	private static Optional<Uscc> holder(Actor actor, String declarant) {
		if (declarant != null && !declarant.isBlank()) {
			try {
				Uscc uscc = Uscc.parse(declarant.strip());
				actor.requireActFor(uscc, OperatorRight.DECLARE);
				return Optional.of(uscc);
			}
			catch (RuntimeException e) {
				return Optional.ofNullable(actor.enterprise());
			}
		}
		return Optional.ofNullable(actor.enterprise());
	}
}
