package io.singlewindow.reference.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.UnitCode;
import io.singlewindow.reference.HsEntry;
import io.singlewindow.reference.ReferenceData;

/**
 * The shipped reference data (see {@code reference/NOTICE.md}), read once at start into immutable maps. Every node
 * reads the same files, so this is no state a second node would need.
 */
@Component
class CsvReferenceData implements ReferenceData {

	private static final Logger log = LoggerFactory.getLogger(CsvReferenceData.class);

	/** UN Comtrade's "not specified" extras are no part of the nomenclature a declaration may use. */
	private static final Set<String> COMTRADE_EXTRAS = Set.of("99", "9999", "999999", "TOTAL");

	private final Map<String, HsEntry> hs;
	private final Map<String, String> sectionNames;
	private final Set<String> countries;
	private final Set<String> currentCurrencies;
	private final Set<String> units;
	private final Set<String> locations;
	private final Set<String> locationCountries;

	CsvReferenceData() {
		long started = System.nanoTime();
		Map<String, String> sections = new HashMap<>();
		for (List<String> row : rows("sections.csv")) {
			sections.put(row.get(0).strip(), row.get(1).strip());
		}
		this.sectionNames = Map.copyOf(sections);
		Map<String, String> chapterZh = ChapterNames.CHINESE;
		Map<String, HsEntry> entries = new HashMap<>();
		for (List<String> row : rows("harmonized-system.csv")) {
			String code = row.get(1).strip();
			if (COMTRADE_EXTRAS.contains(code)) {
				continue;
			}
			int level = Integer.parseInt(row.get(4).strip());
			entries.put(code, new HsEntry(code, level, row.get(0).strip(), row.get(2).strip(),
					level == 2 ? chapterZh.get(code) : null));
		}
		this.hs = Map.copyOf(entries);
		this.countries = column("country-codes.csv", 0);
		Set<String> current = new HashSet<>();
		for (List<String> row : rows("iso4217-codes-all.csv")) {
			if (row.size() > 2 && !row.get(2).isBlank() && (row.size() < 6 || row.get(5).isBlank())) {
				current.add(row.get(2).strip());
			}
		}
		this.currentCurrencies = Set.copyOf(current);
		Set<String> unitCodes = new HashSet<>();
		for (List<String> row : rows("rec20-units-annex-II-III.csv")) {
			String status = row.get(0).strip();
			if (!status.equals("X") && !status.equals("D")) {
				unitCodes.add(row.get(1).strip());
			}
		}
		this.units = Set.copyOf(unitCodes);
		Set<String> locodes = new HashSet<>();
		Set<String> covered = new HashSet<>();
		for (String file : List.of("code-list-2017-CN.csv", "code-list-2017-partner-ports-airports.csv")) {
			for (List<String> row : rows(file)) {
				String country = row.get(1).strip();
				String location = row.get(2).strip();
				covered.add(country);
				// "=" rows are references from an old name to a current entry, not locations of their own.
				if (!location.isEmpty() && !"=".equals(row.get(0).strip())) {
					locodes.add(country + location);
				}
			}
		}
		this.locations = Set.copyOf(locodes);
		this.locationCountries = Set.copyOf(covered);
		log.info("event=reference_data_loaded hs_entries={} countries={} currencies={} units={} locations={} millis={}",
				hs.size(), countries.size(), currentCurrencies.size(), units.size(), locations.size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	@Override
	public boolean isHsSubheading(String sixDigits) {
		HsEntry entry = sixDigits == null ? null : hs.get(sixDigits);
		return entry != null && entry.level() == 6;
	}

	@Override
	public Optional<HsEntry> hs(String code) {
		return Optional.ofNullable(code == null ? null : hs.get(code));
	}

	/** All entries, for browsing and search. */
	java.util.Collection<HsEntry> allHs() {
		return hs.values();
	}

	String sectionName(String section) {
		return sectionNames.get(section);
	}

	@Override
	public boolean isCountry(CountryCode code) {
		return countries.contains(code.value());
	}

	@Override
	public boolean isCurrentCurrency(CurrencyCode code) {
		return currentCurrencies.contains(code.value());
	}

	@Override
	public boolean isUnit(UnitCode code) {
		return units.contains(code.value());
	}

	@Override
	public LocationCheck location(LoCode code) {
		if (locations.contains(code.value())) {
			return LocationCheck.KNOWN;
		}
		return locationCountries.contains(code.country().value()) ? LocationCheck.UNKNOWN : LocationCheck.NOT_COVERED;
	}

	private static List<List<String>> rows(String file) {
		List<List<String>> all = CsvRecords.read("/reference/" + file);
		return all.subList(1, all.size());
	}

	private static Set<String> column(String file, int index) {
		Set<String> values = new HashSet<>();
		for (List<String> row : rows(file)) {
			values.add(row.get(index).strip().toUpperCase(Locale.ROOT));
		}
		return Set.copyOf(values);
	}
}
