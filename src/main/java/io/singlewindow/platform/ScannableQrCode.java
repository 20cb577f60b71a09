package io.singlewindow.platform;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The modules of a QR code the platform prints, chosen so that a common reader reads the printed code back.
 * <p>
 * The encoder picks one of the eight mask patterns by the standard's penalty score, which keeps false finder patterns
 * rare but not absent: about one printed verification link in a hundred could not be read by ZXing (the reader inside
 * many phone apps) from a 150-dpi scan of the page, and some not at any resolution. So before a code goes on paper it
 * is rasterised where it will stand on the page, anti-aliased as a renderer does, at the resolutions of a screen, an
 * office scan, a fax and a good scan, and read back; the first mask (the encoder's own choice first) read back at
 * every one is printed. A mask changes only which modules are dark: the data, error correction and size stay.
 * The second-factor page's code on a screen is chosen the same way (a phone's app failed on one in a hundred too).
 * Each code is also read back drawn crisp, every module on whole pixels, as a screen draws the page's SVG
 * ({@code shape-rendering="crispEdges"}): a mask read back at every anti-aliased raster failed there once in some
 * thousand keys ({@code SecondFactorQrCodeUnitTests}, a fresh-clone run).
 */
public final class ScannableQrCode {

	private static final Logger log = LoggerFactory.getLogger(ScannableQrCode.class);

	/** Dots per inch of the rasters a printed code must be readable from: screen, office scan, fax, fine scan. */
	static final int[] RESOLUTIONS = { 96, 150, 200, 300 };

	/** Pixels a module of the rasters drawn crisp, as a screen draws the code's SVG at the second-factor page's size. */
	static final int[] CRISP_MODULE_PIXELS = { 4, 5, 6 };

	/** Every raster a code must be read back from. */
	private static final int RASTERS = RESOLUTIONS.length + CRISP_MODULE_PIXELS.length;

	private static final int QUIET_ZONE = 4;

	private static final int MASKS = 8;

	private ScannableQrCode() {
	}

	/**
	 * The modules (quiet zone included) of a QR code of {@code text} that will be printed {@code size} points wide with
	 * its top left corner {@code left} and {@code top} points from the page's left and top edges.
	 */
	public static BitMatrix of(String text, float left, float top, float size) {
		BitMatrix usual = encode(text, -1);
		BitMatrix best = null;
		int bestRead = -1;
		for (int attempt = -1; attempt < MASKS; attempt++) {
			BitMatrix modules = attempt < 0 ? usual : encode(text, attempt);
			if (attempt >= 0 && modules.equals(usual)) {
				continue; // the encoder's own mask, read back already
			}
			int read = readableResolutions(modules, text, left, top, size);
			if (read == RASTERS) {
				return modules;
			}
			if (read > bestRead) {
				best = modules;
				bestRead = read;
			}
		}
		log.warn("event=qr_code_not_read_back rasters_read={} of={} length={}", bestRead, RASTERS, text.length());
		return best;
	}

	/** The encoder's own mask when {@code mask} is negative, else that mask pattern. */
	private static BitMatrix encode(String text, int mask) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		if (mask >= 0) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
		} catch (WriterException e) {
			throw new IllegalArgumentException("cannot encode " + text + " as a QR code", e);
		}
	}

	private static int readableResolutions(BitMatrix modules, String text, float left, float top, float size) {
		int read = 0;
		for (int dpi : RESOLUTIONS) {
			if (text.equals(read(raster(modules, left, top, size, dpi / 72f)))) {
				read++;
			}
		}
		for (int pixels : CRISP_MODULE_PIXELS) {
			if (text.equals(read(crisp(modules, pixels)))) {
				read++;
			}
		}
		return read;
	}

	/** The code drawn crisp: each dark module a square of {@code pixels} whole pixels, on white. */
	static BufferedImage crisp(BitMatrix modules, int pixels) {
		BufferedImage image = new BufferedImage(modules.getWidth() * pixels, modules.getHeight() * pixels,
				BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.setColor(Color.BLACK);
			for (int row = 0; row < modules.getHeight(); row++) {
				for (int col = 0; col < modules.getWidth(); col++) {
					if (modules.get(col, row)) {
						g.fillRect(col * pixels, row * pixels, pixels, pixels);
					}
				}
			}
		} finally {
			g.dispose();
		}
		return image;
	}

	/**
	 * The code as a page renderer draws it at {@code scale} pixels a point: one anti-aliased path of dark squares,
	 * starting at the fraction of a pixel where the page puts it, on white with a margin of the page around it.
	 */
	static BufferedImage raster(BitMatrix modules, float left, float top, float size, float scale) {
		int margin = 8;
		int pixels = (int) Math.ceil(size * scale) + 2 * margin;
		BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, pixels, pixels);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			double x0 = margin + fraction(left * scale);
			double y0 = margin + fraction(top * scale);
			double module = size * scale / modules.getWidth();
			Path2D.Double dark = new Path2D.Double();
			for (int row = 0; row < modules.getHeight(); row++) {
				for (int col = 0; col < modules.getWidth(); col++) {
					if (modules.get(col, row)) {
						dark.append(new Rectangle2D.Double(x0 + col * module, y0 + row * module, module, module), false);
					}
				}
			}
			g.setColor(Color.BLACK);
			g.fill(dark);
		} finally {
			g.dispose();
		}
		return image;
	}

	/** What ZXing's QR reader makes of a grey image, trying hard, or {@literal null} when it finds no code. */
	static String read(BufferedImage image) {
		try {
			// a grey image's bytes are its luminance, the Y plane of YUV
			byte[] grey = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
			var luminance = new PlanarYUVLuminanceSource(grey, image.getWidth(), image.getHeight(), 0, 0,
					image.getWidth(), image.getHeight(), false);
			var bitmap = new BinaryBitmap(new HybridBinarizer(luminance));
			return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
		} catch (ReaderException e) {
			return null;
		}
	}

	private static double fraction(double value) {
		return value - Math.floor(value);
	}
}
