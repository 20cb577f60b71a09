package io.singlewindow.declaration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
/**
 * What the declaration's stored notes say, in the trader's words and language. The timeline keeps machine-readable
 * notes ({@code lines [1, 2]}, {@code line 1: PERMIT_WRITTEN_OFF P-…}) because officers and the audit read them;
 * traders get sentences. Templates call it as {@code ${@declarationWording.reason(e)}}.
 */
@Component("declarationWording")
class DeclarationWording {

	private static final Pattern LINES = Pattern.compile("lines \\[([\\d, ]*)]");
	private static final Pattern PERMIT_NOTE = Pattern.compile("line (\\d+): ([A-Z_]+) ?(\\S*)");

	private final MessageSource messages;

	DeclarationWording(MessageSource messages) {
		this.messages = messages;
	}

	/** A timeline event's note as a sentence; empty when it holds nothing a trader needs. */
	public String reason(DeclarationView.Event event) {
		String note = event.reason();
		if (note == null || note.isBlank()) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		Matcher lines = LINES.matcher(note);
		if (lines.matches()) {
			return messages.getMessage("declaration.note.lines", new Object[] { lines.group(1) }, locale);
		}
		List<String> sentences = new ArrayList<>();
		for (String part : note.split("; ")) {
			Matcher permit = PERMIT_NOTE.matcher(part);
			if (!permit.matches()) {
				// Free text an officer or trader typed (a reason, an answer): theirs to read as written.
				return note;
			}
			sentences.add(messages.getMessage("declaration.note." + permit.group(2),
					new Object[] { permit.group(1), permit.group(3) },
					messages.getMessage("declaration.note.PERMIT_OTHER", new Object[] { permit.group(1), permit.group(3) },
							locale),
					locale));
		}
		return String.join(" ", sentences);
	}
}
