package io.singlewindow.declaration.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.core.WorkQueueFilter;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/**
 * The officers' work list: their agency's tasks, and for customs the cleared declarations waiting for release and the
 * declarants' applications for a cancellation. The
 * administrator, who oversees the zone's agencies but decides for none, sees every agency's queue with a choice of
 * agency (read-only: the decisions stay on the declaration page, for the agency's officers).
 */
@Controller
class AgencyQueuePages {

	/** Entries each list shows at most: tasks (of each agency, for the administrator's view of all) and releases. */
	static final int SHOWN = 200;

	static final List<String> ORDERS = List.of(WorkQueueFilter.OLDEST, WorkQueueFilter.NEWEST,
			WorkQueueFilter.ENTERPRISE);

	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final Enterprises enterprises;
	private final Agencies agencies;
	private final BusinessTime time;

	AgencyQueuePages(DeclarationStore store, CurrentActor currentActor, Enterprises enterprises, Agencies agencies,
			BusinessTime time) {
		this.store = store;
		this.currentActor = currentActor;
		this.enterprises = enterprises;
		this.agencies = agencies;
		this.time = time;
	}

	/** One task of the queue with the agency it waits at (several when the administrator views all agencies). */
	record AgencyTask(String agency, DeclarationStore.QueueEntry task) {
	}

