package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.permit.PermitRequirement;
import io.singlewindow.permit.WriteOff;
import io.singlewindow.permit.WriteOffRequest;
import io.singlewindow.platform.BusinessTime;

/** The permit ledger on the real database: requirements by HS scope, write-offs, restores, and races between them. */
@SingleWindowIntegrationTest
class PermitLedgerIntegrationTests {

	// Test permits go to holders of their own so that other modules' tests, which use the demo holders' permits, never
	// pick one of these up.
	static final Uscc CHIP = PermitFixtures.anotherUscc();
	static final Uscc COFFEE = PermitFixtures.anotherUscc();
	static final HsCode LAPTOPS = HsCode.of("8471300000");
	static final HsCode LASERS = HsCode.of("9013200000");
	static final UnitCode PIECES = UnitCode.of("C62");

	@Autowired
	PermitLedger ledger;

	@Autowired
	IssuedPermits permits;

	@Autowired
	PermitCatalogue catalogue;

	@Autowired
	BusinessTime time;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	IssuedPermit anAutomaticImportLicence(Uscc holder, String quantity) {
		return permits.issue(new IssuedPermits.Grant(catalogue.get("AIL"), holder, null, "test laptops",
				List.of("8471300000"), new BigDecimal(quantity), null, time.today(), "test"));
	}

	WriteOffRequest laptops(UUID declaration, int line, IssuedPermit permit, String quantity) {
		return new WriteOffRequest(declaration, line, permit.number(), permit.holder(), LAPTOPS,
				new BigDecimal(quantity), PIECES, new BigDecimal("1000.00"));
	}

	BigDecimal remainingOf(IssuedPermit permit) {
		return permits.get(permit.number()).remainingQuantity();
	}

