package io.singlewindow.identity.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Refuses;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Identity")
class WhoAmIApi {

	private final CurrentActor currentActor;

	WhoAmIApi(CurrentActor currentActor) {
		this.currentActor = currentActor;
	}

	record Me(String username, String displayName, String role, String enterprise, String agency,
			List<String> actsFor) {
	}

	@Refuses(beforeOwnPassword = true)
	@GetMapping("/api/v1/me")
	@Operation(summary = "The account behind the presented API key, and for whom it may act")
	Me me() {
		Actor a = currentActor.get();
		return new Me(a.username(), a.displayName(), a.role().name(),
				a.enterprise() == null ? null : a.enterprise().value(), a.agency() == null ? null : a.agency().value(),
				a.principals().stream().map(Object::toString).sorted().toList());
	}
}
