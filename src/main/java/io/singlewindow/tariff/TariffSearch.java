package io.singlewindow.tariff;

import java.util.List;

/** Finds tariff lines as a person looks for them: by the start of the code, or by words of the description. */
public interface TariffSearch {

	/**
	 * Lines whose code starts with {@code query} (dots ignored) or whose English or Chinese description contains it,
	 * in code order.
	 */
	List<TariffLine> search(String query, int limit);
}
