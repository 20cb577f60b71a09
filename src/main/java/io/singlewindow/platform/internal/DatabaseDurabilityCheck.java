package io.singlewindow.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks the database the platform writes to, embedded or external, for the settings that make an acknowledged
 * commit survive a crash. A server without them still serves (an operator may have reasons, e.g. a replica that
 * carries durability), but says so at start with a WARN and in {@code /actuator/health} under
 * {@code databaseDurability}, so nobody runs it that way by accident.
 */
@Component("databaseDurability")
class DatabaseDurabilityCheck implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(DatabaseDurabilityCheck.class);

	private final DataSource dataSource;

	DatabaseDurabilityCheck(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	DatabaseDurability read() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return DatabaseDurability.of(connection);
		}
	}

	@EventListener(ApplicationStartedEvent.class)
	void warnWhenNotDurable() {
		try {
			DatabaseDurability durability = read();
			if (durability.durable()) {
				log.info("event=database_durability_checked {} durable=true", durability);
			} else {
				log.warn("event=database_not_durable {} durable=false consequence=\"a crash of the database server "
						+ "loses acknowledged transactions or corrupts the database\"", durability);
			}
		} catch (SQLException e) {
			log.warn("event=database_durability_unknown error={}", e.toString());
		}
	}

	@Override
	public Health health() {
		try {
			DatabaseDurability durability = read();
			Health.Builder health = Health.up().withDetails(durability.details());
			if (!durability.durable()) {
				health.withDetail("warning", "the database does not guarantee that acknowledged transactions survive "
						+ "a crash: set fsync=on, synchronous_commit=on and full_page_writes=on");
			}
			return health.build();
		} catch (SQLException e) {
			return Health.unknown().withException(e).build();
		}
	}
}
