package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;

/** An agency agreement guards its own changes and says which declaration it serves, without a database. */
class AgencyAgreementUnitTests {

	static final LocalDate TODAY = LocalDate.parse("2026-12-06");
	static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
	static final Uscc BROKER = EnterpriseFixtures.demo("BROKER");
	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");
	static final List<HsCode> PROCESSORS = List.of(HsCode.of("8471300000"), HsCode.of("8542319000"));

	static AgencyAgreement proposed(String hsCode, LocalDate lastDay) {
		return AgencyAgreement.proposed("WT202600000001", BROKER, CHIP, TradeFlow.IMPORT, "processors",
				hsCode == null ? null : HsCode.of(hsCode), null, lastDay, AgencyAgreement.Handover.NONE, null, "broker",
				NOW, TODAY);
	}

	@Test
	void onlyAConfirmedUnusedAgreementInForceForTheDirectionAndTheGoodsServesADeclaration() {
		AgencyAgreement proposed = proposed("854231", TODAY.plusDays(3));
		assertThat(proposed.serves(TradeFlow.IMPORT, PROCESSORS, TODAY)).as("undecided").isFalse();
		AgencyAgreement confirmed = proposed.confirmed("trader.chip", NOW, TODAY);
		assertThat(confirmed.serves(TradeFlow.IMPORT, PROCESSORS, TODAY)).isTrue();
		assertThat(confirmed.serves(TradeFlow.IMPORT, PROCESSORS, TODAY.plusDays(3))).as("its last day").isTrue();
		assertThat(confirmed.serves(TradeFlow.IMPORT, PROCESSORS, TODAY.plusDays(4))).as("after it").isFalse();
		assertThat(confirmed.serves(TradeFlow.EXPORT, PROCESSORS, TODAY)).as("other direction").isFalse();
		assertThat(confirmed.serves(TradeFlow.IMPORT, List.of(HsCode.of("0901110000")), TODAY)).as("other goods")
			.isFalse();
		assertThat(confirmed.usedBy(UUID.randomUUID(), NOW).serves(TradeFlow.IMPORT, PROCESSORS, TODAY)).as("used")
			.isFalse();
		assertThat(proposed(null, TODAY).confirmed("trader.chip", NOW, TODAY)
			.serves(TradeFlow.IMPORT, List.of(HsCode.of("0901110000")), TODAY)).as("naming no goods").isTrue();
		assertThat(proposed("8542319000", TODAY).confirmed("trader.chip", NOW, TODAY)
			.serves(TradeFlow.IMPORT, PROCESSORS, TODAY)).as("the whole ten digits").isTrue();
	}

	@Test
	void anAgreementGivenBackServesTheNextDeclarationWhileInForce() {
		AgencyAgreement confirmed = proposed("854231", TODAY.plusDays(3)).confirmed("trader.chip", NOW, TODAY);
		assertThatThrownBy(confirmed::givenBack).as("serving none").isInstanceOf(IllegalStateException.class);
		AgencyAgreement back = confirmed.usedBy(UUID.randomUUID(), NOW).givenBack();
		assertThat(back.declaration()).isNull();
		assertThat(back.usedAt()).isNull();
		assertThat(back.status()).isEqualTo(AgencyAgreement.Status.CONFIRMED);
		assertThat(back.serves(TradeFlow.IMPORT, PROCESSORS, TODAY)).isTrue();
		assertThat(back.serves(TradeFlow.IMPORT, PROCESSORS, TODAY.plusDays(4))).as("after its last day").isFalse();
		assertThat(back.usedBy(UUID.randomUUID(), NOW).declaration()).isNotNull();
	}

	@Test
	void documentsHandedOverAreDatedNotAfterTodayAndTheFeeIsNotNegative() {
		var invoice = new AgencyAgreement.Handover(List.of(AgencyAgreement.Document.PACKING_LIST,
				AgencyAgreement.Document.INVOICE, AgencyAgreement.Document.PACKING_LIST), null, null);
		AgencyAgreement today = AgencyAgreement.proposed("WT202600000002", BROKER, CHIP, TradeFlow.IMPORT, "processors",
				null, null, TODAY, invoice, new java.math.BigDecimal("300.00"), "broker", NOW, TODAY);
		assertThat(today.handover().documents()).as("the paper's order, each once")
			.containsExactly(AgencyAgreement.Document.INVOICE, AgencyAgreement.Document.PACKING_LIST);
		assertThat(today.handover().receivedOn()).as("received today when no day is named").isEqualTo(TODAY);
		var others = new AgencyAgreement.Handover(List.of(), "certificate of origin", TODAY.minusDays(1));
		assertThat(AgencyAgreement.proposed("WT202600000003", BROKER, CHIP, TradeFlow.IMPORT, "processors", null, null,
				TODAY, others, null, "broker", NOW, TODAY).handover().receivedOn()).isEqualTo(TODAY.minusDays(1));
		assertThat(proposed(null, TODAY).handover()).isEqualTo(AgencyAgreement.Handover.NONE);
		// Every rule broken at once is every problem at once.
		assertThatThrownBy(() -> AgencyAgreement.proposed("WT202600000004", BROKER, CHIP, TradeFlow.IMPORT,
				"processors", null, null, TODAY.minusDays(1), new AgencyAgreement.Handover(List.of(), null,
						TODAY.plusDays(1)), new java.math.BigDecimal("-0.01"), "broker", NOW, TODAY))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems())
				.extracting(f -> f.field() + " " + f.code())
				.containsExactlyInAnyOrder("validUntil VALID_UNTIL_IN_PAST",
						"documentsReceivedOn DOCUMENTS_RECEIVED_IN_FUTURE", "documentsReceivedOn DOCUMENTS_RECEIVED_NONE",
						"fee AMOUNT_NEGATIVE"));
		assertThat(today.confirmed("trader.chip", NOW, TODAY).usedBy(UUID.randomUUID(), NOW).givenBack())
			.as("kept through its life").extracting(AgencyAgreement::handover, AgencyAgreement::fee)
			.containsExactly(today.handover(), new java.math.BigDecimal("300.00"));
	}

	@Test
	void onlyAProposedAgreementIsDecidedAndAnExpiredOneIsNotConfirmed() {
		AgencyAgreement declined = proposed(null, TODAY).declined("trader.chip", NOW, "we ship ourselves");
		assertThat(declined.status()).isEqualTo(AgencyAgreement.Status.DECLINED);
		assertThat(declined.declineReason()).isEqualTo("we ship ourselves");
		assertThatThrownBy(() -> declined.confirmed("trader.chip", NOW, TODAY))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("AGENCY_AGREEMENT_NOT_PROPOSED"));
		AgencyAgreement withdrawn = proposed(null, TODAY).withdrawn("broker", NOW);
		assertThatThrownBy(() -> withdrawn.declined("trader.chip", NOW, "late"))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("AGENCY_AGREEMENT_NOT_PROPOSED"));
		assertThatThrownBy(() -> proposed(null, TODAY).confirmed("trader.chip", NOW, TODAY.plusDays(1)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("AGENCY_AGREEMENT_EXPIRED"));
		assertThatThrownBy(() -> proposed(null, TODAY.minusDays(1)))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("INVALID_INPUT"));
		assertThatThrownBy(() -> proposed(null, TODAY).usedBy(UUID.randomUUID(), NOW))
			.isInstanceOf(IllegalStateException.class);
	}
}
