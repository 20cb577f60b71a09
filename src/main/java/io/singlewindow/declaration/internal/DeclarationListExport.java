package io.singlewindow.declaration.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Cursor;
import io.singlewindow.platform.BusinessTime;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A declarant's declarations as one spreadsheet, narrowed as its list is ({@link DeclarationSearch}): what a broker
 * reconciling a month with its principals, or a trader with its books, takes away. One row per declaration, newest
 * first, amounts as numbers, times in the zone's time as every page shows them. Written as it is read, a page of rows
 * at a time, so a year of declarations costs no more memory than a page.
 */
@Component
class DeclarationListExport {

	static final String CONTENT_TYPE = DeclarationWorkbooks.CONTENT_TYPE;

	/** Rows read per query. */
	static final int PAGE = 1_000;

	private static final List<String> COLUMNS = List.of("number", "clientReference", "declarant", "flow", "tradeMode",
			"status", "submittedAt", "clearedAt", "releasedAt", "customsValue", "duty", "excise", "vat", "tradeRemedies", "taxes");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final DeclarationStore store;
	private final MessageSource messages;

	DeclarationListExport(DeclarationStore store, MessageSource messages) {
		this.store = store;
		this.messages = messages;
	}

	/** {@code declarations-<first day>-<last day>.xlsx}, the days the search names or "all". */
	static String fileName(DeclarationSearch search) {
		return "declarations-" + (search.from() == null ? "all" : search.from()) + "-"
				+ (search.to() == null ? "all" : search.to()) + ".xlsx";
	}

	/** Writes the spreadsheet as the answer to a request, for the API and the page alike. */
	void answer(HttpServletResponse response, List<String> declarants, DeclarationSearch search, Locale locale)
			throws IOException {
		response.setContentType(CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(search) + "\"");
		write(declarants, search, locale, response.getOutputStream());
		response.flushBuffer();
	}

	void write(List<String> declarants, DeclarationSearch search, Locale locale, OutputStream out) {
		try {
			Workbook workbook = new Workbook(out, "SingleWindow", "1.0");
			Worksheet sheet = workbook.newWorksheet(text("declaration.list.title", locale));
			for (int c = 0; c < COLUMNS.size(); c++) {
				sheet.value(0, c, text("declaration.export.column." + COLUMNS.get(c), locale));
				sheet.style(0, c).bold().set();
			}
			int row = 1;
			Cursor after = null;
			List<DeclarationStore.Listed> page;
			do {
				page = store.listedFor(declarants, search, after, PAGE);
				for (DeclarationStore.Listed d : page) {
					row(sheet, row++, d, locale);
				}
				if (!page.isEmpty()) {
					var last = page.getLast();
					after = new Cursor(last.submittedAt(), last.id().toString());
				}
				sheet.flush();
			} while (page.size() == PAGE);
			sheet.width(0, 22);
			sheet.width(1, 24);
			sheet.width(2, 22);
			sheet.finish();
			workbook.finish();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void row(Worksheet sheet, int r, DeclarationStore.Listed d, Locale locale) {
		String reference = Declarations.ownReference(d.clientReference());
		List<Object> cells = List.of(d.number(), reference == null ? "" : reference, d.declarant(),
				text("declaration.flow." + d.flow(), locale), d.tradeMode(),
				text("declaration.status." + d.status().name(), locale), time(d.submittedAt()), time(d.clearedAt()),
				time(d.releasedAt()), amount(d.totalCustomsValue()), amount(d.totalDuty()), amount(d.totalExcise()),
				amount(d.totalVat()), amount(d.totalRemedy()), amount(d.totalTaxes()));
		for (int c = 0; c < cells.size(); c++) {
			Object cell = cells.get(c);
			if (cell instanceof BigDecimal amount) {
				sheet.value(r, c, amount);
				sheet.style(r, c).format("#,##0.00").set();
			} else if (!"".equals(cell)) {
				sheet.value(r, c, cell.toString());
			}
		}
	}

	private static Object time(Instant at) {
		return at == null ? "" : TIME.format(at.atZone(BusinessTime.ZONE));
	}

	private static Object amount(BigDecimal amount) {
		return amount == null ? "" : amount;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
