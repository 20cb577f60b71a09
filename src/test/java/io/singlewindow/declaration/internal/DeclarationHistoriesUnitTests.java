package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.DeclarationCorrected;

/**
 * Whatever happens to a declaration, in whatever order — officers deciding, the declarant answering, withdrawing,
 * applying; customs releasing, cancelling, correcting, recording payments, guarantees and refunds, many of them
 * refused — the aggregate keeps the procedure's promises. Each test lives through the same seeded histories (a few
 * thousand, up to 30 changes each, drawn from small pools of values so that both the accepted and the refused paths
 * are taken) and checks one promise after every change; a failure names the seed, the history and the change.
 * {@code -Ddeclaration.histories.seed=…} lives through others by hand.
 * <p>
 * What {@link DeclarationUnitTests} shows one example at a time, these check in every order nobody wrote down:
 * an officer's decision is never undone, a refused change leaves nothing behind, the status moves only along the
 * procedure's ways, the status the declarant sees is the one its tasks give, goods are released only paid or
 * guaranteed, and every change is on the record.
 */
class DeclarationHistoriesUnitTests {

	static final long SEED = Long.getLong("declaration.histories.seed", 20261208L);

	static final int HISTORIES = 4_000;

	static final int LONGEST = 30;

	static final UUID CUSTOMS_TASK = UUID.fromString("00000000-0000-0000-0000-00000000000c");
	static final UUID CIQ_TASK = UUID.fromString("00000000-0000-0000-0000-00000000000a");
	static final UUID COMMERCE_TASK = UUID.fromString("00000000-0000-0000-0000-0000000000c0");
	static final LocalDate NOTICE_ON = LocalDate.of(2026, 11, 30);
	static final LocalDate PAY_BY = NOTICE_ON.plusDays(15);

	/** Where a status may go by one change; the three acts of the end (withdrawn, rejected, cancelled) go nowhere. */
	static final Map<DeclarationStatus, Set<DeclarationStatus>> WAYS = Map.of(
			DeclarationStatus.UNDER_REVIEW,
			EnumSet.of(DeclarationStatus.UNDER_REVIEW, DeclarationStatus.QUERIED, DeclarationStatus.REJECTED,
					DeclarationStatus.CLEARED, DeclarationStatus.WITHDRAWN),
			DeclarationStatus.QUERIED,
			EnumSet.of(DeclarationStatus.QUERIED, DeclarationStatus.UNDER_REVIEW, DeclarationStatus.REJECTED,
					DeclarationStatus.WITHDRAWN),
			DeclarationStatus.CLEARED,
			EnumSet.of(DeclarationStatus.CLEARED, DeclarationStatus.RELEASED, DeclarationStatus.CANCELLED),
			DeclarationStatus.RELEASED, EnumSet.of(DeclarationStatus.RELEASED, DeclarationStatus.CANCELLED),
			DeclarationStatus.REJECTED, EnumSet.of(DeclarationStatus.REJECTED),
			DeclarationStatus.WITHDRAWN, EnumSet.of(DeclarationStatus.WITHDRAWN),
			DeclarationStatus.CANCELLED, EnumSet.of(DeclarationStatus.CANCELLED));

	@Test
	void noOfficersDecisionIsEverUndoneByWhatHappensAfterIt() {
		livedThrough(step -> step.before().tasks().forEach((id, task) -> {
			if (task.status() != TaskStatus.PENDING && task.status() != TaskStatus.QUERIED) {
				assertThat(step.after().tasks().get(id)).as("a decided task, after %s", step.change()).isEqualTo(task);
			}
		}));
	}

	@Test
	void aRefusedChangeLeavesTheDeclarationAsItWas() {
		livedThrough(step -> {
			if (step.refusal() != null) {
				assertThat(step.after()).as("after %s, refused with %s", step.change(), step.refusal())
					.isEqualTo(step.before());
			}
		});
	}

	@Test
	void theStatusMovesOnlyAlongTheWaysOfTheProcedure() {
		livedThrough(step -> assertThat(WAYS.get(step.before().status()))
			.as("from %s by %s", step.before().status(), step.change())
			.contains(step.after().status()));
	}

