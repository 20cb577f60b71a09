package io.singlewindow.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.google.zxing.common.BitMatrix;

/**
 * An A4 document the platform hands out as PDF — a business licence, a declaration's consolidated response — typeset
 * top to bottom with the CJK font shipped in {@code fonts/} (see its NOTICE.md), embedded as a subset so that the
 * Chinese text looks the same on every machine, and with a QR code that opens the document's public verification page.
 * Text runs onto a new page when a page is full. Not thread-safe: one instance per document.
 *
 * <pre>{@code
 * byte[] pdf = PrintedDocument.a4("营业执照 Business licence")
 *     .title("营业执照", 30).qrCode(url, 90, "扫码核验 Scan to verify").field("名称 Name", name).toPdf();
 * }</pre>
 */
public final class PrintedDocument {

	static final String FONT = "/fonts/wqy-microhei.ttc";
	static final float MARGIN = 50;
	private static final float LEADING = 1.45f;
	private static final float LABEL_WIDTH = 150;

	/**
	 * A parsed font no document is using. Parsing the 5 MB collection takes most of a document's time, so a finished
	 * document hands its parsed font on to the next one; a font is never shared by two documents at once (PDFBox reads
	 * glyphs from it while typesetting and subsetting), so concurrent documents parse their own.
	 */
	private static final java.util.concurrent.atomic.AtomicReference<Face> IDLE = new java.util.concurrent.atomic.AtomicReference<>();

	private static volatile byte[] fontBytes;

	private record Face(TrueTypeCollection collection, TrueTypeFont font) {
	}

	private final PDDocument document = new PDDocument();
	private final Face face;
	private final TrueTypeFont trueType;
	private final PDType0Font font;
	private PDPageContentStream content;
	private float y;
	private int pages;

