package io.singlewindow.tariff.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import io.singlewindow.core.Problem;

/**
 * The text of a tariff file, read strictly in its encoding: UTF-8 unless the request names another
 * ({@code text/csv; charset=GB18030}). Excel on a Chinese system saves "CSV" in GBK; read as UTF-8 with replacement,
 * as before, its Chinese descriptions became U+FFFD and were imported into the schedule without a word.
 */
final class TariffFileText {

	private TariffFileText() {
	}

	/**
	 * @param charsetName the encoding the request named, or {@literal null} for UTF-8
	 * @throws Problem 422 {@code FILE_ENCODING} on field {@code file}, with the encoding and the offset of the first
	 *     byte that is no character of it
	 */
	static String read(byte[] bytes, String charsetName) {
		Charset charset = charset(charsetName);
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw Problem.invalidField("file", "FILE_ENCODING", charset.name(), in.position() + 1);
		}
		return out.flip().toString();
	}

	/**
	 * The {@code charset} the Content-Type header names, or {@literal null}. Read from the header as sent: the
	 * request's own character encoding is UTF-8 whatever the client said (Spring Boot's encoding filter forces it).
	 */
	static String charsetOf(String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			String charset = MediaType.parseMediaType(contentType).getParameter("charset");
			return charset == null ? null : charset.replace("\"", "");
		}
		catch (InvalidMediaTypeException unreadable) {
			return null;
		}
	}

	private static Charset charset(String name) {
		if (name == null || name.isBlank()) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(name.strip());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
			throw Problem.invalidField("file", "FILE_ENCODING", name.strip(), 1);
		}
	}
}
