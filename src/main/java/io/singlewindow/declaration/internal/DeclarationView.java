package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A declaration with its items, assessment, routing, tasks and timeline: the consolidated response. The risk channel
 * and the customs task's policy are officers' knowledge; {@link #withoutChannel()} removes them.
 *
 * @param taxesWaived what the consignment would have owed of each tax and is not collected under the small-amount
 *     rule (50 CNY or less, docs/tariff.md); the totals are what is collected. Absent before assessment
 * @param totalRemedy the anti-dumping, countervailing and safeguard duties (贸易救济) of its lines, part of
 *     {@code totalTaxes}; {@literal null} when none
 */
record DeclarationView(UUID id, String number, String declarant, String clientReference, String flow,
		String tradeMode, String transportMode, String port, String originCountry, String destinationCountry,
		String tradingCountry, String currency, String incoterm, BigDecimal freight, BigDecimal insurance,
		int packages, BigDecimal grossWeight, BigDecimal netWeight, String consignor, String consignee,
		DeclarationStatus status, String channel, String channelReasonCode, String channelReason,
		BigDecimal exchangeRate, BigDecimal totalCustomsValue, BigDecimal totalDuty, BigDecimal totalExcise,
		BigDecimal totalVat, BigDecimal totalTaxes, io.singlewindow.tariff.Assessment.Waived taxesWaived,
		String submittedBy, Instant submittedAt, Instant updatedAt,
		Instant clearedAt, Instant releasedAt, int version, List<Item> items, List<Route> routes, List<Task> tasks,
		List<Event> timeline, CancellationApplication cancellationApplication, List<Correction> corrections,
		CorrectionApplication correctionApplication, Duties duties, BigDecimal totalRemedy) {

	/**
	 * What a cleared or released declaration owes in duties and taxes (CNY) and by when ({@link DutyPaymentTerms});
	 * absent when it owes none (not cleared, an export without duties, every tax 50 CNY or less, cancelled before it
	 * paid them).
	 *
	 * @param noticeOn the day the payment notice was issued: the clearance
	 * @param payBy the last day to pay without a surcharge; {@literal null} when the first notice asked nothing and only
	 *     a correction's own notice is unpaid
	 * @param taxes what the first payment notice asks: the assessment's duties and taxes as corrected before the
	 *     payment (a correction made after it is a notice of its own: {@code corrections[].difference}); zero when the
	 *     consignment owed nothing at its clearance and a correction's own notice asks since
	 * @param surcharge the late-payment surcharge: as of today while unpaid, the one paid once paid
	 * @param amountDue what paying today costs, the taxes and the surcharge; zero once paid
	 * @param overdue unpaid after {@code payBy}
	 * @param payment the payment customs recorded, if any
	 * @param differencesUnpaid what corrections' own notices ask the declarant to pay and is not paid yet (release
	 *     waits for it too)
	 * @param paymentUnrecorded released before the platform recorded payments: whether and when the duties were paid
	 *     is not on record here (customs may record the payment with its day)
	 * @param guarantee the guarantee customs accepted for them before their payment (担保放行), if any
	 * @param refundDue once cancelled, what customs still owes back of what was paid (退税; zero once refunded);
	 *     {@literal null} otherwise
	 * @param refund once cancelled, the refund customs recorded, if any
	 */
	record Duties(BigDecimal taxes, LocalDate noticeOn, LocalDate payBy, BigDecimal surcharge, BigDecimal amountDue,
			boolean overdue, Payment payment, BigDecimal differencesUnpaid, boolean paymentUnrecorded,
			Guarantee guarantee, BigDecimal refundDue, Payment refund) {

		/**
		 * @param settledDifferences what the corrections' own notices settled, net: collected positive, refunded
		 *     negative (what a cancellation gives back with the taxes paid)
		 */
		static Duties of(DeclarationStatus status, Declaration.Duties owed, BigDecimal settledDifferences,
				io.singlewindow.calendar.WorkingCalendar calendar, LocalDate today) {
			if (!owed.owed() && settledDifferences.signum() == 0 && owed.differencesUnpaid().signum() == 0
					&& owed.guarantee() == null) {
				return null;
			}
			LocalDate payBy = owed.noticeOn() == null ? null : DutyPaymentTerms.payBy(owed, calendar);
			if (!status.cancellable()) {
				// A cancelled declaration owes nothing more; what was paid is owed back (退税) until refunded.
				BigDecimal back = owed.refundDue(settledDifferences);
				if (owed.payment() == null && back.signum() == 0 && owed.guarantee() == null) {
					// Nothing paid, nothing to give back, and no guarantee to say was returned.
					return null;
				}
				return new Duties(owed.taxes(), owed.noticeOn(), payBy,
						owed.payment() == null ? BigDecimal.ZERO.setScale(2) : owed.payment().surcharge(),
						BigDecimal.ZERO.setScale(2), false, owed.payment() == null ? null : Payment.of(owed.payment()),
						BigDecimal.ZERO.setScale(2), false, Guarantee.of(owed.guarantee(), owed.payment() != null, true),
						owed.refund() == null ? back : BigDecimal.ZERO.setScale(2),
						owed.refund() == null ? null : Payment.of(owed.refund()));
			}
			if (!owed.owed()) {
				if (owed.differencesUnpaid().signum() == 0 && owed.guarantee() == null) {
					return null;
				}
				// The first notice asks nothing (every tax of the consignment 50 CNY or less, or none, as assessed or
				// as a correction left it): no day to pay it by, nothing due on it; a guarantee accepted for it is
				// returned, and a correction's own notice may ask since.
				BigDecimal none = BigDecimal.ZERO.setScale(2);
				return new Duties(none, owed.noticeOn(), null, none, none, false, null, owed.differencesUnpaid(), false,
						Guarantee.of(owed.guarantee(), false, true), null, null);
			}
			BigDecimal unpaidDifferences = status.cancellable() ? owed.differencesUnpaid() : BigDecimal.ZERO.setScale(2);
			Declaration.DutyPayment paid = owed.payment();
			Guarantee guarantee = Guarantee.of(owed.guarantee(), paid != null, false);
			if (paid != null) {
				return new Duties(owed.taxes(), owed.noticeOn(), payBy, paid.surcharge(), BigDecimal.ZERO.setScale(2),
						false, Payment.of(paid), unpaidDifferences, false, guarantee, null, null);
			}
			if (status == DeclarationStatus.RELEASED && guarantee == null) {
				// Released unpaid and unguaranteed only before payments were recorded (release waits for one of them
				// since): claim nothing.
				return new Duties(owed.taxes(), owed.noticeOn(), payBy, BigDecimal.ZERO.setScale(2),
						BigDecimal.ZERO.setScale(2), false, null, unpaidDifferences, true, null, null, null);
			}
			return new Duties(owed.taxes(), owed.noticeOn(), payBy,
					DutyPaymentTerms.surcharge(owed.taxes(), payBy, today),
					DutyPaymentTerms.amountDue(owed.taxes(), payBy, today), today.isAfter(payBy), null,
					unpaidDifferences, false, guarantee, null, null);
		}

		/**
		 * Nothing owed stands in the way of the release: the first notice paid or guaranteed, no correction's notice
		 * unpaid.
		 */
		public boolean releasable() {
			return (!firstNoticeOwes() || payment != null || paymentUnrecorded || guaranteeCovers())
					&& differencesUnpaid.signum() == 0;
		}

		/**
		 * The first notice asks something: not when the consignment owed nothing at its clearance (every tax 50 CNY or
		 * less, or none) and only a correction's own notice asks.
		 */
		public boolean firstNoticeOwes() {
			return taxes != null && taxes.signum() > 0;
		}

		/** The first notice asks something and is not settled: neither paid nor released before payments were recorded. */
		public boolean firstNoticeUnpaid() {
			return firstNoticeOwes() && payment == null && !paymentUnrecorded;
		}

		/** Customs may take the duties from the guarantee now: it is held and the last day to pay has passed. */
		public boolean guaranteeEnforceable() {
			return guarantee != null && "HELD".equals(guarantee.state()) && overdue;
		}

		/** A guarantee covers the first notice (a correction it took in since may have raised it above). */
		public boolean guaranteeCovers() {
			return guarantee != null && guarantee.amount().compareTo(taxes) >= 0;
		}
	}

	/**
	 * The guarantee customs accepted for the duties before their payment (担保放行).
	 *
	 * @param kind {@code DEPOSIT} (保证金) or {@code BANK_GUARANTEE} (保函)
	 * @param validUntil a letter of guarantee's last day; {@literal null} for a deposit
	 * @param discharged no longer held: the duties were paid by the declarant or the declaration was cancelled before
	 *     they were, so the deposit is returned, the letter given back
	 * @param state {@code HELD} (the duties still owed), {@code DISCHARGED} (the declarant paid them), {@code ENFORCED}
	 *     (the last day passed unpaid and customs took them from it, 从担保中抵缴), {@code RETURNED} (cancelled unpaid)
	 * @param summary part of a general guarantee (kind {@code GENERAL}) for summary payment (汇总征税): the duties are
	 *     paid on the month's statement, by its last day ({@code payBy})
	 */
	record Guarantee(String kind, BigDecimal amount, LocalDate validUntil, String reference, String recordedBy,
			Instant recordedAt, boolean discharged, String state, boolean summary) {

		/**
		 * @param paid the duties it secured were paid: discharged
		 * @param returned they are owed no more unpaid (the declaration cancelled, or a correction left nothing on the
		 *     first notice): returned
		 */
		static Guarantee of(Declaration.DutyGuarantee accepted, boolean paid, boolean returned) {
			if (accepted == null) {
				return null;
			}
			String state = accepted.enforced() ? "ENFORCED" : paid ? "DISCHARGED" : returned ? "RETURNED" : "HELD";
			return new Guarantee(accepted.kind().name(), accepted.amount(), accepted.validUntil(), accepted.reference(),
					accepted.recordedBy(), accepted.recordedAt(), !accepted.enforced() && (paid || returned), state,
					accepted.summary());
		}
	}

	/** A payment as customs recorded it: the amount paid (or refunded), the day, the bank's reference. */
	record Payment(BigDecimal amount, LocalDate paidOn, String reference, String recordedBy, Instant recordedAt) {

		static Payment of(Declaration.DutyPayment paid) {
			return new Payment(paid.amount(), paid.paidOn(), paid.reference(), paid.recordedBy(), paid.recordedAt());
		}
	}

	/**
	 * What a correction made after the payment or the release changed in duties and taxes, on a notice of its own:
	 * {@code COLLECT} (补税), the declarant pays it by {@code payBy} as any notice (a late-payment surcharge after it),
	 * or {@code REFUND} (退税), customs pays it back.
	 *
	 * @param amount the difference, CNY, as a positive amount either way
	 * @param noticeOn the day of the correction
	 * @param payBy a collection's last day to pay without a surcharge; {@literal null} for a refund
	 * @param surcharge a collection's surcharge: as of today while unpaid, the one paid once paid
	 * @param amountDue what is still to pay (or refund) today; zero once settled
	 * @param overdue a collection unpaid after {@code payBy}
	 * @param payment the collection or refund customs recorded, if any
	 */
	record Difference(String kind, BigDecimal amount, LocalDate noticeOn, LocalDate payBy, BigDecimal surcharge,
			BigDecimal amountDue, boolean overdue, Payment payment) {

		/** Its own notice, or {@literal null} when the correction changed the first notice or nothing. */
		static Difference of(Declaration.TaxDifference difference, io.singlewindow.calendar.WorkingCalendar calendar,
				LocalDate today) {
			if (!difference.due()) {
				return null;
			}
			BigDecimal owed = difference.amount().abs();
			BigDecimal none = BigDecimal.ZERO.setScale(2);
			Declaration.DutyPayment settled = difference.settlement();
			if (!difference.collected()) {
				return new Difference("REFUND", owed, difference.noticeOn(), null, none, settled == null ? owed : none,
						false, settled == null ? null : Payment.of(settled));
			}
			LocalDate payBy = DutyPaymentTerms.payBy(difference.noticeOn(), calendar);
			if (settled != null) {
				return new Difference("COLLECT", owed, difference.noticeOn(), payBy, settled.surcharge(), none, false,
						Payment.of(settled));
			}
			return new Difference("COLLECT", owed, difference.noticeOn(), payBy,
					DutyPaymentTerms.surcharge(owed, payBy, today), DutyPaymentTerms.amountDue(owed, payBy, today),
					today.isAfter(payBy), null);
		}

		boolean settled() {
			return payment != null;
		}

		/** What its settlement moved, net: collected positive, refunded negative; zero while not settled. */
		BigDecimal settledNet() {
			return payment == null ? BigDecimal.ZERO : "COLLECT".equals(kind) ? amount : amount.negate();
		}
	}

	/**
	 * The declarant's application for a correction of the cleared or released declaration's values, while customs has
	 * not decided it (absent otherwise; every application and decision is on the timeline).
	 *
	 * @param lines the value asked for each line it would change
	 */
	record CorrectionApplication(String appliedBy, Instant appliedAt, String reason, List<CorrectedValue> lines) {

		/** The value asked for a line, or {@literal null} when the application leaves it as declared. */
		public BigDecimal valueOf(int lineNo) {
			return lines.stream().filter(l -> l.lineNo() == lineNo).map(CorrectedValue::value).findFirst().orElse(null);
		}
	}

	/**
	 * A correction customs made after the clearance (报关单修改), oldest first: who, when, why, the declaration's
	 * customs value and its duties and taxes before and after, in CNY.
	 *
	 * @param taxDifference what customs collects (positive, 补税) or refunds (negative, 退税)
	 * @param lines each line whose value or assessment changed
	 * @param difference its own notice, when made after the payment or the release; {@literal null} when the first
	 *     notice took the difference in (or there was none)
	 */
	record Correction(UUID id, String correctedBy, Instant correctedAt, String reason, BigDecimal customsValueBefore,
			BigDecimal customsValueAfter, BigDecimal taxesBefore, BigDecimal taxesAfter, BigDecimal taxDifference,
			List<CorrectedLine> lines, Difference difference) {

		/** As a cancelled declaration shows it: a notice not settled asks nothing any more. */
		Correction cancelled() {
			return difference == null || difference.settled() ? this
					: new Correction(id, correctedBy, correctedAt, reason, customsValueBefore, customsValueAfter,
							taxesBefore, taxesAfter, taxDifference, lines, null);
		}
	}

	/** One line of a correction: its declared value (declaration currency), customs value and taxes (CNY). */
	record CorrectedLine(int lineNo, BigDecimal valueBefore, BigDecimal valueAfter, BigDecimal customsValueBefore,
			BigDecimal customsValueAfter, BigDecimal taxesBefore, BigDecimal taxesAfter) {
	}

	/**
	 * The declarant's application for the cancellation of the cleared or released declaration, while customs has not
	 * decided it (absent otherwise; every application and decision is on the timeline).
	 */
	record CancellationApplication(String appliedBy, Instant appliedAt, String reason) {
	}

	/**
	 * @param tariffQuotaCertificate the tariff-quota certificate (关税配额证) the line was imported under, its rate basis
	 *     {@code IN_QUOTA} (or a lower one); {@literal null} when none
	 * @param producer the goods' producer as declared (a trade remedy may set a rate for it), {@literal null} when not
	 *     stated
	 * @param remedyRate the trade-remedy rates the line pays added up (anti-dumping, countervailing, safeguard; its
	 *     steps name each), {@literal null} when none
	 * @param remedy the trade-remedy duties in CNY, {@literal null} when none
	 */
	record Item(int lineNo, String hsCode, String description, BigDecimal quantity, String unit,
			BigDecimal statisticalQuantity, BigDecimal value, String origin, String permitNumber,
			String certificateAgreement, String certificateNumber, String tariffQuotaCertificate, String producer,
			BigDecimal customsValueCny, String rateBasis, BigDecimal dutyRate, BigDecimal duty, BigDecimal exciseRate,
			BigDecimal excise, BigDecimal vatRate, BigDecimal vat, List<String> steps,
			io.singlewindow.tariff.Assessment.PerUnit perUnit, BigDecimal remedyRate, BigDecimal remedy) {

		/** The trade-remedy duties, zero when none. */
		BigDecimal remedyOrZero() {
			return remedy == null ? BigDecimal.ZERO.setScale(2) : remedy;
		}
	}

	record Route(int lineNo, String agency, String ruleCode, String reason) {
	}

	/** An agency's task; {@code answerBy}, while it is queried, is the last day the declarant answers in time. */
	record Task(UUID id, String agency, TaskStatus status, String policyCode, String note, String decidedBy,
			Instant decidedAt, String reason, String answer, LocalDate answerBy, int version) {

		/** Whether the declarant's answer is late on {@code today} (a page passes the zone's day). */
		public boolean answerOverdueOn(LocalDate today) {
			return status == TaskStatus.QUERIED && AnswerDeadline.overdue(answerBy, today);
		}

		Task withoutAnswerDate() {
			return answerBy == null ? this
					: new Task(id, agency, status, policyCode, note, decidedBy, decidedAt, reason, answer, null, version);
		}
	}

	record Event(Instant at, String event, String agency, String actor, String reasonCode, String reason) {
	}

	/** The declarant's own reference as it gave it; {@literal null} for one the platform made up. */
	public String ownReference() {
		return Declarations.ownReference(clientReference);
	}

	/** What everyone but customs may see: no channel, no customs risk policy (see {@link ChannelVisibility}). */
	DeclarationView withoutChannel() {
		List<Task> visibleTasks = tasks.stream()
			.map(t -> "CUSTOMS".equals(t.agency()) ? new Task(t.id(), t.agency(), t.status(), null, null,
					t.decidedBy(), t.decidedAt(), t.reason(), t.answer(), t.answerBy(), t.version()) : t)
			.toList();
		List<Event> visibleEvents = timeline.stream()
			.map(e -> "CUSTOMS".equals(e.agency()) && "AUTO_APPROVED".equals(e.event())
					|| "ROUTED".equals(e.event()) && "CUSTOMS".equals(e.agency()) && e.reasonCode() != null
							&& e.reasonCode().startsWith("CUSTOMS_CHANNEL")
									? new Event(e.at(), e.event(), e.agency(), e.actor(), null, null) : e)
			.toList();
		return new DeclarationView(id, number, declarant, clientReference, flow, tradeMode, transportMode, port,
				originCountry, destinationCountry, tradingCountry, currency, incoterm, freight, insurance, packages,
				grossWeight, netWeight, consignor, consignee, status, null, null, null, exchangeRate,
				totalCustomsValue, totalDuty, totalExcise, totalVat, totalTaxes, taxesWaived, submittedBy, submittedAt,
				updatedAt,
				clearedAt, releasedAt, version, items, routes, visibleTasks, visibleEvents, cancellationApplication,
				corrections, correctionApplication, duties, totalRemedy);
	}

	/** The stored assessment as the tariff module's record, for its page fragment; null before assessment. */
	public io.singlewindow.tariff.Assessment tariffAssessment() {
		if (exchangeRate == null) {
			return null;
		}
		return new io.singlewindow.tariff.Assessment(exchangeRate, items.stream()
			.map(i -> new io.singlewindow.tariff.Assessment.Line(i.lineNo(), i.customsValueCny(), i.rateBasis(),
					i.dutyRate(), i.duty(), i.exciseRate(), i.excise(), i.vatRate(), i.vat(), i.steps(), i.perUnit(),
					i.remedyRate(), i.remedyOrZero()))
			.toList(), totalCustomsValue, totalDuty, totalExcise, totalVat, totalTaxes, taxesWaived,
				totalRemedy == null ? BigDecimal.ZERO.setScale(2) : totalRemedy);
	}

	Task task(String agency) {
		return tasks.stream().filter(t -> t.agency().equals(agency)).findFirst().orElse(null);
	}
}