	private PrintedDocument(String title) {
		try {
			Face idle = IDLE.getAndSet(null);
			face = idle != null ? idle : parse();
			trueType = face.font();
			font = PDType0Font.load(document, trueType, true);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setCreator("Single Window");
			info.setCreationDate(Calendar.getInstance(java.util.TimeZone.getTimeZone(BusinessTime.ZONE)));
			document.getDocumentCatalog().setLanguage("zh-CN");
			newPage();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A new A4 document with the given title in its properties. */
	public static PrintedDocument a4(String title) {
		return new PrintedDocument(title);
	}

	/** Where text is placed on a line. */
	public enum Align {
		LEFT, CENTRE, RIGHT
	}

	/** A line of {@code size}-point text, wrapped to the page's width. */
	public PrintedDocument text(String text, float size, Align align) {
		for (String line : wrap(printable(text), size, width())) {
			ensureRoom(size * LEADING);
			float x = switch (align) {
				case LEFT -> MARGIN;
				case CENTRE -> (PDRectangle.A4.getWidth() - width(line, size)) / 2;
				case RIGHT -> PDRectangle.A4.getWidth() - MARGIN - width(line, size);
			};
			y -= size * LEADING;
			show(line, x, y + size * 0.3f, size);
		}
		return this;
	}

	/** The document's title, centred, with the letter spacing of an official certificate. */
	public PrintedDocument title(String text, float size) {
		ensureRoom(size * 1.8f);
		y -= size * 1.8f;
		String spaced = String.join(" ", printable(text).codePoints().mapToObj(Character::toString).toList());
		show(spaced, (PDRectangle.A4.getWidth() - width(spaced, size)) / 2, y + size * 0.4f, size);
		return this;
	}

	/** A labelled fact: the label in a fixed column, the value wrapped beside it. */
	public PrintedDocument field(String label, String value, float size) {
		List<String> lines = wrap(printable(value == null ? "" : value), size, width() - LABEL_WIDTH);
		for (int i = 0; i < lines.size(); i++) {
			ensureRoom(size * LEADING);
			y -= size * LEADING;
			if (i == 0) {
				show(printable(label), MARGIN, y + size * 0.3f, size);
			}
			show(lines.get(i), MARGIN + LABEL_WIDTH, y + size * 0.3f, size);
		}
		y -= size * 0.4f;
		return this;
	}

	/**
	 * A table: column widths as fractions of the page's text width, cells wrapped within their column; a row never
	 * splits across pages. The header row is repeated on a new page.
	 */
	public PrintedDocument table(List<String> headers, float[] widths, List<List<String>> rows, float size) {
		row(headers, widths, size, true);
		for (List<String> row : rows) {
			if (row(row, widths, size, false)) {
				row(headers, widths, size, true);
				row(row, widths, size, false);
			}
		}
		y -= size;
		return this;
	}

	/** Space of {@code points} before the next line. */
	public PrintedDocument gap(float points) {
		ensureRoom(points);
		y -= points;
		return this;
	}

	/**
	 * A QR code of {@code url} at the top right of the current page, {@code size} points wide, with a caption under it.
	 * Drawn as vector squares, so it scans from paper at any print resolution, with a mask a common reader has read
	 * back ({@link ScannableQrCode}).
	 */
	public PrintedDocument qrCode(String url, float size, String caption) {
		try {
			float left = PDRectangle.A4.getWidth() - MARGIN - size;
			float top = PDRectangle.A4.getHeight() - MARGIN;
			BitMatrix matrix = ScannableQrCode.of(url, left, MARGIN, size);
			float module = size / matrix.getWidth();
			content.setNonStrokingColor(1f);
			content.addRect(left, top - size, size, size);
			content.fill();
			content.setNonStrokingColor(0f);
			for (int row = 0; row < matrix.getHeight(); row++) {
				for (int col = 0; col < matrix.getWidth(); col++) {
					if (matrix.get(col, row)) {
						content.addRect(left + col * module, top - (row + 1) * module, module, module);
					}
				}
			}
			content.fill();
			float captionSize = 7;
			float captionY = top - size - captionSize;
			for (String line : wrap(printable(caption), captionSize, size + 20)) {
				show(line, left + (size - width(line, captionSize)) / 2, captionY, captionSize);
				captionY -= captionSize * LEADING;
			}
			return this;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A thin double frame around the current page, like the border of a printed certificate. */
	public PrintedDocument frame() {
		try {
			PDRectangle a4 = PDRectangle.A4;
			content.setLineWidth(2.2f);
			content.addRect(22, 22, a4.getWidth() - 44, a4.getHeight() - 44);
			content.stroke();
			content.setLineWidth(0.6f);
			content.addRect(28, 28, a4.getWidth() - 56, a4.getHeight() - 56);
			content.stroke();
			return this;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Moves the cursor down to {@code fromBottom} points above the page's lower edge, if it is still above it. */
	public PrintedDocument moveTo(float fromBottom) {
		y = Math.min(y, fromBottom);
		return this;
	}

	/** The finished document. */
	public byte[] toPdf() {
		try {
			content.close();
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			try {
				document.close();
				if (!IDLE.compareAndSet(null, face)) {
					face.collection().close();
				}
			} catch (IOException e) {
				// Nothing is left to write; an error closing in-memory buffers changes nothing for the caller.
			}
		}
	}

	/** The height of an A4 page in points, to place things from the bottom with {@link #moveTo(float)}. */
	public static float a4Height() {
		return PDRectangle.A4.getHeight();
	}

	/** Pages so far. */
	public int pages() {
		return pages;
	}

	// --- typesetting ----------------------------------------------------------------------------------------------

	/** Draws a row; returns {@literal true} when the row did not fit and a new page was started instead. */
	private boolean row(List<String> cells, float[] widths, float size, boolean header) {
		List<List<String>> wrapped = new ArrayList<>();
		int lines = 1;
		for (int i = 0; i < cells.size(); i++) {
			List<String> cell = wrap(printable(cells.get(i) == null ? "" : cells.get(i)), size, widths[i] * width() - 4);
			wrapped.add(cell);
			lines = Math.max(lines, cell.size());
		}
		float height = lines * size * LEADING + 4;
		if (y - height < MARGIN) {
			newPage();
			return !header;
		}
		float x = MARGIN;
		for (int i = 0; i < wrapped.size(); i++) {
			float lineY = y - size * LEADING + size * 0.3f - 2;
			for (String line : wrapped.get(i)) {
				show(line, x + 2, lineY, size);
				lineY -= size * LEADING;
			}
			x += widths[i] * width();
		}
		y -= height;
		try {
			content.setLineWidth(header ? 0.8f : 0.3f);
			content.moveTo(MARGIN, y);
			content.lineTo(MARGIN + width(), y);
			content.stroke();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return false;
	}

	private void ensureRoom(float height) {
		if (y - height < MARGIN) {
			newPage();
		}
	}

	private void newPage() {
		try {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
			pages++;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void show(String text, float x, float baseline, float size) {
		if (text.isEmpty()) {
			return;
		}
		try {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, baseline);
			content.showText(text);
			content.endText();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private float width() {
		return PDRectangle.A4.getWidth() - 2 * MARGIN;
	}

	private float width(String text, float size) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Lines no wider than {@code width}: Chinese breaks between any two characters, other text at the last space when
	 * there is one in the line.
	 */
	List<String> wrap(String text, float size, float width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			int[] codePoints = paragraph.codePoints().toArray();
			for (int cp : codePoints) {
				line.appendCodePoint(cp);
				if (line.length() > 1 && width(line.toString(), size) > width) {
					int space = line.lastIndexOf(" ");
					int cut = space > line.length() / 2 && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN
							? space + 1 : line.length() - Character.charCount(cp);
					lines.add(line.substring(0, cut).stripTrailing());
					line.delete(0, cut);
				}
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/** The text with characters the font has no glyph for (emoji, rare symbols) shown as a replacement mark. */
	String printable(String text) {
		try {
			var cmap = trueType.getUnicodeCmapLookup();
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach(cp -> {
				if (cp == '\n' || cmap.getGlyphId(cp) > 0) {
					out.appendCodePoint(cp);
				} else if (Character.isWhitespace(cp)) {
					out.append(' ');
				} else {
					out.append('?');
				}
			});
			return out.toString();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Face parse() throws IOException {
		TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontBytes()));
		List<TrueTypeFont> faces = new ArrayList<>();
		collection.processAllFonts(faces::add);
		return new Face(collection, faces.getFirst());
	}

	private static byte[] fontBytes() throws IOException {
		byte[] bytes = fontBytes;
		if (bytes == null) {
			try (InputStream in = PrintedDocument.class.getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IOException("font " + FONT + " is missing from the classpath");
				}
				bytes = in.readAllBytes();
			}
			fontBytes = bytes;
		}
		return bytes;
	}
}
