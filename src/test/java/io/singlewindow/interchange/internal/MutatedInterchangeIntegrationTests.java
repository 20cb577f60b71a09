package io.singlewindow.interchange.internal;

import static io.singlewindow.interchange.internal.CusdecFixtures.aCusdec;
import static io.singlewindow.interchange.internal.CusdecFixtures.anInterchange;
import static io.singlewindow.interchange.internal.WcoFixtures.aWcoDeclaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.singlewindow.SingleWindowIntegrationTest;

/**
 * The mutations of {@link MutatedMessagesUnitTests} sent through {@code POST /api/v1/interchanges}, so that what a
 * reader lets through meets validation, the submission and the answer's writer: every variant is answered with a
 * CUSRES or CONTRL (EDIFACT) or a WCO response that reads back without errors, or refused with problem+json and a
 * code; never a 5xx. Whatever a message echoes back (a value in error, a reference) must not break the answer.
 */
@SingleWindowIntegrationTest
class MutatedInterchangeIntegrationTests {

	static final long SEED = Long.getLong("fuzz.seed", 20261202L) + 1;

	static final int TRIES = Integer.getInteger("fuzz.interchangeTries", 150);

	@Autowired
	MockMvc mvc;

	@Test
	void aMutatedCusdecInterchangeIsAnsweredInEdifactOrRefusedWithACode() throws Exception {
		String run = InterchangeIntegrationTests.run();
		// A control reference of its own for each: the same one with other content is answered 409 as a duplicate.
		IntFunction<byte[]> valid = number -> anInterchange("M" + number + run).with(
				aCusdec("1").clientReference("m1-" + number + run), aCusdec("2").clientReference("m2-" + number + run))
			.text().getBytes(StandardCharsets.UTF_8);

		everyVariantOf(valid, InterchangeApi.EDIFACT, answer -> {
			EdifactReadBack read = EdifactReadBack.read(answer);
			assertThat(read.errors).as("the answer as EDIFACT").isEmpty();
		});
	}

	@Test
	void aMutatedWcoDeclarationIsAnsweredInXmlOrRefusedWithACode() throws Exception {
		String run = InterchangeIntegrationTests.run();
		IntFunction<byte[]> valid = number -> aWcoDeclaration("MW-" + number + "-" + run).text()
			.getBytes(StandardCharsets.UTF_8);

		everyVariantOf(valid, MediaType.APPLICATION_XML_VALUE, WcoReadBack::read);
	}

	@Test
	void aMutatedCancellationIsAnsweredInXmlOrRefusedWithACode() throws Exception {
		String run = InterchangeIntegrationTests.run();
		String number = com.jayway.jsonpath.JsonPath.read(submittedAsWco("MC-" + run), "$.number");
		// Each variant names the same declaration: the first one taken withdraws it, the others meet it withdrawn.
		IntFunction<byte[]> valid = number2 -> WcoFixtures.aCancellation("MC-" + number2 + "-" + run, number,
				"Sent twice by our software").bytes();

		everyVariantOf(valid, MediaType.APPLICATION_XML_VALUE, WcoReadBack::read);
	}

	/**
	 * An amendment of a declaration cleared before: each variant taken is the declarant's application for a correction
	 * of a value (the first made, the same again answered as it, another refused while it waits) or refused where it
	 * changes more; the comparison with the stored declaration meets whatever validation let through.
	 */
	@Test
	void aMutatedAmendmentOfAClearedDeclarationIsAnsweredInXmlOrRefusedWithACode() throws Exception {
		String run = InterchangeIntegrationTests.run();
		String stored = submittedAsWco("MA-" + run);
		InterchangeIntegrationTests.clearedByEveryAgency(mvc, stored);
		String number = com.jayway.jsonpath.JsonPath.read(stored, "$.number");
		IntFunction<byte[]> valid = n -> WcoFixtures.anAmendment("MA-" + n + "-" + run, number, "Credit note CN-" + n % 3)
			.replacingLast(">4000</ItemChargeAmount>", ">3650.50</ItemChargeAmount>").bytes();

		everyVariantOf(valid, MediaType.APPLICATION_XML_VALUE, WcoReadBack::read);
	}

