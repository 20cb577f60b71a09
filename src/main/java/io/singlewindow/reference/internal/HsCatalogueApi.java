package io.singlewindow.reference.internal;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.NavigationItem;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Refuses;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.reference.HsEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The HS 2022 nomenclature, browsable and searchable (code prefix, English or Chinese words). */
@RestController
@RequestMapping("/api/v1/hs")
@Tag(name = "Reference data", description = "HS 2022 nomenclature")
class HsCatalogueApi {

	private final ShippedReferenceData data;
	private final CurrentActor currentActor;

	HsCatalogueApi(ShippedReferenceData data, CurrentActor currentActor) {
		this.data = data;
		this.currentActor = currentActor;
	}

	@Refuses
	@GetMapping
	@Operation(summary = "Search the HS by code prefix (e.g. 0901) or words (en/zh); all words must match")
	List<HsEntry> search(@RequestParam String q, @RequestParam(defaultValue = "50") int limit) {
		currentActor.get();
		return data.search(q, Math.max(1, Math.min(limit, 500)));
	}

	/** An entry with the entries one level below it. */
	record HsNode(HsEntry entry, List<HsEntry> children) {
	}

	@Refuses(notFound = "HS_UNKNOWN")
	@GetMapping("/{code}")
	@Operation(summary = "One chapter (2 digits), heading (4) or subheading (6), with the entries directly below it")
	HsNode entry(@PathVariable String code) {
		currentActor.get();
		HsEntry e = data.hs(code.replace(".", "")).orElseThrow(() -> Problem.notFound("HS_UNKNOWN", code));
		return new HsNode(e, e.level() == 6 ? List.of() : data.children(e.code()));
	}

	@Controller
	static class Pages {

		private final ShippedReferenceData data;

		Pages(ShippedReferenceData data) {
			this.data = data;
		}

		@Bean
		static NavigationItem hsNavigation() {
			return new NavigationItem("nav.hs", "/hs", Set.of("TRADER", "BROKER", "OFFICER", "ADMIN"), 59);
		}

		@GetMapping("/hs")
		String browse(@RequestParam(required = false) String q, @RequestParam(required = false) String code,
				Model model) {
			model.addAttribute("q", q == null ? "" : q);
			model.addAttribute("hsNames", data);
			model.addAttribute("sections", data.sections());
			if (q != null && !q.isBlank()) {
				model.addAttribute("results", data.search(q, 200));
			}
			if (code != null && !code.isBlank()) {
				data.section(code).ifPresent(s -> model.addAttribute("section", s));
				data.hs(code).ifPresent(e -> model.addAttribute("entry", e));
				if (model.getAttribute("section") == null && model.getAttribute("entry") == null) {
					model.addAttribute("notFound", code);
					return "reference/hs";
				}
				HsEntry e = (HsEntry) model.getAttribute("entry");
				if (e != null) {
					data.section(e.section()).ifPresent(s -> model.addAttribute("section", s));
					List<HsEntry> path = new java.util.ArrayList<>();
					for (int len = 2; len < e.code().length(); len += 2) {
						data.hs(e.code().substring(0, len)).ifPresent(path::add);
					}
					model.addAttribute("path", path);
				}
				model.addAttribute("children", e != null && e.level() == 6 ? List.of() : data.children(code));
			}
			return "reference/hs";
		}
	}
}