	@Test
	void theStatusTheDeclarantSeesIsTheOneItsTasksGiveUntilAnActEndsTheReview() {
		Set<DeclarationStatus> acts = EnumSet.of(DeclarationStatus.WITHDRAWN, DeclarationStatus.RELEASED,
				DeclarationStatus.CANCELLED);
		livedThrough(step -> {
			if (!acts.contains(step.after().status())) {
				assertThat(step.after().status()).as("after %s, tasks %s", step.change(), step.after().tasks())
					.isEqualTo(DeclarationStatus.consolidate(
							step.after().tasks().values().stream().map(Declaration.Task::status).toList()));
			}
		});
	}

	@Test
	void goodsAreReleasedOnlyOnceWhatTheyOweIsPaidOrGuaranteed() {
		livedThrough(step -> {
			if (step.after().status() == DeclarationStatus.RELEASED
					&& step.before().status() != DeclarationStatus.RELEASED) {
				Declaration.Duties duties = step.before().duties();
				assertThat(!duties.unpaid() || duties.guaranteed()).as("paid or guaranteed before %s", step.change())
					.isTrue();
				assertThat(duties.differencesUnpaid()).as("no correction's notice unpaid").isZero();
			}
			assertThat(step.after().duties().differencesUnpaid()).as("after %s", step.change())
				.isGreaterThanOrEqualTo(BigDecimal.ZERO);
			var payment = step.after().duties().payment();
			if (payment != null && step.before().duties().payment() == null) {
				assertThat(payment.amount()).as("the payment %s records", step.change())
					.isEqualByComparingTo(step.after().duties().taxes().add(payment.surcharge()));
			}
		});
	}

	@Test
	void everyChangeAcceptedIsOnTheTimelineAndHeardAndOneThatChangedNothingIsNeither() {
		livedThrough(step -> {
			if (step.refusal() == null && step.changed()) {
				assertThat(step.after().timeline()).as("timeline after %s", step.change())
					.isGreaterThan(step.before().timeline());
				assertThat(step.after().events()).as("events after %s", step.change())
					.isGreaterThan(step.before().events());
			}
			if (step.refusal() == null && !step.changed()) {
				assertThat(step.after()).as("after %s, which changed nothing", step.change()).isEqualTo(step.before());
			}
		});
	}

	/** Every history of the seed, each change checked by {@code promise}. */
	private static void livedThrough(Consumer<Step> promise) {
		Random random = new Random(SEED);
		int refused = 0;
		int accepted = 0;
		Map<String, Integer> acceptedOfEachKind = new java.util.TreeMap<>();
		for (int n = 0; n < HISTORIES; n++) {
			History history = new History(random, n);
			int length = 1 + random.nextInt(LONGEST);
			for (int i = 0; i < length; i++) {
				Step step = history.next();
				try {
					promise.accept(step);
				} catch (AssertionError broken) {
					fail("Seed " + SEED + ", history " + n + ", change " + i + ":\n  " + String.join("\n  ",
							history.changes) + "\n" + broken.getMessage(), broken);
				}
				if (step.refusal() == null) {
					accepted++;
					KINDS.stream().filter(step.change()::startsWith).forEach(k -> acceptedOfEachKind.merge(k, 1, Integer::sum));
				} else {
					refused++;
				}
			}
		}
		// The pools are meant to take both paths often: a generator that only ever refused would prove nothing.
		assertThat(accepted).as("changes accepted").isGreaterThan(HISTORIES * 2);
		assertThat(refused).as("changes refused").isGreaterThan(HISTORIES * 3);
		assertThat(acceptedOfEachKind.keySet()).as("kinds of change accepted, %s", acceptedOfEachKind)
			.containsExactlyInAnyOrderElementsOf(KINDS);
		assertThat(acceptedOfEachKind.values()).as("kinds of change accepted, %s", acceptedOfEachKind)
			.allMatch(times -> times >= 10);
	}

	/** Every kind of change the histories try, as its description begins. */
	static final List<String> KINDS = List.of("decide", "answer", "withdraw", "release", "record payment",
			"accept a guarantee", "enforce the guarantee", "cancel", "record a refund", "apply for the cancellation",
			"refuse the cancellation", "apply for a correction", "refuse the correction", "correct the taxes",
			"attach an invoice", "settle the difference");

	/** One change and the declaration before and after it; {@code refusal} the code of the Problem that refused it. */
	record Step(String change, Seen before, Seen after, String refusal, boolean changed) {
	}

