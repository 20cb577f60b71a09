package io.singlewindow.declaration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;

/**
 * What an uploaded file must be before any spreadsheet parser sees it: an XLSX (a zip of XML parts), not an old
 * binary .xls, not password-protected (Excel then wraps it in an OLE2 container), without macros, and small when
 * unpacked. Every entry is inflated once here with a running count, so a zip bomb stops at the limit, whatever sizes
 * its headers claim; the streaming reader then only reads parts already known to be bounded.
 */
final class WorkbookFile {

	/** The file as a whole, in problems: the field of a file-level problem. */
	static final String FILE = "workbook";

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };
	private static final byte[] ENCRYPTION_INFO = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);

	/**
	 * @param maxBytes the largest file accepted
	 * @param maxUnpackedBytes the most its parts may hold once inflated, together
	 * @param maxEntries the most parts it may have
	 */
	record Limits(long maxBytes, long maxUnpackedBytes, int maxEntries) {
	}

	private WorkbookFile() {
	}

	/**
	 * @throws Problem {@code INVALID_INPUT} with one problem of the field {@value #FILE}: {@code WORKBOOK_TOO_LARGE},
	 *     {@code WORKBOOK_NOT_XLSX}, {@code WORKBOOK_LEGACY_XLS}, {@code WORKBOOK_ENCRYPTED},
	 *     {@code WORKBOOK_MACROS}, {@code WORKBOOK_UNPACKS_TOO_LARGE}
	 */
	static void inspect(byte[] bytes, Limits limits) {
		if (bytes.length > limits.maxBytes()) {
			throw refused("WORKBOOK_TOO_LARGE", limits.maxBytes() / 1024);
		}
		if (startsWith(bytes, OLE2)) {
			// Excel saves a password-protected workbook as an OLE2 file holding an EncryptionInfo stream.
			throw refused(indexOf(bytes, ENCRYPTION_INFO) >= 0 ? "WORKBOOK_ENCRYPTED" : "WORKBOOK_LEGACY_XLS");
		}
		if (!startsWith(bytes, ZIP)) {
			throw refused("WORKBOOK_NOT_XLSX");
		}
		boolean workbookPart = false;
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			if (entries.size() > limits.maxEntries()) {
				throw refused("WORKBOOK_UNPACKS_TOO_LARGE", limits.maxUnpackedBytes() / (1024 * 1024));
			}
			long unpacked = 0;
			for (ZipArchiveEntry entry : entries) {
				String name = entry.getName().toLowerCase(Locale.ROOT);
				if (entry.getGeneralPurposeBit().usesEncryption()) {
					throw refused("WORKBOOK_ENCRYPTED");
				}
				if (name.endsWith("vbaproject.bin") || name.endsWith(".bin") && name.contains("vba")) {
					throw refused("WORKBOOK_MACROS");
				}
				if (!zip.canReadEntryData(entry)) {
					throw refused("WORKBOOK_NOT_XLSX");
				}
				workbookPart |= name.equals("xl/workbook.xml");
				boolean contentTypes = name.equals("[content_types].xml");
				var kept = contentTypes ? new java.io.ByteArrayOutputStream() : null;
				try (InputStream in = zip.getInputStream(entry)) {
					byte[] buffer = new byte[8192];
					for (int n; (n = in.read(buffer)) > 0;) {
						unpacked += n;
						if (unpacked > limits.maxUnpackedBytes()) {
							throw refused("WORKBOOK_UNPACKS_TOO_LARGE", limits.maxUnpackedBytes() / (1024 * 1024));
						}
						if (kept != null && kept.size() < 1_000_000) {
							kept.write(buffer, 0, n);
						}
					}
				}
				if (kept != null && kept.toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
					.contains("macroenabled")) {
					throw refused("WORKBOOK_MACROS");
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Problem problem) {
				throw problem;
			}
			throw refused("WORKBOOK_NOT_XLSX");
		}
		if (!workbookPart) {
			throw refused("WORKBOOK_NOT_XLSX");
		}
	}

	static Problem refused(String code, Object... arguments) {
		return Problem.invalidInput(List.of(new FieldProblem(FILE, code, arguments)));
	}

	static Problem refused(List<FieldProblem> problems) {
		return Problem.invalidInput(new ArrayList<>(problems));
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
