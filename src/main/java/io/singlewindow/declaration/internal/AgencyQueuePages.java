package io.singlewindow.declaration.internal;

import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;

/** The officers' work list: their agency's tasks, and for customs the cleared declarations waiting for release. */
@Controller
class AgencyQueuePages {

	/** Waiting times an officer can narrow the queue to, in days; 0 is any. */
	static final List<Integer> AGES = List.of(0, 1, 3, 7, 30);

	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final Enterprises enterprises;
	private final BusinessTime time;

	AgencyQueuePages(DeclarationStore store, CurrentActor currentActor, Enterprises enterprises, BusinessTime time) {
		this.store = store;
		this.currentActor = currentActor;
		this.enterprises = enterprises;
		this.time = time;
	}

	/**
	 * The officer's queue: tasks of their agency waiting for them (or, with {@code status=QUERIED}, for the
	 * declarant's answer), narrowed by a search over the declaration number, the declarant's USCC and its name, by
	 * the risk channel (customs only: it is customs' knowledge) and by how long they have waited; ordered by waiting
	 * time or by enterprise name. Customs also sees the cleared declarations waiting for the release of their goods.
	 */
	@GetMapping("/agency/queue")
	String queue(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
			@RequestParam(required = false) Integer olderThanDays, Model model, Locale locale) {
		Actor actor = currentActor.get();
		actor.requireRole(Role.OFFICER);
		boolean customs = AgencyCode.CUSTOMS.equals(actor.agency());
		boolean seesChannel = ChannelVisibility.sees(actor);
		TaskStatus shownStatus = "QUERIED".equals(status) ? TaskStatus.QUERIED : TaskStatus.PENDING;
		List<DeclarationStore.QueueEntry> tasks = store.queue(actor.agency().value(), shownStatus, 500).stream()
			.map(e -> ChannelVisibility.of(actor.agency(), e)).toList();
		List<DeclarationStore.Summary> release = customs ? store.awaitingRelease(200) : List.of();
		Map<String, String> names = enterpriseNames(Stream.concat(
				tasks.stream().map(DeclarationStore.QueueEntry::declarant),
				release.stream().map(DeclarationStore.Summary::declarant)).collect(Collectors.toSet()), locale);

		String search = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
		BiPredicate<String, String> matches = (number, declarant) -> search.isEmpty()
				|| number.toLowerCase(Locale.ROOT).contains(search) || declarant.toLowerCase(Locale.ROOT).contains(search)
				|| names.getOrDefault(declarant, "").toLowerCase(Locale.ROOT).contains(search);
		String shownChannel = seesChannel && channel != null && channel.matches("GREEN|YELLOW|RED") ? channel : "";
		int minimumAge = olderThanDays != null && AGES.contains(olderThanDays) ? olderThanDays : 0;
		Instant waitingSince = time.now().minus(Duration.ofDays(minimumAge));
		List<DeclarationStore.QueueEntry> shown = new ArrayList<>(tasks.stream()
			.filter(t -> matches.test(t.number(), t.declarant()))
			.filter(t -> shownChannel.isEmpty() || shownChannel.equals(t.channel()))
			.filter(t -> minimumAge == 0 || t.createdAt().isBefore(waitingSince))
			.toList());
		String order = "newest".equals(sort) || "enterprise".equals(sort) ? sort : "oldest";
		if (order.equals("newest")) {
			Collections.reverse(shown);
		} else if (order.equals("enterprise")) {
			Collator collator = Collator.getInstance(locale);
			shown.sort(Comparator.comparing(
					(DeclarationStore.QueueEntry t) -> names.getOrDefault(t.declarant(), t.declarant()), collator));
		}
		model.addAttribute("agency", actor.agency().value());
		model.addAttribute("tasks", shown);
		model.addAttribute("release", release.stream()
			.filter(r -> matches.test(r.number(), r.declarant()))
			.filter(r -> minimumAge == 0 || r.updatedAt().isBefore(waitingSince))
			.toList());
		model.addAttribute("names", names);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("sort", order);
		model.addAttribute("status", shownStatus.name());
		model.addAttribute("channel", shownChannel);
		model.addAttribute("olderThanDays", minimumAge);
		model.addAttribute("ages", AGES);
		return "declaration/queue";
	}

	private Map<String, String> enterpriseNames(Set<String> usccs, Locale locale) {
		return enterprises.findAll(usccs.stream().map(Uscc::parse).toList()).stream()
			.collect(Collectors.toMap(e -> e.uscc().value(), e -> e.name(locale), (a, b) -> a));
	}
}
