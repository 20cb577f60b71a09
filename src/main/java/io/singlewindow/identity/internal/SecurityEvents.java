package io.singlewindow.identity.internal;

import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.singlewindow.identity.SecurityEventOccurred;
import io.singlewindow.identity.SecurityEventOccurred.Type;
import io.singlewindow.platform.BusinessTime;

/**
 * Records a {@link SecurityEventOccurred}: one row in {@code security_event}, one published event, one increment of
 * {@code singlewindow_security_events_total{type}} in {@code /actuator/prometheus}, and a log line.
 */
@Component
public class SecurityEvents {

	private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher publisher;
	private final BusinessTime time;
	private final MeterRegistry meters;

	SecurityEvents(JdbcClient jdbc, ApplicationEventPublisher publisher, BusinessTime time, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.time = time;
		this.meters = meters;
	}

	/**
	 * Records in a transaction of its own when the caller has none (a failed login), or inside the caller's (an
	 * account change), so that the record and the change commit together.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public SecurityEventOccurred record(Type type, String username, String actor, String clientAddress,
			Map<String, String> details) {
		var event = new SecurityEventOccurred(type, username, actor, clientAddress, time.now(), details);
		String detailText = new TreeMap<>(details).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(" "));
		jdbc.sql("""
				INSERT INTO security_event (type, username, actor, client_address, occurred_at, details)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(type.name(), username, actor, clientAddress, Timestamp.from(event.occurredAt()), detailText)
			.update();
		publisher.publishEvent(event);
		Counter.builder("singlewindow.security.events").description("Security events by type").tag("type", type.name())
			.register(meters).increment();
		log.info("event=security_event type={} username={} actor={} clientAddress={} {}", type, quoted(username),
				actor, clientAddress, detailText);
		return event;
	}

	/**
	 * A user name as one value of the log line: whoever types at the login chooses it, spaces, quotes and
	 * {@code key=} included (line breaks and terminal controls the log format escapes itself).
	 */
	private static String quoted(String username) {
		return username == null ? "null"
				: '"' + username.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}
}
