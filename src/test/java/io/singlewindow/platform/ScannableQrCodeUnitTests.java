package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.singlewindow.PrintedDocuments;

/**
 * A verification link printed as a QR code is read back by a common reader from the page rendered as a screen, an
 * office scanner, a fax and a fine scanner see it — also the links whose code, with the mask the encoder picks by the
 * standard's penalty score, ZXing could not find (one printed response in a few hundred failed the build's scan).
 */
class ScannableQrCodeUnitTests {

	static final float SIZE = 84;

	static final float LEFT = org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getWidth() - PrintedDocument.MARGIN - SIZE;

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost/verify/declarations/XM2026120200003700?v=2&a=0",
			"http://localhost/verify/declarations/XM2026120200001443?v=1&a=0",
			"http://localhost/verify/declarations/XM2026120200006364?v=2&a=0" })
	void aLinkWhoseUsualCodeIsNotFoundIsPrintedWithACodeThatIs(String link) throws Exception {
		BitMatrix usual = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0,
				new EnumMap<>(Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
						EncodeHintType.CHARACTER_SET, "UTF-8")));
		assertThat(java.util.Arrays.stream(ScannableQrCode.RESOLUTIONS))
			.as("the encoder's own choice is missed at some resolution")
			.anyMatch(dpi -> ScannableQrCode
				.read(ScannableQrCode.raster(usual, LEFT, PrintedDocument.MARGIN, SIZE, dpi / 72f)) == null);

		byte[] pdf = PrintedDocument.a4("response").qrCode(link, SIZE, "扫描二维码核验\nScan to verify").toPdf();

		for (int dpi : ScannableQrCode.RESOLUTIONS) {
			assertThat(PrintedDocuments.scanQrCode(pdf, dpi)).as("read at %d dpi", dpi).isEqualTo(link);
		}
	}

	@Test
	void everyPrintedVerificationLinkIsReadBackAtEveryResolution() throws Exception {
		Random random = new Random(20261202);
		for (int i = 0; i < 12; i++) {
			String link = "https://sw.xmftz.gov.cn/verify/declarations/XM202612%02d%08d?v=%d&a=%d"
				.formatted(1 + random.nextInt(28), random.nextInt(100_000_000), 1 + random.nextInt(40), random.nextInt(5));
			byte[] pdf = PrintedDocument.a4("response").qrCode(link, SIZE, "扫描二维码核验\nScan to verify").toPdf();
			for (int dpi : ScannableQrCode.RESOLUTIONS) {
				assertThat(PrintedDocuments.scanQrCode(pdf, dpi)).as("%s at %d dpi", link, dpi).isEqualTo(link);
			}
		}
	}

	@Test
	void aMaskChangesWhichModulesAreDarkNotTheSize() {
		String link = "http://localhost/verify/declarations/XM2026120200003700?v=2&a=0";

		BitMatrix chosen = ScannableQrCode.of(link, LEFT, PrintedDocument.MARGIN, SIZE);

		assertThat(chosen.getWidth()).as("version 5 and the quiet zone").isEqualTo(37 + 2 * 4);
		assertThat(ScannableQrCode.read(ScannableQrCode.raster(chosen, LEFT, PrintedDocument.MARGIN, SIZE, 150 / 72f)))
			.isEqualTo(link);
	}
}
