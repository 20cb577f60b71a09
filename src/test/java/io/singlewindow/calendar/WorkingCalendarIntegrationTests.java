package io.singlewindow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.singlewindow.AtOneInstant;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.platform.BusinessTime;
import jakarta.servlet.http.Cookie;

/**
 * The calendar as the platform ships it (the 2025/2026 notices), and an administrator recording a later year on the
 * page and through the API. Later years used here lie far ahead, so the warnings about the coming year stay as the
 * real date makes them.
 */
@SingleWindowIntegrationTest
class WorkingCalendarIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ZoneCalendar calendar;

	@Autowired
	BusinessTime time;

	ResultActions call(String user, MockHttpServletRequestBuilder request, String json) throws Exception {
		request.header("Authorization", "Bearer sw-demo-" + user).header("Accept-Language", "en");
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	@Test
	void theMigrationSeedsExactlyTheShippedNoticesOf2025And2026() {
		List<CalendarDay> seeded = jdbc.sql("SELECT day, kind, holiday FROM calendar_day WHERE year IN (2025, 2026) ORDER BY day")
			.query((rs, i) -> new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
		assertThat(seeded).containsExactlyElementsOf(ShippedCalendar.days());
		assertThat(calendar.after(LocalDate.of(2026, 2, 6), 20)).isEqualTo(LocalDate.of(2026, 3, 12));
	}

	@Test
	void anyoneLoggedInAsksForADeadlineOverNationalDay() throws Exception {
		call("trader.chip", get("/api/v1/working-calendar/deadline").param("from", "2026-09-30").param("workingDays", "20"),
				null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.due").value("2026-11-03"))
			.andExpect(jsonPath("$.yearsNotRecorded").isEmpty());
		call("trader.chip", get("/api/v1/working-calendar/deadline").param("from", "30.09.2026").param("workingDays", "20"),
				null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[0].code").value("MALFORMED_VALUE"))
			.andExpect(jsonPath("$.field").value("from"));
		call("trader.chip", get("/api/v1/working-calendar/deadline").param("from", "2026-09-30").param("workingDays", "-1")
			.header("Accept-Language", "en"), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("TOO_SMALL"))
			.andExpect(jsonPath("$.errors[0].message").value("This value is too small: at least 0."));
		call("trader.chip", get("/api/v1/working-calendar/deadline").param("from", "2026-09-30").param("workingDays", "367")
			.header("Accept-Language", "en"), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("TOO_LARGE"))
			.andExpect(jsonPath("$.errors[0].message").value("This value is too large: at most 366."));
		call("trader.chip", get("/api/v1/working-calendar/{year}", 2026), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days[?(@.date == '2026-02-14')].kind", hasItem("WORK")));
		// A year no test records: the suite shares one database, and FormSubmissionsBrowserTests records 2093.
		call("trader.chip", get("/api/v1/working-calendar/{year}", 2187), null)
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("CALENDAR_YEAR_NOT_FOUND"));
	}

	@Test
	void anAdministratorRecordsALaterYearThroughTheApiAndDeadlinesCountIt() throws Exception {
		String notice = """
				{"source":"State Council notice for 2091","days":[
				 {"date":"2091-10-01","kind":"OFF","holiday":"National Day / 国庆节"},
				 {"date":"2091-10-02","kind":"OFF","holiday":"National Day / 国庆节"},
				 {"date":"2091-09-29","kind":"WORK","holiday":"National Day / 国庆节"}]}""";
		call("trader.chip", put("/api/v1/working-calendar/{year}", 2091), notice)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ROLE_REQUIRED"));
		call("admin", put("/api/v1/working-calendar/{year}", 2091), notice)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2091))
			.andExpect(jsonPath("$.days.length()").value(3));
		// Friday 28 Sep 2091 + 2 working days: Saturday 29 is worked, Monday 1 Oct is off, Tuesday 2 is off → Wed 3.
		call("officer.ciq", get("/api/v1/working-calendar/deadline").param("from", "2091-09-28").param("workingDays", "2"),
				null)
			.andExpect(jsonPath("$.due").value("2091-10-03"));
		assertThat(calendar.after(LocalDate.of(2091, 9, 28), 2)).isEqualTo(LocalDate.of(2091, 10, 3));

		// Recording the year again replaces it whole.
		call("admin", put("/api/v1/working-calendar/{year}", 2091), """
				{"source":"corrected","days":[{"date":"2091-10-01","kind":"OFF","holiday":"National Day"}]}""")
			.andExpect(status().isOk());
		assertThat(calendar.isWorkingDay(LocalDate.of(2091, 9, 29))).as("no longer a worked Saturday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2091, 10, 2))).as("no longer a day off").isTrue();
	}

	@Test
	void aYearRecordedByTwoAdministratorsAtOneInstantIsRecordedOnceWholeAndEveryOneIsAnswered() throws Exception {
		// A year no other test records (see above). Sent eight times at once, first while no one has recorded it and
		// then again over it: every administrator is answered (none with a 500) and the year is one notice whole.
		var sent = new java.util.concurrent.atomic.AtomicInteger();
		for (int round = 0; round < 2; round++) {
			List<Integer> statuses = AtOneInstant.statuses(8, () -> call("admin",
					put("/api/v1/working-calendar/{year}", 2095), """
							{"source":"notice %d","days":[
							 {"date":"2095-10-01","kind":"OFF","holiday":"National Day / 国庆节"},
							 {"date":"2095-10-02","kind":"OFF","holiday":"National Day / 国庆节"}]}"""
						.formatted(sent.getAndIncrement())));

			assertThat(statuses).as("round %d", round).containsOnly(200);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM calendar_year WHERE year = 2095").query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM calendar_day WHERE year = 2095").query(Long.class).single())
			.isEqualTo(2);
		assertThat(calendar.isWorkingDay(LocalDate.of(2095, 10, 2))).isFalse();
	}

	@Test
	void aNoticeWithMistakesIsRefusedWholeWithEveryMistakeByField() throws Exception {
		call("admin", put("/api/v1/working-calendar/{year}", 2092), """
				{"source":"","days":[
				 {"date":"2092-10-01","kind":"OFF","holiday":"National Day"},
				 {"date":"2092-10-02","kind":"WORK","holiday":"National Day"},
				 {"date":"2093-01-01","kind":"OFF","holiday":"New Year"},
				 {"date":"2092-10-01","kind":"HOLIDAY","holiday":""},
				 {"date":"1.10.2092","kind":"OFF","holiday":"x"}]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.errors[?(@.field == 'source')].code", hasItem("REQUIRED")))
			.andExpect(jsonPath("$.errors[?(@.field == 'days[1].kind')].code", hasItem("CALENDAR_WORK_DAY_NOT_WEEKEND")))
			.andExpect(jsonPath("$.errors[?(@.field == 'days[2].date')].code", hasItem("CALENDAR_DAY_OUTSIDE_YEAR")))
			.andExpect(jsonPath("$.errors[?(@.field == 'days[3].date')].code", hasItem("CALENDAR_DAY_DUPLICATE")))
			.andExpect(jsonPath("$.errors[?(@.field == 'days[3].kind')].code", hasItem("CALENDAR_DAY_KIND_UNKNOWN")))
			.andExpect(jsonPath("$.errors[?(@.field == 'days[3].holiday')].code", hasItem("REQUIRED")))
			.andExpect(jsonPath("$.errors[?(@.field == 'days[4].date')].code", hasItem("MALFORMED_VALUE")));
		call("admin", put("/api/v1/working-calendar/{year}", 1999), """
				{"source":"x","days":[{"date":"1999-10-01","kind":"OFF","holiday":"National Day"}]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("CALENDAR_YEAR_OUT_OF_RANGE"));
		assertThat(jdbc.sql("SELECT count(*) FROM calendar_year WHERE year IN (1999, 2092)").query(Long.class).single())
			.isZero();
	}

	@Test
	void anAdministratorPastesAYearOnThePageAndOnlyAdministratorsMayOpenIt() throws Exception {
		Cookie admin = logIn("admin");
		mvc.perform(get("/admin/calendar").cookie(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"year-2025\"")))
			.andExpect(content().string(containsString("id=\"year-2026\"")));
		mvc.perform(post("/admin/calendar").cookie(admin).with(csrf()).header("Accept-Language", "en")
			.param("year", "2094").param("source", "typed").param("days", "date,kind,holiday\n2094-10-01,OFF,National Day\n2094-10-05,WORK,x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("day 2 (kind)")))
			.andExpect(content().string(containsString("WORK is only for an adjusted Saturday or Sunday")));
		mvc.perform(post("/admin/calendar").cookie(admin).with(csrf())
			.param("year", "2094").param("source", "typed").param("days", "date,kind,holiday\n2094-10-01,OFF,National Day\n\n2094-10-03,WORK,National Day"))
			.andExpect(redirectedUrl("/admin/calendar?year=2094"));
		mvc.perform(get("/admin/calendar").param("year", "2094").cookie(admin))
			.andExpect(content().string(containsString("id=\"calendar-days\"")))
			.andExpect(content().string(containsString("2094-10-03")));
		mvc.perform(get("/admin/calendar").cookie(logIn("officer.ciq"))).andExpect(status().isForbidden());
	}

	@Test
	void administratorsAreToldOnTheirHomePageAndInTheHealthDetailsWhichYearIsMissing() throws Exception {
		int nextYear = time.today().getYear() + 1;
		boolean missing = !calendar.current().covers(nextYear) && time.today().getMonthValue() >= 11;
		var home = mvc.perform(get("/").cookie(logIn("admin")).header("Accept-Language", "en"));
		var health = mvc.perform(get("/actuator/health").cookie(logIn("admin")));
		if (missing) {
			home.andExpect(content().string(containsString("The holidays of " + nextYear + " are not recorded")));
			health.andExpect(jsonPath("$.components.workingCalendar.details.missingYears", hasItem(nextYear)));
		} else {
			home.andExpect(content().string(not(containsString("id=\"admin-notices\""))));
		}
		health.andExpect(jsonPath("$.components.workingCalendar.details.recordedYears", hasItem(2026)));
		mvc.perform(get("/").cookie(logIn("trader.chip")))
			.andExpect(content().string(not(containsString("are not recorded"))));
	}

	private Cookie logIn(String username) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password("demo12345")).andReturn().getResponse()
			.getCookie("SESSION");
	}
}
