package io.singlewindow.identity.internal;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.CurrentActor;

/** Login and each role's home page. */
@Controller
class ShellPages {

	private final CurrentActor currentActor;
	private final Agencies agencies;

	ShellPages(CurrentActor currentActor, Agencies agencies) {
		this.currentActor = currentActor;
		this.agencies = agencies;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	/** Anonymous visitors see the zone's public services; a logged-in person their role's home. */
	@GetMapping("/")
	String home(Model model, Locale locale) {
		var actor = currentActor.find();
		if (actor.isEmpty()) {
			return "identity/welcome";
		}
		Actor a = actor.get();
		if (a.agency() != null) {
			agencies.find(a.agency()).ifPresent(agency -> model.addAttribute("agencyName", agency.name(locale)));
		}
		return "identity/home-" + a.role().name().toLowerCase(Locale.ROOT);
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem homeNavigation() {
			return new NavigationItem("nav.home", "/", Set.of(), 0);
		}

		@Bean
		NavigationItem apiKeysNavigation() {
			return new NavigationItem("nav.apiKeys", "/account/api-keys", Set.of("TRADER", "BROKER", "OFFICER", "ADMIN"),
					900);
		}
	}
}
