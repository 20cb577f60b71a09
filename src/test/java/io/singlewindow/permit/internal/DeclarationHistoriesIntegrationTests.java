package io.singlewindow.permit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.singlewindow.AtOneInstant;
import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.platform.BusinessTime;

/**
 * Declarations lived through seeded histories by the people who act on them, through the REST API as their software
 * would — the trader submitting, amending, answering, withdrawing and applying for a cancellation; the agencies'
 * officers approving, rejecting and querying with the version they read (sometimes an old one); customs recording the
 * payment, releasing, correcting, cancelling and refusing an application — in whatever order the seed draws, many
 * of the changes refused, one in six sent together with another at the same instant. After every change the platform must have kept its promises, as stored: no answer 5xx; a
 * refused change leaves the declaration as it was; the status the declarant sees is the one its tasks give until an
 * act ends the review; no officer's or rule's decision is undone except by an amendment of what it decided on; and the
 * permit the laptops are declared under is never overdrawn, its quota used equal to the write-offs on record, each
 * standing one what its line declares now (after amendments too), none left standing for a declaration that was
 * rejected, withdrawn or cancelled.
 * <p>
 * {@code DeclarationHistoriesUnitTests} does the same with the aggregate alone, thousands of times; this one asks the
 * whole platform — its transactions, its writes and reads of the rows, the permit ledger, the licence suspended and
 * reinstated by commerce between and during histories — a few times in the suite
 * ({@code -Ddeclaration.histories.api=…} and {@code -Ddeclaration.histories.seed=…} for more by hand). It lives beside
 * {@link DeclarationsUnderOnePermitIntegrationTests} for the licence the permit module's fixture grants it.
 */
@SingleWindowIntegrationTest
class DeclarationHistoriesIntegrationTests {

	static final long SEED = Long.getLong("declaration.histories.seed", 20261208L);

	static final int HISTORIES = Integer.getInteger("declaration.histories.api", 24);

	static final int LONGEST = 14;

	static final BigDecimal GRANTED = new BigDecimal("40");

	static final Uscc CHIP = EnterpriseFixtures.demo("CHIP");

	/** Statuses an act, not a consolidation of the tasks, gives. */
	static final Set<String> ACTS = Set.of("WITHDRAWN", "RELEASED", "CANCELLED");

	/** Statuses after which the goods are not declared under it: nothing of a permit stays written off. */
	static final Set<String> ENDED = Set.of("REJECTED", "WITHDRAWN", "CANCELLED");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IssuedPermits permits;

	@Autowired
	PermitCatalogue catalogue;

	@Autowired
	BusinessTime time;

	private String permit;

	/**
	 * An automatic import licence of the chip maker's own, for laptops, as commerce grants it (the permit module's own
	 * test fixture: an application through the API would meet the applications other tests leave waiting).
	 */
	@BeforeEach
	void aLicenceOfItsOwn() {
		permit = permits.issue(new IssuedPermits.Grant(catalogue.get("AIL"), CHIP, null, "histories laptops",
				List.of("8471300000"), GRANTED, null, time.today(), "test")).number();
	}

	/** Revoked afterwards, so that other tests keep using the chip maker's demo licence. */
	@AfterEach
	void revokeIt() {
		if (permit != null) {
			jdbc.sql("UPDATE permit SET status = 'REVOKED' WHERE number = ?").param(permit).update();
		}
	}

	@Test
	void whateverHappensToDeclarationsAndInWhateverOrderThePlatformKeepsItsPromises() throws Exception {
		Random random = new Random(SEED);
		List<String> lived = new ArrayList<>();
		int refused = 0;
		int accepted = 0;
		for (int n = 0; n < HISTORIES; n++) {
			History history = new History(random, n);
			lived.add(history.submit());
			int length = 1 + random.nextInt(LONGEST);
			for (int i = 0; i < length && !history.over(); i++) {
				Change change = history.change();
				lived.add("  " + change);
				String told = "seed " + SEED + ", after:\n" + String.join("\n", lived);
				assertThat(change.status()).as(told).isLessThan(500);
				if (change.status() >= 400) {
					refused++;
					assertThat(change.after()).as("a refused change leaves it as it was; %s", told)
						.isEqualTo(change.before());
				} else {
					accepted++;
				}
				keptItsPromises(change, told);
			}
		}
		// Both paths taken often, or the histories would prove little.
		String all = String.join("\n", lived);
		assertThat(accepted).as("changes accepted in\n%s", all).isGreaterThan(HISTORIES * 2);
		assertThat(refused).as("changes refused in\n%s", all).isGreaterThan(HISTORIES);
	}

