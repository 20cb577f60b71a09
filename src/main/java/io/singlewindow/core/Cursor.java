package io.singlewindow.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a list ended: the sort time and the key of its last row. A list read after a cursor continues
 * with the rows sorted after that row (keyset paging), so rows inserted meanwhile never shift a page and a client
 * never sees a row twice or skips one. To a client the cursor is opaque text.
 */
public record Cursor(Instant at, String key) {

	private static final String VERSION = "1";

	public Cursor {
		if (at == null || key == null || key.isEmpty()) {
			throw new IllegalArgumentException("a cursor needs a time and a key");
		}
	}

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	/**
	 * A day written in a key ({@code 2026-12-31}), if it is one a row can have: years 1 to 9999, as the time.
	 *
	 * @return empty for text that is no such day
	 */
	public static java.util.Optional<LocalDate> day(String text) {
		try {
			LocalDate day = LocalDate.parse(text);
			return day.getYear() >= 1 && day.getYear() <= 9999 ? java.util.Optional.of(day) : java.util.Optional.empty();
		} catch (DateTimeParseException notADay) {
			return java.util.Optional.empty();
		}
	}

	/** The key as the id of a row. @throws Problem 422 {@code cursor} {@code CURSOR_INVALID} when it is none */
	public UUID id() {
		try {
			return UUID.fromString(key);
		} catch (IllegalArgumentException e) {
			throw Problem.invalidField("cursor", "CURSOR_INVALID");
		}
	}

	/** The time as a database parameter of type {@code timestamptz}. */
	public OffsetDateTime atUtc() {
		return at.atOffset(ZoneOffset.UTC);
	}

	/** Opaque, URL-safe text; only {@link #read} understands it. */
	public String text() {
		String plain = VERSION + "|" + at + "|" + key;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return {@code null} for no cursor (the first page)
	 * @throws Problem 422 with the field {@code cursor} and the code {@code CURSOR_INVALID} for text no page answered
	 */
	public static Cursor read(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
				.split("\\|", 3);
			// No key a list writes holds a control character; PostgreSQL refuses a NUL in text (a 500 on the lists
			// that bind their key as text, found in review, 2026-12-06).
			if (parts.length == 3 && parts[0].equals(VERSION) && !parts[2].isEmpty()
					&& parts[2].chars().noneMatch(Character::isISOControl)) {
				Instant at = Instant.parse(parts[1]);
				// Java reads years up to a billion, PostgreSQL holds a few hundred thousand: a time no row can have is
				// refused here, not by the database as an error (a 500, found in review, 2026-12-06).
				if (!at.isBefore(EARLIEST) && !at.isAfter(LATEST)) {
					return new Cursor(at, parts[2]);
				}
			}
		} catch (IllegalArgumentException | DateTimeParseException e) {
			// Text a page never handed out: refused below like any other.
		}
		throw Problem.invalidField("cursor", "CURSOR_INVALID");
	}
}
