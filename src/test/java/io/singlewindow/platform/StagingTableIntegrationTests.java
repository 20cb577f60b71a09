package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * A table rows only pass through is vacuumed by its fold once enough rows were deleted, not only when autovacuum
 * comes by: under load the dead rows of a minute made every read of the unfolded price observations ten times slower.
 */
@SingleWindowIntegrationTest
class StagingTableIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFoldThatDeletedEnoughRowsVacuumsItsTableAndCountsAfresh() {
		jdbc.execute("CREATE TABLE staging_table_trial (id bigint PRIMARY KEY, hs_code text NOT NULL)");
		try {
			jdbc.execute("INSERT INTO staging_table_trial SELECT g, '0901110000' FROM generate_series(1, 3000) g");
			jdbc.execute("DELETE FROM staging_table_trial");
			StagingTable table = new StagingTable(jdbc, "staging_table_trial", 2000);

			assertThat(table.folded(1999)).isFalse();
			assertThat(manualVacuums()).isZero();
			assertThat(table.folded(1001)).isTrue();
			assertThat(manualVacuums()).isEqualTo(1);
			assertThat(table.folded(0)).isFalse();
			assertThat(table.folded(1999)).as("counted afresh after a vacuum").isFalse();
			assertThat(manualVacuums()).isEqualTo(1);
		} finally {
			jdbc.execute("DROP TABLE staging_table_trial");
		}
	}

	@Test
	void takesAPlainTableNameOnlyForItIsWrittenIntoTheStatement() {
		assertThatThrownBy(() -> new StagingTable(jdbc, "statistics_cleared; DROP TABLE declaration", 2000))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new StagingTable(jdbc, "statistics_cleared", 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Vacuums run by a statement, not by autovacuum (which may come by as well and is counted apart). */
	private long manualVacuums() {
		return jdbc.queryForObject("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'staging_table_trial'",
				Long.class);
	}
}
