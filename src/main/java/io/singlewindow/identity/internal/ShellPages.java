package io.singlewindow.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.NoticeSource;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.ActorNoticeSource;
import io.singlewindow.identity.Agencies;
import io.singlewindow.identity.BrokerAuthorisations;
import io.singlewindow.identity.CurrentActor;

/** Login and each role's home page. */
@Controller
class ShellPages {

	private final CurrentActor currentActor;
	private final Agencies agencies;
	private final List<NoticeSource> notices;
	private final List<ActorNoticeSource> personalNotices;
	private final BrokerAuthorisations brokerAuthorisations;
	private final SecondFactors secondFactors;

	ShellPages(CurrentActor currentActor, Agencies agencies, List<NoticeSource> notices,
			List<ActorNoticeSource> personalNotices, BrokerAuthorisations brokerAuthorisations,
			SecondFactors secondFactors) {
		this.currentActor = currentActor;
		this.agencies = agencies;
		this.notices = notices;
		this.personalNotices = personalNotices;
		this.brokerAuthorisations = brokerAuthorisations;
		this.secondFactors = secondFactors;
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
		Set<String> roles = Set.of(a.role().name());
		if (SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			// 上次登录: a login the person did not make stands out on the first page they see.
			model.addAttribute("previousLogin", principal);
			// Recovery codes running out are said where the person looks first, before the phone is lost.
			if (principal.secondFactor()) {
				Integer left = secondFactors.recoveryCodesLeft(principal.userId());
				int count = left == null ? 0 : left;
				model.addAttribute("recoveryCodesFew", count <= RecoveryCodes.FEW ? count : null);
			}
		}
		// 委托即将到期: both sides of a broker's authority hear a month ahead that it ends, not on the refused request.
		model.addAttribute("endingAuthorities", brokerAuthorisations.endingSoon(a));
		model.addAttribute("notices", java.util.stream.Stream.concat(
				notices.stream().flatMap(source -> source.notices().stream()),
				personalNotices.stream().flatMap(source -> source.noticesFor(a).stream()))
			.filter(notice -> notice.visibleTo(roles)).toList());
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
