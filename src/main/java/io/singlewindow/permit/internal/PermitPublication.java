package io.singlewindow.permit.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.PublishedPermits;
import io.singlewindow.platform.BusinessTime;

/**
 * The permits published under a licence on its public verification page: one keyset page of the holder's permits,
 * the most recently issued first (a holder of thousands of one-consignment permits costs the page no more than one of
 * a few), each with what it permits, its agency, its validity and its status today.
 */
@Component
class PermitPublication implements PublishedPermits {

	private final IssuedPermits permits;
	private final PermitCatalogue catalogue;
	private final BusinessTime time;

	PermitPublication(IssuedPermits permits, PermitCatalogue catalogue, BusinessTime time) {
		this.permits = permits;
		this.catalogue = catalogue;
		this.time = time;
	}

	@Override
	public Published of(Uscc holder, Locale locale) {
		var page = permits.heldBy(holder, PageRequest.first(SHOWN));
		var today = time.today();
		List<PublishedPermit> listed = page.rows().stream().map(p -> {
			// Kept per node for the catalogue's revision: fifty permits of one kind cost no fifty reads.
			CatalogueEntry entry = catalogue.entry(p.catalogueCode());
			return new PublishedPermit(p.number(), entry.name(locale), entry.issuingAgency().value(), p.validFrom(),
					p.validUntil(), p.status(today).name());
		}).toList();
		return new Published(listed, page.next() != null);
	}
}
