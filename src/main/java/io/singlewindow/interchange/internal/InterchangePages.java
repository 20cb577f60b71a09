package io.singlewindow.interchange.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The upload page of the standards channel: a trader or broker sends an interchange file from the browser, as their
 * software would through {@code POST /api/v1/interchanges}, and reads each message's answer, the declaration number
 * and status, or why it was refused, with the segment and element the refusal points at; a large interchange's page
 * follows the batch job until every message is answered. The answer interchange itself can be downloaded.
 */
@Controller
class InterchangePages {

	private static final Logger log = LoggerFactory.getLogger(InterchangePages.class);

	/**
	 * The largest file the page takes: below the platform's multipart limit (20 MB) so that a larger file is refused
	 * here, on the page, with its own message; interchanges up to 50 MB go through the API.
	 */
	static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

	/** How many of a person's interchanges the upload page lists. */
	static final int LISTED = 20;

	private final Interchanges interchanges;
	private final SentInterchanges sent;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	InterchangePages(Interchanges interchanges, SentInterchanges sent, CurrentActor currentActor,
			MessageSource messages) {
		this.interchanges = interchanges;
		this.sent = sent;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	@Bean
	static NavigationItem interchangesNavigation() {
		return new NavigationItem("nav.interchanges", "/interchanges", Set.of("TRADER", "BROKER"), 45);
	}

	@GetMapping("/interchanges")
	String upload(Model model) {
		return uploadPage(model, trader(), java.util.Map.of());
	}

	/**
	 * Sends the file as an interchange. A file that is none (empty, too large, not EDIFACT, too many messages) comes
	 * back on the upload page with its problem, nothing stored; an interchange refused as a whole for its syntax is
	 * shown with its CONTRL at once (nothing of it is kept to show later); any other has a page of its own.
	 */
	@PostMapping(path = "/interchanges", consumes = "multipart/form-data")
	String send(@RequestParam(name = "interchange", required = false) MultipartFile file, Model model, Locale locale,
			HttpServletResponse response) throws IOException {
		Actor actor = trader();
		Interchanges.Answer answer;
		try {
			if (file == null || file.isEmpty()) {
				throw Problem.invalidField("interchange", "INTERCHANGE_FILE_REQUIRED");
			}
			if (file.getSize() > MAX_FILE_BYTES) {
				throw Problem.invalidField("interchange", "INTERCHANGE_FILE_TOO_LARGE", MAX_FILE_BYTES / (1024 * 1024));
			}
			try (var in = file.getInputStream()) {
				answer = interchanges.receive(actor, in);
			}
		}
		catch (Problem refused) {
			log.info("event=interchange_upload_refused user={} code={}", actor.username(),
					refused.fieldProblems().isEmpty() ? refused.code() : refused.fieldProblems().getFirst().code());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			List<FieldProblem> problems = refused.fieldProblems().isEmpty()
					? List.of(new FieldProblem("interchange", refused.code(), refused.arguments()))
					: refused.fieldProblems();
			// One file, one field: its problems together, linked from the summary to the file input.
			return uploadPage(model, actor, java.util.Map.of("interchange-file", String.join(" ",
					problems.stream().map(p -> text("problem." + p.code(), p.arguments(), locale)).toList())));
		}
		if (answer.id() != null) {
			return "redirect:/interchanges/" + answer.id();
		}
		// Refused as a whole (broken envelope, a control reference used before for other content): nothing stored,
		// so the answer is shown now and handed over as a download of its own.
		model.addAttribute("interchangeId", null);
		model.addAttribute("download", "data:application/edifact;base64," + Base64.getEncoder()
			.encodeToString(answer.body()));
		return resultPage(model, answer, 0, locale);
	}

	@GetMapping("/interchanges/{id}")
	String interchange(@PathVariable UUID id, Model model, Locale locale) {
		Actor actor = trader();
		var interchange = sent.find(actor, id).orElseThrow(() -> Problem.notFound("INTERCHANGE_NOT_FOUND", id));
		Interchanges.Answer answer = interchanges.find(actor, id).orElseThrow();
		model.addAttribute("interchangeId", id);
		model.addAttribute("sent", interchange);
		return resultPage(model, answer, interchange.messages(), locale);
	}

	/** The results part of an interchange's page, asked for by the page while messages are pending. */
	@GetMapping("/interchanges/{id}/progress")
	String progress(@PathVariable UUID id, Model model, Locale locale) {
		interchange(id, model, locale);
		return "interchange/result :: results";
	}

	/** The answer interchange (CONTRL and CUSRES) as the API answers it, as a file. */
	@GetMapping("/interchanges/{id}/answer.edi")
	ResponseEntity<byte[]> download(@PathVariable UUID id) {
		Actor actor = trader();
		Interchanges.Answer answer = interchanges.find(actor, id)
			.orElseThrow(() -> Problem.notFound("INTERCHANGE_NOT_FOUND", id));
		return ResponseEntity.ok().contentType(InterchangeApi.EDIFACT_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"answer-" + id + ".edi\"")
			.body(answer.body());
	}

	private Actor trader() {
		Actor actor = currentActor.get();
		actor.requireRole(Role.TRADER, Role.BROKER);
		return actor;
	}

	private String uploadPage(Model model, Actor actor, java.util.Map<String, String> errors) {
		model.addAttribute("errors", errors);
		model.addAttribute("sentInterchanges", sent.latest(actor, LISTED));
		model.addAttribute("maxMegabytes", MAX_FILE_BYTES / (1024 * 1024));
		return "interchange/upload";
	}

	/**
	 * One row per message answered, and how many are still pending.
	 *
	 * @param total the messages the interchange held, 0 when it was refused as a whole
	 */
	private String resultPage(Model model, Interchanges.Answer answer, int total, Locale locale) {
		AnswerReport report = AnswerReport.of(answer.body());
		List<Row> rows = new ArrayList<>();
		for (AnswerReport.Result r : report.results()) {
			rows.add(new Row(r.reference(), r.outcome().name(), r.number(), r.declarationId(), r.status(), r.act(),
					r.findings().stream().map(f -> shown(f, locale)).toList()));
		}
		// In the order of the messages (references are numbers as most software writes them), not CONTRL first.
		rows.sort(java.util.Comparator.comparingLong(r -> r.reference().matches("\\d{1,18}")
				? Long.parseLong(r.reference()) : Long.MAX_VALUE));
		model.addAttribute("rows", rows);
		model.addAttribute("rejection", report.rejection() == null ? null : shown(report.rejection(), locale));
		model.addAttribute("total", total);
		model.addAttribute("answered", rows.size());
		model.addAttribute("accepted", rows.stream().filter(r -> r.outcome().equals("ACCEPTED")).count());
		model.addAttribute("pending", answer.pending());
		return "interchange/result";
	}

	/** A message's answer as the page shows it. */
	record Row(String reference, String outcome, String number, UUID declarationId, String status, String act,
			List<Shown> findings) {
	}

	/** A refusal as the page shows it: its code, where it points and what it means in the person's language. */
	record Shown(String code, String where, String text) {
	}

	private Shown shown(AnswerReport.Finding finding, Locale locale) {
		String where;
		if (finding.segment().isEmpty()) {
			where = "";
		}
		else if (finding.element().isEmpty()) {
			where = text("interchange.at.segment", new Object[] { finding.segment() }, locale);
		}
		else {
			where = text("interchange.at.element", new Object[] { finding.segment(), finding.element() }, locale);
		}
		String meaning;
		if (finding.syntax()) {
			meaning = messages.getMessage("interchange.syntax." + finding.code(), null,
					text("interchange.syntax.other", null, locale), locale);
		}
		else {
			// The CUSRES carries the English text with its values filled in; a person reading Chinese gets the
			// rule's own text when it quotes no value, else the CUSRES's.
			String own = messages.getMessage("problem." + finding.code(), null, null, locale);
			meaning = own != null && !own.contains("{") ? own : finding.text();
		}
		return new Shown(finding.code(), where, meaning);
	}

	private String text(String key, Object[] arguments, Locale locale) {
		return messages.getMessage(key, arguments, key, locale);
	}
}
