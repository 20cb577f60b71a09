package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MultiRowInsertUnitTests {

	final MultiRowInsert routes = new MultiRowInsert("declaration_route",
			List.of("declaration_id uuid", "line_no int", "agency text"), "ON CONFLICT DO NOTHING");

	@Test
	void oneTextForAnyNumberOfRowsEachColumnAnArrayOfItsType() {
		assertThat(routes.sql()).isEqualTo("""
				INSERT INTO declaration_route (declaration_id, line_no, agency) SELECT * FROM \
				unnest(?::uuid[], ?::int[], ?::text[]) ON CONFLICT DO NOTHING""");
	}

	@Test
	void rowsBecomeColumnsInTheirOrderWithNullsKept() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Object[] columns = routes.columnsOf(List.of(new Object[] { first, 1, "CUSTOMS" },
				new Object[] { second, 2, null }));

		assertThat(columns).containsExactly(new String[] { first.toString(), second.toString() },
				new String[] { "1", "2" }, new String[] { "CUSTOMS", null });
	}

	@Test
	void amountsInPlainNotationAndInstantsWithTheirOffset() {
		assertThat(MultiRowInsert.text(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(MultiRowInsert.text(new BigDecimal("0.000001"))).isEqualTo("0.000001");
		Instant at = Instant.parse("2026-12-01T08:30:00.123456Z");
		// A java.sql.Timestamp prints in the JVM's zone, without an offset: written so, it would move with the zone.
		assertThat(MultiRowInsert.text(Timestamp.from(at))).isEqualTo("2026-12-01T08:30:00.123456Z");
		assertThat(MultiRowInsert.text(at)).isEqualTo("2026-12-01T08:30:00.123456Z");
	}

	@Test
	void aRowOfTheWrongLengthIsRefusedNotShifted() {
		assertThatThrownBy(() -> routes.columnsOf(List.<Object[]>of(new Object[] { UUID.randomUUID(), 1 })))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 values for 3 columns");
	}

	final MultiRowInsert timeline = new MultiRowInsert("declaration_event", List.of("id uuid", "event text"), "");

	@Test
	void severalTablesInOneStatementEachAWithQueryBeforeTheCallersStatement() {
		var together = MultiRowInsert.together(routes, timeline);

		assertThat(together.sql(",\nmore AS (SELECT 1)", "SELECT 2")).isEqualTo("""
				WITH written_1 AS (INSERT INTO declaration_route (declaration_id, line_no, agency) SELECT * FROM \
				unnest(?::uuid[], ?::int[], ?::text[]) ON CONFLICT DO NOTHING),
				written_2 AS (INSERT INTO declaration_event (id, event) SELECT * FROM unnest(?::uuid[], ?::text[])),
				more AS (SELECT 1)
				SELECT 2""");
	}

	@Test
	void theTablesParametersInTheOrderOfTheInsertsATableWithoutRowsAsEmptyArrays() {
		UUID id = UUID.randomUUID();
		var together = MultiRowInsert.together(routes, timeline);

		assertThat(together.params(List.of(List.of(), List.<Object[]>of(new Object[] { id, "SUBMITTED" }))))
			.containsExactly(new String[0], new String[0], new String[0], new String[] { id.toString() },
					new String[] { "SUBMITTED" });
		assertThatThrownBy(() -> together.params(List.of(List.of()))).isInstanceOf(IllegalArgumentException.class);
	}
}
