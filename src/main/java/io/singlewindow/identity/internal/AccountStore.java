package io.singlewindow.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Uscc;
import io.singlewindow.identity.OperatorRight;
import io.singlewindow.platform.BusinessTime;

/** Reads accounts for login and API-key authentication. */
@Component
class AccountStore implements UserDetailsService {

	private static final String COLUMNS = "id, username, password_hash, display_name, role, uscc, agency_code, enabled, "
			+ "password_change_required, operator_rights, last_login_at, last_login_address, totp_enabled_at";

	private final JdbcClient jdbc;
	private final BusinessTime time;

	AccountStore(JdbcClient jdbc, BusinessTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE lower(username) = lower(?)")
			.param(username)
			.query(AccountStore::principal)
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	Optional<AccountPrincipal> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE id = ?").param(id)
			.query(AccountStore::principal).optional();
	}

	/** Notes a login on the pages: when (the business clock) and from which address. */
	void recordLogin(UUID id, String address) {
		jdbc.sql("UPDATE user_account SET last_login_at = ?, last_login_address = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(time.now()), address.length() > 64 ? address.substring(0, 64) : address, id)
			.update();
	}

	/**
	 * The enterprises the broker's operator {@code accountId} acts for today: those that authorise the brokerage (not
	 * revoked, the last day not passed) and that its administrator lets this operator handle (all, unless it named
	 * some: {@code operator_principals}).
	 */
	Set<Uscc> principalsOf(String brokerUscc, UUID accountId) {
		return jdbc.sql("""
				SELECT a.principal_uscc FROM broker_authorisation a JOIN user_account u ON u.id = ?
				WHERE a.broker_uscc = ? AND a.revoked_at IS NULL AND (a.valid_until IS NULL OR a.valid_until >= ?)
				  AND (u.operator_principals IS NULL OR a.principal_uscc = ANY(u.operator_principals))""")
			.params(accountId, brokerUscc, time.today())
			.query(String.class)
			.list()
			.stream()
			.map(Uscc::parse)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The columns {@link #principal} reads, of the table aliased {@code alias}. */
	static String columns(String alias) {
		return java.util.Arrays.stream(COLUMNS.split(", ")).map(c -> alias + "." + c)
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** The rights an {@code operator_rights} column holds; the migration's check keeps out any other value. */
	static Set<OperatorRight> rights(java.sql.Array column) throws SQLException {
		return java.util.Arrays.stream((String[]) column.getArray()).map(OperatorRight::valueOf)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The column's moment, or null. */
	static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	static AccountPrincipal principal(ResultSet rs, int row) throws SQLException {
		return new AccountPrincipal(rs.getObject("id", UUID.class), rs.getString("username"),
				rs.getString("password_hash"), rs.getString("display_name"), rs.getString("role"),
				rs.getString("uscc"), rs.getString("agency_code"), rs.getBoolean("enabled"),
				rs.getBoolean("password_change_required"), rights(rs.getArray("operator_rights")),
				instant(rs, "last_login_at"), rs.getString("last_login_address"),
				rs.getTimestamp("totp_enabled_at") != null);
	}
}
