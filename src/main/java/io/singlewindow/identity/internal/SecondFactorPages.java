package io.singlewindow.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.google.zxing.common.BitMatrix;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.platform.FormErrors;
import io.singlewindow.platform.ScannableQrCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Everyone's second-factor page (动态口令): turn it on by scanning a QR code and confirming a code, turn it off. */
@Controller
class SecondFactorPages {

	static final String PAGE = "/account/second-factor";

	private final SecondFactors secondFactors;
	private final CurrentActor currentActor;
	private final MessageSource messages;
	private final CodeAttempts attempts;

	SecondFactorPages(SecondFactors secondFactors, CurrentActor currentActor, MessageSource messages,
			CodeAttempts attempts) {
		this.secondFactors = secondFactors;
		this.currentActor = currentActor;
		this.messages = messages;
		this.attempts = attempts;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		return page(currentActor.get(), model, Map.of());
	}

	@PostMapping(PAGE + "/begin")
	String begin(HttpServletResponse response, Model model, Locale locale) {
		return acted(() -> secondFactors.begin(currentActor.get()), "", response, model, locale);
	}

	/** Turned on, the page shows the recovery codes this once (answering the form itself, as a new API key is). */
	@PostMapping(PAGE + "/confirm")
	String confirm(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		Actor actor = currentActor.get();
		return shown(() -> attempts.guard(actor.userId(), () -> secondFactors.confirm(actor, code,
				request.getSession().getId(), request.getRemoteAddr())), "enabled", "code", response, model, locale);
	}

	@PostMapping(PAGE + "/recovery-codes")
	String recoveryCodes(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		// Its field has an id of its own: the page also shows the form to turn the second factor off.
		Actor actor = currentActor.get();
		return shown(() -> attempts.guard(actor.userId(),
				() -> secondFactors.makeRecoveryCodes(actor, code, request.getRemoteAddr())), "recoveryCodesMade",
				"recovery-codes-code", response, model, locale);
	}

	@PostMapping(PAGE + "/disable")
	String disable(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		Actor actor = currentActor.get();
		return acted(() -> attempts.guard(actor.userId(), () -> {
			secondFactors.disable(actor, code, request.getRemoteAddr());
			return null;
		}), "?disabled", response, model, locale);
	}

	/** Does what the form asks and shows the page again with {@code notice}; refused, the page with the refusal. */
	private String acted(Runnable action, String notice, HttpServletResponse response, Model model, Locale locale) {
		try {
			action.run();
		} catch (Problem problem) {
			return refused(problem, "code", response, model, locale);
		}
		return "redirect:" + PAGE + notice;
	}

	/**
	 * Makes recovery codes and shows them on the page with {@code notice}, never in a link or a redirect's session
	 * (the answer is not stored: the security headers' {@code Cache-Control: no-store}); refused, the page with the
	 * refusal.
	 */
	private String shown(Supplier<List<String>> making, String notice, String codeField, HttpServletResponse response,
			Model model, Locale locale) {
		List<String> codes;
		try {
			codes = making.get();
		} catch (Problem problem) {
			return refused(problem, codeField, response, model, locale);
		}
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute(notice, true);
		return page(currentActor.get(), model, Map.of());
	}

	/** The page with the refusal; a wrong code at the field {@code codeField} of the form that was sent. */
	private String refused(Problem problem, String codeField, HttpServletResponse response, Model model,
			Locale locale) {
		response.setStatus(problem.status().value());
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		FormErrors.of(problem, messages, locale)
			.forEach((field, text) -> errors.put("code".equals(field) ? codeField : field, text));
		return page(currentActor.get(), model, errors);
	}

	private String page(Actor actor, Model model, Map<String, String> errors) {
		SecondFactors.Status status = secondFactors.status(actor.userId());
		model.addAttribute("enabledAt", status.enabledAt());
		model.addAttribute("recoveryCodesLeft",
				status.enabled() ? secondFactors.recoveryCodesLeft(actor.userId()) : null);
		model.addAttribute("recoveryCodesMadeAtOnce", RecoveryCodes.COUNT);
		model.addAttribute("recoveryCodesWarnAt", RecoveryCodes.FEW);
		model.addAttribute("pending", status.pendingSecret() != null);
		boolean requiredOfRole = secondFactors.requiredRoles().contains(actor.role());
		model.addAttribute("requiredOfRole", requiredOfRole);
		model.addAttribute("required", requiredOfRole && !status.enabled());
		model.addAttribute("errors", errors);
		if (status.pendingSecret() != null) {
			model.addAttribute("qr", qrImage(Totp.uri(SecondFactors.ISSUER, actor.username(), status.pendingSecret())));
			// Grouped by four, as a person copies it into an app that cannot scan.
			model.addAttribute("secret", status.pendingSecret().replaceAll("(.{4})(?!$)", "$1 "));
		}
		return "identity/second-factor";
	}

	/**
	 * The enrolment link as a QR code: an SVG of its dark modules, as an image the page shows without a script. Its
	 * mask is one ZXing reads back at the page's size (220 CSS pixels, 165 points): with the encoder's own choice about
	 * one key in a hundred did not read back ({@code SecondFactorQrCodeUnitTests} found it).
	 */
	static String qrImage(String text) {
		BitMatrix modules = ScannableQrCode.of(text, 0, 0, 165);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < modules.getHeight(); y++) {
			for (int x = 0; x < modules.getWidth(); x++) {
				if (modules.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + modules.getWidth() + " "
				+ modules.getHeight() + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
				+ "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem secondFactorNavigation() {
			return new NavigationItem("nav.secondFactor", PAGE, Set.of("TRADER", "BROKER", "OFFICER", "ADMIN"), 912);
		}
	}
}
