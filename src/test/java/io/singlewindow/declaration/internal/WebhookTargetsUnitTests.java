package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.singlewindow.core.Problem;

/** The policy against server-side request forgery, one class of address at a time. */
class WebhookTargetsUnitTests {

	static final WebhookTargets PRODUCTION = new WebhookTargets(new WebhookProperties(false, List.of()));

	@ParameterizedTest(name = "refuses {0}")
	@ValueSource(strings = {
			// loopback, IPv4 and IPv6
			"https://127.0.0.1/", "https://127.1.2.3:5432/", "https://[::1]/", "https://localhost/",
			// unspecified
			"https://0.0.0.0/", "https://[::]/",
			// link-local, cloud metadata
			"https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/",
			// private
			"https://10.0.0.1/", "https://172.16.5.4/", "https://172.31.255.255/", "https://192.168.1.1/",
			"https://[fd00::1]/", "https://[fc00::1]/", "https://[fec0::1]/",
			// shared address space, benchmarking, documentation, reserved, broadcast
			"https://100.64.0.1/", "https://198.18.0.1/", "https://192.0.2.1/", "https://240.0.0.1/",
			"https://255.255.255.255/",
			// multicast
			"https://224.0.0.1/", "https://239.255.255.250/", "https://[ff02::1]/",
			// IPv6 forms that embed an inward IPv4 address
			"https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[::127.0.0.1]/",
			"https://[2002:7f00:1::]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[2001:db8::1]/" })
	void refusesEveryAddressThatIsNotPublic(String url) {
		assertThatThrownBy(() -> PRODUCTION.accept(url)).isInstanceOfSatisfying(Problem.class, p -> {
			assertThat(p.code()).isEqualTo("INVALID_INPUT");
			assertThat(p.fieldProblems()).extracting(f -> f.field() + ":" + f.code())
				.containsExactly("url:WEBHOOK_ADDRESS_NOT_PUBLIC");
		});
	}

