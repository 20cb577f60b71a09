package io.singlewindow.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.UnitCode;
import io.singlewindow.reference.ReferenceData.LocationCheck;

class CsvReferenceDataUnitTests {

	static CsvReferenceData data;

	@BeforeAll
	static void load() {
		data = new CsvReferenceData();
	}

	@Test
	void knowsHs2022Subheadings() {
		assertThat(data.isHsSubheading("090121")).isTrue();
		assertThat(data.isHsSubheading("847130")).isTrue();
		assertThat(data.isHsSubheading("0901")).isFalse(); // a heading
		assertThat(data.isHsSubheading("999999")).isFalse(); // UN Comtrade's "not specified" extra
		assertThat(data.isHsSubheading("090190")).isTrue();
		assertThat(data.isHsSubheading("010110")).isFalse(); // HS 2007 code, split since
		assertThat(data.hs("09").orElseThrow().descriptionZh()).isEqualTo("咖啡、茶、马黛茶及调味香料");
		assertThat(data.hs("0901").orElseThrow().section()).isEqualTo("II");
	}

	@Test
	void knowsCountriesCurrentCurrenciesAndUnits() {
		assertThat(data.isCountry(CountryCode.of("VN"))).isTrue();
		assertThat(data.isCountry(CountryCode.of("XX"))).isFalse();
		assertThat(data.isCurrentCurrency(CurrencyCode.of("USD"))).isTrue();
		assertThat(data.isCurrentCurrency(CurrencyCode.of("DEM"))).isFalse(); // withdrawn
		assertThat(data.isUnit(UnitCode.of("KGM"))).isTrue();
		assertThat(data.isUnit(UnitCode.of("C62"))).isTrue();
		assertThat(data.isUnit(UnitCode.of("ZZZ"))).isFalse();
	}

	@Test
	void tellsUnknownLocationsFromCountriesTheSubsetDoesNotCover() {
		assertThat(data.location(LoCode.of("CNXMN"))).isEqualTo(LocationCheck.KNOWN);
		assertThat(data.location(LoCode.of("USLAX"))).isEqualTo(LocationCheck.KNOWN);
		assertThat(data.location(LoCode.of("CNQQQ"))).isEqualTo(LocationCheck.UNKNOWN);
		assertThat(data.location(LoCode.of("JPTYO"))).isEqualTo(LocationCheck.NOT_COVERED);
	}

	@Test
	void readsQuotedFieldsWithLineBreaksAndAByteOrderMark() throws Exception {
		List<List<String>> rows = CsvRecords.parse(new StringReader("\uFEFFa,\"b\r\nc\",\"d \"\"e\"\"\"\r\n1,,3\n"));
		assertThat(rows).containsExactly(List.of("a", "b\r\nc", "d \"e\""), List.of("1", "", "3"));
	}
}