	@Test
	void aMutatedCusdecCancellationOrReplacementIsAnsweredInEdifactOrRefusedWithACode() throws Exception {
		String run = InterchangeIntegrationTests.run();
		EdifactReadBack submitted = EdifactReadBack.read(mvc.perform(post("/api/v1/interchanges")
			.header("Authorization", InterchangeIntegrationTests.TRADER).contentType(InterchangeApi.EDIFACT)
			.content(anInterchange("MX" + run).with(aCusdec("1").clientReference("mx-" + run),
					aCusdec("2").clientReference("mz-" + run)).text().getBytes(StandardCharsets.UTF_8)))
			.andReturn().getResponse().getContentAsByteArray());
		List<String> numbers = submitted.all("RFF").stream().filter(r -> r.startsWith("RFF+ABT:"))
			.map(r -> r.substring(8)).toList();
		String cleared = EdifactReadBack.read(mvc.perform(post("/api/v1/interchanges")
			.header("Authorization", InterchangeIntegrationTests.TRADER).contentType(InterchangeApi.EDIFACT)
			.content(anInterchange("MV" + run).with(aCusdec("1").clientReference("mv-" + run)).text()
				.getBytes(StandardCharsets.UTF_8)))
			.andReturn().getResponse().getContentAsByteArray()).all("RFF").stream()
			.filter(r -> r.startsWith("RFF+ZID:")).findFirst().orElseThrow().substring(8);
		String clearedJson = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/declarations/" + InterchangeIntegrationTests.uuid(cleared))
			.header("Authorization", InterchangeIntegrationTests.TRADER))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		InterchangeIntegrationTests.clearedByEveryAgency(mvc, clearedJson);
		String clearedNumber = com.jayway.jsonpath.JsonPath.read(clearedJson, "$.number");
		// Each variant names the same three declarations, beside a declaration of its own: the first cancellation taken
		// withdraws the first, the others meet it withdrawn; each replacement taken amends the second again; the
		// replacement of the cleared third applies for the correction of a value (then is the same application again,
		// or another one refused while it waits).
		IntFunction<byte[]> valid = n -> anInterchange("MY" + n + run).with(
				aCusdec("1").cancelling(numbers.get(0), "Sent twice: by our software"),
				aCusdec("2").clientReference("my-" + n + run),
				aCusdec("3").function("5").withHeader("RFF+ABT:" + numbers.get(1)),
				aCusdec("4").function("5").withHeader("FTX+ACD+++Credit note CN-" + n % 3)
					.withHeader("RFF+ABT:" + clearedNumber).replacing("MOA+38:4000", "MOA+38:3650.50"))
			.text().getBytes(StandardCharsets.UTF_8);

		everyVariantOf(valid, InterchangeApi.EDIFACT, answer -> {
			EdifactReadBack read = EdifactReadBack.read(answer);
			assertThat(read.errors).as("the answer as EDIFACT").isEmpty();
		});
	}

	/** A WCO DM declaration submitted under {@code reference}, as the API shows it. */
	private String submittedAsWco(String reference) throws Exception {
		String declaration = mvc.perform(post("/api/v1/interchanges").header("Authorization",
				InterchangeIntegrationTests.TRADER).contentType(MediaType.APPLICATION_XML)
			.content(aWcoDeclaration(reference).bytes())).andReturn().getResponse().getHeader("Location");
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(declaration)
				.header("Authorization", InterchangeIntegrationTests.TRADER))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private void everyVariantOf(IntFunction<byte[]> valid, String contentType, Consumer<byte[]> readBack) throws Exception {
		SplittableRandom random = new SplittableRandom(SEED);
		List<String> failures = new ArrayList<>();
		for (int number = 1; number <= TRIES; number++) {
			byte[] body = MutatedMessagesUnitTests.mutated(valid.apply(number), random);
			MockHttpServletResponse answer;
			try {
				answer = mvc.perform(post("/api/v1/interchanges")
					.header("Authorization", InterchangeIntegrationTests.TRADER).contentType(contentType).content(body))
					.andReturn().getResponse();
			}
			catch (AssertionError contractBroken) {
				// The shared MockMvc checks every answer against docs/openapi.yaml (a 500 is not in it).
				failures.add("variant #%d of seed %d: %s; body (hex)=%s".formatted(number, SEED,
						contractBroken.getMessage(), HexFormat.of().formatHex(body)));
				continue;
			}
			String wrong = wrongIn(answer, readBack);
			if (wrong != null) {
				failures.add("variant #%d of seed %d: %d %s (%s); body (hex)=%s".formatted(number, SEED,
						answer.getStatus(), wrong, answer.getContentAsString(StandardCharsets.UTF_8),
						HexFormat.of().formatHex(body)));
			}
		}
		assertThat(failures).as("%s variants answered wrongly, of %d", contentType, TRIES).isEmpty();
	}

	private static String wrongIn(MockHttpServletResponse answer, Consumer<byte[]> readBack) throws Exception {
		int status = answer.getStatus();
		if (status >= 500) {
			return "a server error";
		}
		if (status >= 400 && String.valueOf(answer.getContentType()).startsWith("application/problem+json")) {
			return answer.getContentAsString(StandardCharsets.UTF_8).contains("\"code\"") ? null
					: "a refusal without a code";
		}
		// Else an answer in the standard's own terms, a refusal too (409: a CONTRL rejecting a reused reference).
		try {
			readBack.accept(answer.getContentAsByteArray());
			return null;
		}
		catch (AssertionError | RuntimeException e) {
			return "an answer that does not read back: " + e;
		}
	}
}
