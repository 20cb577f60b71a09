package io.singlewindow.enterprise.internal;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.CurrentActor;
import io.singlewindow.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "Enterprises", description = "Business registration and licences")
class EnterpriseController {

	private final Enterprises enterprises;
	private final CurrentActor currentActor;

	EnterpriseController(Enterprises enterprises, CurrentActor currentActor) {
		this.enterprises = enterprises;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "Enterprises the caller may see: their own (and, for brokers, their principals'); all for officers and admins")
	List<Enterprise> list() {
		Actor actor = currentActor.get();
		if (actor.is(Role.OFFICER) || actor.is(Role.ADMIN)) {
			return enterprises.all();
		}
		var visible = new java.util.HashSet<Uscc>(actor.principals());
		visible.add(actor.enterprise());
		return enterprises.findAll(Set.copyOf(visible));
	}

	@GetMapping("/{uscc}")
	@Operation(summary = "One enterprise's registration, if the caller may see it")
	Enterprise get(@PathVariable String uscc) {
		Uscc code = Uscc.parse(uscc);
		currentActor.get().requireSee(code);
		return enterprises.get(code);
	}
}
