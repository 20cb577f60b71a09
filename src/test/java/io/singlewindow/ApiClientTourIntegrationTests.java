package io.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.singlewindow.client.ApiClient;
import io.singlewindow.client.ApiException;
import io.singlewindow.client.JSON;
import io.singlewindow.client.api.DeclarationsApi;
import io.singlewindow.client.api.EnterprisesApi;
import io.singlewindow.client.model.Application;
import io.singlewindow.client.model.DeclarationDecisionRequest;
import io.singlewindow.client.model.DeclarationReceipt;
import io.singlewindow.client.model.DeclarationRequest;
import io.singlewindow.client.model.DeclarationRequestItem;
import io.singlewindow.client.model.DeclarationStoreQueueEntry;
import io.singlewindow.client.model.DeclarationView;
import io.singlewindow.client.model.DeclarationViewTask;
import io.singlewindow.client.model.Licence;
import io.singlewindow.client.model.Problem;

/**
 * The README's tour, driven by a Java client that the build generates from the checked-in OpenAPI document
 * ({@code docs/openapi.yaml}, openapi-generator's {@code java}/{@code native} client) over real HTTP, as a broker's
 * or trader's software would: register an enterprise, submit a declaration with an Idempotency-Key, read its
 * consolidated status, have an officer key decide a task, and read a bad request's error as a typed problem.
 */