	/**
	 * The write-off promises in one history the seed may or may not draw (a race can turn the histories after it):
	 * an amendment leaves written off what the declaration declares now, and a withdrawal gives it all back.
	 */
	@Test
	void anAmendedDeclarationHasWrittenOffWhatItDeclaresNowAndAWithdrawnOneNothing() throws Exception {
		String laptops = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":4,
				 "grossWeight":60,"netWeight":50,%s"items":[{"hsCode":"8471300000","description":"portable computers",
				 "quantity":%d,"unit":"C62","value":%d,"origin":"US","permitNumber":"%s"}]}""";
		String submitted = expect(201, send("trader.chip", post("/api/v1/declarations")
			.header("Idempotency-Key", "histories-example-" + UUID.randomUUID()), laptops.formatted("", 5, 4000, permit)));
		String id = JsonPath.read(submitted, "$.id");
		assertThat(writtenOff()).as(submitted).isEqualByComparingTo("5");

		String amended = expect(200, send("trader.chip", put("/api/v1/declarations/" + id),
				laptops.formatted("\"version\":" + JsonPath.read(submitted, "$.version") + ",", 20, 16000, permit)));
		assertThat(writtenOff()).as(amended).isEqualByComparingTo("20");
		keptItsPromises(new Change("amended to 20", 200, null, submitted, amended, true), amended);

		String withdrawn = expect(200, send("trader.chip", post("/api/v1/declarations/" + id + "/withdrawal"),
				"{\"reason\":\"not shipped\",\"version\":%d}".formatted(JsonPath.<Integer>read(amended, "$.version"))));
		assertThat(writtenOff()).as(withdrawn).isZero();
		keptItsPromises(new Change("withdrawn", 200, null, amended, withdrawn, false), withdrawn);
	}

	private BigDecimal writtenOff() {
		return jdbc.sql("""
				SELECT coalesce(sum(quantity), 0) FROM permit_write_off WHERE permit_number = ? AND restored_at IS NULL""")
			.param(permit).query(BigDecimal.class).single();
	}

	private void keptItsPromises(Change change, String told) {
		String status = JsonPath.read(change.after(), "$.status");
		List<String> tasks = JsonPath.read(change.after(), "$.tasks[*].status");
		if (!ACTS.contains(status)) {
			assertThat(status).as("the status its tasks %s give; %s", tasks, told).isEqualTo(consolidated(tasks));
		}
		if (!change.amendedAccepted()) {
			Map<String, String> before = decided(change.before());
			Map<String, String> after = decided(change.after());
			assertThat(after).as("decisions on record; %s", told).containsAllEntriesOf(before);
		}
		BigDecimal remaining = jdbc.sql("SELECT remaining_quantity FROM permit WHERE number = ?").param(permit)
			.query(BigDecimal.class).single();
		BigDecimal writtenOff = writtenOff();
		assertThat(remaining).as("the licence's quota left; %s", told).isGreaterThanOrEqualTo(BigDecimal.ZERO);
		assertThat(remaining.add(writtenOff)).as("quota left and written off; %s", told).isEqualByComparingTo(GRANTED);
		List<String> standing = jdbc.sql("""
				SELECT d.status FROM permit_write_off w JOIN declaration d ON d.id = w.declaration_id
				WHERE w.permit_number = ? AND w.restored_at IS NULL""").param(permit).query(String.class).list();
		assertThat(standing).as("statuses of the declarations with a write-off standing; %s", told)
			.noneMatch(ENDED::contains);
		List<String> unlike = jdbc.sql("""
				SELECT d.number || ' line ' || w.line_no || ': ' || w.quantity || ' written off, ' || i.quantity
				       || ' declared'
				FROM permit_write_off w JOIN declaration d ON d.id = w.declaration_id
				JOIN declaration_item i ON i.declaration_id = w.declaration_id AND i.line_no = w.line_no
				WHERE w.permit_number = ? AND w.restored_at IS NULL AND w.quantity <> i.quantity""")
			.param(permit).query(String.class).list();
		assertThat(unlike).as("write-offs standing that are not what their line declares; %s", told).isEmpty();
	}

	/** As {@code DeclarationStatus.consolidate}, from what the API shows. */
	static String consolidated(List<String> tasks) {
		if (tasks.isEmpty()) {
			return "UNDER_REVIEW";
		}
		if (tasks.contains("REJECTED")) {
			return "REJECTED";
		}
		if (tasks.contains("QUERIED")) {
			return "QUERIED";
		}
		return tasks.stream().allMatch(t -> t.equals("APPROVED") || t.equals("AUTO_APPROVED")) ? "CLEARED"
				: "UNDER_REVIEW";
	}

	/** The tasks an officer or a rule decided, with their decision and version. */
	private static Map<String, String> decided(String declaration) {
		List<Map<String, Object>> tasks = JsonPath.read(declaration, "$.tasks[*]");
		return tasks.stream()
			.filter(t -> Set.of("APPROVED", "AUTO_APPROVED", "REJECTED").contains(t.get("status")))
			.collect(Collectors.toMap(t -> (String) t.get("agency"), t -> t.get("status") + " v" + t.get("version")));
	}

	/** One change as sent, its answer's status, and the declaration as its declarant read it before and after. */
	record Change(String what, int status, String code, String before, String after, boolean amendedAccepted) {

		@Override
		public String toString() {
			return what + " → " + status + (code == null ? "" : " " + code);
		}
	}

	/** One declaration of the chip maker's and the changes tried on it. */
	private final class History {

		private final Random random;
		private final int n;
		private final boolean perfume;
		private final boolean laptops;
		private String id;
		private int perfumes = 200;
		private int laptopCount;

		History(Random random, int n) {
			this.random = random;
			this.n = n;
			int kind = random.nextInt(3);
			this.perfume = kind != 1;
			this.laptops = kind != 0;
			this.laptopCount = pick(1, 5, 20);
		}

		/**
		 * Whether to leave it: once rejected, withdrawn or cancelled nothing more is accepted, and a change or two
		 * tried there is enough.
		 */
		boolean over() throws Exception {
			return ENDED.contains(JsonPath.<String>read(read(), "$.status")) && random.nextInt(3) != 0;
		}

		String submit() throws Exception {
			String answer = expect(201, send("trader.chip",
					post("/api/v1/declarations").header("Idempotency-Key", "histories-" + SEED + "-" + n + "-"
							+ UUID.randomUUID()), body(null)));
			id = JsonPath.read(answer, "$.id");
			return "history " + n + ": " + (perfume ? "perfume " : "") + (laptops ? laptopCount + " laptops " : "")
					+ "→ " + JsonPath.read(answer, "$.status") + " " + JsonPath.read(answer, "$.tasks[*].status");
		}

		Change change() throws Exception {
			String before = read();
			Attempt first = attempt(before);
			if (random.nextInt(6) != 0) {
				MockHttpServletResponse answer = first.send();
				return new Change(first.what(), answer.getStatus(), code(answer), before, read(),
						first.amendment() && answer.getStatus() < 400);
			}
			// Now and then two people act at the same instant on what they both read (an officer deciding while the
			// trader amends or withdraws, customs paying while it cancels): whichever the platform takes first, the
			// other is taken on what that left or refused, never half of each. Which one wins is the threads' luck,
			// so a seed repeats such a history only as far as its first race.
			Attempt second = attempt(before);
			List<MockHttpServletResponse> answers = AtOneInstant.both(first::send, second::send);
			int a = answers.get(0).getStatus();
			int b = answers.get(1).getStatus();
			return new Change(first.what() + " ‖ " + second.what(), Math.max(a, b) >= 500 ? Math.max(a, b)
					: Math.min(a, b), code(answers.get(0)) + " ‖ " + code(answers.get(1)), before, read(),
					first.amendment() && a < 400 || second.amendment() && b < 400);
		}

		/** One change drawn for the declaration as read, not sent yet. */
		private Attempt attempt(String before) {
			String status = JsonPath.read(before, "$.status");
			int version = JsonPath.read(before, "$.version");
			boolean open = Set.of("UNDER_REVIEW", "QUERIED").contains(status);
			// Mostly what the declaration's stage invites, so that histories reach customs' side; the rest at random,
			// which is mostly refused.
			int kind = random.nextInt(5) == 0 ? random.nextInt(12)
					: status.equals("QUERIED") ? pick(1, 1, 1, 0, 2, 3)
					: open ? pick(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 3, 11) : pick(4, 4, 4, 5, 5, 6, 7, 8, 9, 10);
			String what;
			Attempt request;
			switch (kind) {
				case 0 -> {
					List<Map<String, Object>> tasks = JsonPath.read(before, "$.tasks[*]");
					List<Map<String, Object>> pending = JsonPath.read(before, "$.tasks[?(@.status == 'PENDING')]");
					List<Map<String, Object>> among = pending.isEmpty() || random.nextInt(6) == 0 ? tasks : pending;
					Map<String, Object> task = among.get(random.nextInt(among.size()));
					String decision = pick("APPROVE", "APPROVE", "APPROVE", "QUERY", "REJECT");
					int read = (Integer) task.get("version") - (random.nextInt(5) == 0 ? 1 : 0);
					String officer = "officer." + ((String) task.get("agency")).toLowerCase(java.util.Locale.ROOT);
					what = officer + " " + decision + " v" + read;
					request = new Attempt(what, officer, post("/api/v1/tasks/" + task.get("id") + "/decision"),
							"{\"decision\":\"%s\",\"reason\":%s,\"version\":%d}".formatted(decision,
									decision.equals("APPROVE") ? "null" : "\"a certificate is missing\"", read));
				}
				case 1 -> {
					List<String> asking = JsonPath.read(before, "$.tasks[?(@.status == 'QUERIED')].agency");
					String agency = asking.isEmpty() || random.nextInt(4) == 0 ? pick("CUSTOMS", "CIQ", "COMMERCE")
							: asking.get(random.nextInt(asking.size()));
					what = "trader answers " + agency;
					request = new Attempt(what, "trader.chip", post("/api/v1/declarations/" + id + "/queries/" + agency + "/answer"),
							"{\"answer\":\"the certificate is attached\"}");
				}
				case 2 -> {
					perfumes = pick(150, 200, 250);
					laptopCount = pick(1, 5, 20, 30);
					int read = version - (random.nextInt(5) == 0 ? 1 : 0);
					what = "trader amends to " + (perfume ? perfumes + " perfumes " : "")
							+ (laptops ? laptopCount + " laptops " : "") + "v" + read;
					request = new Attempt(what, "trader.chip", put("/api/v1/declarations/" + id), body(read));
				}
				case 3 -> {
					what = "trader withdraws";
					request = new Attempt(what, "trader.chip", post("/api/v1/declarations/" + id + "/withdrawal"),
							"{\"reason\":\"not shipped\",\"version\":%d}".formatted(version));
				}
				case 4 -> {
					List<Object> amounts = JsonPath.read(before, "$..duties.amountDue");
					Object due = amounts.isEmpty() || amounts.getFirst() == null ? "100.00" : amounts.getFirst();
					what = "customs records a payment of " + due;
					request = new Attempt(what, "officer.customs", post("/api/v1/declarations/" + id + "/duty-payment"),
							"{\"amount\":%s,\"reference\":\"ICBC-%d\"}".formatted(due, n));
				}
				case 5, 6 -> {
					what = "customs releases";
					request = new Attempt(what, "officer.customs", post("/api/v1/declarations/" + id + "/release"), null);
				}
				case 7 -> {
					what = "customs cancels";
					request = new Attempt(what, "officer.customs", post("/api/v1/declarations/" + id + "/cancellation"),
							"{\"reason\":\"goods returned\",\"version\":%d}".formatted(version));
				}
				case 8 -> {
					what = "trader applies for the cancellation";
					request = new Attempt(what, "trader.chip", post("/api/v1/declarations/" + id + "/cancellation-application"),
							"{\"reason\":\"goods returned\",\"version\":%d}".formatted(version));
				}
				case 9 -> {
					List<String> applied = JsonPath.read(before, "$..cancellationApplication.appliedAt");
					what = "customs refuses the application";
					request = new Attempt(what, "officer.customs",
							post("/api/v1/declarations/" + id + "/cancellation-application/refusal"),
							"{\"reason\":\"shipped\",\"appliedAt\":%s}".formatted(
									applied.isEmpty() ? "null" : "\"" + applied.getFirst() + "\""));
				}
				case 11 -> {
					// The licence is every history's: a suspension stays until a later history reinstates it.
					String act = pick("suspension", "reinstatement");
					what = "commerce: the licence's " + act;
					request = new Attempt(what, "officer.commerce", post("/api/v1/permits/" + permit + "/" + act),
							"{\"reason\":\"supervision\"}");
				}
				default -> {
					String value = pick("5500", "6000", "6500");
					what = "customs corrects line 1 to " + value;
					request = new Attempt(what, "officer.customs", post("/api/v1/declarations/" + id + "/correction"),
							"{\"reason\":\"credit note\",\"lines\":[{\"lineNo\":1,\"value\":%s}],\"version\":%d}"
								.formatted(value, version));
				}
			}
			return request;
		}

		private String read() throws Exception {
			return expect(200, send("trader.chip", get("/api/v1/declarations/" + id), null));
		}

		/** The declaration as submitted, or as amended at {@code version}. */
		private String body(Integer version) {
			List<String> items = new ArrayList<>();
			if (perfume) {
				items.add("""
						{"hsCode":"3303000000","description":"perfume","quantity":%d,"statisticalQuantity":%d,
						 "unit":"C62","value":6000,"origin":"FR"}""".formatted(perfumes, perfumes / 4));
			}
			if (laptops) {
				items.add("""
						{"hsCode":"8471300000","description":"portable computers","quantity":%d,"unit":"C62",
						 "value":%d,"origin":"US","permitNumber":"%s"}""".formatted(laptopCount, 800 * laptopCount,
						permit));
			}
			return """
					{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
					 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":4,
					 "grossWeight":60,"netWeight":50,%s"items":[%s]}""".formatted(
					version == null ? "" : "\"version\":" + version + ",", String.join(",", items));
		}

		@SafeVarargs
		private <T> T pick(T... choices) {
			return choices[random.nextInt(choices.length)];
		}
	}

	/** A change as its sender's software would send it. */
	private final class Attempt {

		private final String what;
		private final String user;
		private final MockHttpServletRequestBuilder request;
		private final String json;

		Attempt(String what, String user, MockHttpServletRequestBuilder request, String json) {
			this.what = what;
			this.user = user;
			this.request = request;
			this.json = json;
		}

		String what() {
			return what;
		}

		boolean amendment() {
			return what.startsWith("trader amends");
		}

		MockHttpServletResponse send() throws Exception {
			return DeclarationHistoriesIntegrationTests.this.send(user, request, json);
		}
	}

	/** A refusal's stable code; none for an answer that is not one. */
	private static String code(MockHttpServletResponse answer) throws Exception {
		String body = answer.getContentAsString(StandardCharsets.UTF_8);
		return answer.getStatus() >= 400 && body.startsWith("{") ? JsonPath.read(body, "$.code") : null;
	}

	private MockHttpServletResponse send(String user, MockHttpServletRequestBuilder request, String json)
			throws Exception {
		request.header("Authorization", "Bearer sw-demo-" + user);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private static String expect(int status, MockHttpServletResponse response) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		return body;
	}
}
