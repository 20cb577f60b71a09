package io.singlewindow.permit.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Problem;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.platform.BusinessTime;

/**
 * A permit printed ({@link PermitDocument}), answered alike to a person's page session and to an API key: only to who
 * may see its holder, never kept by a cache.
 */
@Component
class PrintedPermits {

	private final IssuedPermits permits;
	private final PermitCatalogue catalogue;
	private final Enterprises enterprises;
	private final CurrentActor currentActor;
	private final PermitDocument document;
	private final BusinessTime time;

	PrintedPermits(IssuedPermits permits, PermitCatalogue catalogue, Enterprises enterprises, CurrentActor currentActor,
			PermitDocument document, BusinessTime time) {
		this.permits = permits;
		this.catalogue = catalogue;
		this.enterprises = enterprises;
		this.currentActor = currentActor;
		this.document = document;
		this.time = time;
	}

	/** @throws Problem 404 {@code PERMIT_NOT_FOUND}, 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} */
	ResponseEntity<byte[]> of(String number) {
		IssuedPermit permit = permits.get(number);
		currentActor.get().requireSee(permit.holder());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"permit-" + permit.number() + ".pdf\"")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(document.render(permit, catalogue.entry(permit.catalogueCode()),
					enterprises.find(permit.holder()).orElse(null), time.today()));
	}
}
