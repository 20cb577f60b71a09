package io.singlewindow.interchange.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.singlewindow.identity.Actor;

/**
 * The interchanges a person sent, as the upload page lists them: only their own, like the API's answers (an
 * interchange's answer names declarations of the enterprises its sender acts for).
 */
@Component
class SentInterchanges {

	/** One interchange sent: its envelope's names and how many messages it held. */
	record Sent(UUID id, String sender, String controlReference, Instant receivedAt, int messages) {
	}

	private final JdbcClient jdbc;

	SentInterchanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Sent> latest(Actor actor, int limit) {
		return jdbc.sql("""
				SELECT id, sender, control_reference, received_at, messages FROM interchange
				WHERE submitted_by = ? ORDER BY received_at DESC, id LIMIT ?""")
			.params(actor.userId(), limit)
			.query(SentInterchanges::sent)
			.list();
	}

	Optional<Sent> find(Actor actor, UUID id) {
		return jdbc.sql("""
				SELECT id, sender, control_reference, received_at, messages FROM interchange
				WHERE id = ? AND submitted_by = ?""")
			.params(id, actor.userId())
			.query(SentInterchanges::sent)
			.optional();
	}

	private static Sent sent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Sent(rs.getObject("id", UUID.class), rs.getString("sender"), rs.getString("control_reference"),
				rs.getTimestamp("received_at").toInstant(), rs.getInt("messages"));
	}
}
