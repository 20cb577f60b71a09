package io.singlewindow.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.Problem;

/** What the platform accepts as a supporting document's file, and under which name. */
class DocumentFileUnitTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0, 'I', 'E', 'N', 'D',
			(byte) 0xAE, 0x42, 0x60, (byte) 0x82 };

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
			(byte) 0xFF, (byte) 0xD9 };

	@Test
	void aPdfAPngAndAJpegAreKnownByTheirContentWhateverTheirName() {
		assertThat(DocumentFile.read("scan.png", PDF).mediaType()).isEqualTo("application/pdf");
		assertThat(DocumentFile.read("scan.pdf", PNG).mediaType()).isEqualTo("image/png");
		assertThat(DocumentFile.read("scan.pdf", JPEG).mediaType()).isEqualTo("image/jpeg");
	}

	@Test
	void aNameEndsWithTheExtensionOfWhatTheFileIs() {
		assertThat(DocumentFile.read("scan.png", PDF).fileName()).isEqualTo("scan.png.pdf");
		assertThat(DocumentFile.read("Invoice.PDF", PDF).fileName()).isEqualTo("Invoice.PDF");
		assertThat(DocumentFile.read("label.jpeg", JPEG).fileName()).isEqualTo("label.jpeg");
		assertThat(DocumentFile.read("label.jpg", JPEG).fileName()).isEqualTo("label.jpg");
		assertThat(DocumentFile.read("label", JPEG).fileName()).isEqualTo("label.jpg");
		assertThat(DocumentFile.read("plan.png", PNG).fileName()).isEqualTo("plan.png");
	}

	@Test
	void aNameLosesItsFoldersAndAMissingNameIsDocument() {
		assertThat(DocumentFile.read("C:\\Users\\clerk\\Desktop\\co.pdf", PDF).fileName()).isEqualTo("co.pdf");
		assertThat(DocumentFile.read("../../etc/passwd", PDF).fileName()).isEqualTo("passwd.pdf");
		assertThat(DocumentFile.read("folder/", PDF).fileName()).isEqualTo("document.pdf");
		assertThat(DocumentFile.read(null, PDF).fileName()).isEqualTo("document.pdf");
		assertThat(DocumentFile.read("  ", PDF).fileName()).isEqualTo("document.pdf");
		assertThat(DocumentFile.read("..", PDF).fileName()).isEqualTo("document.pdf");
		assertThat(DocumentFile.read(" 发票 .pdf ", PDF).fileName()).isEqualTo("发票 .pdf");
	}

	@Test
	void aNameWithAControlCharacterOrLongerThanTwoHundredCharactersIsRefused() {
		refused(() -> DocumentFile.read("in\u0007voice.pdf", PDF), "CONTROL_CHARACTER");
		refused(() -> DocumentFile.read("line\nbreak.pdf", PDF), "CONTROL_CHARACTER");
		// A right-to-left override shows "invoice\u202Efdp.exe" as "invoiceexe.pdf" to the officer who opens it.
		refused(() -> DocumentFile.read("invoice\u202Efdp.exe", PDF), "CONTROL_CHARACTER");
		refused(() -> DocumentFile.read("a".repeat(197) + ".pdf", PDF), "SIZE");
		assertThat(DocumentFile.read("a".repeat(196) + ".pdf", PDF).fileName()).hasSize(200);
	}

	@Test
	void anEmptyFileIsNoFile() {
		refused(() -> DocumentFile.read("a.pdf", new byte[0]), "REQUIRED");
		refused(() -> DocumentFile.read("a.pdf", null), "REQUIRED");
	}

	@Test
	void aFileOfAnotherTypeIsRefused() {
		refused(() -> DocumentFile.read("a.pdf", "PK\u0003\u0004word".getBytes(StandardCharsets.ISO_8859_1)),
				"DOCUMENT_TYPE_NOT_ACCEPTED");
		refused(() -> DocumentFile.read("a.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)),
				"DOCUMENT_TYPE_NOT_ACCEPTED");
		refused(() -> DocumentFile.read("a.gif", "GIF89a;".getBytes(StandardCharsets.US_ASCII)),
				"DOCUMENT_TYPE_NOT_ACCEPTED");
		refused(() -> DocumentFile.read("a.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8 }), "DOCUMENT_TYPE_NOT_ACCEPTED");
	}

	@Test
	void aFileWithoutItsFormatsEndWasNotSentWhole() {
		refused(() -> DocumentFile.read("a.pdf", Arrays.copyOf(PDF, PDF.length - 7)), "DOCUMENT_INCOMPLETE");
		refused(() -> DocumentFile.read("a.png", Arrays.copyOf(PNG, 12)), "DOCUMENT_INCOMPLETE");
		refused(() -> DocumentFile.read("a.jpg", Arrays.copyOf(JPEG, JPEG.length - 1)), "DOCUMENT_INCOMPLETE");
		// Nothing but the start: of its type, and cut short.
		refused(() -> DocumentFile.read("a.pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)), "DOCUMENT_INCOMPLETE");
		refused(() -> DocumentFile.read("a.jpg", Arrays.copyOf(JPEG, 3)), "DOCUMENT_INCOMPLETE");
	}

	@Test
	void anEndMarkerIsLookedForInTheLastKilobyteOnly() {
		byte[] trailing = Arrays.copyOf(PDF, PDF.length + 1024 - 6);
		Arrays.fill(trailing, PDF.length, trailing.length, (byte) ' ');
		assertThat(DocumentFile.read("a.pdf", trailing).mediaType()).isEqualTo("application/pdf");

		byte[] tooFar = Arrays.copyOf(PDF, PDF.length + 1024 - 5);
		Arrays.fill(tooFar, PDF.length, tooFar.length, (byte) ' ');
		refused(() -> DocumentFile.read("a.pdf", tooFar), "DOCUMENT_INCOMPLETE");
	}

	@Test
	void aFileOfTenMegabytesIsTakenAndOneByteMoreIsRefusedWithTheLimit() {
		byte[] largest = new byte[DocumentFile.MAX_BYTES];
		System.arraycopy(PDF, 0, largest, 0, 9);
		System.arraycopy(PDF, PDF.length - 6, largest, largest.length - 6, 6);
		assertThat(DocumentFile.read("scan.pdf", largest).content()).hasSize(DocumentFile.MAX_BYTES);

		byte[] larger = Arrays.copyOf(largest, DocumentFile.MAX_BYTES + 1);
		assertThatThrownBy(() -> DocumentFile.read("scan.pdf", larger)).isInstanceOfSatisfying(Problem.class,
				p -> {
					assertThat(p.fieldProblems().getFirst().code()).isEqualTo("DOCUMENT_TOO_LARGE");
					assertThat(p.fieldProblems().getFirst().arguments()).containsExactly(10);
				});
	}

	@Test
	void theSameContentHasTheSameFingerprint() {
		assertThat(DocumentFile.read("a.pdf", PDF).sha256()).isEqualTo(DocumentFile.read("b.pdf", PDF.clone()).sha256())
			.hasSize(64).matches("[0-9a-f]{64}");
		assertThat(DocumentFile.read("a.png", PNG).sha256()).isNotEqualTo(DocumentFile.read("a.pdf", PDF).sha256());
	}

	@Test
	void aKindIsOneOfTheCodes() {
		assertThat(DocumentKind.read(" CERTIFICATE_OF_ORIGIN ")).isEqualTo(DocumentKind.CERTIFICATE_OF_ORIGIN);
		refused(() -> DocumentKind.read("certificate_of_origin"), "DOCUMENT_KIND_UNKNOWN", "kind");
		refused(() -> DocumentKind.read(""), "REQUIRED", "kind");
		refused(() -> DocumentKind.read(null), "REQUIRED", "kind");
	}

	private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable read, String code) {
		refused(read, code, DocumentFile.FIELD);
	}

	private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable read, String code,
			String field) {
		assertThatThrownBy(read).isInstanceOfSatisfying(Problem.class, p -> {
			assertThat(p.fieldProblems()).hasSize(1);
			assertThat(p.fieldProblems().getFirst().field()).isEqualTo(field);
			assertThat(p.fieldProblems().getFirst().code()).isEqualTo(code);
		});
	}
}
