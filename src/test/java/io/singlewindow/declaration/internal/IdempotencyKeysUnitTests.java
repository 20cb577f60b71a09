package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.InputLimits;
import io.singlewindow.declaration.BatchedDeclaration;

/** The key each declaration of a batch is submitted under. */
class IdempotencyKeysUnitTests {

	@Test
	void aDeclarationOfABatchIsKeyedByItsOwnReferenceElseByTheBatch() {
		UUID batch = UUID.fromString("00000000-0000-0000-0000-000000000001");
		var referenced = declaration("DOC-1");
		var unreferenced = declaration(" ");

		// Its own reference (null: the submission takes it), whatever key the batch came with.
		assertThat(BatchSubmissions.submissionKey(batch, 1, "wb", referenced)).isNull();
		assertThat(BatchSubmissions.submissionKey(batch, 1, null, referenced)).isNull();
		// Else its place: under the batch's key, or the batch itself.
		assertThat(BatchSubmissions.submissionKey(batch, 2, "edifact:S:1", unreferenced)).isEqualTo("edifact:S:1/1");
		assertThat(BatchSubmissions.submissionKey(batch, 3, null, unreferenced)).isEqualTo("batch:" + batch + "/3");
		assertThat(IdempotencyKeys.ownReferenceOr(null, "k")).isEqualTo("k");
	}

	private static BatchedDeclaration declaration(String clientReference) {
		return new BatchedDeclaration("1", "UNH+1", Map.of("clientReference", clientReference), Map.of(), List.of());
	}

	@Test
	void aKeyWithinTheLimitIsKeptAsItIs() {
		String key = "workbook-2026-11/" + "R".repeat(60);
		assertThat(IdempotencyKeys.withinLimit(key)).isEqualTo(key);
		String limit = "k".repeat(InputLimits.REFERENCE);
		assertThat(IdempotencyKeys.withinLimit(limit)).isEqualTo(limit);
	}

	@Test
	void aLongerKeyKeepsItsBeginningAndDiffersWhereverTheOriginalsDiffer() {
		String batchKey = "k".repeat(InputLimits.REFERENCE);
		String first = IdempotencyKeys.withinLimit(batchKey + "/" + "R".repeat(99) + "A");
		String second = IdempotencyKeys.withinLimit(batchKey + "/" + "R".repeat(99) + "B");

		assertThat(first).hasSize(InputLimits.REFERENCE).startsWith("k".repeat(83) + "~").matches(".*~[0-9a-f]{16}");
		assertThat(second).isNotEqualTo(first);
		assertThat(IdempotencyKeys.withinLimit(batchKey + "/" + "R".repeat(99) + "A")).isEqualTo(first);
	}

	@Test
	void aCharacterOutsideTheBasicPlaneIsNotCutInHalf() {
		String key = "k".repeat(82) + "𠀀".repeat(20);
		String kept = IdempotencyKeys.withinLimit(key);
		assertThat(kept).startsWith("k".repeat(82) + "~");
		assertThat(kept.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
	}

	@Test
	void everyKeyFitsTheLimitAndWholeTextStaysWhole() {
		// Seeded text of every plane, up to two and a half times the limit (see HostileInputFuzzTests for why no jqwik).
		java.util.SplittableRandom random = new java.util.SplittableRandom(20261202);
		for (int i = 0; i < 5_000; i++) {
			StringBuilder key = new StringBuilder();
			int length = random.nextInt(250);
			while (key.length() < length) {
				key.appendCodePoint(random.nextBoolean() ? random.nextInt(0x20, 0x7f)
						: random.nextInt(0x80, Character.MAX_CODE_POINT + 1));
			}
			String whole = key.toString().codePoints()
				.filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();

			String kept = IdempotencyKeys.withinLimit(whole);

			assertThat(kept.length()).as(whole).isLessThanOrEqualTo(InputLimits.REFERENCE);
			assertThat(kept.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
				.as(whole).isTrue();
			assertThat(kept.length() == whole.length() ? kept.equals(whole) : kept.matches("(?s).*~[0-9a-f]{16}"))
				.as(whole).isTrue();
		}
	}

	@Test
	void aDeclarationWithoutTariffQuotaCertificatesIsFingerprintedAsBeforeLinesCouldNameOne() {
		// A retry of a declaration submitted before then must still match the key it was stored under.
		DeclarationRequest.Item line = DeclarationFixtures.anItem().build();
		DeclarationRequest without = DeclarationFixtures.aDeclaration().withItem(DeclarationFixtures.anItem()).build();
		DeclarationRequest with = new DeclarationRequest(null, null, "IMPORT", "0110", "1", "CNXMN", "US", "CN", "US",
				"USD", "CIF", null, null, 10, null, null, null, null, List.of(new DeclarationRequest.Item(line.hsCode(),
						line.description(), line.quantity(), line.unit(), null, null, line.value(), line.origin(), null,
						null, null, "TQ-1")));

		assertThat(without.fingerprint()).doesNotContain("tariffQuotaCertificate")
			.contains("certificateAgreement=null, certificateNumber=null]]");
		assertThat(with.fingerprint()).contains("certificateNumber=null, tariffQuotaCertificate=TQ-1]]");
	}
}