	/** All a change can touch, as a value: equal when nothing changed. */
	record Seen(DeclarationStatus status, Map<UUID, Declaration.Task> tasks, Declaration.Duties duties,
			Declaration.CancellationApplication application, Declaration.CorrectionApplication correction,
			Declaration.TaxDifference settled, int timeline, int events, int taskChanges, Instant changedAt,
			Instant clearedAt, Instant releasedAt, List<Boolean> flags) {

		static Seen of(Declaration d, List<Declaration.Task> loaded) {
			Map<UUID, Declaration.Task> tasks = new LinkedHashMap<>();
			loaded.forEach(t -> tasks.put(t.id(), t));
			d.taskChanges().forEach(c -> tasks.put(c.task().id(), c.task()));
			return new Seen(d.status(), tasks, d.duties(), d.application(), d.correctionApplication(),
					d.settledDifference(), d.timeline().size(), d.events().size(), d.taskChanges().size(),
					d.changedAt(), d.clearedAt(), d.releasedAt(),
					List.of(d.paymentRecorded(), d.refundRecorded(), d.guaranteeAccepted(), d.guaranteeEnforced(),
							d.applicationChanged(), d.correctionApplicationChanged()));
		}
	}

	/** One declaration as loaded, and the changes tried on it one after another. */
	private static final class History {

		private final Random random;
		private final Declaration declaration;
		private final List<Declaration.Task> loaded = new ArrayList<>();
		private final List<String> changes = new ArrayList<>();
		/** The corrections' own notices made so far, as customs would read them back (with their settlement). */
		private final List<Declaration.TaxDifference> differences = new ArrayList<>();
		private Instant now = Instant.parse("2026-11-30T02:00:00Z");

		History(Random random, int n) {
			this.random = random;
			List<UUID> ids = new ArrayList<>(List.of(CUSTOMS_TASK, CIQ_TASK, COMMERCE_TASK));
			List<AgencyCode> agencies = List.of(AgencyCode.CUSTOMS, AgencyCode.CIQ, AgencyCode.COMMERCE);
			int count = 1 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				TaskStatus status = pick(TaskStatus.PENDING, TaskStatus.PENDING, TaskStatus.PENDING,
						TaskStatus.AUTO_APPROVED, TaskStatus.AUTO_APPROVED, TaskStatus.APPROVED, TaskStatus.QUERIED);
				loaded.add(new Declaration.Task(ids.get(i), agencies.get(i), status, random.nextInt(3)));
			}
			DeclarationStatus status = DeclarationStatus
				.consolidate(loaded.stream().map(Declaration.Task::status).toList());
			BigDecimal taxes = new BigDecimal(pick("3645.12", "520.00", "88.80"));
			Declaration.Duties duties = switch (random.nextInt(4)) {
				case 0 -> Declaration.Duties.NONE;
				case 1 -> new Declaration.Duties(new BigDecimal("0.00"), NOTICE_ON, null);
				case 2 -> new Declaration.Duties(taxes, NOTICE_ON, null);
				// Paid on the day of its notice, as loaded once the bank's notice was recorded.
				default -> new Declaration.Duties(taxes, NOTICE_ON, new Declaration.DutyPayment(taxes,
						new BigDecimal("0.00"), NOTICE_ON, "ICBC-1", "officer.customs", now));
			};
			declaration = new Declaration(UUID.randomUUID(), "XM20261130%08d".formatted(n),
					Uscc.parse("91110000802100433B"), status, 1 + random.nextInt(5), loaded).withDuties(duties);
			changes.add("loaded " + status + " " + loaded + " " + duties);
		}

