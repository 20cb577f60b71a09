package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.CurrencyCode;
import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.LoCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.permit.WriteOffRequest;

/**
 * A declaration's tariff-quota certificates are checked before its lines are assessed: lines under one certificate for
 * what they take together, a refusal refusing the submission at the line's field.
 */
class TariffQuotaCertificatesUnitTests {

	static final Uscc GRAIN = Uscc.parse("91350200MA2XN0QR5D");
	static final UUID DECLARATION = UUID.randomUUID();

	final List<WriteOffRequest> asked = new ArrayList<>();

	/** A certificate TQ-1 holding 50,000 kg, refusing more as the ledger would. */
	Optional<String> ledger(WriteOffRequest request) {
		asked.add(request);
		return request.quantity().compareTo(new BigDecimal("50000")) > 0 ? Optional.of("PERMIT_QUOTA_EXCEEDED")
				: Optional.empty();
	}

	static ValidDeclaration wheat(ValidDeclaration.Item... items) {
		return new ValidDeclaration(GRAIN, "grain-1", TradeFlow.IMPORT, "0110", "2", LoCode.of("CNXMN"),
				CountryCode.of("CA"), CountryCode.of("CN"), CountryCode.of("CA"), CurrencyCode.of("USD"), "CIF", null,
				null, 1, new BigDecimal("60000"), new BigDecimal("60000"), null, "Grain", List.of(items), List.of());
	}

	static ValidDeclaration.Item line(int lineNo, String kilograms, String certificate) {
		return new ValidDeclaration.Item(lineNo, HsCode.of("1001990000"), null, "wheat", new BigDecimal(kilograms),
				UnitCode.of("KGM"), null, new BigDecimal("1000"), CountryCode.of("CA"), null, null, null, certificate);
	}

	TariffQuotaCertificates.Result check(ValidDeclaration d) {
		return TariffQuotaCertificates.check(DECLARATION, GRAIN, d, lineNo -> new BigDecimal("7100"), this::ledger);
	}

	@Test
	void linesUnderTheirCertificateAreWithinTheQuotaAndWrittenOffAsTariffQuota() {
		TariffQuotaCertificates.Result result = check(wheat(line(1, "30000", "TQ-1"), line(2, "5000", null)));

		assertThat(result.inQuota()).containsExactly(1);
		assertThat(result.writeOffs()).singleElement().satisfies(w -> {
			assertThat(w.permitNumber()).isEqualTo("TQ-1");
			assertThat(w.lineNo()).isEqualTo(1);
			assertThat(w.quantity()).isEqualByComparingTo("30000");
			assertThat(w.presentedAs()).isEqualTo(WriteOffRequest.TARIFF_QUOTA);
			assertThat(w.valueCny()).isEqualByComparingTo("7100");
		});
		// the line without a certificate was not asked about
		assertThat(asked).hasSize(1);
	}

	@Test
	void twoLinesUnderOneCertificateAreCheckedForWhatTheyTakeTogether() {
		// 30,000 kg fits, 30,000 + 25,000 = 55,000 kg does not: the second line's field is named
		assertThatThrownBy(() -> check(wheat(line(1, "30000", "TQ-1"), line(2, "25000", "TQ-1"))))
			.isInstanceOfSatisfying(Problem.class, p -> {
				assertThat(p.status().value()).isEqualTo(422);
				assertThat(p.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("items[1].tariffQuotaCertificate",
							"TARIFF_QUOTA_CERTIFICATE_REFUSED"));
				assertThat(p.fieldProblems().get(0).arguments()).containsExactly("TQ-1", "PERMIT_QUOTA_EXCEEDED", 0);
			});
		assertThat(asked.get(1).quantity()).isEqualByComparingTo("55000");
	}

	@Test
	void aDeclarationWithoutCertificatesAsksNothing() {
		ValidDeclaration d = wheat(line(1, "30000", null));

		assertThat(TariffQuotaCertificates.presented(d)).isFalse();
		assertThat(check(d).any()).isFalse();
		assertThat(asked).isEmpty();
	}
}
