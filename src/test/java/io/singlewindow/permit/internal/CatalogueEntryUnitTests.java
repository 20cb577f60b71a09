package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.TradeFlow;

/** How long a permit of a catalogue entry is valid, from the day it is issued. */
class CatalogueEntryUnitTests {

	static CatalogueEntry entry(Integer months, boolean tariffQuota) {
		return new CatalogueEntry("T", "测试", "Test", AgencyCode.COMMERCE, PermitMode.OPTIMISED_APPROVAL, 20, null,
				List.of(), List.of(), months, QuotaKind.QUANTITY, "KGM",
				Map.of(TradeFlow.IMPORT, HsScope.of(List.of("1001"))), true, 0, tariffQuota);
	}

	@Test
	void aPermitIsValidForItsEntrysMonthsOrUntilRevoked() {
		assertThat(entry(12, false).validUntil(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2027, 3, 14));
		assertThat(entry(null, false).validUntil(LocalDate.of(2026, 3, 15))).isNull();
	}

	@Test
	void aTariffQuotaCertificateIsValidToTheEndOfTheYearItIsIssuedInWhateverItsEntrysMonths() {
		// a quota is allotted for a calendar year: issued in March or on 31 December, it lapses with the year
		assertThat(entry(12, true).validUntil(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(entry(12, true).validUntil(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 12, 31));
	}
}