	@Test
	void goodsNeedThePermitsWhoseScopeCoversThemInTheirFlow() {
		assertThat(ledger.requirementsFor(LAPTOPS, TradeFlow.IMPORT))
			.containsExactly(new PermitRequirement("AIL", AgencyCode.COMMERCE, "自动进口许可证", "Automatic import licence"));
		assertThat(ledger.requirementsFor(HsCode.of("8471300000"), TradeFlow.EXPORT)).isEmpty();
		assertThat(ledger.requirementsFor(HsCode.of("8101940000"), TradeFlow.EXPORT))
			.extracting(PermitRequirement::catalogueCode, PermitRequirement::issuingAgency)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("EXPORT_LICENCE", AgencyCode.COMMERCE));
		assertThat(ledger.requirementsFor(HsCode.of("0901110000"), TradeFlow.IMPORT))
			.extracting(PermitRequirement::catalogueCode).containsExactly("QUARANTINE_ENTRY");
		assertThat(ledger.requirementsFor(HsCode.of("3004909099"), TradeFlow.IMPORT))
			.extracting(PermitRequirement::catalogueCode).containsExactly("DRUG_IMPORT");
		// Roasted coffee, processors and perfumes need no catalogue permit.
		assertThat(ledger.requirementsFor(HsCode.of("0901210000"), TradeFlow.IMPORT)).isEmpty();
		assertThat(ledger.requirementsFor(HsCode.of("8542319000"), TradeFlow.IMPORT)).isEmpty();
		assertThat(ledger.requirementsFor(HsCode.of("3303000000"), TradeFlow.IMPORT)).isEmpty();
	}

	@Test
	void theDemoHoldersHoldTheirPermitsInForceForAYear() {
		assertThat(ledger.heldBy(EnterpriseFixtures.demo("CHIP"))).anySatisfy(p -> {
			assertThat(p.catalogueCode()).isEqualTo("AIL");
			assertThat(p.status()).isEqualTo("IN_FORCE");
			assertThat(p.quotaUnit()).isEqualTo("C62");
			assertThat(p.validUntil()).isAfterOrEqualTo(time.today().plusMonths(11));
		});
		assertThat(ledger.heldBy(EnterpriseFixtures.demo("TUNGSTEN"))).extracting(p -> p.catalogueCode())
			.contains("EXPORT_LICENCE");
		assertThat(ledger.heldBy(EnterpriseFixtures.demo("COFFEE"))).extracting(p -> p.catalogueCode())
			.contains("QUARANTINE_ENTRY");
		assertThat(ledger.heldBy(EnterpriseFixtures.demo("BIO"))).extracting(p -> p.catalogueCode())
			.contains("DRUG_IMPORT");
	}

	@Test
	void aWriteOffConsumesQuotaAndIsRecorded() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "100");
		UUID declaration = UUID.randomUUID();

		WriteOff first = ledger.writeOff(laptops(declaration, 1, permit, "30"));
		WriteOff second = ledger.writeOff(laptops(declaration, 2, permit, "25.5"));

		assertThat(first.remainingQuantity()).isEqualByComparingTo("70");
		assertThat(second.remainingQuantity()).isEqualByComparingTo("44.5");
		assertThat(remainingOf(permit)).isEqualByComparingTo("44.5");
		assertThat(ledger.writeOffsOf(declaration)).extracting(WriteOff::lineNo).containsExactly(1, 2);
		assertThat(ledger.heldBy(CHIP)).filteredOn(p -> p.number().equals(permit.number()))
			.singleElement().satisfies(p -> assertThat(p.remainingQuantity()).isEqualByComparingTo("44.5"));
	}

	/** The seeded catalogue's quarantine entry permit, whose quota counts kilograms, for green coffee. */
	IssuedPermit aQuarantineEntryPermit(Uscc holder, String kilograms) {
		return permits.issue(new IssuedPermits.Grant(catalogue.get("QUARANTINE_ENTRY"), holder, null, "test beans",
				List.of("0901110000"), new BigDecimal(kilograms), null, time.today(), "test"));
	}

	WriteOffRequest beans(UUID declaration, int line, IssuedPermit permit, String quantity, String unit) {
		return new WriteOffRequest(declaration, line, permit.number(), permit.holder(), HsCode.of("0901110000"),
				new BigDecimal(quantity), UnitCode.of(unit), new BigDecimal("100.00"));
	}

	@Test
	void aQuotaInKilogramsTakesTonnesAsKilogramsAndRefusesPieces() {
		IssuedPermit permit = aQuarantineEntryPermit(COFFEE, "1000");
		assertThat(permit.quotaUnit()).isEqualTo("KGM");
		UUID declaration = UUID.randomUUID();

		// Five tonnes was written off as five kilograms: the licence let 1,000 times its quota in.
		assertThat(ledger.check(beans(declaration, 1, permit, "5", "TNE"))).contains("PERMIT_QUOTA_EXCEEDED");
		WriteOff tonnes = ledger.writeOff(beans(declaration, 1, permit, "0.25", "TNE"));
		assertThat(tonnes.quantity()).as("recorded in the quota's unit").isEqualByComparingTo("250");
		assertThat(tonnes.remainingQuantity()).isEqualByComparingTo("750");

		// Bags (pieces) are no measure of kilograms: refused, nothing taken.
		assertThat(ledger.check(beans(declaration, 2, permit, "40", "C62"))).contains("PERMIT_QUOTA_UNIT_MISMATCH");
		assertProblem(() -> ledger.writeOff(beans(declaration, 2, permit, "40", "C62")), "PERMIT_QUOTA_UNIT_MISMATCH");
		assertThat(remainingOf(permit)).isEqualByComparingTo("750");

		// Half a gram is taken as the thousandth of a kilogram the quota is kept in, never as nothing.
		assertThat(ledger.writeOff(beans(declaration, 3, permit, "0.5", "GRM")).remainingQuantity())
			.isEqualByComparingTo("749.999");

		ledger.restore(declaration);
		assertThat(remainingOf(permit)).as("a restore gives back what was taken").isEqualByComparingTo("1000");
	}

	/** The seeded catalogue's value-quota permit: a dual-use export licence worth {@code valueCny} for lasers. */
	IssuedPermit aDualUseExportLicence(Uscc holder, String valueCny) {
		return permits.issue(new IssuedPermits.Grant(catalogue.get("DUAL_USE_EXPORT"), holder, null, "test lasers",
				List.of("901320"), null, new BigDecimal(valueCny), time.today(), "test"));
	}

	WriteOffRequest lasers(UUID declaration, int line, IssuedPermit permit, String valueCny) {
		return new WriteOffRequest(declaration, line, permit.number(), permit.holder(), LASERS, BigDecimal.ONE,
				PIECES, new BigDecimal(valueCny));
	}

	@Test
	void aValueQuotaIsConsumedByTheLinesCustomsValue() {
		IssuedPermit permit = aDualUseExportLicence(CHIP, "100000.00");
		assertThat(permit.hasValueQuota()).isTrue();
		assertThat(permit.hasQuantityQuota()).isFalse();
		UUID declaration = UUID.randomUUID();

		WriteOff first = ledger.writeOff(lasers(declaration, 1, permit, "60000.00"));
		WriteOff second = ledger.writeOff(lasers(declaration, 2, permit, "39999.99"));

		assertThat(first.remainingValue()).isEqualByComparingTo("40000.00");
		assertThat(second.remainingValue()).isEqualByComparingTo("0.01");
		assertThat(second.remainingQuantity()).isNull();
		assertThat(permits.get(permit.number()).remainingValue()).isEqualByComparingTo("0.01");
		assertThat(ledger.heldBy(CHIP)).filteredOn(p -> p.number().equals(permit.number()))
			.singleElement().satisfies(p -> assertThat(p.remainingValue()).isEqualByComparingTo("0.01"));
	}

	@Test
	void aValueQuotaIsNeverOverdrawnAndARefusalChangesNothing() {
		IssuedPermit permit = aDualUseExportLicence(CHIP, "1000.00");
		UUID declaration = UUID.randomUUID();
		ledger.writeOff(lasers(declaration, 1, permit, "999.99"));

		assertThat(ledger.check(lasers(declaration, 2, permit, "0.02"))).contains("PERMIT_QUOTA_EXCEEDED");
		assertProblem(() -> ledger.writeOff(lasers(declaration, 2, permit, "0.02")), "PERMIT_QUOTA_EXCEEDED");
		// A missing value is invalid input (uniform INVALID_INPUT since the hostile-input work), its field says REQUIRED.
		assertThatThrownBy(() -> ledger.writeOff(new WriteOffRequest(declaration, 3, permit.number(), CHIP, LASERS,
				BigDecimal.ONE, PIECES, null))).isInstanceOfSatisfying(Problem.class, p -> {
					assertThat(p.code()).isEqualTo("INVALID_INPUT");
					assertThat(p.fieldProblems()).extracting(io.singlewindow.core.FieldProblem::code).containsExactly("REQUIRED");
				});
		assertThat(permits.get(permit.number()).remainingValue()).isEqualByComparingTo("0.01");
		assertThat(ledger.writeOffsOf(declaration)).extracting(WriteOff::lineNo).containsExactly(1);

		// Exactly what is left still fits.
		assertThat(ledger.writeOff(lasers(declaration, 4, permit, "0.01")).remainingValue()).isEqualByComparingTo("0");
	}

	@Test
	void aRejectedDeclarationGivesItsValueBack() {
		IssuedPermit permit = aDualUseExportLicence(CHIP, "5000.00");
		UUID declaration = UUID.randomUUID();
		ledger.writeOff(lasers(declaration, 1, permit, "1200.50"));
		ledger.writeOff(lasers(declaration, 2, permit, "800.00"));
		assertThat(permits.get(permit.number()).remainingValue()).isEqualByComparingTo("2999.50");

		ledger.restore(declaration);

		assertThat(permits.get(permit.number()).remainingValue()).isEqualByComparingTo("5000.00");
		assertThat(permits.get(permit.number()).remainingQuantity()).isNull();
	}

	@Test
	void concurrentValueWriteOffsNeverOverdrawTheLicence() throws Exception {
		IssuedPermit permit = aDualUseExportLicence(CHIP, "1000.00");
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						ledger.writeOff(lasers(UUID.randomUUID(), 1, permit, "300.00"));
						return true;
					} catch (Problem refused) {
						assertThat(refused.code()).isEqualTo("PERMIT_QUOTA_EXCEEDED");
						return false;
					}
				}));
			}
			start.countDown();
			long written = 0;
			for (Future<Boolean> r : results) {
				written += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(written).isEqualTo(3);
		}
		assertThat(permits.get(permit.number()).remainingValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void repeatingAWriteOffReturnsTheOriginalAndConsumesNothingMore() {
		aRepeatReturnsTheOriginal("100", "40", "60");
	}

	@Test
	void repeatingTheWriteOffThatTookTheLastOfTheQuotaReturnsItRatherThanARefusal() {
		IssuedPermit permit = aRepeatReturnsTheOriginal("100", "100", "0");
		assertProblem(() -> ledger.writeOff(laptops(UUID.randomUUID(), 1, permit, "1")), "PERMIT_QUOTA_EXCEEDED");
	}

	private IssuedPermit aRepeatReturnsTheOriginal(String quota, String quantity, String remaining) {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, quota);
		UUID declaration = UUID.randomUUID();

		WriteOff first = ledger.writeOff(laptops(declaration, 1, permit, quantity));
		WriteOff again = ledger.writeOff(laptops(declaration, 1, permit, quantity));

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(remainingOf(permit)).isEqualByComparingTo(remaining);
		assertThat(ledger.writeOffsOf(declaration)).hasSize(1);
		return permit;
	}

	@Test
	void refusesWhatThePermitDoesNotAllowAndChangesNothing() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID declaration = UUID.randomUUID();

		assertProblem(() -> ledger.writeOff(laptops(declaration, 1, permit, "10.001")), "PERMIT_QUOTA_EXCEEDED");
		assertProblem(() -> ledger.writeOff(new WriteOffRequest(declaration, 1, permit.number(), COFFEE, LAPTOPS,
				BigDecimal.ONE, PIECES, null)), "PERMIT_HOLDER_MISMATCH");
		assertProblem(() -> ledger.writeOff(new WriteOffRequest(declaration, 1, permit.number(), CHIP,
				HsCode.of("8542319000"), BigDecimal.ONE, PIECES, null)), "PERMIT_SCOPE_MISMATCH");
		assertProblem(() -> ledger.writeOff(new WriteOffRequest(declaration, 1, "AIL-1999-999999", CHIP, LAPTOPS,
				BigDecimal.ONE, PIECES, null)), "PERMIT_NOT_FOUND");
		assertProblem(() -> ledger.writeOff(laptops(declaration, 1, permit, "-1")), "INVALID_INPUT");

		assertThat(remainingOf(permit)).isEqualByComparingTo("10");
		assertThat(ledger.writeOffsOf(declaration)).isEmpty();
	}

	@Test
	void aCheckAnswersAsTheWriteOffWouldWithoutConsumingAnything() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID declaration = UUID.randomUUID();

		assertThat(ledger.check(laptops(declaration, 1, permit, "10"))).isEmpty();
		assertThat(ledger.check(laptops(declaration, 1, permit, "10.001"))).contains("PERMIT_QUOTA_EXCEEDED");
		assertThat(ledger.check(new WriteOffRequest(declaration, 1, permit.number(), COFFEE, LAPTOPS, BigDecimal.ONE,
				PIECES, null))).contains("PERMIT_HOLDER_MISMATCH");
		assertThat(ledger.check(new WriteOffRequest(declaration, 1, "AIL-1999-999999", CHIP, LAPTOPS, BigDecimal.ONE,
				PIECES, null))).contains("PERMIT_NOT_FOUND");
		assertThat(remainingOf(permit)).isEqualByComparingTo("10");

		// Once written off, the same line checks as fine again (a repeat consumes nothing), other lines see the rest.
		ledger.writeOff(laptops(declaration, 1, permit, "7"));
		assertThat(ledger.check(laptops(declaration, 1, permit, "7"))).isEmpty();
		assertThat(ledger.check(laptops(declaration, 2, permit, "4"))).contains("PERMIT_QUOTA_EXCEEDED");
		assertThat(remainingOf(permit)).isEqualByComparingTo("3");
	}

	@Test
	void aRefusedLineLeavesTheDeclarationsTransactionUsable() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID declaration = UUID.randomUUID();

		transactions.executeWithoutResult(tx -> {
			assertProblem(() -> ledger.writeOff(laptops(declaration, 1, permit, "11")), "PERMIT_QUOTA_EXCEEDED");
			ledger.writeOff(laptops(declaration, 2, permit, "4"));
		});

		assertThat(ledger.writeOffsOf(declaration)).extracting(WriteOff::lineNo).containsExactly(2);
		assertThat(remainingOf(permit)).isEqualByComparingTo("6");
	}

	@Test
	void aSuspendedRevokedOrExpiredPermitCannotBeWrittenOff() {
		IssuedPermit suspended = anAutomaticImportLicence(CHIP, "10");
		jdbc.sql("UPDATE permit SET status = 'SUSPENDED' WHERE id = ?").param(suspended.id()).update();
		IssuedPermit expired = anAutomaticImportLicence(CHIP, "10");
		jdbc.sql("UPDATE permit SET valid_from = ?, valid_until = ? WHERE id = ?")
			.params(time.today().minusYears(1), time.today().minusDays(1), expired.id())
			.update();

		assertProblem(() -> ledger.writeOff(laptops(UUID.randomUUID(), 1, suspended, "1")), "PERMIT_NOT_IN_FORCE");
		assertProblem(() -> ledger.writeOff(laptops(UUID.randomUUID(), 1, expired, "1")), "PERMIT_NOT_IN_FORCE");
		assertThat(ledger.heldBy(CHIP)).filteredOn(p -> p.number().equals(expired.number()))
			.singleElement().extracting(p -> p.status()).isEqualTo("EXPIRED");
	}

	@Test
	void restoreGivesBackWhatADeclarationConsumedOnce() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "100");
		UUID declaration = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		ledger.writeOff(laptops(declaration, 1, permit, "30"));
		ledger.writeOff(laptops(declaration, 2, permit, "20"));
		ledger.writeOff(laptops(other, 1, permit, "5"));

		ledger.restore(declaration);
		ledger.restore(declaration);

		assertThat(remainingOf(permit)).isEqualByComparingTo("95");
		assertThat(ledger.writeOffsOf(declaration)).hasSize(2).allSatisfy(w -> assertThat(w.restoredAt()).isNotNull());
		assertThat(ledger.writeOffsOf(other)).singleElement().satisfies(w -> assertThat(w.restoredAt()).isNull());
		// A resubmitted declaration consumes again, and the restored write-off stays as history.
		ledger.writeOff(laptops(declaration, 1, permit, "30"));
		assertThat(remainingOf(permit)).isEqualByComparingTo("65");
		assertThat(ledger.writeOffsOf(declaration)).hasSize(3);
	}

	@Test
	void aPermitWithoutQuotaRecordsWriteOffsWithoutLimit() {
		IssuedPermit drugs = permits.issue(new IssuedPermits.Grant(catalogue.get("DRUG_IMPORT"),
				PermitFixtures.anotherUscc(), null, "test", List.of(), null, null, time.today(), "test"));
		UUID declaration = UUID.randomUUID();

		WriteOff w = ledger.writeOff(new WriteOffRequest(declaration, 1, drugs.number(), drugs.holder(),
				HsCode.of("3004909099"), new BigDecimal("1000000"), PIECES, new BigDecimal("5000000")));

		assertThat(w.remainingQuantity()).isNull();
		assertThat(w.remainingValue()).isNull();
		ledger.restore(declaration);
		assertThat(permits.get(drugs.number()).remainingQuantity()).isNull();
	}

	@Test
	void concurrentDeclarationsNeverOverdrawAPermit() throws Exception {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "100");
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
		List<Future<WriteOff>> results = new ArrayList<>();
		List<UUID> declarations = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				UUID declaration = UUID.randomUUID();
				declarations.add(declaration);
				results.add(pool.submit(() -> {
					start.await();
					try {
						return ledger.writeOff(laptops(declaration, 1, permit, "7"));
					} catch (Problem p) {
						refusals.add(p.code());
						return null;
					}
				}));
			}
			start.countDown();
			assertFourteenOfSixteenWrittenOff(results, refusals, permit);

			// Restores racing with new write-offs keep the books balanced too.
			List<Future<?>> second = new ArrayList<>();
			CountDownLatch again = new CountDownLatch(1);
			for (int i = 0; i < 8; i++) {
				UUID restoreMe = declarations.get(i);
				UUID fresh = UUID.randomUUID();
				second.add(pool.submit(() -> {
					again.await();
					ledger.restore(restoreMe);
					return null;
				}));
				second.add(pool.submit(() -> {
					again.await();
					try {
						ledger.writeOff(laptops(fresh, 1, permit, "3"));
					} catch (Problem p) {
						refusals.add(p.code());
					}
					return null;
				}));
			}
			again.countDown();
			for (Future<?> f : second) {
				f.get(60, TimeUnit.SECONDS);
			}
			BigDecimal remaining = remainingOf(permit);
			assertThat(remaining.signum()).isGreaterThanOrEqualTo(0);
			assertThat(new BigDecimal("100").subtract(remaining)).isEqualByComparingTo(activeConsumption(permit));
		} finally {
			pool.shutdownNow();
		}
	}

	@Test
	void concurrentRepeatsOfOneWriteOffConsumeOnce() throws Exception {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "100");
		UUID declaration = UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<WriteOff>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return ledger.writeOff(laptops(declaration, 1, permit, "10"));
				}));
			}
			start.countDown();
			List<UUID> ids = new ArrayList<>();
			for (Future<WriteOff> f : results) {
				ids.add(f.get(60, TimeUnit.SECONDS).id());
			}
			assertThat(ids).hasSize(8).containsOnly(ids.getFirst());
			assertThat(remainingOf(permit)).isEqualByComparingTo("90");
		} finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aWriteOffRightAfterItsCheckTakesThePermitAsTheCheckReadIt() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "100");
		UUID declaration = UUID.randomUUID();
		Taken before = taken();

		WriteOff written = transactions.execute(tx -> {
			assertThat(ledger.check(laptops(declaration, 1, permit, "30"))).isEmpty();
			return ledger.writeOff(laptops(declaration, 1, permit, "30"));
		});

		assertThat(written.remainingQuantity()).isEqualByComparingTo("70");
		assertThat(remainingOf(permit)).isEqualByComparingTo("70");
		assertThat(activeConsumption(permit)).isEqualByComparingTo("30");
		assertThat(permits.get(permit.number()).version()).isEqualTo(permit.version() + 1);
		assertTakenSince(before, 1, 0);
	}

	@Test
	void aPermitWrittenOffByAnotherDeclarationSinceTheCheckIsDecidedAsItIsNow() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		Taken before = taken();

		transactions.executeWithoutResult(tx -> {
			assertThat(ledger.check(laptops(mine, 1, permit, "5"))).isEmpty(); // 10 left as read here
			apart().executeWithoutResult(other -> {
				assertThat(ledger.check(laptops(theirs, 1, permit, "8"))).isEmpty();
				ledger.writeOff(laptops(theirs, 1, permit, "8"));
			});
			// Written as checked, this would leave 5 and lose the other declaration's 8.
			assertProblem(() -> ledger.writeOff(laptops(mine, 1, permit, "5")), "PERMIT_QUOTA_EXCEEDED");
		});

		assertThat(remainingOf(permit)).isEqualByComparingTo("2");
		assertThat(activeConsumption(permit)).isEqualByComparingTo("8");
		assertThat(ledger.writeOffsOf(mine)).isEmpty();
		// Theirs as they checked it; mine found the permit changed and decided under the lock.
		assertTakenSince(before, 1, 1);
	}

	/** A change made by hand in SQL leaves the version alone: the write-off still sees the permit as it is now. */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
			UPDATE permit SET status = 'SUSPENDED' WHERE id = ? | PERMIT_NOT_IN_FORCE   | 10
			UPDATE permit SET remaining_quantity = 1 WHERE id = ? | PERMIT_QUOTA_EXCEEDED | 1""")
	void aPermitChangedByHandSinceTheCheckIsDecidedAsItIsNow(String change, String refusal, String remaining) {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID declaration = UUID.randomUUID();

		writeOffAfterAChangeByHand(permit, declaration, change, refusal);

		assertThat(remainingOf(permit)).isEqualByComparingTo(remaining);
		assertThat(ledger.writeOffsOf(declaration)).isEmpty();
	}

	/**
	 * Checks 5 units of line 1 against {@code permit}, has {@code change} committed meanwhile as one would by hand in
	 * SQL (the permit's version left as it was), then writes the line off: refused with {@code refusal}.
	 */
	private void writeOffAfterAChangeByHand(IssuedPermit permit, UUID declaration, String change, String refusal) {
		transactions.executeWithoutResult(tx -> {
			assertThat(ledger.check(laptops(declaration, 1, permit, "5"))).isEmpty();
			apart().executeWithoutResult(other -> jdbc.sql(change).param(permit.id()).update());
			assertProblem(() -> ledger.writeOff(laptops(declaration, 1, permit, "5")), refusal);
		});
	}

	/** A transaction of its own, started from inside another one. */
	private TransactionTemplate apart() {
		TransactionTemplate apart = new TransactionTemplate(transactions.getTransactionManager());
		apart.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return apart;
	}

	@Test
	void twoLinesUnderOnePermitCheckedTogetherAreBothWrittenOffInFull() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID declaration = UUID.randomUUID();
		Taken before = taken();

		transactions.executeWithoutResult(tx -> {
			assertThat(ledger.check(laptops(declaration, 1, permit, "6"))).isEmpty();
			assertThat(ledger.check(laptops(declaration, 2, permit, "3"))).isEmpty();
			ledger.writeOff(laptops(declaration, 1, permit, "6"));
			ledger.writeOff(laptops(declaration, 2, permit, "3"));
		});

		assertThat(remainingOf(permit)).isEqualByComparingTo("1");
		assertThat(activeConsumption(permit)).isEqualByComparingTo("9");
		// The second line against the permit as the first left it.
		assertTakenSince(before, 2, 0);
	}

	@Test
	void aLineWrittenOffAgainAfterItsCheckConsumesNothingMore() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID declaration = UUID.randomUUID();

		WriteOff[] both = transactions.execute(tx -> {
			WriteOff first = ledger.writeOff(laptops(declaration, 1, permit, "4"));
			assertThat(ledger.check(laptops(declaration, 1, permit, "4"))).isEmpty();
			return new WriteOff[] { first, ledger.writeOff(laptops(declaration, 1, permit, "4")) };
		});

		assertThat(both[1].id()).isEqualTo(both[0].id());
		assertThat(remainingOf(permit)).isEqualByComparingTo("6");
		assertThat(activeConsumption(permit)).isEqualByComparingTo("4");
	}

	@Test
	void aWriteOffUndoneByItsSavepointLeavesTheNextWriteOffRight() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID undone = UUID.randomUUID();
		UUID kept = UUID.randomUUID();
		TransactionTemplate savepoint = new TransactionTemplate(transactions.getTransactionManager());
		savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);

		transactions.executeWithoutResult(tx -> {
			savepoint.executeWithoutResult(inner -> {
				assertThat(ledger.check(laptops(undone, 1, permit, "7"))).isEmpty();
				ledger.writeOff(laptops(undone, 1, permit, "7"));
				inner.setRollbackOnly();
			});
			// No check in between: the permit kept as the undone write-off left it (3 remaining) is no longer the row,
			// which holds 10 again; written as kept, 1 would remain instead of 8.
			ledger.writeOff(laptops(kept, 1, permit, "2"));
		});

		assertThat(remainingOf(permit)).isEqualByComparingTo("8");
		assertThat(activeConsumption(permit)).isEqualByComparingTo("2");
		assertThat(ledger.writeOffsOf(undone)).isEmpty();
	}

	@Test
	void permitsReadAheadForAGroupAreCheckedWithoutReadingThemAgain() {
		IssuedPermit first = anAutomaticImportLicence(CHIP, "10");
		IssuedPermit second = anAutomaticImportLicence(CHIP, "10");
		UUID declaration = UUID.randomUUID();
		Checked before = checked();
		Taken taken = taken();

		transactions.executeWithoutResult(tx -> {
			ledger.readAhead(List.of(first.number(), second.number(), "AIL-2026-NO-SUCH-PERMIT", " "));
			assertThat(ledger.check(laptops(declaration, 1, first, "6"))).isEmpty();
			assertThat(ledger.check(laptops(declaration, 2, second, "10"))).isEmpty();
			assertThat(ledger.check(new WriteOffRequest(declaration, 3, "AIL-2026-NO-SUCH-PERMIT", CHIP, LAPTOPS,
					BigDecimal.ONE, PIECES, BigDecimal.ONE))).contains("PERMIT_NOT_FOUND");
			ledger.writeOff(laptops(declaration, 1, first, "6"));
			ledger.writeOff(laptops(declaration, 2, second, "10"));
		});

		assertThat(remainingOf(first)).isEqualByComparingTo("4");
		assertThat(remainingOf(second)).isEqualByComparingTo("0");
		// Both known permits decided as read ahead, checks and write-offs alike; only the unknown number was read.
		assertCheckedSince(before, 2, 1);
		assertTakenSince(taken, 2, 0);
	}

	/**
	 * Permits locked ahead (by a chunk of a batch, written beside other chunks) are taken one after the other in the
	 * order of their numbers and held until the transaction ends: while it waits for one, it holds every permit
	 * numbered before it and none after, so two such transactions never each hold what the other waits for. They are
	 * then checked and written off without being read again.
	 */
	@Test
	void permitsLockedAheadAreTakenInTheOrderOfTheirNumbersAndWrittenOffWithoutAnotherRead() throws Exception {
		IssuedPermit first = anAutomaticImportLicence(CHIP, "10");
		IssuedPermit second = anAutomaticImportLicence(CHIP, "10");
		IssuedPermit third = anAutomaticImportLicence(CHIP, "10");
		assertThat(List.of(first.number(), second.number(), third.number())).isSorted();
		UUID declaration = UUID.randomUUID();
		Checked before = checked();
		Taken taken = taken();
		CountDownLatch secondHeld = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);

		try (ExecutorService others = Executors.newFixedThreadPool(2)) {
			Future<?> officer = others.submit(() -> transactions.executeWithoutResult(tx -> {
				jdbc.sql("SELECT id FROM permit WHERE id = ? FOR UPDATE").param(second.id()).query().listOfRows();
				secondHeld.countDown();
				try {
					release.await(20, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(secondHeld.await(20, TimeUnit.SECONDS)).isTrue();
			Future<?> chunk = others.submit(() -> transactions.executeWithoutResult(tx -> {
				ledger.lockAhead(List.of(third.number(), second.number(), first.number(), "AIL-2026-NO-SUCH-PERMIT", " "));
				assertThat(ledger.check(laptops(declaration, 1, first, "6"))).isEmpty();
				assertThat(ledger.check(laptops(declaration, 2, third, "10"))).isEmpty();
				ledger.writeOff(laptops(declaration, 1, first, "6"));
				ledger.writeOff(laptops(declaration, 2, third, "10"));
			}));
			awaitALockWait();
			assertThat(lockedElsewhere(first)).as("numbered before the one waited for: held").isTrue();
			assertThat(lockedElsewhere(third)).as("numbered after it: not yet taken").isFalse();
			release.countDown();
			officer.get(20, TimeUnit.SECONDS);
			chunk.get(20, TimeUnit.SECONDS);
		}

		assertThat(remainingOf(first)).isEqualByComparingTo("4");
		assertThat(remainingOf(second)).isEqualByComparingTo("10");
		assertThat(remainingOf(third)).isEqualByComparingTo("0");
		assertCheckedSince(before, 2, 0);
		assertTakenSince(taken, 2, 0);
	}

	/** Whether another transaction holds the permit's row lock (asked without waiting for it). */
	private boolean lockedElsewhere(IssuedPermit permit) {
		return apart().execute(tx -> jdbc.sql("SELECT id FROM permit WHERE id = ? FOR UPDATE SKIP LOCKED")
			.param(permit.id()).query().listOfRows().isEmpty());
	}

	private void awaitALockWait() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (apart().execute(tx -> jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
			.query(Long.class).single()) == 0) {
			assertThat(System.nanoTime()).as("the permits locked ahead wait within 20 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/**
	 * A check accepts on the permit as read ahead, without reading it again, even when it changed meanwhile: the
	 * write-off is what decides, on the permit as it is now.
	 */
	@Test
	void aPermitChangedSinceItWasReadAheadIsWrittenOffOnlyAsItIsNow() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID declaration = UUID.randomUUID();

		transactions.executeWithoutResult(tx -> {
			ledger.readAhead(List.of(permit.number()));
			apart().executeWithoutResult(other -> jdbc.sql("UPDATE permit SET remaining_quantity = 1 WHERE id = ?")
				.param(permit.id()).update());
			assertThat(ledger.check(laptops(declaration, 1, permit, "5"))).isEmpty();
			assertProblem(() -> ledger.writeOff(laptops(declaration, 1, permit, "5")), "PERMIT_QUOTA_EXCEEDED");
		});

		assertThat(remainingOf(permit)).isEqualByComparingTo("1");
		assertThat(ledger.writeOffsOf(declaration)).isEmpty();
	}

	/**
	 * A refusal is never decided on a permit kept by the transaction: after a savepoint undid a write-off, the kept
	 * permit shows 3 left where the row holds 10 again.
	 */
	@Test
	void aCheckRefusesOnlyOnThePermitAsItIsNow() {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "10");
		UUID undone = UUID.randomUUID();
		UUID next = UUID.randomUUID();
		TransactionTemplate savepoint = new TransactionTemplate(transactions.getTransactionManager());
		savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
		Checked before = checked();

		transactions.executeWithoutResult(tx -> {
			ledger.readAhead(List.of(permit.number()));
			savepoint.executeWithoutResult(inner -> {
				ledger.writeOff(laptops(undone, 1, permit, "7"));
				inner.setRollbackOnly();
			});
			assertThat(ledger.check(laptops(next, 1, permit, "8"))).isEmpty();
			ledger.writeOff(laptops(next, 1, permit, "8"));
		});

		assertThat(remainingOf(permit)).isEqualByComparingTo("2");
		assertThat(activeConsumption(permit)).isEqualByComparingTo("8");
		assertCheckedSince(before, 0, 1);
	}

	@Test
	void concurrentDeclarationsWritingOffAsCheckedNeverOverdrawAPermit() throws Exception {
		IssuedPermit permit = anAutomaticImportLicence(CHIP, "100");
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		// Every declaration has checked the permit at 100 before any writes it off.
		java.util.concurrent.CyclicBarrier allChecked = new java.util.concurrent.CyclicBarrier(threads);
		ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
		List<Future<WriteOff>> results = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				UUID declaration = UUID.randomUUID();
				results.add(pool.submit(() -> transactions.execute(tx -> {
					assertThat(ledger.check(laptops(declaration, 1, permit, "7"))).isEmpty();
					try {
						allChecked.await(30, TimeUnit.SECONDS);
						return ledger.writeOff(laptops(declaration, 1, permit, "7"));
					} catch (Problem p) {
						refusals.add(p.code());
						return null;
					} catch (Exception e) {
						throw new IllegalStateException(e);
					}
				})));
			}
			// Each checked against 100.
			assertFourteenOfSixteenWrittenOff(results, refusals, permit);
		} finally {
			pool.shutdownNow();
		}
	}

	/** 16 × 7 = 112 requested of 100: exactly 14 fit (98), two are refused for quota. */
	private void assertFourteenOfSixteenWrittenOff(List<Future<WriteOff>> results, java.util.Collection<String> refusals,
			IssuedPermit permit) throws Exception {
		int succeeded = 0;
		for (Future<WriteOff> f : results) {
			if (f.get(60, TimeUnit.SECONDS) != null) {
				succeeded++;
			}
		}
		assertThat(succeeded).isEqualTo(14);
		assertThat(refusals).containsOnly("PERMIT_QUOTA_EXCEEDED").hasSize(2);
		assertThat(remainingOf(permit)).isEqualByComparingTo("2");
		assertThat(activeConsumption(permit)).isEqualByComparingTo("98");
	}

	/** How many write-offs took their permit as read before, and how many read it under its lock, so far. */
	private record Taken(double asRead, double locked) {
	}

	private Taken taken() {
		return new Taken(writeOffs("as-read"), writeOffs("locked"));
	}

	private void assertTakenSince(Taken before, int asRead, int locked) {
		Taken now = taken();
		assertThat(now.asRead() - before.asRead()).as("written off as read").isEqualTo(asRead);
		assertThat(now.locked() - before.locked()).as("read under the lock").isEqualTo(locked);
	}

	/** How many checks were decided on a permit the transaction held, and how many read it, so far. */
	private record Checked(double kept, double read) {
	}

	private Checked checked() {
		return new Checked(checks("kept"), checks("read"));
	}

	private void assertCheckedSince(Checked before, int kept, int read) {
		Checked now = checked();
		assertThat(now.kept() - before.kept()).as("checked on the permit held").isEqualTo(kept);
		assertThat(now.read() - before.read()).as("checked on the permit read").isEqualTo(read);
	}

	private double checks(String permit) {
		return counted("singlewindow.permit.checks", "permit", permit);
	}

	private double writeOffs(String taken) {
		return counted("singlewindow.permit.write-offs", "taken", taken);
	}

	private double counted(String meter, String tag, String value) {
		return meters.get(meter).tag(tag, value).counter().count();
	}

	private BigDecimal activeConsumption(IssuedPermit permit) {
		return jdbc.sql("SELECT COALESCE(sum(quantity), 0) FROM permit_write_off WHERE permit_id = ? AND restored_at IS NULL")
			.param(permit.id())
			.query(BigDecimal.class)
			.single();
	}

	private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo(code));
	}
}
