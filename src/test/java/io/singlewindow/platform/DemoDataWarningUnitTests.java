package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** While demo data is on, the start-up log warns; without it, it stays quiet. */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataWarningUnitTests {

	@Test
	void warnsAtStartWhileDemoDataIsOn(CapturedOutput output) {
		new DemoData(new MockEnvironment()).warnWhileOn();
		assertThat(output.getAll()).contains("WARN").contains("event=demo_data_on");
	}

	@Test
	void staysQuietOnARealInstall(CapturedOutput output) {
		new DemoData(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/sw")).warnWhileOn();
		assertThat(output.getAll()).doesNotContain("event=demo_data_on");
	}
}