	/**
	 * An IPv4 address written other than as four decimal numbers is read differently by different programs: the JDK
	 * reads {@code 0177.0.0.1} as 177.0.0.1, a public address, where curl, browsers and the C library read 127.0.0.1
	 * (a leading zero is octal there), so what an administrator, a proxy or a later client makes of the stored URL is
	 * not what was checked. Such a host is refused whatever it would resolve to.
	 */
	@ParameterizedTest(name = "refuses {0}")
	@ValueSource(strings = { "https://0177.0.0.1/", "https://0127.0.0.01/", "https://127.000.000.001/",
			"https://010.8.8.8/", "https://8.8.8.010/", "https://2130706433/", "https://134744072/", "https://0/",
			"https://0x7f000001/", "https://0X7F000001/", "https://017700000001/" })
	void refusesAnAddressSpelledSoThatProgramsReadItDifferently(String url) {
		var resolved = new AtomicInteger();
		var targets = new WebhookTargets(new WebhookProperties(false, List.of()), host -> {
			resolved.incrementAndGet();
			return new InetAddress[] { address("93.184.215.14") };
		});
		assertThatThrownBy(() -> targets.accept(url)).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.fieldProblems()).extracting(f -> f.field() + ":" + f.code())
					.containsExactly("url:WEBHOOK_ADDRESS_AMBIGUOUS"));
		assertThat(resolved).as("refused before any look-up").hasValue(0);
	}

	@Test
	void anAmbiguousSpellingStoredBeforeIsRefusedAtDelivery() {
		var targets = new WebhookTargets(new WebhookProperties(false, List.of("0177.0.0.1")),
				host -> new InetAddress[] { address("93.184.215.14") });
		assertThatThrownBy(() -> targets.target("https://0177.0.0.1/hook"))
			.isInstanceOfSatisfying(WebhookTargets.Refused.class,
					r -> assertThat(r.code()).isEqualTo("WEBHOOK_ADDRESS_AMBIGUOUS"));
	}

	@ParameterizedTest(name = "accepts {0}")
	@ValueSource(strings = { "https://93.184.215.14/hook", "https://8.8.8.8:8443/events?x=1",
			"https://[2606:4700:4700::1111]/hook", "https://172.32.0.1/", "https://100.128.0.1/" })
	void acceptsPublicAddressesOverHttps(String url) {
		assertThat(PRODUCTION.accept(url).toString()).isEqualTo(url);
	}

	@Test
	void refusesPlainHttpUnlessDevelopmentAllowsIt() {
		assertThatThrownBy(() -> PRODUCTION.accept("http://93.184.215.14/hook"))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.fieldProblems().getFirst().code())
				.isEqualTo("WEBHOOK_URL_NOT_HTTPS"));
		var development = new WebhookTargets(new WebhookProperties(true, List.of()));
		assertThat(development.accept("http://93.184.215.14/hook")).hasToString("http://93.184.215.14/hook");
		// Development allows http, not inward addresses.
		assertThatThrownBy(() -> development.accept("http://127.0.0.1:8080/")).isInstanceOf(Problem.class);
	}

	@ParameterizedTest(name = "{0} is no webhook URL")
	@ValueSource(strings = { "", "ftp://93.184.215.14/", "file:///etc/passwd", "https:///nohost", "not a url",
			"https://user:secret@93.184.215.14/", "gopher://93.184.215.14:25/",
			// numbers that are no address and no host name either (java.net.URI finds no host in them)
			"https://127.1/", "https://0x7f.0.0.1/", "https://8.8.2056/", "https://256.1.1.1/", "https://8.8.8.8./",
			"https://hooks.example.123/", "https://hooks.0x10/" })
	void refusesWhatIsNoHttpsUrl(String url) {
		assertThatThrownBy(() -> PRODUCTION.accept(url)).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.fieldProblems().getFirst().code()).isEqualTo("WEBHOOK_URL_INVALID"));
	}

	@Test
	void refusesAHostThatDoesNotResolve() {
		var targets = new WebhookTargets(new WebhookProperties(false, List.of()), host -> {
			throw new java.net.UnknownHostException(host);
		});
		assertThatThrownBy(() -> targets.accept("https://hooks.example/")).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.fieldProblems().getFirst().code()).isEqualTo("WEBHOOK_HOST_UNKNOWN"));
	}

	@Test
	void refusesAHostWithOneInwardAddressAmongPublicOnes() {
		var targets = new WebhookTargets(new WebhookProperties(false, List.of()),
				host -> new InetAddress[] { address("93.184.215.14"), address("10.0.0.7") });
		assertThatThrownBy(() -> targets.accept("https://hooks.example/")).isInstanceOf(Problem.class);
	}

	@Test
	void aHostThatRebindsToLoopbackAfterRegistrationIsRefusedAtDelivery() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		var targets = new WebhookTargets(new WebhookProperties(false, List.of()),
				host -> new InetAddress[] { lookups.incrementAndGet() == 1 ? address("93.184.215.14")
						: address("127.0.0.1") });

		assertThat(targets.accept("https://rebinding.example/hook")).hasToString("https://rebinding.example/hook");
		assertThatThrownBy(() -> targets.target("https://rebinding.example/hook"))
			.isInstanceOfSatisfying(WebhookTargets.Refused.class,
					r -> assertThat(r.code()).isEqualTo("WEBHOOK_ADDRESS_NOT_PUBLIC"));
	}

	@Test
	void theDeliveryGoesToTheAddressThatWasChecked() throws Exception {
		var targets = new WebhookTargets(new WebhookProperties(false, List.of()),
				host -> new InetAddress[] { address("93.184.215.14") });

		WebhookTargets.Target target = targets.target("https://hooks.example:8443/hook");

		assertThat(target.address()).isEqualTo(address("93.184.215.14"));
		assertThat(target.port()).isEqualTo(8443);
	}

	@Test
	void anAdministratorMayAllowAnInternalHostByName() throws Exception {
		var targets = new WebhookTargets(new WebhookProperties(false, List.of("hooks.internal.example")),
				host -> new InetAddress[] { address("10.1.2.3") });

		assertThat(targets.target("https://HOOKS.internal.example/hook").address()).isEqualTo(address("10.1.2.3"));
		assertThatThrownBy(() -> targets.accept("https://other.internal.example/")).isInstanceOf(Problem.class);
	}

	static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		} catch (java.net.UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}
}
