package io.singlewindow.enterprise;

import java.time.Instant;
import java.util.List;

import io.singlewindow.core.Uscc;

/** Facts on a business licence changed; {@code fields} names them (e.g. {@code nameZh}, {@code businessScope}). */
public record LicenceAmended(Uscc uscc, List<String> fields, String amendedBy, Instant amendedAt) {

	public LicenceAmended {
		fields = List.copyOf(fields);
	}
}