@SingleWindowIntegrationTest
class ApiClientTourIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient client(String apiKey) {
		ApiClient client = new ApiClient().setScheme("http").setHost("localhost").setPort(port);
		if (apiKey != null) {
			client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
		}
		return client;
	}

	@Test
	void aGeneratedClientRegistersDeclaresFollowsAndReadsProblems() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);

		// Register an enterprise: public, no key.
		var registered = new EnterprisesApi(client(null)).enterpriseRegisterWithHttpInfo(new Application()
			.nameZh("厦门鹭岛" + tag + "咖啡贸易有限公司").nameEn("Egret Island " + tag + " Coffee Trading Co., Ltd.")
			.entityType("LIMITED_LIABILITY_COMPANY").legalRepresentative("陈小鹭")
			.registeredCapital(new BigDecimal("2000000")).capitalCurrency("CNY").zoneArea("XIANGYU_BONDED_ZONE")
			.address("象屿路 97 号 " + tag).businessScope(List.of("F5191")).industrialChain("INTEGRATED_CIRCUITS")
			.highTech(false).crossBorderTrader(true).username("egret" + tag).password("s3cret-lantern-47"));
		assertThat(registered.getStatusCode()).isEqualTo(201);
		Licence licence = registered.getData();
		assertThat(licence.getEnterprise().getUscc()).hasSize(18);
		assertThat(registered.getHeaders().get("location")).containsExactly(
				"/api/v1/enterprises/" + licence.getEnterprise().getUscc() + "/licence");

		// Submit a declaration with an Idempotency-Key; the retry answers the same declaration.
		var trader = new DeclarationsApi(client("sw-demo-trader.coffee"));
		String key = "tour-" + UUID.randomUUID();
		var submitted = trader.declarationSubmitWithHttpInfo(roastedCoffee(), key, null);
		assertThat(submitted.getStatusCode()).isEqualTo(201);
		UUID id = idOf(submitted.getData().getActualInstance());
		assertThat(submitted.getHeaders().get("location")).containsExactly("/api/v1/declarations/" + id);
		var retried = trader.declarationSubmitWithHttpInfo(roastedCoffee(), key, "return=minimal");
		assertThat(retried.getStatusCode()).isEqualTo(200);
		assertThat(idOf(retried.getData().getActualInstance())).isEqualTo(id);

		// Its consolidated status and the agencies' tasks.
		DeclarationView declaration = trader.declarationGet(id);
		assertThat(declaration.getStatus()).isNotNull();
		assertThat(declaration.getTasks()).extracting(DeclarationViewTask::getAgency).contains("CIQ");

		// The trader attaches the phytosanitary certificate the inspection needs, as a multipart upload; the officer
		// finds it on the declaration and downloads it unchanged.
		java.nio.file.Path certificate = java.nio.file.Files.createTempFile("phytosanitary-", ".pdf");
		byte[] pdf = "%PDF-1.7\n% phytosanitary certificate VN-2026-0457\n%%EOF\n"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		java.nio.file.Files.write(certificate, pdf);
		// Sent under a key of the client's: sent again after an answer lost, it is answered as the first time.
		String certificateKey = "certificate-" + tag;
		var attached = trader.supportingDocumentAttachWithHttpInfo(id, "INSPECTION_CERTIFICATE", certificateKey,
				certificate.toFile());
		assertThat(attached.getStatusCode()).isEqualTo(201);
		var again = trader.supportingDocumentAttachWithHttpInfo(id, "INSPECTION_CERTIFICATE", certificateKey,
				certificate.toFile());
		assertThat(again.getStatusCode()).isEqualTo(201);
		assertThat(again.getHeaders().get("idempotent-replayed")).containsExactly("true");
		assertThat(again.getData().getId()).isEqualTo(attached.getData().getId());
		assertThat(attached.getData().getMediaType()).isEqualTo("application/pdf");
		var officer = new DeclarationsApi(client("sw-demo-officer.ciq"));
		assertThat(officer.supportingDocumentList(id)).extracting(d -> d.getId())
			.containsExactly(attached.getData().getId());
		java.io.File downloaded = officer.supportingDocumentDownload(id, attached.getData().getId());
		assertThat(java.nio.file.Files.readAllBytes(downloaded.toPath())).isEqualTo(pdf);

		// The inspection officer's key decides the CIQ task from the agency queue.
		DeclarationStoreQueueEntry task = taskOf(officer, "CIQ", id);
		DeclarationView decided = officer.declarationDecide(task.getTaskId(), new DeclarationDecisionRequest()
			.decision(DeclarationDecisionRequest.DecisionEnum.APPROVE).version(task.getVersion()), null);
		assertThat(decided.getTasks()).filteredOn(t -> t.getAgency().equals("CIQ"))
			.extracting(t -> t.getStatus().getValue()).containsExactly("APPROVED");
		assertThat(trader.declarationGet(id).getTasks()).filteredOn(t -> t.getAgency().equals("CIQ"))
			.extracting(DeclarationViewTask::getDecidedBy).containsExactly("officer.ciq");

		// A bad request: the client reads the error as a typed problem.
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> trader.declarationSubmit(roastedCoffee().items(List.of(new DeclarationRequestItem()
					.hsCode("9999990000").description("unknown goods").quantity(BigDecimal.ONE).unit("KGM")
					.value(BigDecimal.TEN).origin("VN"))), null, null));
		assertThat(refused.getCode()).isEqualTo(422);
		Problem problem = JSON.getDefault().getMapper().readValue(refused.getResponseBody(), Problem.class);
		assertThat(problem.getCode()).isEqualTo("INVALID_INPUT");
		assertThat(problem.getField()).isEqualTo("items[0].hsCode");
		assertThat(problem.getErrors()).extracting(e -> e.getField() + ":" + e.getCode())
			.containsExactly("items[0].hsCode:HS_CODE_UNKNOWN");
	}

	static DeclarationRequest roastedCoffee() {
		return new DeclarationRequest().flow("IMPORT").tradeMode("0110").transportMode("2").port("CNXMN")
			.originCountry("VN").tradingCountry("VN").currency("USD").incoterm("CIF").packages(2)
			.grossWeight(new BigDecimal("12")).netWeight(new BigDecimal("10"))
			.items(List.of(new DeclarationRequestItem().hsCode("0901210000").description("roasted coffee")
				.quantity(new BigDecimal("10")).unit("KGM").value(new BigDecimal("90")).origin("VN")));
	}

	static UUID idOf(Object answer) {
		return answer instanceof DeclarationView view ? view.getId() : ((DeclarationReceipt) answer).getId();
	}

	/**
	 * The task of the declaration in the agency's queue, read page by page as a client does: the next page's cursor
	 * from the {@code Link} header (oldest tasks first, so a new declaration's task is on the last page).
	 */
	private static DeclarationStoreQueueEntry taskOf(DeclarationsApi officer, String agency, UUID declaration)
			throws ApiException {
		String cursor = null;
		do {
			var page = officer.declarationQueueWithHttpInfo(agency, 500, cursor);
			var found = page.getData().stream().filter(entry -> entry.getDeclarationId().equals(declaration)).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			cursor = page.getHeaders().getOrDefault("Link", page.getHeaders().getOrDefault("link", List.of())).stream()
				.map(link -> java.util.regex.Pattern.compile("[?&]cursor=([^&>]+)").matcher(link))
				.filter(java.util.regex.Matcher::find).map(m -> m.group(1)).findFirst().orElse(null);
		} while (cursor != null);
		throw new AssertionError("no task of " + declaration + " in the queue of " + agency);
	}
}
