package io.singlewindow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a PDF the platform handed out the way a person does: its text, its fonts, and its QR code scanned. */
public final class PrintedDocuments {

	private PrintedDocuments() {
	}

	/** Keeps a copy under {@code target/documents/} for a person to look at after the build. */
	public static byte[] keep(byte[] pdf, String name) throws IOException {
		java.nio.file.Path dir = java.nio.file.Path.of("target", "documents");
		java.nio.file.Files.createDirectories(dir);
		java.nio.file.Files.write(dir.resolve(name), pdf);
		return pdf;
	}

	/** The text of every page, as PDFBox extracts it. */
	public static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	public static int pages(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	/** The fonts the first page uses, with whether each is embedded in the file. */
	public static List<String> embeddedFonts(byte[] pdf) throws IOException {
		List<String> fonts = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDPage page = document.getPage(0);
			for (var name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				if (font.isEmbedded()) {
					fonts.add(font.getName());
				}
			}
		}
		return fonts;
	}

	public static List<String> allFonts(byte[] pdf) throws IOException {
		List<String> fonts = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDPage page = document.getPage(0);
			for (var name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name).getName());
			}
		}
		return fonts;
	}

	/** The first page rendered at 150 dpi, as a phone camera would see the paper, and its QR code decoded. */
	public static String scanQrCode(byte[] pdf) throws IOException {
		return scanQrCode(pdf, 150);
	}

	/** The first page rendered at {@code dpi}, as a scanner or a screen shows it, and its QR code decoded. */
	public static String scanQrCode(byte[] pdf, int dpi) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi);
			var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
			return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
		} catch (NotFoundException | ChecksumException | FormatException e) {
			throw new AssertionError("no readable QR code on the first page", e);
		}
	}
}
