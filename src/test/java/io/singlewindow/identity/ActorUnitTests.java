package io.singlewindow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.AgencyCode;
import io.singlewindow.core.Problem;
import io.singlewindow.core.Uscc;

class ActorUnitTests {

	static final Uscc OWN = Uscc.issue("91350200MA31C0011");
	static final Uscc PRINCIPAL = Uscc.issue("91350200MA31C0022");
	static final Uscc STRANGER = Uscc.issue("91350200MA31C0033");

	static Actor actor(Role role, Uscc enterprise, AgencyCode agency, Set<Uscc> principals) {
		return new Actor(UUID.randomUUID(), "u", "U", role, enterprise, agency, principals);
	}

	@Test
	void aTraderActsForItsOwnEnterpriseOnly() {
		Actor trader = actor(Role.TRADER, OWN, null, Set.of());
		assertThat(trader.mayActFor(OWN)).isTrue();
		assertThat(trader.mayActFor(STRANGER)).isFalse();
		assertThat(trader.maySee(STRANGER)).isFalse();
		assertThat(trader.mayActAs(AgencyCode.CUSTOMS)).isFalse();
	}

	@Test
	void aBrokerActsForItselfAndItsPrincipals() {
		Actor broker = actor(Role.BROKER, OWN, null, Set.of(PRINCIPAL));
		assertThat(broker.mayActFor(OWN)).isTrue();
		assertThat(broker.mayActFor(PRINCIPAL)).isTrue();
		assertThat(broker.mayActFor(STRANGER)).isFalse();
	}

	@Test
	void anOfficerDecidesForItsOwnAgencyOnlyAndActsForNoEnterprise() {
		Actor officer = actor(Role.OFFICER, null, AgencyCode.CIQ, Set.of());
		assertThat(officer.mayActAs(AgencyCode.CIQ)).isTrue();
		assertThat(officer.mayActAs(AgencyCode.CUSTOMS)).isFalse();
		assertThat(officer.mayActFor(OWN)).isFalse();
		assertThat(officer.maySee(OWN)).isTrue();
		assertThatThrownBy(() -> officer.requireActAs(AgencyCode.COMMERCE)).isInstanceOf(Problem.class)
			.extracting(e -> ((Problem) e).code()).isEqualTo("NOT_AUTHORISED_FOR_AGENCY");
	}

	@Test
	void anAdministratorNeitherActsForEnterprisesNorDecidesForAgencies() {
		Actor admin = actor(Role.ADMIN, null, null, Set.of());
		assertThat(admin.mayActFor(OWN)).isFalse();
		assertThat(admin.mayActAs(AgencyCode.CUSTOMS)).isFalse();
		assertThat(admin.maySee(OWN)).isTrue();
	}
}
