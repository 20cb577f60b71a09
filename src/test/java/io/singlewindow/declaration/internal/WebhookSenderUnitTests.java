package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The delivery connects where the policy checked, follows no redirect, and is over by its deadline whatever the
 * receiver does.
 */
class WebhookSenderUnitTests {

	final WebhookSender sender = new WebhookSender();

	/** Short limits so that a receiver's stalling shows in seconds: 1 s to connect, 1 s a read, 2 s in all. */
	final WebhookSender impatient = new WebhookSender(
			new WebhookSender.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)));

	@Test
	void connectsToTheCheckedAddressWhateverTheHostNameWouldResolveTo() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = receiver("/hook", 204, received);
		try {
			int port = receiver.getAddress().getPort();
			// "rebinding.invalid" resolves nowhere: only the pinned address can have been used.
			var target = new WebhookTargets.Target(URI.create("http://rebinding.invalid:" + port + "/hook?x=1"),
					InetAddress.getLoopbackAddress(), port);

			int status = sender.post(target, Map.of("X-SingleWindow-Event", "declaration.status"), "{\"a\":1}");

			assertThat(status).isEqualTo(204);
			assertThat(received).containsExactly("rebinding.invalid:" + port + " {\"a\":1}");
		} finally {
			receiver.stop(0);
		}
	}

	@Test
	void aRedirectIsAFailedDeliveryNeverFollowed() throws Exception {
		List<String> elsewhere = new CopyOnWriteArrayList<>();
		HttpServer inward = receiver("/internal", 200, elsewhere);
		HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		redirecting.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Location",
					"http://127.0.0.1:" + inward.getAddress().getPort() + "/internal");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		redirecting.start();
		try {
			int port = redirecting.getAddress().getPort();
			var target = new WebhookTargets.Target(URI.create("http://127.0.0.1:" + port + "/hook"),
					InetAddress.getLoopbackAddress(), port);

			assertThat(sender.post(target, Map.of(), "{}")).isEqualTo(302);
			assertThat(elsewhere).isEmpty();
		} finally {
			redirecting.stop(0);
			inward.stop(0);
		}
	}

	/**
	 * A receiver that takes the connection and never says a word of TLS held the delivery for ever: the read timeout
	 * was set only after the handshake, so the batch (its transaction, its locked rows, a pooled connection) and every
	 * later delivery run of the node waited on one hostile webhook.
	 */
	@Test
	void aReceiverThatNeverAnswersTheTlsHandshakeCostsOneTimeout() throws Exception {
		// The read timeout, not the deadline, must end it: the deadline here is far beyond the read timeout, since a
		// first TLS connection of a loaded test JVM can spend a second setting TLS up before the handshake's read
		// starts (the deadline of 2 s then came first: "no answer within 2 s").
		var patientOverall = new WebhookSender(
				new WebhookSender.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(15)));
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> holdEveryConnection(silent));
			IOException failed = posting(patientOverall, "https", silent.getLocalPort());

			assertThat(failed).hasMessageContaining("timed out");
		}
	}

	/**
	 * A receiver that answers a byte at a time, each within the read timeout, kept the delivery for up to a read
	 * timeout a byte of its status line (1,024 bytes: hours). The whole attempt has a deadline.
	 */
	@Test
	void aReceiverThatTricklesItsAnswerIsCutOffAtTheDeadline() throws Exception {
		try (ServerSocket trickling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> {
				try (Socket connection = trickling.accept()) {
					connection.getInputStream().read(new byte[8192]);
					OutputStream out = connection.getOutputStream();
					for (byte b : "HTTP/1.1 200 OK but very slowly ......................................".getBytes()) {
						out.write(b);
						out.flush();
						Thread.sleep(250);
					}
				} catch (IOException | InterruptedException e) {
					// the sender hung up: what the test expects
				}
			});
			IOException failed = impatientlyPosting("http", trickling.getLocalPort());

			assertThat(failed).hasMessageContaining("no answer within 2 s");
		}
	}

	@Test
	void theDeadlineIsLongerThanAConnectAndARead() {
		assertThat(WebhookSender.Limits.STANDARD.deadline())
			.isGreaterThanOrEqualTo(WebhookSender.Limits.STANDARD.connect().plus(WebhookSender.Limits.STANDARD.read()));
	}

	/** Posts with the short limits to a receiver on this machine: the failure, within twice the deadline. */
	private IOException impatientlyPosting(String scheme, int port) {
		return posting(impatient, scheme, port);
	}

	/** Posts with the sender's limits to a receiver on this machine: the failure, within twice its deadline. */
	private static IOException posting(WebhookSender sender, String scheme, int port) {
		var target = new WebhookTargets.Target(URI.create(scheme + "://receiver.invalid:" + port + "/"),
				InetAddress.getLoopbackAddress(), port);
		long started = System.nanoTime();
		IOException failed = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> assertThrows(IOException.class, () -> sender.post(target, Map.of(), "{}")));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(sender.limits().deadline().multipliedBy(2));
		return failed;
	}

	private static void holdEveryConnection(ServerSocket server) {
		List<Socket> held = new CopyOnWriteArrayList<>();
		try {
			while (true) {
				held.add(server.accept());
			}
		} catch (IOException closed) {
			held.forEach(s -> {
				try {
					s.close();
				} catch (IOException e) {
					// closing anyway
				}
			});
		}
	}

	static HttpServer receiver(String path, int status, List<String> received) throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext(path, exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(exchange.getRequestHeaders().getFirst("Host") + " " + body);
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		return server;
	}
}
