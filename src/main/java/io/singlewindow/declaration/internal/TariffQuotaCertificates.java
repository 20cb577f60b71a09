package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.permit.WriteOffRequest;

/**
 * The tariff-quota certificates (关税配额证) a declaration's lines present, checked before the lines are assessed: a line
 * whose certificate the permit ledger would write off pays its in-quota rate. Lines under one certificate are checked
 * for what they take together, as {@link PermitChecks} does for permits. A certificate that would be refused refuses
 * the submission at the line's field, nothing stored: the declarant chooses between another certificate and the
 * out-of-quota rate (declaring the line without one) — a duty several times higher is never charged in their stead.
 * Plain logic: the ledger's check is passed in.
 */
final class TariffQuotaCertificates {

	/**
	 * @param inQuota the line numbers imported within their quota
	 * @param writeOffs what to write off once the declaration is stored
	 */
	record Result(Set<Integer> inQuota, List<WriteOffRequest> writeOffs) {

		static final Result NONE = new Result(Set.of(), List.of());

		boolean any() {
			return !inQuota.isEmpty();
		}
	}

	private TariffQuotaCertificates() {
	}

	/**
	 * Which of the message's worded reasons a ledger's refusal is (its third argument, a choice): the declarant reads
	 * "holds less than this quantity", not {@code PERMIT_QUOTA_EXCEEDED}; a reason without words of its own is quoted.
	 */
	static int reasonWorded(String refusal) {
		return switch (refusal) {
			case "PERMIT_QUOTA_EXCEEDED" -> 0;
			case "PERMIT_NOT_IN_FORCE" -> 1;
			case "PERMIT_HOLDER_MISMATCH" -> 2;
			case "PERMIT_NOT_FOUND" -> 3;
			case "PERMIT_SCOPE_MISMATCH", "PERMIT_CATALOGUE_MISMATCH" -> 4;
			default -> 5;
		};
	}

	/** Whether any line of {@code d} presents a tariff-quota certificate. */
	static boolean presented(ValidDeclaration d) {
		return d.items().stream().anyMatch(i -> i.tariffQuotaCertificate() != null);
	}

	/**
	 * @param customsValue a line's customs value in CNY, by line number (may answer {@literal null})
	 * @param ledger what the permit ledger would answer to a write-off right now: empty when it would be written off,
	 *     else the refusal's code
	 * @throws Problem 422 {@code TARIFF_QUOTA_CERTIFICATE_REFUSED} at {@code items[i].tariffQuotaCertificate}, with the
	 *     certificate, the ledger's reason ({@code PERMIT_QUOTA_EXCEEDED}, {@code PERMIT_NOT_IN_FORCE}, …) and which of
	 *     the message's worded reasons it is ({@link #reasonWorded})
	 */
	static Result check(UUID declarationId, Uscc declarant, ValidDeclaration d, IntFunction<BigDecimal> customsValue,
			Function<WriteOffRequest, Optional<String>> ledger) {
		Set<Integer> inQuota = new LinkedHashSet<>();
		List<WriteOffRequest> writeOffs = new ArrayList<>();
		Map<String, WriteOffRequest> taken = new HashMap<>();
		for (int index = 0; index < d.items().size(); index++) {
			ValidDeclaration.Item item = d.items().get(index);
			String certificate = item.tariffQuotaCertificate();
			if (certificate == null) {
				continue;
			}
			WriteOffRequest request = new WriteOffRequest(declarationId, item.lineNo(), certificate, declarant,
					item.hsCode(), item.countedQuantity(), item.countedUnit(), customsValue.apply(item.lineNo()),
					WriteOffRequest.TARIFF_QUOTA);
			WriteOffRequest earlier = taken.get(certificate);
			WriteOffRequest together = earlier == null ? request : earlier.and(request);
			Optional<String> refusal = ledger.apply(together);
			if (refusal.isPresent()) {
				throw Problem.invalidField("items[" + index + "].tariffQuotaCertificate",
						"TARIFF_QUOTA_CERTIFICATE_REFUSED", certificate, refusal.get(), reasonWorded(refusal.get()));
			}
			taken.put(certificate, together);
			inQuota.add(item.lineNo());
			writeOffs.add(request);
		}
		return new Result(Set.copyOf(inQuota), List.copyOf(writeOffs));
	}
}