		Step next() {
			now = now.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 5)));
			Seen before = Seen.of(declaration, loaded);
			String[] change = { "" };
			String refusal = null;
			boolean changed = true;
			try {
				changed = change(change);
			} catch (Problem refused) {
				refusal = refused.code();
			} catch (RuntimeException unexpected) {
				throw new AssertionError("Seed " + SEED + ": " + change[0] + " threw " + unexpected + " after:\n  "
						+ String.join("\n  ", changes), unexpected);
			}
			changes.add(change[0] + (refusal == null ? changed ? "" : " (nothing to change)" : " → " + refusal));
			return new Step(change[0], before, Seen.of(declaration, loaded), refusal, changed);
		}

		/** Tries one change, named in {@code named[0]}; whether it changed anything (false: the same come again). */
		private boolean change(String[] named) {
			String officer = pick("officer.customs", "officer.ciq", "officer.commerce");
			// Mostly what the declaration's stage invites, so that long histories reach customs' side; the rest at
			// random, which is mostly refused.
			int kind = random.nextInt(5) == 0 ? random.nextInt(14)
					: declaration.status().open() ? pick(0, 0, 0, 0, 1, 1, 2, 3, 13)
					: declaration.status() == DeclarationStatus.CANCELLED ? pick(9, 9, 13)
					: pick(4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 10, 11, 12, 13);
			switch (kind) {
				case 0, 1, 2 -> {
					UUID task = random.nextInt(10) == 0 ? UUID.randomUUID()
							: pick(loaded.stream().map(Declaration.Task::id).toArray(UUID[]::new));
					TaskStatus next = pick(TaskStatus.APPROVED, TaskStatus.APPROVED, TaskStatus.APPROVED,
							TaskStatus.APPROVED, TaskStatus.QUERIED, TaskStatus.QUERIED, TaskStatus.REJECTED);
					Declaration.Task seen = Seen.of(declaration, loaded).tasks().get(task);
					Integer version = seen == null || random.nextInt(4) == 0 ? null
							: random.nextInt(3) == 0 ? seen.version() - 1 : seen.version();
					named[0] = "decide " + task + " " + next + " read at " + version;
					declaration.decide(task, next, next == TaskStatus.APPROVED ? null : "no certificate",
							next == TaskStatus.QUERIED ? day().plusDays(10) : null, version, officer, now);
				}
				case 3 -> {
					AgencyCode agency = pick(AgencyCode.CUSTOMS, AgencyCode.CIQ, AgencyCode.COMMERCE, AgencyCode.MSA);
					named[0] = "answer " + agency;
					declaration.answer(agency, "Fazenda Santa Ines", "trader.coffee", now);
				}
				case 4 -> {
					named[0] = "withdraw";
					declaration.withdraw("not shipped", "trader.coffee", now);
				}
				case 5 -> {
					named[0] = "release";
					declaration.release("officer.customs", now);
				}
				case 6 -> {
					LocalDate paidOn = pick(NOTICE_ON.minusDays(1), NOTICE_ON, PAY_BY, PAY_BY.plusDays(10));
					BigDecimal due = due(paidOn).add(pick(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.01")));
					named[0] = "record payment " + due + " on " + paidOn;
					return declaration.recordPayment(payment(due, paidOn, pick("ICBC-1", "ICBC-2")), PAY_BY);
				}
				case 7 -> {
					BigDecimal due = due(day());
					BigDecimal amount = due.add(pick(BigDecimal.ZERO, new BigDecimal("-0.01"), new BigDecimal("100"),
							new BigDecimal("100")));
					LocalDate validUntil = pick(PAY_BY.minusDays(1), PAY_BY.plusDays(30), PAY_BY.plusDays(90));
					named[0] = "accept a guarantee of " + amount + " valid until " + validUntil;
					return declaration.acceptGuarantee(new Declaration.DutyGuarantee(
							Declaration.GuaranteeKind.BANK_GUARANTEE, amount, validUntil, pick("LG-1", "LG-2"),
							"officer.customs", now), due, PAY_BY);
				}
				case 8 -> {
					LocalDate takenOn = pick(PAY_BY, PAY_BY.plusDays(10), PAY_BY.plusDays(10), PAY_BY.plusDays(60));
					BigDecimal amount = due(takenOn).add(pick(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.01")));
					named[0] = "enforce the guarantee for " + amount + " on " + takenOn;
					return declaration.enforceGuarantee(payment(amount, takenOn, "LG-CLAIM"), PAY_BY);
				}
				case 9 -> {
					if (declaration.status() != DeclarationStatus.CANCELLED && random.nextBoolean()
							|| random.nextInt(4) == 0) {
						named[0] = "cancel";
						declaration.cancel("goods returned", "officer.customs", now);
					} else {
						BigDecimal owed = refundDue();
						BigDecimal amount = owed.add(pick(BigDecimal.ZERO, BigDecimal.ONE));
						named[0] = "record a refund of " + amount + " (owed " + owed + ")";
						return declaration.recordRefund(payment(amount, day(), pick("R-1", "R-2")), owed);
					}
				}
				case 10 -> {
					if (random.nextBoolean()) {
						named[0] = "apply for the cancellation";
						declaration.applyForCancellation("goods returned", "trader.coffee", now);
					} else {
						Instant applied = applied(declaration.application() == null ? null
								: declaration.application().at());
						named[0] = "refuse the cancellation applied at " + applied;
						declaration.refuseCancellation("shipped", "officer.customs", now, applied);
					}
				}
				case 11 -> {
					if (random.nextBoolean()) {
						named[0] = "apply for a correction";
						declaration.applyForCorrection(new Declaration.CorrectionApplication("trader.coffee", now,
								"credit note", Map.of(1, new BigDecimal("3500.00"))));
					} else {
						Instant applied = applied(declaration.correctionApplication() == null ? null
								: declaration.correctionApplication().at());
						named[0] = "refuse the correction applied at " + applied;
						declaration.refuseCorrection("as invoiced", "officer.customs", now, applied);
					}
				}
				case 12 -> {
					BigDecimal before = Objects.requireNonNullElse(declaration.duties().taxes(), BigDecimal.ZERO);
					BigDecimal after = before.add(pick(new BigDecimal("-65.00"), BigDecimal.ZERO, new BigDecimal("200.00")))
						.max(BigDecimal.ZERO);
					named[0] = "correct the taxes " + before + " to " + after;
					DeclarationCorrected correction = new DeclarationCorrected(declaration.id(), declaration.number(),
							declaration.declarant(), "officer.customs", "credit note", now, before, after,
							List.of(new DeclarationCorrected.Line(1, new BigDecimal("3500.00"), null)));
					if (declaration.correct(correction)) {
						differences.add(new Declaration.TaxDifference(UUID.randomUUID(),
								correction.taxDifference(), day(), true, null));
					}
				}
				default -> {
					if (random.nextBoolean() || differences.isEmpty()) {
						named[0] = "attach an invoice";
						declaration.attach(new SupportingDocument(UUID.randomUUID(), declaration.id(),
								DocumentKind.INVOICE, "invoice.pdf", "application/pdf", 1024,
								"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "trader.coffee",
								now));
					} else {
						return settleADifference(named);
					}
				}
			}
			return true;
		}

		private boolean settleADifference(String[] named) {
			int which = random.nextInt(differences.size());
			Declaration.TaxDifference difference = differences.get(which);
			LocalDate paidOn = pick(difference.noticeOn(), difference.noticeOn().plusDays(40));
			BigDecimal owed = difference.amount().abs();
			BigDecimal amount = difference.collected()
					? DutyPaymentTerms.amountDue(owed, difference.noticeOn().plusDays(15), paidOn)
					: owed;
			amount = amount.add(pick(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.01")));
			named[0] = "settle the difference " + difference.amount() + " with " + amount + " on " + paidOn;
			boolean settled = declaration.settleDifference(difference, payment(amount, paidOn, pick("S-1", "S-2")),
					difference.noticeOn().plusDays(15));
			if (settled) {
				differences.set(which, declaration.settledDifference());
			}
			return settled;
		}

		/** What paying the first notice costs on {@code paidOn}; 100.00 when it has no taxes (always refused then). */
		private BigDecimal due(LocalDate paidOn) {
			BigDecimal taxes = declaration.duties().taxes();
			return taxes == null ? new BigDecimal("100.00") : DutyPaymentTerms.amountDue(taxes, PAY_BY, paidOn);
		}

		private BigDecimal refundDue() {
			BigDecimal settled = differences.stream()
				.filter(d -> d.settlement() != null)
				.map(Declaration.TaxDifference::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return declaration.duties().refundDue(settled);
		}

		/** The application as read: the one that waits, another one, or whichever (null). */
		private Instant applied(Instant waiting) {
			return switch (random.nextInt(3)) {
				case 0 -> null;
				case 1 -> waiting == null ? now : waiting.plusSeconds(1);
				default -> waiting;
			};
		}

		private Declaration.DutyPayment payment(BigDecimal amount, LocalDate paidOn, String reference) {
			return new Declaration.DutyPayment(amount, null, paidOn, reference, "officer.customs", now);
		}

		private LocalDate day() {
			return LocalDate.ofInstant(now, ZoneOffset.ofHours(8));
		}

		@SafeVarargs
		private <T> T pick(T... choices) {
			return choices[random.nextInt(choices.length)];
		}
	}
}
