package io.singlewindow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.singlewindow.SingleWindowIntegrationTest;
import io.singlewindow.core.PublicPath;
import io.singlewindow.core.Refuses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * The OpenAPI document clients are generated from: the checked-in {@code docs/openapi.yaml} is exactly what the
 * platform serves, it passes the OpenAPI validator, and it keeps the rules a standard linter's recommended set checks
 * (every operation has an id, a summary, a tag, a success and a 4xx answer, defined security, declared path
 * parameters; info with licence and contact).
 */
@SingleWindowIntegrationTest
class ApiDocumentIntegrationTests {

	static final Path CHECKED_IN = Path.of("docs/openapi.yaml");
	static final String REGENERATE = "mvn -B verify -Dtest=ApiDocumentIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false "
			+ "-Dopenapi.update=true";

	@Autowired
	MockMvc mvc;

	@Autowired
	List<PublicPath> publicPaths;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping routes;

	String live() throws Exception {
		// Checked first, or -Dopenapi.update=true would write an error's body over the document.
		return mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * Each node answers the document as it first wrote it (platform/internal/ApiDocumentAnswers), which holds only
	 * while the document is the same for every caller: written afresh by springdoc for other languages and another
	 * host, it is the one kept.
	 */
	@Test
	void theDocumentIsTheSameWhoeverAsks(@Autowired org.springdoc.webmvc.api.OpenApiWebMvcResource springdoc)
			throws Exception {
		String kept = live();
		for (String language : new String[] { "zh-CN", "en", "fr" }) {
			var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/v3/api-docs.yaml");
			request.setScheme("https");
			request.setServerName("gateway.example");
			request.setServerPort(8443);
			request.addHeader("Accept-Language", language);
			assertThat(new String(springdoc.openapiYaml(request, "/v3/api-docs", java.util.Locale.forLanguageTag(language)),
					StandardCharsets.UTF_8)).as(language).isEqualTo(kept);
		}
	}

	@Test
	void theCheckedInDocumentIsTheOneThePlatformServes() throws Exception {
		String live = live();
		if (Boolean.getBoolean("openapi.update")) {
			Files.writeString(CHECKED_IN, live);
		}
		assertThat(Files.readString(CHECKED_IN))
			.as("docs/openapi.yaml differs from GET /v3/api-docs.yaml; regenerate it with: " + REGENERATE)
			.isEqualTo(live);
	}

	@Test
	void theDocumentDescribesTheApiNotTheGenerator() throws Exception {
		OpenAPI api = parse(live());
		assertThat(api.getInfo().getTitle()).isEqualTo("Single Window API");
		assertThat(api.getInfo().getVersion()).isNotEqualTo("v0").doesNotContain("@");
		assertThat(api.getInfo().getLicense().getName()).isNotBlank();
		assertThat(api.getInfo().getContact().getEmail()).isNotBlank();
		assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly("/");
		assertThat(api.getComponents().getSecuritySchemes()).containsKey("apiKey");
	}

	@Test
	void theConventionsAreDocumentedOnceInBothPlaces() throws Exception {
		String conventions = Files.readString(Path.of("src/main/resources/api/conventions.md"));
		assertThat(parse(live()).getInfo().getDescription()).isEqualTo(conventions);
		assertThat(Files.readString(Path.of("docs/api.md"))).as("docs/api.md ends with src/main/resources/api/conventions.md")
			.endsWith(conventions);
	}

	@Test
	void theDocumentPassesTheValidatorAndTheRecommendedRules() throws Exception {
		var result = new OpenAPIV3Parser().readContents(live(), null, options());
		assertThat(result.getMessages()).as("OpenAPI validator").isEmpty();
		assertThat(recommendedRuleViolations(result.getOpenAPI())).isEmpty();
	}

	@Test
	void onlyTheOpenPathsGoWithoutAnApiKey() throws Exception {
		OpenAPI api = parse(live());
		AntPathMatcher matcher = new AntPathMatcher();
		List<String> open = new ArrayList<>();
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getSecurity() != null && operation.getSecurity().isEmpty()) {
				open.add(method + " " + path);
				assertThat(publicPaths).as(method + " " + path + " is documented public but the API closes it")
					.anyMatch(p -> matcher.match(p.pattern(), path));
			}
		}));
		assertThat(open).containsExactlyInAnyOrder("POST /api/v1/enterprises", "GET /api/v1/business-activities",
				"GET /api/v1/licences/{uscc}", "GET /api/v1/permit-checks/{number}");
	}

	/**
	 * Every REST operation says which codes it refuses with ({@link Refuses}, bare when none of its own), so that its
	 * documented 403/404/409 answers are its own and not a list shared by all; {@link ApiContract} then fails any
	 * answer whose code the operation did not declare.
	 */
	@Test
	void everyOperationDeclaresItsRefusals() {
		List<String> undeclared = new ArrayList<>();
		routes.getHandlerMethods().forEach((mapping, handler) -> {
			boolean api = mapping.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
			if (api && !handler.hasMethodAnnotation(Refuses.class)) {
				undeclared.add(mapping.getMethodsCondition().getMethods() + " " + mapping.getPatternValues() + " "
						+ handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
			}
		});
		assertThat(undeclared).as("REST operations without @Refuses").isEmpty();
	}

	@Test
	void anOperationDocumentsOnlyTheRefusalsItDeclares() throws Exception {
		OpenAPI api = parse(live());
		var publicList = api.getPaths().get("/api/v1/business-activities").getGet().getResponses();
		assertThat(publicList).doesNotContainKeys("404", "409");
		// the one 403 every operation shares: a key whose account must still choose its own password
		assertThat(publicList.get("403").getExtensions().get("x-problem-codes"))
			.isEqualTo(List.of("PASSWORD_CHANGE_REQUIRED"));
		var queue = api.getPaths().get("/api/v1/agencies/{agency}/tasks").getGet().getResponses().get("403");
		assertThat(queue.getExtensions().get("x-problem-codes"))
			.isEqualTo(List.of("PASSWORD_CHANGE_REQUIRED", "NOT_AUTHORISED_FOR_AGENCY"));
		// …but who the key stands for and its password, which such an account calls to choose its own
		assertThat(api.getPaths().get("/api/v1/me").getGet().getResponses()).doesNotContainKey("403");
		assertThat(api.getPaths().get("/api/v1/me/password").getPut().getResponses()).doesNotContainKey("403");
	}

	static OpenAPI parse(String yaml) {
		return new OpenAPIV3Parser().readContents(yaml, null, options()).getOpenAPI();
	}

	static ParseOptions options() {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		return options;
	}

	private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

	/** The error-level rules of Redocly's "recommended" ruleset that apply to this document. */
	static List<String> recommendedRuleViolations(OpenAPI api) {
		List<String> violations = new ArrayList<>();
		if (api.getInfo().getLicense() == null || api.getInfo().getLicense().getUrl() == null
				&& api.getInfo().getLicense().getIdentifier() == null) {
			violations.add("info-license-url: the licence needs a url or an SPDX identifier");
		}
		Set<String> operationIds = new HashSet<>();
		Set<String> declaredTags = new HashSet<>();
		if (api.getTags() != null) {
			api.getTags().forEach(t -> declaredTags.add(t.getName()));
		}
		Set<String> schemes = api.getComponents().getSecuritySchemes() == null ? Set.of()
				: api.getComponents().getSecuritySchemes().keySet();
		for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
				Operation op = entry.getValue();
				String where = entry.getKey() + " " + path.getKey();
				if (op.getOperationId() == null || !operationIds.add(op.getOperationId())) {
					violations.add("operation-operationId-unique: " + where + " " + op.getOperationId());
				}
				if (op.getSummary() == null || op.getSummary().isBlank()) {
					violations.add("operation-summary: " + where);
				}
				if (op.getTags() == null || op.getTags().isEmpty()) {
					violations.add("operation-tag-defined: " + where + " has no tag");
				} else {
					op.getTags().stream().filter(t -> !declaredTags.contains(t))
						.forEach(t -> violations.add("operation-tag-defined: " + where + " tag " + t));
				}
				var codes = op.getResponses() == null ? Set.<String>of() : op.getResponses().keySet();
				if (codes.stream().noneMatch(c -> c.startsWith("2") || c.startsWith("3"))) {
					violations.add("operation-2xx-response: " + where);
				}
				if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
					violations.add("operation-4xx-response: " + where);
				}
				var security = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
				if (security == null) {
					violations.add("security-defined: " + where);
				} else {
					security.forEach(requirement -> requirement.keySet().stream().filter(s -> !schemes.contains(s))
						.forEach(s -> violations.add("security-defined: " + where + " unknown scheme " + s)));
				}
				Set<String> declared = new HashSet<>();
				List<Parameter> parameters = new ArrayList<>();
				if (path.getValue().getParameters() != null) {
					parameters.addAll(path.getValue().getParameters());
				}
				if (op.getParameters() != null) {
					parameters.addAll(op.getParameters());
				}
				Set<String> unique = new HashSet<>();
				for (Parameter p : parameters) {
					if (!unique.add(p.getIn() + ":" + p.getName())) {
						violations.add("operation-parameters-unique: " + where + " " + p.getName());
					}
					if ("path".equals(p.getIn())) {
						declared.add(p.getName());
					}
				}
				Matcher m = PATH_PARAMETER.matcher(path.getKey());
				while (m.find()) {
					if (!declared.remove(m.group(1))) {
						violations.add("path-parameters-defined: " + where + " {" + m.group(1) + "}");
					}
				}
				declared.forEach(d -> violations.add("path-parameters-defined: " + where + " declares unused " + d));
			}
		}
		return violations;
	}
}
