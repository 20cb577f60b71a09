package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.risk.Channel;
import io.singlewindow.routing.RoutingDecision;

/**
 * What routing asks of one agency on one declaration: the lines it must look at, the rules that sent them, and
 * whether it was routed only because lines need its permits (then a written-off permit is its answer).
 *
 * @param lines line numbers, ascending, each once
 */
record AgencyWork(AgencyCode agency, List<Integer> lines, Set<String> rules, boolean onlyPermits) {

	/** Every routed agency's work, in the order routing first named them. */
	static Map<AgencyCode, AgencyWork> of(List<List<RoutingDecision>> routesPerLine) {
		Map<AgencyCode, Set<Integer>> lines = new LinkedHashMap<>();
		Map<AgencyCode, Set<String>> rules = new LinkedHashMap<>();
		Map<AgencyCode, Boolean> onlyPermits = new LinkedHashMap<>();
		for (int i = 0; i < routesPerLine.size(); i++) {
			for (RoutingDecision r : routesPerLine.get(i)) {
				lines.computeIfAbsent(r.agency(), a -> new java.util.TreeSet<>()).add(i + 1);
				rules.computeIfAbsent(r.agency(), a -> new LinkedHashSet<>()).add(r.ruleCode());
				onlyPermits.merge(r.agency(), r.permitCatalogueCode() != null, Boolean::logicalAnd);
			}
		}
		Map<AgencyCode, AgencyWork> work = new LinkedHashMap<>();
		lines.forEach((agency, lineNos) -> work.put(agency, new AgencyWork(agency, List.copyOf(lineNos),
				rules.get(agency), onlyPermits.get(agency))));
		return work;
	}

	/**
	 * A digest of everything this agency sees: an amendment that leaves it unchanged keeps the agency's decision, any
	 * other re-opens its task. Customs answers for the whole declaration (and its channel), other agencies for their
	 * lines only.
	 */
	String fingerprint(ValidDeclaration d, Channel channel) {
		StringBuilder seen = new StringBuilder();
		if (agency.equals(AgencyCode.CUSTOMS)) {
			seen.append(d.flow()).append(d.tradeMode()).append(d.transportMode()).append(d.port())
				.append(d.originCountry()).append(d.destinationCountry()).append(d.tradingCountry())
				.append(d.currency()).append(d.incoterm()).append(plain(d.freight())).append(plain(d.insurance()))
				.append(d.packages()).append(plain(d.grossWeight())).append(plain(d.netWeight())).append(channel);
		}
		lines.forEach(n -> seen.append('|').append(fingerprintOf(d.items().get(n - 1))));
		return Declarations.sha256(seen.toString());
	}

	/** The timeline's words for the lines, e.g. {@code lines [1, 3]}. */
	String linesText() {
		return "lines " + new ArrayList<>(lines);
	}

	/**
	 * A line as an agency saw it. Its tariff-quota certificate and its producer only when it names them, so that a line
	 * without reads as it did before lines could name them, and an amendment of a declaration stored before then changes
	 * no agency's.
	 */
	private static String fingerprintOf(ValidDeclaration.Item i) {
		return String.join("~", String.valueOf(i.lineNo()), i.hsCode().value(), i.description(), plain(i.quantity()),
				i.unit().value(), plain(i.statisticalQuantity()), plain(i.value()), i.origin().value(),
				String.valueOf(i.permitNumber()), String.valueOf(i.certificateAgreement()),
				String.valueOf(i.certificateNumber()))
				+ (i.tariffQuotaCertificate() == null ? "" : "~" + i.tariffQuotaCertificate())
				+ (i.producer() == null ? "" : "~producer:" + i.producer());
	}

	private static String plain(java.math.BigDecimal n) {
		return n == null ? "" : n.stripTrailingZeros().toPlainString();
	}
}
