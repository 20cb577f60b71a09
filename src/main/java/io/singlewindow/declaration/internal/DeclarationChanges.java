package io.singlewindow.declaration.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes "this declaration changed" to the browsers that show it, as Server-Sent Events. The news comes from
 * PostgreSQL ({@code LISTEN declaration_changed}, notified by triggers at commit), so a change made through any node
 * reaches the pages served by every node. The event carries no data: the page then asks for its changed parts, read
 * with the reader's rights like any page.
 */
@Component
class DeclarationChanges implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeclarationChanges.class);
	static final String CHANNEL = "declaration_changed";
	/** A browser reconnects after this; keeps a forgotten tab from holding a connection for ever. */
	static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
	/** How long a stop waits for the woken listener before it interrupts it. */
	private static final Duration LEAVING = Duration.ofSeconds(2);

	private final DataSource dataSource;
	private final Map<UUID, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();
	private volatile boolean running;
	private volatile Thread listener;

	DeclarationChanges(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	SseEmitter watch(UUID declarationId) {
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		Set<SseEmitter> set = watchers.computeIfAbsent(declarationId, id -> ConcurrentHashMap.newKeySet());
		set.add(emitter);
		Runnable forget = () -> watchers.computeIfPresent(declarationId, (id, s) -> {
			s.remove(emitter);
			return s.isEmpty() ? null : s;
		});
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError(e -> forget.run());
		try {
			// Tells the browser the stream is open (and flushes the headers through any proxy).
			emitter.send(SseEmitter.event().comment("watching " + declarationId));
		} catch (IOException gone) {
			forget.run();
		}
		return emitter;
	}

	void changed(UUID declarationId) {
		Set<SseEmitter> set = watchers.get(declarationId);
		if (set == null) {
			return;
		}
		for (SseEmitter emitter : set) {
			try {
				emitter.send(SseEmitter.event().name("changed").data(declarationId.toString()));
			} catch (IOException | IllegalStateException gone) {
				set.remove(emitter);
			}
		}
	}

	int watching() {
		return watchers.values().stream().mapToInt(Set::size).sum();
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + CHANNEL);
				try {
					PGConnection pg = connection.unwrap(PGConnection.class);
					log.info("event=declaration_changes_listening channel={}", CHANNEL);
					while (running) {
						PGNotification[] notifications = pg.getNotifications(5_000);
						if (notifications != null) {
							Arrays.stream(notifications).map(PGNotification::getParameter).forEach(this::heard);
						}
					}
				} finally {
					// The connection goes back to the pool: it must not keep receiving the channel's news there.
					statement.execute("UNLISTEN " + CHANNEL);
				}
			} catch (Exception e) {
				if (!running) {
					return;
				}
				// Browsers fall back to polling meanwhile; try again shortly.
				log.warn("event=declaration_changes_listener_failed error={}", e.toString());
				try {
					Thread.sleep(2_000);
				} catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	private void heard(String payload) {
		if (payload.isEmpty()) {
			return; // a node stopping wakes its listener so (see stop)
		}
		try {
			changed(UUID.fromString(payload));
		} catch (IllegalArgumentException notAnId) {
			log.warn("event=declaration_changed_ignored payload={}", payload);
		}
	}

	/**
	 * Wakes the listener from its wait with an empty notification, so that it leaves its loop and gives its connection
	 * back as it should rather than at the end of its wait.
	 */
	private boolean wake() {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_notify('" + CHANNEL + "', '')");
			return true;
		} catch (Exception databaseGone) {
			return false;
		}
	}

	@Override
	public void start() {
		running = true;
		// A platform thread, not a virtual one: a virtual thread waits for a free carrier, and the request threads
		// (virtual, never time-sliced) may hold every carrier while a node stops; the stop's wait then ran out and its
		// interrupt closed the connection's socket under the pool (a virtual thread's blocking read is interruptible),
		// reported as a broken connection. The operating system schedules this one, and an interrupt does not close
		// its socket: at worst it stops listening at the end of its current wait.
		listener = Thread.ofPlatform().daemon().name("declaration-changes").start(this::listen);
	}

	@Override
	public void stop() {
		running = false;
		// Open streams would hold the graceful shutdown; browsers reconnect to another node.
		watchers.values().forEach(set -> set.forEach(SseEmitter::complete));
		watchers.clear();
		Thread listening = listener;
		if (listening == null) {
			return;
		}
		try {
			if (!wake() || !listening.join(LEAVING)) {
				listening.interrupt();
			}
		} catch (InterruptedException e) {
			listening.interrupt();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server's graceful shutdown, so that open streams do not hold it up. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}
}
