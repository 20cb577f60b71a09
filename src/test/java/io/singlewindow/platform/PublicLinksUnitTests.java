package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicLinksUnitTests {

	@Test
	void theConfiguredPublicAddressIsPrintedWhateverAddressTheRequestCameInOn() {
		assertThat(new PublicLinks("https://singlewindow.example.cn/").to("/verify/91350200MA2XYZ1234"))
			.isEqualTo("https://singlewindow.example.cn/verify/91350200MA2XYZ1234");
		assertThat(new PublicLinks(" https://sw.example.cn/portal ").to("/verify"))
			.isEqualTo("https://sw.example.cn/portal/verify");
	}
}
