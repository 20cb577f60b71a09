package io.singlewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.singlewindow.identity.Role;

/** The accounts page's view, carried by each row's buttons and given back after the action. */
class AccountListViewUnitTests {

	@Test
	void aSearchComesBackAsTypedWhateverItsCharacters() {
		assertThat(AccountPages.ListView.of(" a+b & c=d ", "OFFICER", "Mnx_-9").address("opened", "x.y"))
			.isEqualTo("/admin/accounts?opened=x.y&q=a%2Bb%20%26%20c%3Dd&role=OFFICER&cursor=Mnx_-9");
	}

	@Test
	void whatTheListDoesNotKnowMeansAnyAndNothingIsCarried() {
		AccountPages.ListView view = AccountPages.ListView.of("  ", "ROOT", "");
		assertThat(view).isEqualTo(new AccountPages.ListView(null, null, null));
		assertThat(view.address(null, null)).isEqualTo("/admin/accounts");
		assertThat(view.address("reset", null)).isEqualTo("/admin/accounts?reset");
		assertThat(AccountPages.ListView.of(null, Role.ADMIN.name(), null).address(null, null))
			.isEqualTo("/admin/accounts?role=ADMIN");
	}
}
