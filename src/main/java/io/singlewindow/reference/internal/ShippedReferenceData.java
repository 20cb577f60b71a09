package io.singlewindow.reference.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.UnitCode;
import io.singlewindow.reference.CsvReader;
import io.singlewindow.reference.HsEntry;
import io.singlewindow.reference.ReferenceData;

/**
 * The reference data shipped in {@code classpath:reference/}, read once at start into immutable maps (identical on
 * every node). UN Comtrade's extras (chapter 99, heading 9999, subheading 999999, {@code TOTAL}) are not part of
 * the nomenclature and are left out.
 */
@Component
public class ShippedReferenceData implements ReferenceData {

	private static final Logger log = LoggerFactory.getLogger(ShippedReferenceData.class);

	/** The countries whose locations the shipped 2017 UN/LOCODE subset holds. */
	static final Set<String> LOCODE_COUNTRIES = Set.of("CN", "AE", "AU", "BD", "BE", "BR", "CA", "CH", "CL", "DE", "EG",
			"ES", "FR", "OM", "PA", "PE", "PH", "PK", "PL", "QA", "RU", "SA", "SG", "TH", "TR", "TW", "US", "VN", "ZA");

	/** One HS section. */
	public record Section(String numeral, String name, String nameZh) {
	}

	private final Map<String, HsEntry> hs;
	/** Everyday Chinese names people search by ("笔记本电脑") that the tariff's own text does not use, per code. */
	private final Map<String, String> searchTerms;
	private final List<HsEntry> hsInOrder;
	private final Map<String, Section> sections;
	private final Map<String, String> countries;
	private final Map<String, String> currencies;
	private final Map<String, String> units;
	/** Everyday names (English, Chinese) of the units traders use most; Rec 20 names the rest in English only. */
	private final Map<String, List<String>> unitNames;
	private final Set<String> locations;
	/** UN/LOCODE to the location's name without diacritics, in code order. */
	private final Map<String, String> locationNames;
	private final long loadMillis;

	public ShippedReferenceData() {
		long start = System.nanoTime();
		Map<String, String> zh = new HashMap<>();
		// Sections, chapters and the demo schedule's lines; then every heading's name as the tariff words it, which
		// replaces the shorter names hs-zh.csv gave the demo's few headings.
		for (String file : List.of("hs-zh.csv", "hs-zh-headings.csv")) {
			for (List<String> r : rows(file)) {
				zh.put(r.get(0), r.get(1));
			}
		}
		Map<String, String> terms = new HashMap<>();
		for (List<String> r : rows("hs-zh-terms.csv")) {
			terms.merge(r.get(0), r.get(1), (a, b) -> a + " " + b);
		}
		this.searchTerms = Map.copyOf(terms);
		Map<String, Section> sectionMap = new LinkedHashMap<>();
		for (List<String> r : rows("sections.csv")) {
			sectionMap.put(r.get(0), new Section(r.get(0), r.get(1), zh.get(r.get(0))));
		}
		this.sections = Collections.unmodifiableMap(sectionMap);
		Map<String, HsEntry> hsMap = new LinkedHashMap<>();
		for (List<String> r : rows("harmonized-system.csv")) {
			String section = r.get(0);
			String code = r.get(1);
			if ("TOTAL".equals(section) || !code.matches("\\d{2}|\\d{4}|\\d{6}")) {
				continue;
			}
			hsMap.put(code, new HsEntry(code, Integer.parseInt(r.get(4)), section, r.get(2), zh.get(code)));
		}
		this.hs = Collections.unmodifiableMap(hsMap);
		this.hsInOrder = List.copyOf(hsMap.values());
		Map<String, String> countryMap = new HashMap<>();
		for (List<String> r : rows("country-codes.csv")) {
			countryMap.put(r.get(0), r.get(1));
		}
		this.countries = Map.copyOf(countryMap);
		Map<String, String> currencyMap = new HashMap<>();
		for (List<String> r : rows("iso4217-codes-all.csv")) {
			// A code without minor units ("-") is no means of payment: gold, silver, SDR, XXX, the test code …
			if (r.size() >= 6 && !r.get(2).isBlank() && r.get(5).isBlank() && !"-".equals(r.get(4).strip())) {
				currencyMap.put(r.get(2), r.get(1));
			}
		}
		this.currencies = Map.copyOf(currencyMap);
		Map<String, String> unitMap = new HashMap<>();
		for (List<String> r : rows("rec20-units-annex-II-III.csv")) {
			String status = r.get(0).strip();
			if (r.size() >= 3 && !"X".equals(status) && !"D".equals(status)) {
				unitMap.put(r.get(1).strip(), r.get(2));
			}
		}
		this.units = Map.copyOf(unitMap);
		Map<String, List<String>> names = new HashMap<>();
		for (List<String> r : rows("rec20-units-names.csv")) {
			names.put(r.get(0), List.of(r.get(1), r.get(2)));
		}
		this.unitNames = Map.copyOf(names);
		Map<String, String> locationMap = new java.util.TreeMap<>();
		for (String file : List.of("code-list-2017-CN.csv", "code-list-2017-partner-ports-airports.csv")) {
			for (List<String> r : rows(file)) {
				// reference rows ("=") point old names to current ones; they have no code of their own to check
				if (r.size() > 2 && !r.get(2).isBlank() && !"=".equals(r.get(0)) && !"X".equals(r.get(0))) {
					locationMap.putIfAbsent(r.get(1) + r.get(2), r.size() > 4 ? r.get(4) : "");
				}
			}
		}
		this.locations = Set.copyOf(locationMap.keySet());
		this.locationNames = java.util.Collections.unmodifiableMap(locationMap);
		this.loadMillis = (System.nanoTime() - start) / 1_000_000;
		log.info("event=reference_data_loaded hs_entries={} countries={} currencies={} units={} locations={} ms={}",
				hs.size(), countries.size(), currencies.size(), units.size(), locations.size(), loadMillis);
	}

