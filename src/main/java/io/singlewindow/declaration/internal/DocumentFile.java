package io.singlewindow.declaration.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.singlewindow.core.FreeText;
import io.singlewindow.core.InvalidValue;
import io.singlewindow.core.Problem;

/**
 * A supporting document's file as the platform accepts it: a PDF, PNG or JPEG — what scanners and office software
 * produce and every officer's browser shows — recognised by its content, never by the name or the type the sender
 * claims, whole (its format's end marker present: a broken upload is refused, not stored), and at most
 * {@value #MAX_BYTES} bytes. Its name is the sender's, without any folder, and always ends with its type's extension,
 * so a file saved by an officer opens as what it is.
 *
 * @param fileName the name to show and to download under
 * @param mediaType {@code application/pdf}, {@code image/png} or {@code image/jpeg}
 * @param sha256 hex SHA-256 of the content: a file sent again is recognised
 */
record DocumentFile(String fileName, String mediaType, byte[] content, String sha256) {

	/** 10 MiB: a scanned certificate of several pages at 300 dpi; the upload limit of the server is above it. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	/** The part of the request, and the field a refusal names. */
	static final String FIELD = "file";

	static final int MAX_NAME = 200;

	/** How far from the end a format's end marker may be (some software appends a few bytes after it). */
	private static final int END_MARKER_WITHIN = 1024;

	private enum Format {
		PDF("application/pdf", ".pdf", bytes("%PDF-"), bytes("%%EOF")),
		PNG("image/png", ".png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, bytes("IEND")),
		JPEG("image/jpeg", ".jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF },
				new byte[] { (byte) 0xFF, (byte) 0xD9 });

		final String mediaType;
		final String extension;
		final byte[] start;
		final byte[] end;

		Format(String mediaType, String extension, byte[] start, byte[] end) {
			this.mediaType = mediaType;
			this.extension = extension;
			this.start = start;
			this.end = end;
		}

		boolean named(String lowerCaseName) {
			return lowerCaseName.endsWith(extension) || (this == JPEG && lowerCaseName.endsWith(".jpeg"));
		}
	}

	/**
	 * @param sentName the file's name as the sender's software gave it; may be {@literal null} or carry a path
	 * @throws Problem {@code INVALID_INPUT} at {@value #FIELD}: {@code REQUIRED} (no file or an empty one),
	 *     {@code DOCUMENT_TOO_LARGE} (with the limit in MB), {@code DOCUMENT_TYPE_NOT_ACCEPTED} (not a PDF, PNG or JPEG),
	 *     {@code DOCUMENT_INCOMPLETE} (its end is missing), {@code CONTROL_CHARACTER} or {@code SIZE} (its name)
	 */
	static DocumentFile read(String sentName, byte[] content) {
		if (content == null || content.length == 0) {
			throw Problem.invalidField(FIELD, "REQUIRED");
		}
		if (content.length > MAX_BYTES) {
			throw Problem.invalidField(FIELD, "DOCUMENT_TOO_LARGE", MAX_BYTES / (1024 * 1024));
		}
		Format format = formatOf(content);
		if (!endsWith(content, format.end)) {
			throw Problem.invalidField(FIELD, "DOCUMENT_INCOMPLETE");
		}
		return new DocumentFile(name(sentName, format), format.mediaType, content, sha256(content));
	}

	private static Format formatOf(byte[] content) {
		for (Format format : Format.values()) {
			if (startsWith(content, format.start)) {
				return format;
			}
		}
		throw Problem.invalidField(FIELD, "DOCUMENT_TYPE_NOT_ACCEPTED");
	}

	private static String name(String sentName, Format format) {
		String name = sentName == null ? "" : sentName;
		// Browsers of old sent the whole path; a name is what follows the last folder.
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		try {
			name = FreeText.line(name, MAX_NAME);
		} catch (InvalidValue e) {
			throw Problem.invalidField(FIELD, e.code(), e.arguments());
		}
		if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "document";
		}
		return format.named(name.toLowerCase(Locale.ROOT)) ? name : name + format.extension;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean endsWith(byte[] content, byte[] marker) {
		int from = Math.max(0, content.length - END_MARKER_WITHIN);
		for (int at = content.length - marker.length; at >= from; at--) {
			if (matchesAt(content, marker, at)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesAt(byte[] content, byte[] marker, int at) {
		for (int i = 0; i < marker.length; i++) {
			if (content[at + i] != marker[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] bytes(String ascii) {
		return ascii.getBytes(StandardCharsets.US_ASCII);
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
