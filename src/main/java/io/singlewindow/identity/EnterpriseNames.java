package io.singlewindow.identity;

import java.util.Collection;
import java.util.Map;

import io.singlewindow.core.Uscc;

/**
 * Enterprises' registered names, for identity's pages that would otherwise show bare USCCs (a brokerage's principals
 * on its operators page). The enterprise module answers; without it, pages show the USCCs.
 */
@FunctionalInterface
public interface EnterpriseNames {

	/** The registered Chinese names of those of {@code usccs} that are registered. */
	Map<Uscc, String> namesOf(Collection<Uscc> usccs);
}
