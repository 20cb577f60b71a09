package io.singlewindow.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Canonical JSON, canonical row content and the hash chain, without a database. */
class AuditChainUnitTests {

	@Test
	void sortsKeysAndDropsWhitespaceWhateverTheDatabaseSpelling() {
		String asWritten = "{\"status\":\"IN_FORCE\",\"remaining\":{\"value\":12.50,\"quantity\":3},\"at\":null}";
		String asJsonbShowsIt = "{\"at\": null, \"status\": \"IN_FORCE\", "
				+ "\"remaining\": {\"quantity\": 3, \"value\": 12.50}}";

		assertThat(CanonicalJson.of(asWritten))
			.isEqualTo("{\"at\":null,\"remaining\":{\"quantity\":3,\"value\":12.5},\"status\":\"IN_FORCE\"}")
			.isEqualTo(CanonicalJson.of(asJsonbShowsIt));
	}

	@Test
	void writesNumbersAsExactPlainDecimals() {
		assertThat(CanonicalJson.of("[1E+3, 0.00, -0.0, 12.340, 1e-7, 123456789012345678901234567890.10, 0.1]"))
			.isEqualTo("[1000,0,0,12.34,0.0000001,123456789012345678901234567890.1,0.1]");
	}

	@Test
	void escapesOnlyWhatJsonRequires() {
		assertThat(CanonicalJson.of("\"\\u00e9 厦门 \\\" \\\\ \\n \\u0001 \\/ 😀\""))
			.isEqualTo("\"é 厦门 \\\" \\\\ \\n \\u0001 / 😀\"");
	}

	/**
	 * The trail writes a state's canonical JSON straight from Jackson's tree; it must be the very text the long way
	 * (written as JSON, read back, written canonically) gives, or rows written before and after would hash differently.
	 * Random states from a fixed seed: money, floating-point numbers, control characters, times, nesting, nulls.
	 */
	@Test
	void writesAStateFromItsTreeAsFromItsText() {
		JsonMapper mapper = JsonMapper.builder().build();
		Random random = new Random(20261130);
		for (int i = 0; i < 2000; i++) {
			Object state = randomValue(random, 3);
			if (state == null) {
				continue; // no state at all is stored as SQL NULL, not as JSON (below)
			}
			assertThat(CanonicalJson.of(mapper, state)).as("state %s", state)
				.isEqualTo(CanonicalJson.of(mapper.writeValueAsString(state)));
		}
		assertThat(CanonicalJson.of(mapper, null)).isNull();
	}

