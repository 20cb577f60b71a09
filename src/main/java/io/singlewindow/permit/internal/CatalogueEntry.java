package io.singlewindow.permit.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;

/**
 * One entry of the permit catalogue.
 *
 * @param reviewDays statutory time limit for the agency's review, in working days (0 when the mode has no review)
 * @param verificationDays for {@link PermitMode#NOTIFICATION_COMMITMENT}: calendar days within which the agency
 *     verifies the commitment after issue; otherwise {@literal null}
 * @param validityMonths how long an issued permit is valid, {@literal null} for "until revoked"
 * @param quotaUnit the unit of a {@link QuotaKind#QUANTITY} quota, else {@literal null}; value quotas are in CNY
 * @param scope HS scope per trade flow; empty for permits that are not about goods
 * @param tariffQuota a tariff-quota certificate (关税配额证): its scope names the goods it lets pay the in-quota rate,
 *     not goods that need it — a line without one pays the out-of-quota rate and is routed nowhere for it
 */
public record CatalogueEntry(String code, String nameZh, String nameEn, AgencyCode issuingAgency, PermitMode mode,
		int reviewDays, Integer verificationDays, List<String> documentsZh, List<String> documentsEn,
		Integer validityMonths, QuotaKind quotaKind, String quotaUnit, Map<TradeFlow, HsScope> scope, boolean active,
		int version, boolean tariffQuota) {

	public CatalogueEntry {
		documentsZh = List.copyOf(documentsZh);
		documentsEn = List.copyOf(documentsEn);
		scope = Map.copyOf(scope);
	}

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}

	public List<String> documents(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? documentsZh : documentsEn;
	}

	/**
	 * The last day a permit of this entry issued on {@code from} is valid, {@literal null} for "until revoked": its
	 * months from that day; a tariff-quota certificate to the end of that year, since a quota is allotted for a
	 * calendar year (关税配额证 当年有效), whatever the entry's months.
	 */
	LocalDate validUntil(LocalDate from) {
		if (tariffQuota) {
			return LocalDate.of(from.getYear(), 12, 31);
		}
		return validityMonths == null ? null : from.plusMonths(validityMonths).minusDays(1);
	}

	public boolean isGoodsPermit() {
		return !scope.isEmpty();
	}

	boolean covers(HsCode code, TradeFlow flow) {
		HsScope forFlow = scope.get(flow);
		return forFlow != null && forFlow.covers(code);
	}

	/** Covers the code in either flow. */
	boolean coversAnyFlow(HsCode code) {
		return scope.values().stream().anyMatch(s -> s.covers(code));
	}

	public List<String> prefixes(TradeFlow flow) {
		HsScope s = scope.get(flow);
		return s == null ? List.of() : s.prefixes();
	}

	static List<String> lines(String text) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
