package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JSON contract with agencies' systems (docs/agency-systems.md). {@code schemaVersion} changes only when a field
 * changes meaning or goes away; new fields may appear within a version, so readers ignore what they do not know.
 */
final class AgencySystemsMessages {

	static final int SCHEMA_VERSION = 1;

	private AgencySystemsMessages() {
	}

	/** On {@code <prefix>.tasks.<agency>}: a task that waits for one of the agency's officers. */
	record TaskMessage(int schemaVersion, UUID taskId, int taskVersion, String agency, String taskStatus,
			String policyCode, String note, String answer, Instant openedAt, UUID declarationId,
			String declarationNumber, String declarant, String flow, String tradeMode, String transportMode,
			String port, String tradingCountry, String currency, String incoterm, String declarationStatus,
			List<Line> lines) {

		static TaskMessage of(DeclarationView view, DeclarationView.Task task, Instant openedAt, String policyCode) {
			List<Integer> routed = view.routes().stream().filter(r -> r.agency().equals(task.agency()))
				.map(DeclarationView.Route::lineNo).distinct().toList();
			List<Line> lines = view.items().stream().filter(i -> routed.contains(i.lineNo()))
				.map(i -> new Line(i.lineNo(), i.hsCode(), i.description(), i.quantity(), i.unit(), i.value(),
						i.origin(), i.permitNumber(), i.tariffQuotaCertificate(), i.producer(), view.routes().stream()
							.filter(r -> r.lineNo() == i.lineNo() && r.agency().equals(task.agency()))
							.map(DeclarationView.Route::ruleCode).toList()))
				.toList();
			return new TaskMessage(SCHEMA_VERSION, task.id(), task.version(), task.agency(), task.status().name(),
					policyCode, task.note(), task.answer(), openedAt, view.id(), view.number(), view.declarant(),
					view.flow(), view.tradeMode(), view.transportMode(), view.port(), view.tradingCountry(),
					view.currency(), view.incoterm(), view.status().name(), lines);
		}
	}

	/**
	 * A goods line the agency was routed for, with the rules that routed it; {@code tariffQuotaCertificate} the
	 * tariff-quota certificate it was imported under, {@literal null} when none; {@code producer} the producer the
	 * declarant named (the one a trade-remedy notice's rate for a named producer was assessed on, which customs
	 * checks against the invoice and the certificate of origin), {@literal null} when none. Both were added to schema
	 * version 1 as optional fields, which a reader that does not know them passes over.
	 */
	record Line(int lineNo, String hsCode, String description, BigDecimal quantity, String unit, BigDecimal value,
			String origin, String permitNumber, String tariffQuotaCertificate, String producer,
			List<String> routedBy) {
	}

	/**
	 * On {@code <prefix>.decisions}, from an agency's system; the API key travels in the {@code Authorization} header.
	 * Either a task's decision ({@code taskId}, {@code taskVersion}, {@code decision}) or customs' decision on a
	 * declaration's cancellation ({@code declarationId}, {@code cancellation}: {@code CANCEL} or {@code REFUSE}, with
	 * the refused application's {@code appliedAt}), or customs' decision on an application for a correction
	 * ({@code declarationId}, {@code correction}: {@code CORRECT} as it asked or {@code REFUSE}, with the application's
	 * {@code appliedAt}); {@code reason} with each; or customs' record of a payment ({@code payment}), of a
	 * guarantee for the duties ({@code guarantee}) or of the refund of a cancelled declaration's duties
	 * ({@code refund}, a payment's shape, as {@code POST …/duty-refund}) with the {@code declarationId}; or customs'
	 * record of the payment of a general guarantee's monthly statement ({@code statementPayment}, no
	 * {@code declarationId}). Exactly one of {@code decision}, {@code cancellation}, {@code correction},
	 * {@code payment}, {@code guarantee}, {@code refund} and {@code statementPayment}.
	 */
	record DecisionMessage(Integer schemaVersion, UUID taskId, Integer taskVersion, String decision, String reason,
			UUID declarationId, String cancellation, Instant appliedAt, String correction, PaymentMessage payment,
			GuaranteeMessage guarantee, PaymentMessage refund, StatementPaymentMessage statementPayment) {
	}

	/**
	 * In a {@link DecisionMessage} of customs' system: the bank's payment of a general guarantee's monthly statement
	 * (汇总缴税), recorded as {@code POST /api/v1/general-guarantees/{id}/statements/{month}/payment} records it.
	 *
	 * @param month the statement's month, {@code 2026-12}
	 */
	record StatementPaymentMessage(UUID generalGuaranteeId, String month, java.math.BigDecimal amount,
			java.time.LocalDate paidOn, String reference) {
	}

	/**
	 * In a {@link DecisionMessage} of customs' system: the payment of a declaration's duties and taxes as the bank
	 * reported it, recorded as {@code POST …/duty-payment} records it; with {@code correctionId}, the settlement of
	 * that correction's own notice (补税 collected, 退税 refunded) as {@code POST …/corrections/{id}/settlement}; with
	 * {@code fromGuarantee} true, what customs took from the guarantee once the last day to pay passed unpaid
	 * (从担保中抵缴) as {@code POST …/duty-guarantee/enforcement}.
	 */
	record PaymentMessage(java.math.BigDecimal amount, java.time.LocalDate paidOn, String reference,
			UUID correctionId, Boolean fromGuarantee) {

		boolean takenFromGuarantee() {
			return Boolean.TRUE.equals(fromGuarantee);
		}
	}

	/**
	 * In a {@link DecisionMessage} of customs' system: a guarantee accepted for a declaration's duties before their
	 * payment (担保放行), recorded as {@code POST …/duty-guarantee} records it.
	 */
	record GuaranteeMessage(String kind, java.math.BigDecimal amount, java.time.LocalDate validUntil,
			String reference) {
	}

	/** On {@code <prefix>.decisions.dead-letters}: a decision that was not applied, with why. */
	record DeadLetter(int schemaVersion, String code, String detail, String originalKey, String originalValue,
			int originalPartition, long originalOffset, Instant refusedAt) {
	}

	/**
	 * On {@code <prefix>.declarations}: what happened to a declaration, for any system that follows them.
	 *
	 * @param document for {@code DOCUMENT_ATTACHED} only: the document the declarant attached
	 * @param by for a withdrawal, a cancellation, an application for one and its refusal: who did it (a user name)
	 * @param reason with {@code by}: the reason they gave
	 */
	record DeclarationMessage(int schemaVersion, String event, UUID declarationId, String declarationNumber,
			String declarationStatus, String agency, String decision, Instant at, AttachedDocument document,
			String by, String reason) {

		DeclarationMessage(int schemaVersion, String event, UUID declarationId, String declarationNumber,
				String declarationStatus, String agency, String decision, Instant at) {
			this(schemaVersion, event, declarationId, declarationNumber, declarationStatus, agency, decision, at, null,
					null, null);
		}
	}

	/**
	 * A supporting document as an agency's system fetches it: {@code href} is the API's address of its content (read
	 * with an officer's key), {@code sha256} what the fetched bytes must hash to.
	 */
	record AttachedDocument(UUID id, String kind, String fileName, String sha256, String href) {
	}
}
