package io.singlewindow.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;

/**
 * Puts what the layout needs into every page's model: the actor, the navigation entries their role sees, where the
 * person is and the address of the other language. Added once a handler has chosen a page to render, not before
 * every handler: as model attributes of a controller advice they were also computed, and the advice matched, on
 * every call of the REST API, which renders no page (a tenth of a request's CPU, issue 16).
 */
@Component
class ShellModel implements HandlerInterceptor, WebMvcConfigurer {

	private final CurrentActor currentActor;
	private final List<NavigationItem> navigation;

	ShellModel(CurrentActor currentActor, List<NavigationItem> navigation) {
		this.currentActor = currentActor;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	/** A page about to be rendered gets the layout's values, unless its handler set them itself; a redirect none. */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.wasCleared() || page.getView() instanceof RedirectView
				|| page.getViewName() != null && (page.getViewName().startsWith("redirect:")
						|| page.getViewName().startsWith("forward:"))) {
			return;
		}
		var model = page.getModelMap();
		model.putIfAbsent("actor", actor());
		model.putIfAbsent("currentPath", currentPath(request));
		model.putIfAbsent("languageSwitch", languageSwitch(request));
		model.putIfAbsent("navigation", navigation());
	}

	Actor actor() {
		return currentActor.find().orElse(null);
	}

	/**
	 * The address of the page, so that the menu can mark where the person is. An error page is rendered in a second
	 * dispatch to {@code /error}: the address is the one the person asked for, not that one.
	 */
	String currentPath(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String asked ? asked
				: request.getRequestURI();
	}

	private static String query(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
			return request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) instanceof String asked ? asked : null;
		}
		return request.getQueryString();
	}

	/**
	 * The page's own address with its query (filters, search) but without {@code lang}, ending in {@code ?} or
	 * {@code &}: the language links append {@code lang=…}, so switching language keeps what the page shows.
	 */
	String languageSwitch(HttpServletRequest request) {
		String asked = query(request);
		String query = asked == null ? ""
				: java.util.Arrays.stream(asked.split("&"))
					.filter(p -> !p.isEmpty() && !p.equals("lang") && !p.startsWith("lang="))
					.collect(java.util.stream.Collectors.joining("&"));
		return currentPath(request) + "?" + (query.isEmpty() ? "" : query + "&");
	}

	List<NavigationItem> navigation() {
		Actor actor = currentActor.find().orElse(null);
		Set<String> roles = actor == null ? Set.of("ANONYMOUS") : Set.of(actor.role().name());
		String agency = actor == null || actor.agency() == null ? null : actor.agency().value();
		return navigation.stream().filter(item -> item.visibleTo(roles, agency)).toList();
	}
}
