package io.singlewindow.enterprise.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.BrokerAuthorisations;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.platform.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Customs brokers on pages (报关委托): a trader sees which brokerages may declare for its enterprise, authorises one of
 * the zone's brokerages chosen by name and revokes the authority (with the right to keep the enterprise's record); a
 * broker sees which enterprises it may declare for. The same rules as {@code /api/v1/broker-authorisations}
 * ({@link BrokerAuthorisations}); the names come from the register, which is why the pages live here.
 */
@Controller
class BrokerAuthorisationPages {

	private final BrokerAuthorisations authorisations;
	private final Enterprises enterprises;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	BrokerAuthorisationPages(BrokerAuthorisations authorisations, Enterprises enterprises, CurrentActor currentActor,
			MessageSource messages) {
		this.authorisations = authorisations;
		this.enterprises = enterprises;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	/**
	 * An enterprise on the other side of an authorisation, named as registered, since when and through which day, with
	 * the days left when it ends soon (null otherwise).
	 */
	record Party(String uscc, String name, Instant since, java.time.LocalDate until, Long endsIn) {
	}

	/** A brokerage the trader may authorise, named as registered. */
	record Choice(String uscc, String name) {
	}

	@GetMapping("/account/brokers")
	String brokers(Model model, Locale locale) {
		return brokersPage(currentActor.get(), model, locale, null, Map.of());
	}

	@PostMapping("/account/brokers")
	String authorise(@RequestParam(required = false) String broker, @RequestParam(required = false) String validUntil,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		Actor actor = currentActor.get();
		try {
			var granted = authorisations.authorise(actor, broker, validUntil, request.getRemoteAddr());
			return "redirect:/account/brokers?authorised=" + granted.broker().value();
		}
		catch (Problem problem) {
			if (problem.status().value() == 403) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			model.addAttribute("typedUntil", validUntil);
			return brokersPage(actor, model, locale, broker, FormErrors.of(problem, messages, locale));
		}
	}

	@PostMapping("/account/brokers/{broker}/revoke")
	String revoke(@PathVariable String broker, HttpServletRequest request) {
		authorisations.revoke(currentActor.get(), broker, request.getRemoteAddr());
		return "redirect:/account/brokers?revoked";
	}

	@GetMapping("/account/principals")
	String principals(Model model, Locale locale) {
		List<BrokerAuthorisations.Authorisation> held = authorisations.heldBy(currentActor.get());
		Map<Uscc, Enterprise> named = named(held.stream().map(BrokerAuthorisations.Authorisation::principal).toList());
		model.addAttribute("principals", held.stream().map(a -> party(a.principal(), a, named, locale)).toList());
		return "enterprise/principals";
	}

	private String brokersPage(Actor actor, Model model, Locale locale, String typed, Map<String, String> errors) {
		List<BrokerAuthorisations.Authorisation> granted = authorisations.grantedBy(actor);
		List<Uscc> brokerages = authorisations.brokerages();
		// Named together: a brokerage authorised before its accounts were disabled is no longer among the choices.
		Map<Uscc, Enterprise> named = named(java.util.stream.Stream.concat(brokerages.stream(),
				granted.stream().map(BrokerAuthorisations.Authorisation::broker)).collect(Collectors.toSet()));
		model.addAttribute("brokers", granted.stream().map(a -> party(a.broker(), a, named, locale)).toList());
		// Every brokerage: one that declares for the enterprise already is chosen again to set its last day anew.
		model.addAttribute("choices", brokerages.stream()
			.map(b -> new Choice(b.value(), nameOf(named, b, locale))).sorted(java.util.Comparator.comparing(Choice::name))
			.toList());
		model.addAttribute("mayChange", actor.holds(OperatorRight.MANAGE_ENTERPRISE));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "enterprise/brokers";
	}

	private Map<Uscc, Enterprise> named(Collection<Uscc> usccs) {
		return enterprises.findAll(usccs).stream().collect(Collectors.toMap(Enterprise::uscc, Function.identity()));
	}

	/** The enterprise {@code other} on the far side of {@code authorisation}, as a row shows it. */
	private static Party party(Uscc other, BrokerAuthorisations.Authorisation authorisation,
			Map<Uscc, Enterprise> named, Locale locale) {
		return new Party(other.value(), nameOf(named, other, locale), authorisation.grantedAt(),
				authorisation.validUntil(), authorisation.endsSoon() ? authorisation.daysLeft() : null);
	}

	/** The registered name, or the code alone for a brokerage the register does not know (none should be). */
	private static String nameOf(Map<Uscc, Enterprise> named, Uscc uscc, Locale locale) {
		Enterprise enterprise = named.get(uscc);
		return enterprise == null ? uscc.value() : enterprise.name(locale);
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem brokersNavigation() {
			return new NavigationItem("nav.brokers", "/account/brokers", Set.of("TRADER"), 895);
		}

		@Bean
		NavigationItem principalsNavigation() {
			return new NavigationItem("nav.principals", "/account/principals", Set.of("BROKER"), 895);
		}
	}
}
