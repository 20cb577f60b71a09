package io.singlewindow.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.singlewindow.reference.CsvReader;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.UnitCode;
import io.singlewindow.reference.ReferenceData.LocationCheck;

class ReferenceDataUnitTests {

	static final ShippedReferenceData data = new ShippedReferenceData();

	@Test
	void readsQuotedFieldsWithLineBreaksQuotesAndABom() {
		List<List<String>> rows = CsvReader.read(new StringReader("\uFEFFa,\"b\r\nc\",d\r\n\"x \"\"y\"\"\",,\"\"\n"));
		assertThat(rows).containsExactly(List.of("a", "b\r\nc", "d"), List.of("x \"y\"", "", ""));
	}

	@Test
	void knowsTheHs2022SubheadingsWithoutComtradeExtras() {
		assertThat(data.isHsSubheading("090111")).isTrue();
		assertThat(data.isHsSubheading("854231")).isTrue();
		// 8517.62 exists in HS 2022; 8517.61 too; HS 2022 split 8541.51/8541.59 (new) — a 2022-only code:
		assertThat(data.isHsSubheading("854151")).isTrue();
		assertThat(data.isHsSubheading("999999")).isFalse();
		assertThat(data.isHsSubheading("0901")).isFalse();
		assertThat(data.hs("99")).isEmpty();
		assertThat(data.hs("09")).hasValueSatisfying(e -> {
			assertThat(e.level()).isEqualTo(2);
			assertThat(e.section()).isEqualTo("II");
			assertThat(e.descriptionZh()).isEqualTo("咖啡、茶、马黛茶及调味香料");
		});
		assertThat(data.sections()).hasSize(21).allSatisfy(s -> assertThat(s.nameZh()).isNotBlank());
		assertThat(data.children("II")).extracting(e -> e.code()).startsWith("06", "07");
		long chapters = data.children("").stream().count();
		assertThat(chapters).isEqualTo(96);
		assertThat(data.children("").stream().filter(e -> e.descriptionZh() == null)).isEmpty();
	}

	@Test
	void searchesByCodePrefixAndByWordsInEnglishAndChinese() {
		assertThat(data.search("0901.11", 10)).extracting(e -> e.code()).containsExactly("090111");
		assertThat(data.search("coffee roasted", 10)).extracting(e -> e.code()).contains("090121");
		assertThat(data.search("咖啡", 10)).extracting(e -> e.code()).contains("09", "0901");
	}

	@Test
	void checksCountriesCurrenciesAndUnits() {
		assertThat(data.isCountry(CountryCode.of("CN"))).isTrue();
		assertThat(data.isCountry(CountryCode.of("XX"))).isFalse();
		assertThat(data.isCurrentCurrency(CurrencyCode.of("CNY"))).isTrue();
		assertThat(data.isCurrentCurrency(CurrencyCode.of("EUR"))).isTrue();
		assertThat(data.isCurrentCurrency(CurrencyCode.of("DEM"))).isFalse();
		assertThat(data.isUnit(UnitCode.of("KGM"))).isTrue();
		assertThat(data.isUnit(UnitCode.of("C62"))).isTrue();
		assertThat(data.isUnit(UnitCode.of("PCE"))).isFalse();
	}

	@Test
	void checksLocationsWhereTheSubsetCoversTheCountry() {
		assertThat(data.location(LoCode.of("CNXMN"))).isEqualTo(LocationCheck.KNOWN);
		assertThat(data.location(LoCode.of("CNXAM"))).isEqualTo(LocationCheck.KNOWN);
		assertThat(data.location(LoCode.of("USLAX"))).isEqualTo(LocationCheck.KNOWN);
		assertThat(data.location(LoCode.of("CNQXQ"))).isEqualTo(LocationCheck.UNKNOWN);
		assertThat(data.location(LoCode.of("JPTYO"))).isEqualTo(LocationCheck.NOT_COVERED);
	}

	@Test
	void loadsQuickly() {
		assertThat(data.loadMillis()).isLessThan(3000);
	}
}
