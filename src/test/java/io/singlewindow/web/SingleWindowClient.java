package io.singlewindow.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

/**
 * The REST API as the browser tests' other actors use it: a trader submits, officers decide, each with their demo
 * API key. Keeps the browser for the person whose screen the test is about.
 */
public final class SingleWindowClient {

	private final HttpClient http = HttpClient.newHttpClient();
	private final String baseUrl;

	public SingleWindowClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** A perfume import by the trader's enterprise: routed to customs and to inspection and quarantine. Its id. */
	public String submitPerfumeImport(String trader) throws IOException, InterruptedException {
		String body = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"FR",
				 "destinationCountry":"CN","tradingCountry":"FR","currency":"EUR","incoterm":"CIF","packages":4,
				 "grossWeight":60,"netWeight":50,"items":[{"hsCode":"3303000000","description":"perfume","quantity":200,
				 "statisticalQuantity":50,
				 "unit":"C62","value":6000,"origin":"FR"}]}""";
		return JsonPath.read(send(trader, "POST", "/api/v1/declarations", body), "$.id");
	}

	/** Portable computers under the enterprise's automatic import licence: commerce approves by writing it off. Its id. */
	public String submitComputersUnderLicence(String trader, String permitNumber) throws IOException, InterruptedException {
		String body = """
				{"flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN","originCountry":"US",
				 "destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF","packages":1,
				 "grossWeight":12,"netWeight":10,"items":[{"hsCode":"8471300000","description":"portable computers",
				 "quantity":1,"unit":"C62","value":800,"origin":"US","permitNumber":"%s"}]}""".formatted(permitNumber);
		return JsonPath.read(send(trader, "POST", "/api/v1/declarations", body), "$.id");
	}

	/**
	 * A permit of a commerce catalogue entry with a quantity quota and two documents ({@code AIL} with goods
	 * {@code 8471300000}, {@code EXPORT_LICENCE} with {@code 2611000000}) applied for by the trader for its
	 * enterprise: commerce reviews it. Its id.
	 */
	public String applyForCommercePermit(String trader, String uscc, String code, String goods)
			throws IOException, InterruptedException {
		String body = """
				{"catalogueCode":"%s","applicant":"%s","scope":"goods for resale","goods":["%s"],
				 "requestedQuantity":10,"documents":["Contract","Application form"]}""".formatted(code, uscc, goods);
		return JsonPath.read(send(trader, "POST", "/api/v1/permit-applications", body), "$.id");
	}

	/** Decides the agency's task on the declaration as that agency's demo officer. */
	public void decide(String declarationId, String agency, String decision, String reason)
			throws IOException, InterruptedException {
		String officer = "officer." + agency.toLowerCase(java.util.Locale.ROOT);
		String declaration = send(officer, "GET", "/api/v1/declarations/" + declarationId, null);
		List<Map<String, Object>> tasks = JsonPath.read(declaration, "$.tasks[?(@.agency == '" + agency + "')]");
		Map<String, Object> task = tasks.getFirst();
		send(officer, "POST", "/api/v1/tasks/" + task.get("id") + "/decision", "{\"decision\":\"" + decision
				+ "\",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"") + ",\"version\":" + task.get("version") + "}");
	}

	/** Approves every task still pending, agency by agency, so that the declaration is cleared. */
	public void approveAllPending(String declarationId) throws IOException, InterruptedException {
		String declaration = send("officer.customs", "GET", "/api/v1/declarations/" + declarationId, null);
		List<String> pending = JsonPath.read(declaration, "$.tasks[?(@.status == 'PENDING')].agency");
		for (String agency : pending) {
			decide(declarationId, agency, "APPROVE", null);
		}
	}

	/** Customs records the payment of the whole amount due today, as the bank would report it. */
	public void payDuties(String declarationId) throws IOException, InterruptedException {
		Object due = JsonPath.read(send("officer.customs", "GET", "/api/v1/declarations/" + declarationId, null),
				"$.duties.amountDue");
		send("officer.customs", "POST", "/api/v1/declarations/" + declarationId + "/duty-payment",
				"{\"amount\":" + due + ",\"reference\":\"ICBC-" + declarationId.substring(0, 8) + "\"}");
	}

	/** Customs records the payment of the duties and releases the goods of a cleared declaration. */
	public void payDutiesAndRelease(String declarationId) throws IOException, InterruptedException {
		payDuties(declarationId);
		send("officer.customs", "POST", "/api/v1/declarations/" + declarationId + "/release", null);
	}

	/** The declared value of one line, in the declaration's currency. */
	public java.math.BigDecimal value(String declarationId, int lineNo) throws IOException, InterruptedException {
		List<Object> values = JsonPath.read(send("officer.customs", "GET", "/api/v1/declarations/" + declarationId, null),
				"$.items[?(@.lineNo == " + lineNo + ")].value");
		return new java.math.BigDecimal(values.getFirst().toString());
	}

	/** Customs corrects one line's declared value of a cleared or released declaration. */
	public void correct(String declarationId, int lineNo, java.math.BigDecimal value, String reason)
			throws IOException, InterruptedException {
		send("officer.customs", "POST", "/api/v1/declarations/" + declarationId + "/correction", "{\"reason\":\""
				+ reason + "\",\"lines\":[{\"lineNo\":" + lineNo + ",\"value\":" + value.toPlainString() + "}]}");
	}

	public String number(String declarationId) throws IOException, InterruptedException {
		return JsonPath.read(send("officer.customs", "GET", "/api/v1/declarations/" + declarationId, null), "$.number");
	}

	public String status(String declarationId) throws IOException, InterruptedException {
		return JsonPath.read(send("officer.customs", "GET", "/api/v1/declarations/" + declarationId, null), "$.status");
	}

	private String send(String user, String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", "Bearer sw-demo-" + user)
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(user + " " + method + " " + path + " → " + response.statusCode() + " "
					+ response.body());
		}
		return response.body();
	}
}
