package io.singlewindow.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MvcResult;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract test: a real answer of the REST API — success or error — is checked against what the checked-in
 * OpenAPI document ({@code docs/openapi.yaml}) says that operation answers: the status is documented, the content
 * type is documented, the body validates against the documented JSON schema, and a problem's {@code code} is one of
 * the codes documented for that status. {@link Configuration} applies it to every {@code /api/} call any integration
 * test makes through MockMvc, so each test that calls the API is also a contract test of what it calls.
 *
 * <p>
 * A {@code null} property is read as an absent one (the conventions say so to clients): the document marks which
 * properties are required, not which may be null.
 */
public final class ApiContract {

	public static final ApiContract DOCUMENT = load(Path.of("docs/openapi.yaml"));

	private final JsonNode document;
	private final List<Operation> paths;
	private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
	private final Map<String, Schema> cache = new ConcurrentHashMap<>();
	private final JsonMapper json = JsonMapper.builder().build();

	private record Operation(String template, Pattern pattern, int variables) {
	}

	private ApiContract(JsonNode document) {
		this.document = document;
		List<Operation> list = new ArrayList<>();
		for (String template : document.get("paths").propertyNames()) {
			String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
			list.add(new Operation(template, Pattern.compile(regex),
					(int) template.chars().filter(c -> c == '{').count()));
		}
		// A literal path (/declarations/recorded, /tables/{table}.csv) wins over a template that would also match it.
		list.sort(Comparator.comparingInt(Operation::variables)
			.thenComparing(Comparator.comparingInt((Operation o) -> o.template().length()).reversed()));
		this.paths = List.copyOf(list);
	}

	static ApiContract load(Path file) {
		try {
			return new ApiContract(YAMLMapper.builder().build().readTree(Files.readString(file)));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * What in this answer the document does not describe; empty when the answer keeps the contract.
	 *
	 * @param header the answer's value of a header by its name, {@literal null} when it has none
	 */
	public List<String> violations(String method, String uri, int status, Function<String, String> header,
			String contentType, String body) {
		String path = uri.replaceFirst("[?#].*$", "");
		String where = method + " " + path + " → " + status;
		var template = paths.stream().filter(o -> o.pattern().matcher(path).matches()).findFirst();
		if (template.isEmpty()) {
			// An address that is no operation at all answers 404 NOT_FOUND (ProblemResponsesIntegrationTests), or 400
			// MALFORMED_REQUEST when the firewall refuses it before any operation (an empty segment: /permits//x).
			return status == 404 || status == 400 ? List.of() : List.of(where + ": the path is not in the document");
		}
		JsonNode operation = document.get("paths").get(template.get().template()).get(method.toLowerCase(Locale.ROOT));
		if (operation == null) {
			// Spring answers 405 METHOD_NOT_ALLOWED itself for a method a path does not have.
			return status == 405 ? List.of() : List.of(where + ": the method is not in the document");
		}
		JsonNode response = operation.path("responses").get(String.valueOf(status));
		if (response == null) {
			return List.of(where + ": status not documented; documented: " + operation.path("responses").propertyNames());
		}
		List<String> violations = new ArrayList<>();
		// A header the document marks required (Location of a 201 or a 202) is one a client may rely on.
		for (var named : response.path("headers").properties()) {
			if (named.getValue().path("required").asBoolean(false) && header.apply(named.getKey()) == null) {
				violations.add(where + ": no " + named.getKey() + " header, which the document requires");
			}
		}
		JsonNode content = response.get("content");
		if (body == null || body.isEmpty()) {
			return violations;
		}
		if (content == null) {
			violations.add(where + ": a body where the document has none");
			return violations;
		}
		String mediaType = contentType == null ? "" : contentType.replaceFirst(";.*$", "").strip();
		String documented = content.has(mediaType) ? mediaType : content.has("*/*") ? "*/*" : null;
		if (documented == null) {
			violations.add(where + ": content type " + mediaType + " not documented; documented: "
					+ content.propertyNames());
			return violations;
		}
		if (!mediaType.endsWith("json")) {
			return violations;
		}
		JsonNode answer = withoutNulls(json.readTree(body));
		String pointer = "/paths/" + escape(template.get().template()) + "/" + method.toLowerCase(Locale.ROOT)
				+ "/responses/" + status + "/content/" + escape(documented) + "/schema";
		schema(pointer, content.get(documented).get("schema")).validate(answer)
			.forEach(error -> violations.add(where + ": " + error));
		if (answer.has("code") && status >= 400) {
			// A refusal's code must be one the operation declares for that status (its @Refuses, or the platform's).
			JsonNode codes = response.get("x-problem-codes");
			String code = answer.get("code").asString();
			boolean listed = false;
			for (JsonNode c : codes == null ? json.createArrayNode() : codes) {
				listed |= c.asString().equals(code);
			}
			if (!listed) {
				violations.add(where + ": code " + code + " is not among the codes documented for this operation "
						+ (codes == null ? "(none)" : codes));
			}
		}
		return violations;
	}

	private Schema schema(String key, JsonNode schema) {
		return cache.computeIfAbsent(key, k -> {
			// The operation's schema with the document's components beside it, so its "#/components/…" refs resolve.
			ObjectNode root = ((ObjectNode) schema.deepCopy());
			root.set("components", document.get("components"));
			return schemas.getSchema(SchemaLocation.of("https://singlewindow.example/contract" + k.hashCode()), root);
		});
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	private static JsonNode withoutNulls(JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = object.objectNode();
			object.properties().forEach(e -> {
				if (!e.getValue().isNull()) {
					copy.set(e.getKey(), withoutNulls(e.getValue()));
				}
			});
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = array.arrayNode();
			array.forEach(item -> copy.add(withoutNulls(item)));
			return copy;
		}
		return node;
	}

	/** Fails the MockMvc call of any integration test whose {@code /api/} answer breaks the contract. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		MockMvcBuilderCustomizer apiContract() {
			return builder -> builder.alwaysDo(ApiContract::check);
		}
	}

	static void check(MvcResult result) throws Exception {
		var request = result.getRequest();
		if (!request.getRequestURI().startsWith("/api/")) {
			return;
		}
		var response = result.getResponse();
		List<String> violations = DOCUMENT.violations(request.getMethod(), request.getRequestURI(), response.getStatus(),
				response::getHeader, response.getContentType(), response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		if (!violations.isEmpty()) {
			throw new AssertionError("The answer breaks the OpenAPI contract (docs/openapi.yaml):\n  "
					+ String.join("\n  ", violations) + "\nBody: " + abbreviate(response.getContentAsString()));
		}
	}

	private static String abbreviate(String body) {
		return body.length() > 600 ? body.substring(0, 600) + "…" : body;
	}
}
