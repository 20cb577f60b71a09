package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.DeclarationWithdrawn;
import io.singlewindow.platform.BusinessTime;

/**
 * The retry job judges a failed publication's age by the platform's clock, the same clock the event publication
 * registry dated it with — not by the server's wall clock, which a zone's clock (or a test's) may differ from.
 */
class AgencySystemsRetryUnitTests {

	static final Instant ZONE_NOW = Instant.parse("2026-03-02T02:00:00Z");

	final List<Predicate<EventPublication>> asked = new ArrayList<>();

	final AgencySystemsPublication publication = new AgencySystemsPublication(null, null,
			new AgencySystemsProperties("", "singlewindow", 1, (short) 1, Duration.ofSeconds(10),
					Duration.ofSeconds(30), Map.of()),
			null, null, new Recording(), new BusinessTime(Clock.fixed(ZONE_NOW, ZoneOffset.UTC)));

	@Test
	void aFailedSendOlderThanTheRetryDelayOnThePlatformsClockIsSentAgain() {
		publication.retryUnsent();

		assertThat(asked.getFirst().test(failed(ZONE_NOW.minusSeconds(31)))).isTrue();
	}

	@Test
	void aFailedSendYoungerThanTheRetryDelayOnThePlatformsClockIsLeftOnItsWay() {
		publication.retryUnsent();

		assertThat(asked.getFirst().test(failed(ZONE_NOW.minusSeconds(29)))).isFalse();
	}

	@Test
	void aSendStillInProgressIsNotSentAgainHoweverOld() {
		publication.retryUnsent();

		assertThat(asked.getFirst().test(publication(EventPublication.Status.PROCESSING, ZONE_NOW.minusSeconds(3600),
				withdrawal()))).isFalse();
	}

	@Test
	void anotherModulesEventIsNotThisJobs() {
		publication.retryUnsent();

		assertThat(asked.getFirst().test(publication(EventPublication.Status.FAILED, ZONE_NOW.minusSeconds(3600),
				"some other module's event"))).isFalse();
	}

	static EventPublication failed(Instant publishedAt) {
		return publication(EventPublication.Status.FAILED, publishedAt, withdrawal());
	}

	static DeclarationWithdrawn withdrawal() {
		return new DeclarationWithdrawn(UUID.randomUUID(), "XM2026030200001", Uscc.parse("91110000802100433B"),
				"trader.chip", "ordered twice", ZONE_NOW.minusSeconds(3600));
	}

	static EventPublication publication(EventPublication.Status status, Instant publishedAt, Object event) {
		return new EventPublication() {
			@Override
			public UUID getIdentifier() {
				return UUID.randomUUID();
			}

			@Override
			public Object getEvent() {
				return event;
			}

			@Override
			public Instant getPublicationDate() {
				return publishedAt;
			}

			@Override
			public Optional<Instant> getCompletionDate() {
				return Optional.empty();
			}

			@Override
			public Status getStatus() {
				return status;
			}

			@Override
			public Instant getLastResubmissionDate() {
				return null;
			}

			@Override
			public int getCompletionAttempts() {
				return 1;
			}
		};
	}

	class Recording implements IncompleteEventPublications {

		@Override
		public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
			asked.add(filter);
		}

		@Override
		public void resubmitIncompletePublicationsOlderThan(Duration duration) {
			throw new AssertionError("the job names what it resubmits");
		}

		@Override
		public void resubmitIncompletePublications(ResubmissionOptions options) {
			throw new AssertionError("the job names what it resubmits");
		}
	}
}
