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

	@ModelAttribute("navigation")
	List<NavigationItem> navigation() {
		Set<String> roles = currentActor.find().map(a -> Set.of(a.role().name())).orElse(Set.of("ANONYMOUS"));
		return navigation.stream().filter(item -> item.visibleTo(roles)).toList();
	}
}
