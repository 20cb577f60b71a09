package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes a submission's events, or holds them while it runs inside a group ({@link SubmissionGroups}) or a batch
 * chunk. Refusing one submission of a shared transaction (its savepoint rolled back, or in a group nothing to roll
 * back) does not undo what an event it published set in motion: listeners after commit would still be called and the
 * event publication registry would keep the event. So a submission of a group has its events published only once every
 * member is through, and a refused one publishes nothing.
 */
@Component
class HeldEvents {

	private final ApplicationEventPublisher publisher;
	private final ThreadLocal<List<Object>> held = new ThreadLocal<>();

	HeldEvents(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	void publish(Object event) {
		List<Object> holding = held.get();
		if (holding == null) {
			publisher.publishEvent(event);
		} else {
			holding.add(event);
		}
	}

	/** The result of {@code work} and the events it published, not published yet. */
	<T> Held<T> hold(Supplier<T> work) {
		List<Object> events = new ArrayList<>();
		List<Object> outer = held.get();
		held.set(events);
		try {
			return new Held<>(work.get(), events);
		} finally {
			held.set(outer);
		}
	}

	/** Publishes what {@link #hold} held. */
	void release(Held<?> held) {
		held.events().forEach(publisher::publishEvent);
	}

	record Held<T>(T result, List<Object> events) {
	}
}
