package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;

/**
 * When a letter of guarantee (保函) running out is said on the home pages: from 30 days before its last day — to the
 * enterprise always, to customs while declarations hold it — and after it only while declarations still hold it;
 * never for a deposit or a guarantee given back. The lapsed ones come first, then the first to lapse.
 */
class LetterExpiryUnitTests {

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");
	static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
	static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
	static final GeneralGuarantee.Cover HELD = new GeneralGuarantee.Cover(new BigDecimal("3793.53"), BigDecimal.ZERO);
	static final GeneralGuarantee.Cover FREE = GeneralGuarantee.Cover.NONE;

	@Test
	void fromThirtyDaysBeforeItsLastDayTheEnterpriseHearsOfItAndCustomsWhileDeclarationsHoldIt() {
		GeneralGuarantee letter = letterUntil(TODAY.plusDays(30), "BOC-1");
		assertThat(LetterExpiry.of(letterUntil(TODAY.plusDays(31), "BOC-0"), HELD, TODAY, false)).as("31 days")
			.isEmpty();
		assertThat(LetterExpiry.of(letter, HELD, TODAY, false)).hasValueSatisfying(expiry -> {
			assertThat(expiry.daysLeft()).isEqualTo(30);
			assertThat(expiry.held()).isEqualByComparingTo("3793.53");
			assertThat(expiry.lapsed()).isFalse();
		});
		assertThat(LetterExpiry.of(letter, HELD, TODAY, true)).as("customs, held").isPresent();
		assertThat(LetterExpiry.of(letter, FREE, TODAY, false)).as("the enterprise, nothing held").isPresent();
		assertThat(LetterExpiry.of(letter, FREE, TODAY, true)).as("customs, nothing held").isEmpty();
		assertThat(LetterExpiry.of(letterUntil(TODAY, "BOC-2"), FREE, TODAY, false))
			.as("its last day: still in force").hasValueSatisfying(expiry -> assertThat(expiry.daysLeft()).isZero());
	}

	@Test
	void aLapsedLetterIsSaidOnlyWhileDeclarationsStillHoldIt() {
		GeneralGuarantee lapsed = letterUntil(TODAY.minusDays(1), "BOC-3");
		assertThat(LetterExpiry.of(lapsed, HELD, TODAY, false)).hasValueSatisfying(expiry -> {
			assertThat(expiry.lapsed()).isTrue();
			assertThat(expiry.daysLeft()).isEqualTo(-1);
		});
		assertThat(LetterExpiry.of(lapsed, HELD, TODAY, true)).isPresent();
		assertThat(LetterExpiry.of(lapsed, FREE, TODAY, false)).isEmpty();
		assertThat(LetterExpiry.of(lapsed, FREE, TODAY, true)).isEmpty();
	}

	@Test
	void aDepositOrAGuaranteeGivenBackIsNeverSaid() {
		GeneralGuarantee deposit = GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.DEPOSIT,
				new BigDecimal("5000.00"), null, "DEP-1", false, "officer.customs", NOW, TODAY);
		assertThat(LetterExpiry.of(deposit, HELD, TODAY, false)).isEmpty();
		GeneralGuarantee givenBack = letterUntil(TODAY.plusDays(3), "BOC-4").givenBack(FREE, "officer.customs", NOW);
		assertThat(LetterExpiry.of(givenBack, FREE, TODAY, false)).isEmpty();
	}

	@Test
	void theLapsedComeFirstThenTheFirstToLapse() {
		List<String> order = Stream.of(letterUntil(TODAY.plusDays(20), "BOC-LATE"),
				letterUntil(TODAY.plusDays(2), "BOC-SOON"), letterUntil(TODAY.minusDays(5), "BOC-LAPSED"))
			.flatMap(letter -> LetterExpiry.of(letter, HELD, TODAY, true).stream())
			.sorted(LetterExpiry.MOST_URGENT_FIRST).map(expiry -> expiry.letter().reference()).toList();
		assertThat(order).containsExactly("BOC-LAPSED", "BOC-SOON", "BOC-LATE");
	}

	/** A letter lodged long ago (so that its last day may be past today), until {@code last}. */
	private static GeneralGuarantee letterUntil(LocalDate last, String reference) {
		return GeneralGuarantee.lodged(CHIP, Declaration.GuaranteeKind.BANK_GUARANTEE, new BigDecimal("100000.00"),
				last, reference, false, "officer.customs", NOW, last.minusYears(1));
	}
}
