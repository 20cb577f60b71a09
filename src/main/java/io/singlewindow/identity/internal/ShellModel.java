package io.singlewindow.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;

/** Puts what the layout needs into every page's model: the actor and the navigation entries their role sees. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellModel {

	private final CurrentActor currentActor;
	private final List<NavigationItem> navigation;

	ShellModel(CurrentActor currentActor, List<NavigationItem> navigation) {
		this.currentActor = currentActor;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	@ModelAttribute("actor")
	Actor actor() {
		return currentActor.find().orElse(null);
	}

	/** The address of the page, so that the menu can mark where the person is. */
	@ModelAttribute("currentPath")
	String currentPath(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI();
	}

	/**
	 * The page's own address with its query (filters, search) but without {@code lang}, ending in {@code ?} or
	 * {@code &}: the language links append {@code lang=…}, so switching language keeps what the page shows.
	 */
	@ModelAttribute("languageSwitch")
	String languageSwitch(jakarta.servlet.http.HttpServletRequest request) {
		String query = request.getQueryString() == null ? ""
				: java.util.Arrays.stream(request.getQueryString().split("&"))
					.filter(p -> !p.isEmpty() && !p.equals("lang") && !p.startsWith("lang="))
					.collect(java.util.stream.Collectors.joining("&"));
		return request.getRequestURI() + "?" + (query.isEmpty() ? "" : query + "&");
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation() {
		Actor actor = currentActor.find().orElse(null);
		Set<String> roles = actor == null ? Set.of("ANONYMOUS") : Set.of(actor.role().name());
		String agency = actor == null || actor.agency() == null ? null : actor.agency().value();
		return navigation.stream().filter(item -> item.visibleTo(roles, agency)).toList();
	}
}
