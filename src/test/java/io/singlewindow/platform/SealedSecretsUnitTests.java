package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A secret the platform reads back is stored sealed: it opens with the key and for the place it was sealed for, and
 * nowhere else — not with another key, not copied into another row, not altered.
 */
class SealedSecretsUnitTests {

	private final SealedSecrets secrets = new SealedSecrets(aKey(), keyId -> {
	});

	@Test
	void aSealedSecretOpensForItsPlaceAndHoldsNothingReadable() {
		String sealed = secrets.seal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "totp/account-1");
		assertThat(sealed).startsWith("sealed:v1:" + secrets.keyId() + ":").doesNotContain("JBSWY3DP");
		assertThat(SealedSecrets.isSealed(sealed)).isTrue();
		assertThat(secrets.open(sealed, "totp/account-1")).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
		assertThat(secrets.seal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "totp/account-1")).as("a nonce of its own")
			.isNotEqualTo(sealed);
	}

	@Test
	void itDoesNotOpenInAnotherRowWithAnotherKeyOrAltered() {
		String sealed = secrets.seal("whsec_0123456789abcdef", "webhook/1");
		assertThatThrownBy(() -> secrets.open(sealed, "webhook/2")).as("copied into another row")
			.isInstanceOf(IllegalStateException.class);
		SealedSecrets another = new SealedSecrets(aKey(), keyId -> {
		});
		assertThatThrownBy(() -> another.open(sealed, "webhook/1")).as("another node's key")
			.isInstanceOf(IllegalStateException.class).hasMessageContaining(secrets.keyId())
			.hasMessageContaining(another.keyId());
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
		bytes[bytes.length - 1] ^= 1;
		String altered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> secrets.open(altered, "webhook/1")).as("altered")
			.isInstanceOf(IllegalStateException.class);
	}

	/**
	 * A sealed value cut short or garbled (a damaged row, a hand edit) is refused as one that does not open, so that
	 * callers refuse the code or skip the row; it was an IllegalArgumentException from the Base64 decoder, which
	 * nothing caught: a login with it answered 500, and a start that seals afresh would have stopped.
	 */
	@Test
	void aGarbledSealedValueDoesNotOpenLikeAnyOther() {
		String prefix = "sealed:v1:" + secrets.keyId() + ":";
		for (String garbled : List.of(prefix + "not base64!", prefix + "AAAA", prefix, "sealed:v1:" + secrets.keyId())) {
			assertThatThrownBy(() -> secrets.open(garbled, "totp/account-1")).as(garbled)
				.isInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void aSecretStoredBeforeSealingOpensAsItIsAndNullStaysNull() {
		assertThat(SealedSecrets.isSealed("whsec_0123")).isFalse();
		assertThat(secrets.open("whsec_0123", "webhook/1")).isEqualTo("whsec_0123");
		assertThat(secrets.open(null, "webhook/1")).isNull();
	}

	@Test
	void whileTheKeyIsChangedAValueSealedWithThePreviousKeyStillOpensAndNewOnesAreSealedWithTheNew() {
		byte[] old = aKey();
		SealedSecrets before = new SealedSecrets(old, keyId -> {
		});
		String sealedBefore = before.seal("JBSWY3DPEHPK3PXP", "totp/account-1");
		SealedSecrets changing = new SealedSecrets(aKey(), old, keyId -> {
		});
		assertThat(changing.previousKeyId()).isEqualTo(before.keyId()).isNotEqualTo(changing.keyId());
		assertThat(changing.open(sealedBefore, "totp/account-1")).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(changing.seal("JBSWY3DPEHPK3PXP", "totp/account-1")).startsWith("sealed:v1:" + changing.keyId());
		assertThatThrownBy(() -> changing.open(sealedBefore, "totp/account-2")).as("still bound to its row")
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> secrets.open(sealedBefore, "totp/account-1")).as("a third key")
			.hasMessageContaining(before.keyId());
		assertThat(new SealedSecrets(old, old, keyId -> {
		}).previousKeyId()).as("the same key given as both is no change").isNull();
	}

	@Test
	void theKeyIsCheckedOnceBeforeTheFirstSecretAndAgainWhileRefused() {
		List<String> asked = new ArrayList<>();
		boolean[] refuse = { true };
		SealedSecrets checked = new SealedSecrets(aKey(), keyId -> {
			asked.add(keyId);
			if (refuse[0]) {
				throw new IllegalStateException("another key");
			}
		});
		assertThatThrownBy(() -> checked.seal("x", "c")).hasMessage("another key");
		refuse[0] = false;
		checked.open(checked.seal("x", "c"), "c");
		checked.seal("y", "c");
		assertThat(asked).containsExactly(checked.keyId(), checked.keyId());
		assertThatThrownBy(() -> new SealedSecrets(new byte[16], keyId -> {
		})).as("AES-256 only").isInstanceOf(IllegalArgumentException.class);
	}

	private static byte[] aKey() {
		byte[] key = new byte[SealedSecrets.KEY_BYTES];
		new SecureRandom().nextBytes(key);
		return key;
	}
}
