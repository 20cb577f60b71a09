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
	void readsTheLastRecordWithoutALineBreakAndCrOnlyLineEnds() {
		assertThat(CsvReader.parse("a,b\rc,\"d\"")).containsExactly(List.of("a", "b"), List.of("c", "d"));
		assertThat(CsvReader.parse("")).isEmpty();
		assertThat(CsvReader.parse("x,")).containsExactly(List.of("x", ""));
	}

	/**
	 * A quote left open swallowed the rest of the file into one field, and text after a closing quote was glued to
	 * the field: a broken file read as fewer, wrong rows. Now it is refused at the line where it breaks.
	 */
	@Test
	void refusesAQuoteLeftOpenOrTextAfterAClosingQuoteNamingTheLine() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvReader.parse("a,b\nc,\"d\ne,f\n"))
			.isInstanceOfSatisfying(CsvReader.Malformed.class, e -> assertThat(e.line()).isEqualTo(2));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvReader.parse("a,b\n\"c\"x,d\n"))
			.isInstanceOfSatisfying(CsvReader.Malformed.class, e -> assertThat(e.line()).isEqualTo(2));
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

	@Test
	void everySectionChapterAndHeadingHasAChineseName() {
		assertThat(data.sections()).allSatisfy(section -> assertThat(section.nameZh()).isNotBlank());
		assertThat(data.children("I")).isNotEmpty();
		for (int level : new int[] { 2, 4 }) {
			java.util.List<String> withoutName = allCodes(level).stream()
				.filter(code -> data.hs(code).orElseThrow().descriptionZh() == null).toList();
			assertThat(withoutName).as("level %d entries without a Chinese name", level).isEmpty();
		}
		// 97 chapter numbers, of which 77 is reserved for future use.
		assertThat(allCodes(2)).hasSize(96);
		assertThat(allCodes(4)).hasSize(1228);
	}

	static java.util.List<String> allCodes(int level) {
		return data.sections().stream().flatMap(s -> data.children(s.numeral()).stream())
			.flatMap(chapter -> level == 2 ? java.util.stream.Stream.of(chapter) : data.children(chapter.code()).stream())
			.map(e -> e.code()).toList();
	}

	@Test
	void aSubheadingWithoutItsOwnChineseNameShowsItsHeadingsAndSearchFindsItInEitherLanguage() {
		var subheading = data.hs("090122").orElseThrow();
		assertThat(subheading.descriptionZh()).isNull();
		assertThat(data.chineseName(subheading)).startsWith("咖啡");

		assertThat(data.search("咖啡", 200)).extracting(e -> e.code())
			.contains("0901", "090111", "090112", "090121", "090122", "090190", "2101")
			.hasSizeGreaterThanOrEqualTo(data.search("coffee", 200).size() - 2);
		assertThat(data.search("笔记本电脑", 10)).extracting(e -> e.code()).containsExactly("847130");
		assertThat(data.search("自动数据处理设备", 50)).extracting(e -> e.code()).contains("8471", "847130", "847141");
	}

	@Test
	void unitsAreNamedInTheReadersLanguage() {
		assertThat(data.unitName("C62", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("个");
		assertThat(data.unitName("C62", java.util.Locale.ENGLISH)).isEqualTo("unit");
		assertThat(data.unitName("KGM", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("千克");
		assertThat(data.unitName("BLL", java.util.Locale.ENGLISH)).as("Rec 20's own name").isEqualTo("barrel (US)");
	}
}
