package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * Status events to enterprises' webhooks when one receiver is dead and has a backlog: nobody else's events wait for
 * it, it is tried a few events at a time with a growing pause rather than on every event at every poll, and a live
 * receiver's backlog is worked off in one run. The events here fall due an hour ahead of the clock, so the platform's
 * own poller (on the real clock) leaves them to the test.
 */
@SingleWindowIntegrationTest
class WebhookDeliveryIntegrationTests {

	@Autowired
	Webhooks webhooks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	HttpServer live;
	final List<String> received = new CopyOnWriteArrayList<>();
	Webhooks.Subscription dead;
	Webhooks.Subscription listening;

	@BeforeEach
	void aDeadReceiverAndALiveOne() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort(); // nothing listens there once closed: every connection is refused
		}
		live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		live.createContext("/hook", exchange -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		live.start();
		dead = webhooks.register(enterpriseOf("trader.bio"), "http://127.0.0.1:" + closedPort + "/hook", "test");
		listening = webhooks.register(enterpriseOf("trader.tungsten"),
				"http://127.0.0.1:" + live.getAddress().getPort() + "/hook", "test");
	}

	@AfterEach
	void stopReceiving() {
		for (var subscription : List.of(dead, listening)) {
			webhooks.deactivate(subscription.id(), List.of(subscription.enterprise()));
		}
		live.stop(0);
	}

	@Test
	void aDeadReceiversBacklogHoldsUpNoOtherReceiversEvents() {
		Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		for (int i = 0; i < 150; i++) {
			webhooks.enqueue(dead.enterprise(), UUID.randomUUID(), "XMDEAD" + i, "CLEARED", due.minusSeconds(60));
		}
		UUID declaration = UUID.randomUUID();
		webhooks.enqueue(listening.enterprise(), declaration, "XMLIVE", "CLEARED", due);

		webhooks.deliverDue(due);

		assertThat(received).as("the live receiver's event, behind 150 older ones of a dead receiver")
			.anySatisfy(payload -> assertThat(payload).contains(declaration.toString()));
	}

	@Test
	void aReceiverThatGotNothingThroughIsPausedWithAGrowingBackOff() throws Exception {
		Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		for (int i = 0; i < 150; i++) {
			webhooks.enqueue(dead.enterprise(), UUID.randomUUID(), "XMDEAD" + i, "CLEARED", due);
		}

		webhooks.deliverDue(due);
		assertThat(tried(dead)).as("a few of its events, not the whole backlog").isEqualTo(Webhooks.EACH_RECEIVER);
		assertThat(webhooks.of(List.of(dead.enterprise()))).filteredOn(s -> s.id().equals(dead.id())).singleElement()
			.as("its owner sees the pause").satisfies(s -> {
				assertThat(s.pausedUntil()).isEqualTo(due.plusSeconds(5));
				assertThat(s.failuresInARow()).isEqualTo(1);
			});
		assertThat(webhooksPage("trader.bio")).contains("id=\"paused-" + dead.id() + "\"")
			.contains("it took none of its events the last time it was tried.");
		webhooks.deliverDue(due.plusSeconds(4));
		assertThat(tried(dead)).as("paused for the first back-off, 5 s").isEqualTo(Webhooks.EACH_RECEIVER);
		webhooks.deliverDue(due.plusSeconds(5));
		assertThat(tried(dead)).isEqualTo(2 * Webhooks.EACH_RECEIVER);
		webhooks.deliverDue(due.plusSeconds(5 + 9));
		assertThat(tried(dead)).as("then for 10 s").isEqualTo(2 * Webhooks.EACH_RECEIVER);
		webhooks.deliverDue(due.plusSeconds(5 + 10));
		assertThat(tried(dead)).isEqualTo(3 * Webhooks.EACH_RECEIVER);
	}

	@Test
	void aReceiverThatAnswersAgainIsNoLongerPaused() throws Exception {
		Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		webhooks.enqueue(listening.enterprise(), UUID.randomUUID(), "XMLIVE1", "CLEARED", due);
		live.removeContext("/hook");
		live.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		webhooks.deliverDue(due);
		assertThat(tried(listening)).isEqualTo(1);
		live.removeContext("/hook");
		live.createContext("/hook", exchange -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});

		webhooks.deliverDue(due.plusSeconds(5));
		webhooks.enqueue(listening.enterprise(), UUID.randomUUID(), "XMLIVE2", "CLEARED", due.plusSeconds(6));
		webhooks.deliverDue(due.plusSeconds(6));

		assertThat(received).as("the retry, then the next event without a pause").hasSize(2);
		assertThat(webhooks.of(List.of(listening.enterprise()))).filteredOn(s -> s.id().equals(listening.id()))
			.singleElement().satisfies(s -> {
				assertThat(s.pausedUntil()).isNull();
				assertThat(s.failuresInARow()).isZero();
			});
	}

	@Test
	void aLiveReceiversBacklogIsWorkedOffInOneRun() {
		Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		int backlog = 5 * Webhooks.EACH_RECEIVER + 3;
		for (int i = 0; i < backlog; i++) {
			webhooks.enqueue(listening.enterprise(), UUID.randomUUID(), "XMLIVE" + i, "CLEARED", due);
		}

		webhooks.deliverAllDue(due);

		assertThat(received).hasSize(backlog);
	}

	/**
	 * Two nodes delivering at the same moment: the second takes the events after the first one's batch, not the same
	 * ones (which it would skip as locked, and deliver nothing). Eleven webhooks with ten events each are more than one
	 * batch; the receiver answers slowly, so the first node's batch is still out when the second claims.
	 */
	@Test
	void aSecondNodeDeliversTheEventsAfterTheFirstNodesBatch() throws Exception {
		Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		List<String> slowlyReceived = new CopyOnWriteArrayList<>();
		slow.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		slow.createContext("/hook", exchange -> {
			slowlyReceived.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			try {
				Thread.sleep(500);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		slow.start();
		List<Webhooks.Subscription> eleven = new ArrayList<>();
		try {
			String enterprise = enterpriseOf("trader.coffee");
			for (int i = 0; i < 11; i++) {
				eleven.add(webhooks.register(enterprise, "http://127.0.0.1:" + slow.getAddress().getPort() + "/hook",
						"test"));
			}
			int events = 11 * Webhooks.EACH_RECEIVER;
			for (int i = 0; i < Webhooks.EACH_RECEIVER; i++) {
				webhooks.enqueue(enterprise, UUID.randomUUID(), "XMTWO" + i, "CLEARED", due);
			}
			assertThat(eleven.size() * Webhooks.EACH_RECEIVER).isEqualTo(events).isGreaterThan(Webhooks.BATCH);

			try (var nodes = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
				var first = nodes.submit(() -> webhooks.deliverDue(due));
				long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
				while (slowlyReceived.isEmpty() && System.nanoTime() < giveUp) {
					Thread.sleep(10);
				}
				var second = nodes.submit(() -> webhooks.deliverDue(due));
				first.get();
				second.get();
			}
			assertThat(jdbc.sql("""
					SELECT count(*) FROM webhook_delivery WHERE subscription_id = ANY(?) AND delivered_at IS NOT NULL""")
				.param(eleven.stream().map(Webhooks.Subscription::id).toArray(UUID[]::new)).query(Long.class).single())
				.as("acknowledged after the two nodes' batches").isEqualTo(events);
		}
		finally {
			for (var subscription : eleven) {
				webhooks.deactivate(subscription.id(), List.of(subscription.enterprise()));
			}
			slow.stop(0);
		}
	}

	private String webhooksPage(String user) throws Exception {
		var login = mvc.perform(formLogin("/login").user(user).password("demo12345")).andReturn().getResponse();
		var page = mvc.perform(get("/account/webhooks?lang=en").cookie(login.getCookie("SESSION"))).andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		return page.getContentAsString(StandardCharsets.UTF_8);
	}

	private long tried(Webhooks.Subscription subscription) {
		return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ? AND attempts > 0")
			.param(subscription.id()).query(Long.class).single();
	}

	private String enterpriseOf(String username) {
		return jdbc.sql("SELECT uscc FROM user_account WHERE username = ?").param(username).query(String.class).single()
			.strip();
	}
}
