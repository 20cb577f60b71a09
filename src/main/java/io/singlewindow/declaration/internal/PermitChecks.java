package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.permit.WriteOffRequest;
import io.singlewindow.routing.RoutingDecision;

/**
 * The permits a declaration's lines reference, checked for every line routed because it needs one — before anything
 * is written off. Lines under the same permit are checked for what they take together, so that two lines which fit
 * one by one but not together are told apart here, not at the write-off. Plain logic: the ledger's check is passed in.
 */
final class PermitChecks {

	/** What one agency's permits say: a note per line, whether every one was written off, and which lines those are. */
	record AgencyPermits(List<String> notes, boolean allWrittenOff, Set<Integer> coveredLines) {

		String note() {
			return String.join("; ", notes);
		}

		boolean anyNotReferenced() {
			return notes.stream().anyMatch(n -> n.contains(AutomaticDecision.PERMIT_NOT_REFERENCED));
		}
	}

	/**
	 * @param byAgency findings for every agency that has at least one permit line
	 * @param writeOffs what to write off once the declaration is stored, in permit order so that two declarations
	 *     under the same permits take their locks in the same order
	 */
	record Result(Map<AgencyCode, AgencyPermits> byAgency, List<WriteOffRequest> writeOffs) {

		Optional<AgencyPermits> of(AgencyCode agency) {
			return Optional.ofNullable(byAgency.get(agency));
		}
	}

	/**
	 * The order write-offs are made in: by permit, then line, so that two declarations under the same permits lock them
	 * in one order (tariff-quota certificates' write-offs join this order too).
	 */
	static final Comparator<WriteOffRequest> PERMIT_ORDER = Comparator.comparing(WriteOffRequest::permitNumber)
		.thenComparingInt(WriteOffRequest::lineNo);

	private PermitChecks() {
	}

	/**
	 * @param customsValue a line's customs value in CNY, by line number (may answer {@literal null})
	 * @param ledger what the permit ledger would answer to a write-off right now: empty when it would be written off,
	 *     else the refusal's code
	 */
	static Result check(UUID declarationId, Uscc declarant, ValidDeclaration d, List<List<RoutingDecision>> routesPerLine,
			IntFunction<BigDecimal> customsValue, Function<WriteOffRequest, Optional<String>> ledger) {
		List<WriteOffRequest> writeOffs = new ArrayList<>();
		Map<String, WriteOffRequest> taken = new LinkedHashMap<>();
		Set<String> acceptedLines = new HashSet<>();
		Map<AgencyCode, List<String>> notes = new LinkedHashMap<>();
		Map<AgencyCode, Boolean> ok = new LinkedHashMap<>();
		Map<AgencyCode, Set<Integer>> covered = new LinkedHashMap<>();
		for (int i = 0; i < routesPerLine.size(); i++) {
			ValidDeclaration.Item item = d.items().get(i);
			for (RoutingDecision r : routesPerLine.get(i)) {
				if (r.permitCatalogueCode() == null) {
					continue;
				}
				String note;
				boolean writtenOff = false;
				if (item.permitNumber() == null) {
					note = "line " + item.lineNo() + ": " + AutomaticDecision.PERMIT_NOT_REFERENCED + " "
							+ r.permitCatalogueCode();
				} else {
					WriteOffRequest request = new WriteOffRequest(declarationId, item.lineNo(), item.permitNumber(),
							declarant, item.hsCode(), item.countedQuantity(), item.countedUnit(),
							customsValue.apply(item.lineNo()), r.permitCatalogueCode());
					// a line needing two permits names one: it answers the entry it is of, not also the other
					String line = item.permitNumber() + "#" + item.lineNo() + "#" + r.permitCatalogueCode();
					String failure = null;
					if (!acceptedLines.contains(line)) {
						WriteOffRequest earlier = taken.get(item.permitNumber());
						WriteOffRequest together = earlier == null ? request : earlier.and(request);
						failure = ledger.apply(together).orElse(null);
						if (failure == null) {
							taken.put(item.permitNumber(), together);
							acceptedLines.add(line);
							writeOffs.add(request);
						}
					}
					writtenOff = failure == null;
					note = "line " + item.lineNo() + ": "
							+ (writtenOff ? AutomaticDecision.PERMIT_WRITTEN_OFF : failure) + " " + item.permitNumber();
				}
				notes.computeIfAbsent(r.agency(), a -> new ArrayList<>()).add(note);
				ok.merge(r.agency(), writtenOff, Boolean::logicalAnd);
				if (writtenOff) {
					covered.computeIfAbsent(r.agency(), a -> new HashSet<>()).add(item.lineNo());
				}
			}
		}
		Map<AgencyCode, AgencyPermits> byAgency = new LinkedHashMap<>();
		notes.forEach((agency, list) -> byAgency.put(agency, new AgencyPermits(List.copyOf(list), ok.get(agency),
				Set.copyOf(covered.getOrDefault(agency, Set.of())))));
		writeOffs.sort(PERMIT_ORDER);
		return new Result(byAgency, List.copyOf(writeOffs));
	}
}
