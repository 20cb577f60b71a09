package io.singlewindow.declaration.internal;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Problem;
import io.singlewindow.identity.CurrentActor;

/**
 * A declaration's printed documents — its consolidated response ({@link ResponseDocument}) and the declaration as
 * declared ({@link DeclarationDocument}) — answered alike to a person's page session and to an API key: only to who
 * may read the declaration, rendering what that reader may see, never kept by a cache (a business document).
 */
@Component
class PrintedDeclarations {

	private final DeclarationStore store;
	private final CurrentActor currentActor;
	private final ResponseDocument response;
	private final DeclarationDocument declaration;

	PrintedDeclarations(DeclarationStore store, CurrentActor currentActor, ResponseDocument response,
			DeclarationDocument declaration) {
		this.store = store;
		this.currentActor = currentActor;
		this.response = response;
		this.declaration = declaration;
	}

	/** @throws Problem 404 {@code DECLARATION_NOT_FOUND}, 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} */
	ResponseEntity<byte[]> response(UUID id) {
		return printed(id, "response-", response::render);
	}

	/** @throws Problem 404 {@code DECLARATION_NOT_FOUND}, 403 {@code NOT_AUTHORISED_FOR_ENTERPRISE} */
	ResponseEntity<byte[]> declaration(UUID id) {
		return printed(id, "declaration-", declaration::render);
	}

	private ResponseEntity<byte[]> printed(UUID id, String name, Function<DeclarationView, byte[]> render) {
		DeclarationView view = store.find(id).orElseThrow(() -> Problem.notFound("DECLARATION_NOT_FOUND", id));
		// Refuses whoever may not read the declaration (403), as its page does; hides what the reader may not see.
		DeclarationView readable = DeclarationApi.visible(currentActor.get(), view);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + view.number() + ".pdf\"")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(render.apply(readable));
	}
}
