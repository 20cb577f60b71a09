package io.singlewindow.declaration.internal;

import static io.singlewindow.declaration.internal.Workbooks.workbook;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;

/** What an upload must be before a spreadsheet parser sees it. */
class WorkbookFileUnitTests {

	static final WorkbookFile.Limits LIMITS = DeclarationWorkbooks.LIMITS;

	@Test
	void aWorkbookAsExcelSavesItPasses() throws Exception {
		assertThatCode(() -> WorkbookFile.inspect(good(), LIMITS)).doesNotThrowAnyException();
	}

	@Test
	void aMacroEnabledWorkbookIsRefused() throws Exception {
		byte[] macros = Workbooks.rezip(good(), xml -> xml, Map.of("xl/vbaProject.bin", new byte[64]));
		assertRefused(macros, "WORKBOOK_MACROS");
	}

	@Test
	void aZipBombStopsAtTheUnpackedLimitWhateverItsHeadersSay() throws Exception {
		var bomb = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 100; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertRefused(bomb.toByteArray(), "WORKBOOK_UNPACKS_TOO_LARGE");
	}

	@Test
	void oldPasswordProtectedAndForeignFilesAreNamed() {
		byte[] ole2 = new byte[2048];
		System.arraycopy(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 }, 0, ole2, 0, 8);
		assertRefused(ole2, "WORKBOOK_LEGACY_XLS");
		byte[] encrypted = ole2.clone();
		byte[] marker = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
		System.arraycopy(marker, 0, encrypted, 512, marker.length);
		assertRefused(encrypted, "WORKBOOK_ENCRYPTED");
		assertRefused("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "WORKBOOK_NOT_XLSX");
		assertRefused(new byte[0], "WORKBOOK_NOT_XLSX");
		assertRefused(new byte[(int) LIMITS.maxBytes() + 1], "WORKBOOK_TOO_LARGE");
	}

	private static byte[] good() throws Exception {
		return workbook().sheet("Declarations", List.of("reference"), List.of("1")).bytes();
	}

	private static void assertRefused(byte[] file, String code) {
		assertThatThrownBy(() -> WorkbookFile.inspect(file, LIMITS)).isInstanceOfSatisfying(Problem.class,
				p -> org.assertj.core.api.Assertions.assertThat(p.fieldProblems()).extracting(FieldProblem::code)
					.containsExactly(code));
	}
}
