package io.singlewindow.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Takes a real install back to "no administrator yet", so each first-administrator test starts from there. */
final class Administrators {

	private Administrators() {
	}

	static void removeAll(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM spring_session WHERE principal_name IN (SELECT username FROM user_account WHERE role = 'ADMIN')")
			.update();
		jdbc.sql("DELETE FROM api_key WHERE user_id IN (SELECT id FROM user_account WHERE role = 'ADMIN')").update();
		jdbc.sql("DELETE FROM user_account WHERE role = 'ADMIN'").update();
	}
}
