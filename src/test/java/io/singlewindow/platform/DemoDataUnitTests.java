package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

/** Demo data only where it is obvious (the embedded database) or asked for. */
class DemoDataUnitTests {

	@ParameterizedTest(name = "flag {0}, datasource {1} → {2}")
	@CsvSource({
			"<unset>, <unset>,                               true",
			"auto,    <unset>,                               true",
			"auto,    jdbc:postgresql://db.zone.example/sw,  false",
			"<unset>, jdbc:postgresql://db.zone.example/sw,  false",
			"true,    jdbc:postgresql://db.zone.example/sw,  true",
			"TRUE,    jdbc:postgresql://db.zone.example/sw,  true",
			"false,   <unset>,                               false" })
	void isOnWithTheEmbeddedDatabaseOrWhenAskedFor(String flag, String url, boolean on) {
		MockEnvironment environment = new MockEnvironment();
		if (!flag.equals("<unset>")) {
			environment.setProperty("singlewindow.demo-data.enabled", flag);
		}
		if (!url.equals("<unset>")) {
			environment.setProperty("spring.datasource.url", url);
		}
		assertThat(new DemoData(environment).isOn()).isEqualTo(on);
	}

	@Test
	void refusesAnUnknownSetting() {
		MockEnvironment environment = new MockEnvironment().withProperty("singlewindow.demo-data.enabled", "yes");
		assertThatIllegalStateException().isThrownBy(() -> new DemoData(environment));
	}
}