	private static List<List<String>> rows(String file) {
		try (InputStream in = ShippedReferenceData.class.getResourceAsStream("/reference/" + file)) {
			if (in == null) {
				throw new IllegalStateException("missing reference file " + file);
			}
			List<List<String>> all = CsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<List<String>> data = new ArrayList<>(all.size());
			for (List<String> r : all.subList(1, all.size())) {
				if (!(r.size() == 1 && r.get(0).isBlank())) {
					data.add(r);
				}
			}
			return data;
		} catch (java.io.IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public boolean isHsSubheading(String sixDigits) {
		HsEntry e = sixDigits == null ? null : hs.get(sixDigits);
		return e != null && e.level() == 6;
	}

	@Override
	public Optional<HsEntry> hs(String code) {
		return Optional.ofNullable(code == null ? null : hs.get(code));
	}

	@Override
	public boolean isCountry(CountryCode code) {
		return countries.containsKey(code.value());
	}

	@Override
	public boolean isCurrentCurrency(CurrencyCode code) {
		return currencies.containsKey(code.value());
	}

	@Override
	public boolean isUnit(UnitCode code) {
		return units.containsKey(code.value());
	}

	@Override
	public String unitName(String code, Locale locale) {
		List<String> everyday = unitNames.get(code);
		if (everyday != null) {
			return "zh".equals(locale.getLanguage()) ? everyday.get(1) : everyday.get(0);
		}
		// No Chinese name transcribed yet: Rec 20's English name says more than the code.
		return units.getOrDefault(code, code);
	}

	@Override
	public LocationCheck location(LoCode code) {
		if (locations.contains(code.value())) {
			return LocationCheck.KNOWN;
		}
		return LOCODE_COUNTRIES.contains(code.country().value()) ? LocationCheck.UNKNOWN : LocationCheck.NOT_COVERED;
	}

	/** The 21 sections in order. */
	public List<Section> sections() {
		return List.copyOf(sections.values());
	}

	public Optional<Section> section(String numeral) {
		return Optional.ofNullable(sections.get(numeral));
	}

	/** The entries one level below {@code code} (chapters of a section numeral, headings of a chapter, …). */
	public List<HsEntry> children(String code) {
		if (sections.containsKey(code)) {
			return hsInOrder.stream().filter(e -> e.level() == 2 && e.section().equals(code)).toList();
		}
		int level = code.length() + 2;
		return hsInOrder.stream().filter(e -> e.level() == level && e.code().startsWith(code)).toList();
	}

	/**
	 * Entries whose code starts with {@code query} (digits, dots ignored) or whose English or Chinese description
	 * contains every word of it, in nomenclature order.
	 */
	public List<HsEntry> search(String query, int limit) {
		String q = query == null ? "" : query.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		String digits = q.replace(".", "").replace(" ", "");
		if (digits.matches("\\d+")) {
			String prefix = digits.length() > 6 ? digits.substring(0, 6) : digits;
			return hsInOrder.stream().filter(e -> e.code().startsWith(prefix)).limit(limit).toList();
		}
		String[] words = q.toLowerCase(Locale.ROOT).split("[\\s,;]+");
		return hsInOrder.stream().filter(e -> matchesAll(e, words)).limit(limit).toList();
	}

	private boolean matchesAll(HsEntry e, String[] words) {
		String en = e.description().toLowerCase(Locale.ROOT);
		String zh = Objects.toString(chineseName(e), "") + " " + searchTerms.getOrDefault(e.code(), "");
		for (String w : words) {
			if (!en.contains(w) && !zh.contains(w)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The Chinese name to show for an entry: its own, or for a subheading without one its heading's (shown with the
	 * English text, which then says what the subheading is); {@literal null} if neither has one.
	 */
	public String chineseName(HsEntry e) {
		if (e.descriptionZh() != null || e.level() != 6) {
			return e.descriptionZh();
		}
		HsEntry heading = hs.get(e.code().substring(0, 4));
		return heading == null ? null : heading.descriptionZh();
	}

	public Optional<String> countryName(CountryCode code) {
		return Optional.ofNullable(countries.get(code.value()));
	}

	@Override
	public List<Map.Entry<String, String>> locations(String query, int limit) {
		String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT).replace(" ", "");
		if (q.isEmpty()) {
			return List.of();
		}
		String words = query.strip().toLowerCase(Locale.ROOT);
		return locationNames.entrySet().stream()
			.filter(e -> e.getKey().startsWith(q) || e.getValue().toLowerCase(Locale.ROOT).contains(words))
			.limit(limit)
			.map(e -> Map.entry(e.getKey(), e.getValue()))
			.toList();
	}

	@Override
	public java.util.SortedMap<String, String> countries() {
		return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(countries));
	}

	@Override
	public java.util.SortedMap<String, String> currencies() {
		return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(currencies));
	}

	@Override
	public java.util.SortedMap<String, String> units() {
		return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(units));
	}

	public long loadMillis() {
		return loadMillis;
	}
}
