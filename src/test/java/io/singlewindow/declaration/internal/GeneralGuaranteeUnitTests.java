package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;

/** A general guarantee's own rules (总担保), without a database: what it covers, what it refuses, when it goes back. */
class GeneralGuaranteeUnitTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");
	static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
	static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

	@Test
	void itCoversItsAmountLessWhatDeclarationsHoldAndWhatCustomsTookAndNothingOnceGivenBack() {
		GeneralGuarantee letter = letter("100000.00");
		var cover = new GeneralGuarantee.Cover(new BigDecimal("30000.00"), new BigDecimal("5000.50"));

		assertThat(letter.available(GeneralGuarantee.Cover.NONE)).isEqualByComparingTo("100000.00");
		assertThat(letter.available(cover)).isEqualByComparingTo("64999.50");
		assertThat(letter.available(new GeneralGuarantee.Cover(new BigDecimal("99000"), new BigDecimal("2000"))))
			.as("taken past what was held: nothing left, never less").isEqualByComparingTo("0");
		assertThat(letter.givenBack(new GeneralGuarantee.Cover(BigDecimal.ZERO, new BigDecimal("5000.50")),
				"officer.customs", NOW).available(cover)).isEqualByComparingTo("0");
	}

	@Test
	void aDrawOverWhatItStillCoversIsRefusedWithWhatItCovers() {
		GeneralGuarantee letter = letter("10000.00");
		var cover = new GeneralGuarantee.Cover(new BigDecimal("9000.00"), BigDecimal.ZERO);

		letter.draw(new BigDecimal("1000.00"), cover);
		assertThatThrownBy(() -> letter.draw(new BigDecimal("1000.01"), cover))
			.isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.fieldProblems()).singleElement().satisfies(f -> {
					assertThat(f.field()).isEqualTo("amount");
					assertThat(f.code()).isEqualTo("GENERAL_GUARANTEE_EXHAUSTED");
					assertThat(f.arguments()).contains("1000.00");
				});
			});
	}

	@Test
	void itIsGivenBackOnlyWhenNoDeclarationHoldsItAndOnceGivenBackNoneDrawsOnIt() {
		GeneralGuarantee deposit = GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.DEPOSIT,
				new BigDecimal("5000.00"), TODAY.plusYears(1), "DEP-9", false, "officer.customs", NOW, TODAY);
		assertThat(deposit.validUntil()).as("a deposit does not expire").isNull();

		assertThatThrownBy(() -> deposit.givenBack(new GeneralGuarantee.Cover(new BigDecimal("0.01"), BigDecimal.ZERO),
				"officer.customs", NOW))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("GENERAL_GUARANTEE_IN_USE"));
		GeneralGuarantee back = deposit.givenBack(GeneralGuarantee.Cover.NONE, "officer.customs", NOW);
		assertThat(back.returned()).isTrue();
		assertThat(back.givenBack(GeneralGuarantee.Cover.NONE, "officer.customs2", NOW.plusSeconds(60)))
			.as("given back again: as it was").isSameAs(back);
		assertThatThrownBy(() -> back.draw(new BigDecimal("1.00"), GeneralGuarantee.Cover.NONE))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("GENERAL_GUARANTEE_RETURNED"));
	}

	@Test
	void aLetterNeedsADayItIsValidToFromTodayAndAGeneralGuaranteeIsALetterOrADepositItself() {
		assertThatThrownBy(() -> GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.BANK_GUARANTEE,
				new BigDecimal("5000.00"), null, "BOC-1", false, "officer.customs", NOW, TODAY))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().field())
				.isEqualTo("validUntil"));
		assertThatThrownBy(() -> GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.BANK_GUARANTEE,
				new BigDecimal("5000.00"), TODAY.minusDays(1), "BOC-1", false, "officer.customs", NOW, TODAY))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("GUARANTEE_EXPIRED"));
		assertThat(GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.BANK_GUARANTEE, new BigDecimal("5000.00"),
				TODAY, "BOC-1", false, "officer.customs", NOW, TODAY).validUntil()).as("valid today").isEqualTo(TODAY);
		assertThatThrownBy(() -> GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.GENERAL,
				new BigDecimal("5000.00"), null, "GG-1", false, "officer.customs", NOW, TODAY))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("GUARANTEE_KIND_UNKNOWN"));
		assertThatThrownBy(() -> GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.DEPOSIT, new BigDecimal("0.00"),
				null, "DEP-1", false, "officer.customs", NOW, TODAY))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("AMOUNT_NOT_POSITIVE"));
	}

	@Test
	void aDeclarationsGuaranteeDrawnOnItIsValidAsLongAsTheLetterIs() {
		Declaration.DutyGuarantee drawn = letter("10000.00").guaranteeFor(new BigDecimal("3000.00"), "officer.customs",
				NOW);
		assertThat(drawn.kind()).isEqualTo(Declaration.GuaranteeKind.GENERAL);
		assertThat(drawn.validUntil()).isEqualTo(TODAY.plusYears(1));
		assertThat(drawn.reference()).isEqualTo("BOC-GG-1");
		assertThat(drawn.amount()).isEqualByComparingTo("3000.00");
	}

	private static GeneralGuarantee letter(String amount) {
		return GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.BANK_GUARANTEE, new BigDecimal(amount),
				TODAY.plusYears(1), "BOC-GG-1", false, "officer.customs", NOW, TODAY);
	}
}