	/**
	 * The queue: tasks waiting for the agency (or, with {@code status=QUERIED}, for the declarant's answer), narrowed
	 * by a search over the declaration number, the declarant's USCC and its name, by the risk channel (customs only:
	 * it is customs' knowledge) and by how long they have waited; ordered by waiting time or by enterprise name.
	 * Customs also sees the cleared declarations waiting for the release of their goods, the applications waiting for
	 * its decision and the guarantees to call on (duties unpaid after their last day), narrowed and ordered alike.
	 * Officers see their own agency whatever {@code agency} says; the administrator chooses one or all.
	 */
	@GetMapping("/agency/queue")
	String queue(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
			@RequestParam(required = false) Integer olderThanDays, @RequestParam(required = false) String agency,
			Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.OFFICER, Role.ADMIN);
		List<String> shownAgencies = shownAgencies(actor, agency);
		boolean customs = shownAgencies.contains(AgencyCode.CUSTOMS.value());
		boolean seesChannel = ChannelVisibility.sees(actor);
		TaskStatus shownStatus = "QUERIED".equals(status) ? TaskStatus.QUERIED : TaskStatus.PENDING;
		String shownChannel = seesChannel && channel != null && channel.matches("GREEN|YELLOW|RED") ? channel : "";
		WorkQueueFilter filter = WorkQueueFilter.of(q, olderThanDays, sort, ORDERS);
		DeclarationStore.QueueSearch search = search(filter);
		// One entry more than shown is read, to tell the officer that more wait than the list shows.
		List<List<AgencyTask>> tasksOfEach = shownAgencies.stream()
			.map(a -> store.queue(a, shownStatus, shownChannel, search).stream()
				.map(t -> new AgencyTask(a, ChannelVisibility.of(actor, t)))
				.toList())
			.toList();
		boolean tasksCut = tasksOfEach.stream().anyMatch(t -> t.size() > SHOWN);
		List<AgencyTask> tasks = tasksOfEach.stream().flatMap(t -> t.stream().limit(SHOWN)).toList();
		List<DeclarationStore.Summary> releaseRead = customs ? store.awaitingRelease(search) : List.of();
		boolean releaseCut = releaseRead.size() > SHOWN;
		List<DeclarationStore.Summary> release = releaseRead.stream().limit(SHOWN).toList();
		List<DeclarationStore.Summary> cancellationsRead = customs ? store.cancellationApplied(search) : List.of();
		boolean cancellationsCut = cancellationsRead.size() > SHOWN;
		List<DeclarationStore.Summary> cancellations = cancellationsRead.stream().limit(SHOWN).toList();
		List<DeclarationStore.Summary> guaranteesRead = customs ? store.guaranteesToEnforce(search) : List.of();
		boolean guaranteesCut = guaranteesRead.size() > SHOWN;
		List<DeclarationStore.Summary> guarantees = guaranteesRead.stream().limit(SHOWN).toList();
		List<DeclarationStore.Summary> correctionsRead = customs ? store.correctionApplied(search) : List.of();
		boolean correctionsCut = correctionsRead.size() > SHOWN;
		List<DeclarationStore.Summary> corrections = correctionsRead.stream().limit(SHOWN).toList();
		Map<String, String> names = enterprises.findAll(Stream.of(tasks.stream().map(t -> t.task().declarant()),
				release.stream().map(DeclarationStore.Summary::declarant),
				cancellations.stream().map(DeclarationStore.Summary::declarant),
				corrections.stream().map(DeclarationStore.Summary::declarant),
				guarantees.stream().map(DeclarationStore.Summary::declarant))
			.flatMap(s -> s)
			.distinct().map(Uscc::parse).toList())
			.stream()
			.collect(Collectors.toMap(e -> e.uscc().value(), e -> e.name(locale), (a, b) -> a));
		model.addAttribute("agency", actor.role() == Role.OFFICER ? actor.agency().value() : null);
		model.addAttribute("chosenAgency", shownAgencies.size() == 1 ? shownAgencies.getFirst() : "");
		model.addAttribute("agencies", actor.role() == Role.ADMIN ? agencies.all() : List.of());
		model.addAttribute("customs", customs);
		model.addAttribute("tasks", filter.ordered(tasks, t -> t.task().waitingSince(),
				t -> names.getOrDefault(t.task().declarant(), t.task().declarant()), locale));
		model.addAttribute("release", filter.ordered(release, DeclarationStore.Summary::updatedAt,
				r -> names.getOrDefault(r.declarant(), r.declarant()), locale));
		model.addAttribute("cancellations", filter.ordered(cancellations, DeclarationStore.Summary::updatedAt,
				r -> names.getOrDefault(r.declarant(), r.declarant()), locale));
		model.addAttribute("cancellationsCut", cancellationsCut);
		model.addAttribute("corrections", filter.ordered(corrections, DeclarationStore.Summary::updatedAt,
				r -> names.getOrDefault(r.declarant(), r.declarant()), locale));
		model.addAttribute("correctionsCut", correctionsCut);
		model.addAttribute("guarantees", filter.ordered(guarantees, DeclarationStore.Summary::updatedAt,
				r -> names.getOrDefault(r.declarant(), r.declarant()), locale));
		model.addAttribute("guaranteesCut", guaranteesCut);
		model.addAttribute("names", names);
		model.addAttribute("shown", SHOWN);
		model.addAttribute("tasksCut", tasksCut);
		model.addAttribute("namesCut", search.declarantsNamed().size() > SHOWN);
		model.addAttribute("releaseCut", releaseCut);
		// Whether each can be released now or waits for its duties: customs reads it off the list.
		model.addAttribute("duties", store.duties(Stream.concat(release.stream(), guarantees.stream())
			.map(DeclarationStore.Summary::id).distinct().toList()));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("sort", filter.order());
		model.addAttribute("status", shownStatus.name());
		model.addAttribute("channel", shownChannel);
		model.addAttribute("olderThanDays", filter.olderThanDays());
		model.addAttribute("ages", WorkQueueFilter.AGES);
		return "declaration/queue";
	}

	/**
	 * The officer's narrowing as the database applies it: not among the first {@link #SHOWN} entries read (one beyond
	 * them could not be found by its number once that many waited). A name is matched through the enterprises whose
	 * names, in either language, contain the search, so a search survives the language switch.
	 */
	private DeclarationStore.QueueSearch search(WorkQueueFilter filter) {
		// One more enterprise than searched among is read: when a name matches more, the page says the search is cut.
		List<Uscc> named = filter.search().isEmpty() ? List.of()
				: enterprises.search(filter.search(), null, SHOWN + 1).stream().map(Enterprise::uscc).toList();
		Instant waitingBefore = filter.olderThanDays() == 0 ? null
				: time.now().minus(Duration.ofDays(filter.olderThanDays()));
		return new DeclarationStore.QueueSearch(filter, named, waitingBefore, SHOWN + 1);
	}

	/** An officer's own agency; for the administrator the chosen one, or all when none (or an unknown one) is chosen. */
	private List<String> shownAgencies(Actor actor, String chosen) {
		if (actor.role() == Role.OFFICER) {
			return List.of(actor.agency().value());
		}
		List<String> all = agencies.all().stream().map(a -> a.code().value()).toList();
		return all.contains(chosen) ? List.of(chosen) : all;
	}
}
