package io.singlewindow.declaration;

import java.util.List;
import java.util.Map;

import io.singlewindow.core.FieldProblem;

/**
 * One declaration of a batch, as it was read from what the trader sent: a row of a workbook's declarations sheet with
 * its goods lines, or one CUSDEC message of an EDIFACT interchange.
 *
 * @param reference the trader's name for it in the batch ({@code 1}, {@code A}, a message reference), unique there
 * @param source where it starts in the document, e.g. {@code Declarations!3}; problems without a field are named so
 * @param fields its values as text, named like the web form's inputs ({@code flow}, {@code items[0].hsCode})
 * @param sources where each field (or line, {@code items[0]}) was read, e.g. {@code Goods!D7}; problems are named so
 * @param problems found reading it (a formula without a value): reported with the problems of its submission
 */
public record BatchedDeclaration(String reference, String source, Map<String, String> fields,
		Map<String, String> sources, List<FieldProblem> problems) {

	public BatchedDeclaration {
		// Not Map.copyOf: its maps refuse even to look up a null key, which readers of form fields may ask for.
		fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
		sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
		problems = List.copyOf(problems);
	}

	/** The declarant as written, empty for the submitter's own enterprise. */
	public String declarant() {
		return fields.getOrDefault("declarant", "");
	}

	/** How many goods lines it has. */
	public int lines() {
		return (int) fields.keySet().stream().filter(f -> f.startsWith("items["))
			.map(f -> f.substring(0, f.indexOf(']') + 1)).distinct().count();
	}
}