	private static Object randomValue(Random random, int depth) {
		int kind = random.nextInt(depth > 0 ? 12 : 10);
		return switch (kind) {
			case 0 -> null;
			case 1 -> random.nextBoolean();
			case 2 -> random.nextLong();
			case 3 -> new BigDecimal(java.math.BigInteger.valueOf(random.nextLong()), random.nextInt(12) - 3);
			case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
			case 5 -> (float) (random.nextGaussian() * 1000);
			case 6 -> Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L);
			case 7 -> UUID.randomUUID();
			case 8, 9 -> randomText(random);
			case 10 -> {
				List<Object> list = new ArrayList<>();
				for (int n = random.nextInt(4); n > 0; n--) {
					list.add(randomValue(random, depth - 1));
				}
				yield list;
			}
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int n = random.nextInt(5); n > 0; n--) {
					map.put(randomText(random), randomValue(random, depth - 1));
				}
				yield map;
			}
		};
	}

	private static String randomText(Random random) {
		String alphabet = "aZ09_ \"\\/\n\t\u0001\u001f\u007fé厦门😀";
		StringBuilder text = new StringBuilder();
		for (int n = random.nextInt(8); n > 0; n--) {
			text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
					random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
		}
		return text.toString();
	}

	@Test
	void refusesWhatIsNotJson() {
		assertThatThrownBy(() -> CanonicalJson.of("{not json")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void rowContentIsCanonicalJsonWithFixedPrecisionUtcTime() {
		AuditEntry entry = entry(7, "{\"status\": \"IN_FORCE\"}", "{\"status\": \"SUSPENDED\", \"reason\": \"x\"}");

		assertThat(entry.canonicalContent(3)).isEqualTo("{\"actingForAgency\":\"SAMR\",\"actingForEnterprise\":null,"
				+ "\"action\":\"LICENCE_SUSPENDED\",\"actorAccount\":\"00000000-0000-0000-0000-000000000001\","
				+ "\"actorName\":\"officer.samr\",\"actorRole\":\"OFFICER\",\"after\":{\"reason\":\"x\",\"status\":\"SUSPENDED\"},"
				+ "\"before\":{\"status\":\"IN_FORCE\"},\"chainPosition\":3,\"id\":7,"
				+ "\"occurredAt\":\"2026-11-29T04:05:06.120000Z\",\"subjectId\":\"91350200MA2Y0XXXXX\","
				+ "\"subjectType\":\"LICENCE\"}");
	}

	@Test
	void hashesThePreviousHashAndTheCanonicalContent() {
		// Recomputed outside Java: printf '%s\n%s' "$(printf '0%.0s' {1..64})" '{"a":1}' | sha256sum
		assertThat(AuditChain.hash(AuditChain.GENESIS, "{\"a\":1}"))
			.isEqualTo("f21735afd2cd6af4fc5804b0045cebfd545aef8396d29d030c39cb8880b45b7f");
		assertThat(AuditChain.hash(AuditChain.GENESIS, "{\"a\":1}")).hasSize(64).matches("[0-9a-f]{64}")
			.isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, "{\"a\":2}"))
			.isNotEqualTo(AuditChain.hash("1".repeat(64), "{\"a\":1}"));
	}

	@Test
	void hashesARowAsTheAuditorsScriptDoes() {
		// The value printed by the Python script of docs/audit.md for the same row at position 3 after genesis.
		assertThat(AuditChain.hash(AuditChain.GENESIS, entry(7, "{\"status\": \"IN_FORCE\"}",
				"{\"status\": \"SUSPENDED\", \"reason\": \"x\"}"), 3))
			.isEqualTo("def719a19c956eea2aa05123b4e5cfb09b4fe6ab8deb34d7e8655e7bd0d4993a");
	}

	@Test
	void findsAnIntactChainIntact() {
		List<AuditEntry> chain = sealed(5);
		ChainCheck check = new ChainCheck();
		chain.forEach(check::accept);
		check.end(5, chain.get(4).hash());

		assertThat(check.broken()).isNull();
		assertThat(check.checked()).isEqualTo(5);
	}

	@Test
	void reportsAChangedRowAtExactlyThatRow() {
		List<AuditEntry> chain = sealed(5);
		AuditEntry third = chain.get(2);
		chain.set(2, new AuditEntry(third.id(), third.occurredAt(), third.actorAccount(), third.actorName(),
				third.actorRole(), third.actingForEnterprise(), third.actingForAgency(), third.action(),
				third.subjectType(), third.subjectId(), third.beforeJson(), "{\"status\":\"ACTIVE\"}",
				third.chainPosition(), third.previousHash(), third.hash()));

		ChainCheck.Break broken = check(chain);

		assertThat(broken.entryId()).isEqualTo(third.id());
		assertThat(broken.reason()).isEqualTo(ChainCheck.Reason.HASH_MISMATCH);
		assertThat(broken.storedHash()).isEqualTo(third.hash());
		assertThat(broken.expectedHash()).isNotEqualTo(third.hash());
	}

	@Test
	void reportsADeletedRowAtTheRowAfterTheGap() {
		List<AuditEntry> chain = sealed(5);
		chain.remove(1);

		ChainCheck.Break broken = check(chain);

		assertThat(broken.entryId()).isEqualTo(chain.get(1).id());
		assertThat(broken.chainPosition()).isEqualTo(2);
		assertThat(broken.reason()).isEqualTo(ChainCheck.Reason.POSITION_GAP);
	}

	@Test
	void reportsSwappedHashesAtTheFirstOfThem() {
		List<AuditEntry> chain = sealed(5);
		AuditEntry second = chain.get(1);
		AuditEntry third = chain.get(2);
		chain.set(1, withHash(second, third.hash()));
		chain.set(2, withHash(third, second.hash()));

		ChainCheck.Break broken = check(chain);

		assertThat(broken.entryId()).isEqualTo(second.id());
		assertThat(broken.reason()).isEqualTo(ChainCheck.Reason.HASH_MISMATCH);
		assertThat(broken.expectedHash()).isEqualTo(second.hash());
	}

	@Test
	void reportsRowsCutOffTheEnd() {
		List<AuditEntry> chain = sealed(5);
		String headHash = chain.get(4).hash();
		chain.remove(4);

		ChainCheck check = new ChainCheck();
		chain.forEach(check::accept);
		check.end(5, headHash);

		assertThat(check.broken().reason()).isEqualTo(ChainCheck.Reason.TRUNCATED);
		assertThat(check.broken().entryId()).isNull();
	}

	private static ChainCheck.Break check(List<AuditEntry> chain) {
		ChainCheck check = new ChainCheck();
		chain.forEach(check::accept);
		check.end(chain.size(), chain.get(chain.size() - 1).hash());
		return check.broken();
	}

	/** A chain sealed as {@link AuditSealer} seals it. */
	private static List<AuditEntry> sealed(int rows) {
		List<AuditEntry> chain = new ArrayList<>();
		String previous = AuditChain.GENESIS;
		for (int i = 1; i <= rows; i++) {
			AuditEntry e = entry(100 + i, "{\"status\":\"IN_FORCE\"}", "{\"status\":\"SUSPENDED\",\"n\":" + i + "}");
			String hash = AuditChain.hash(previous, e, i);
			chain.add(new AuditEntry(e.id(), e.occurredAt(), e.actorAccount(), e.actorName(), e.actorRole(),
					e.actingForEnterprise(), e.actingForAgency(), e.action(), e.subjectType(), e.subjectId(),
					e.beforeJson(), e.afterJson(), (long) i, previous, hash));
			previous = hash;
		}
		return chain;
	}

	private static AuditEntry withHash(AuditEntry e, String hash) {
		return new AuditEntry(e.id(), e.occurredAt(), e.actorAccount(), e.actorName(), e.actorRole(),
				e.actingForEnterprise(), e.actingForAgency(), e.action(), e.subjectType(), e.subjectId(), e.beforeJson(),
				e.afterJson(), e.chainPosition(), e.previousHash(), hash);
	}

	private static AuditEntry entry(long id, String before, String after) {
		return new AuditEntry(id, Instant.parse("2026-11-29T04:05:06.12Z"), new UUID(0, 1), "officer.samr", "OFFICER",
				null, "SAMR", "LICENCE_SUSPENDED", "LICENCE", "91350200MA2Y0XXXXX", before, after, null, null, null);
	}
}
