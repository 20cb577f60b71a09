package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The delivery connects where the policy checked and follows no redirect. */
class WebhookSenderUnitTests {

	final WebhookSender sender = new WebhookSender();

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
