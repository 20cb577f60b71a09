package io.singlewindow.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import io.singlewindow.core.PageRequest;
import io.singlewindow.core.Refuses;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document at {@code /v3/api-docs} is the contract brokers' and traders' software is generated from:
 * title, release version, conventions, the bearer API key on every operation that needs one, and every refusal as
 * problem+json with the stable codes the operation can answer. The codes come from each operation's {@link Refuses}
 * plus the ones the platform answers for every operation, so they are written once, in code.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

	static final String API_KEY = "apiKey";
	static final String PROBLEM = "Problem";
	static final String PROBLEM_JSON = "application/problem+json";
	/** The codes an operation can answer per status, for clients and for the contract test. */
	static final String CODES = "x-problem-codes";

	static {
		// Free JSON (the audit trail's before/after) is any object to a client, not Jackson's node class.
		SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
				new ObjectSchema().description("Any JSON object"));
	}

	@Bean
	OpenAPI singleWindowApi(@Value("${singlewindow.api.version:0}") String version,
			@Value("${singlewindow.api.servers:/}") List<String> servers) {
		var openApi = new OpenAPI()
			.info(new Info().title("Single Window API")
				.version(version)
				.summary("Business registration, permits, the international trade single window and trade statistics "
						+ "of the pilot free trade zone")
				.description(conventions())
				.license(new License().name("Apache-2.0").identifier("Apache-2.0"))
				.contact(new Contact().name("Single Window operations").email("api@singlewindow.example")
					.url("https://singlewindow.example/support")))
			.components(new Components()
				.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("An API key created on the page 'API keys' or with POST /api/v1/api-keys, sent as "
							+ "`Authorization: Bearer <key>`; it acts with exactly its account's rights."))
				.addSchemas(PROBLEM, problemSchema())
				.addSchemas("FieldError", fieldErrorSchema()))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY));
		servers.stream().filter(s -> !s.isBlank()).forEach(url -> openApi.addServersItem(new Server().url(url.strip())));
		return openApi;
	}

	/** The conventions a client can rely on, kept once in {@code api/conventions.md} and shown in the document. */
	private static String conventions() {
		try {
			return new ClassPathResource("api/conventions.md").getContentAsString(StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Schema<?> problemSchema() {
		Schema<?> schema = new ObjectSchema()
			.description("RFC 9457 problem details. `code` is stable and part of the contract; `title` and `detail` "
					+ "are in the caller's language (Accept-Language).")
			.addProperty("type", new StringSchema().format("uri")
				.example("https://singlewindow.example/problems/INVALID_INPUT"))
			.addProperty("title", new StringSchema().example("The request has invalid fields."))
			.addProperty("status", new IntegerSchema().example(422))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.addProperty("code", new StringSchema().description("Stable code, never renamed").example("INVALID_INPUT"))
			.addProperty("field", new StringSchema().description("The first offending field, as the caller wrote it")
				.example("items[0].hsCode"))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
				.description("One entry per offending field"));
		schema.setRequired(List.of("type", "title", "status", "code"));
		return schema;
	}

	private static Schema<?> fieldErrorSchema() {
		Schema<?> schema = new ObjectSchema()
			.addProperty("field", new StringSchema().example("items[0].hsCode"))
			.addProperty("code", new StringSchema().description("The field's stable code").example("HS_CODE_UNKNOWN"))
			.addProperty("message", new StringSchema());
		schema.setRequired(List.of("field", "code", "message"));
		return schema;
	}

	/**
	 * Nested records are named after their enclosing type ({@code DeclarationView.Item} → {@code DeclarationViewItem}),
	 * so that two modules' {@code Item}s stay two schemas instead of one overwriting the other.
	 */
	@Bean
	ModelResolver nestedTypeNames(ObjectMapperProvider mappers) {
		return new ModelResolver(mappers.jsonMapper(), new NestedTypeNames()).openapi31(mappers.isOpenapi31());
	}

	static final class NestedTypeNames extends TypeNameResolver {

		@Override
		protected String getNameOfClass(Class<?> type) {
			String name = super.getNameOfClass(type);
			Class<?> outer = type.getEnclosingClass();
			// The web layer's class names say nothing to a client: DeclarationApi.Receipt is a DeclarationReceipt.
			return outer == null || !name.equals(type.getSimpleName()) ? name
					: getNameOfClass(outer).replaceAll("(Api|Controller)$", "") + name;
		}
	}

	/**
	 * Operation ids a generated client turns into method names: the capability (the controller without "Api" or
	 * "Controller") and the method, e.g. {@code declarationSubmit}, instead of springdoc's {@code list_3}.
	 */
	@Bean
	OperationCustomizer operationIds() {
		return (operation, handler) -> {
			var declared = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
			if (declared != null && !declared.operationId().isBlank()) {
				// Chosen on purpose, e.g. two handlers of one operation (JSON and XLSX bodies) keeping one name.
				operation.setOperationId(declared.operationId());
				return operation;
			}
			String capability = handler.getBeanType().getSimpleName().replaceAll("(Api|Controller)$", "")
				.replaceAll("Catalogue$", "");
			String method = handler.getMethod().getName();
			operation.setOperationId(Character.toLowerCase(capability.charAt(0)) + capability.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			return operation;
		};
	}

	/**
	 * Adds every problem+json response an operation can answer, with its codes: the ones the platform answers for any
	 * operation with a body, parameters or a key, and the operation's own from its {@link Refuses} (which every REST
	 * operation carries, {@code ApiDocumentIntegrationTests} checks it).
	 */
	@Bean
	OperationCustomizer documentedRefusals(MessageSource messages) {
		return (operation, handler) -> {
			if (!handler.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)) {
				return operation;
			}
			Refuses refuses = handler.getMethodAnnotation(Refuses.class);
			boolean keyed = answeredAgainUnderItsKey(handler);
			boolean withheld = keyed && IdempotentRequests.ruleOf(handler) == IdempotentRequests.Rule.WITHHELD;
			if (keyed) {
				operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
					.name(IdempotentRequests.KEY).required(false)
					.description(withheld
							? "Any unique text of the client's: the same request sent again under it makes nothing "
									+ "more and is 409 SECRET_SHOWN_ONCE with the Location of what the first made (its "
									+ "secret was in the first answer only and is not kept: revoke it and ask again "
									+ "under a new key); another request under it is 409 IDEMPOTENCY_KEY_REUSED. Kept "
									+ "a day."
							: "Any unique text of the client's: the same request sent again under it is answered "
									+ "as the first time (with Idempotent-Replayed: true) and done once; another "
									+ "request under it is 409 IDEMPOTENCY_KEY_REUSED. Kept a day.")
					.schema(new io.swagger.v3.oas.models.media.StringSchema().maxLength(IdempotentRequests.MAX_KEY)));
			}
			boolean paged = describePaging(operation);
			boolean hasBody = operation.getRequestBody() != null;
			boolean hasParameters = hasBody || operation.getParameters() != null && !operation.getParameters().isEmpty();
			ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			if (hasParameters) {
				add(responses, 400, "The request is malformed (not JSON, a parameter of the wrong type or missing)",
						List.of("MALFORMED_REQUEST"), messages);
			}
			add(responses, 401, "No or an invalid API key", List.of("UNAUTHENTICATED", "INVALID_API_KEY"), messages);
			// Any operation, when the request's Accept allows none of the types it answers in (a client asking for XML).
			add(responses, 406, "The answer cannot be given in a type the request's Accept allows",
					List.of("NOT_ACCEPTABLE"), messages);
			// Only the rights checks the operation makes: a client reads a 403 it was not told of as a broken contract.
			// And the one made before any: an account whose first password someone else chose calls nothing but who
			// it is and its password until it chooses its own (identity's FirstPasswordGate).
			List<String> forbidden = codes(refuses != null && refuses.beforeOwnPassword() ? List.of()
					: List.of("PASSWORD_CHANGE_REQUIRED"), refuses == null ? new String[0] : refuses.forbidden());
			if (!forbidden.isEmpty()) {
				add(responses, 403, "The caller may not do this", forbidden, messages);
			}
			if (refuses != null && refuses.notFound().length > 0) {
				add(responses, 404, "Not found, or not visible to the caller", codes(List.of(), refuses.notFound()),
						messages);
			}
			List<String> conflicts = codes(List.of(), refuses == null ? new String[0] : refuses.conflict());
			if (keyed) {
				conflicts = codes(conflicts, withheld
						? new String[] { "IDEMPOTENCY_KEY_REUSED", "REQUEST_IN_PROGRESS", "SECRET_SHOWN_ONCE" }
						: new String[] { "IDEMPOTENCY_KEY_REUSED", "REQUEST_IN_PROGRESS" });
			}
			if (!conflicts.isEmpty()) {
				ApiResponse conflict = add(responses, 409, "The request breaks a business rule", conflicts, messages);
				if (withheld) {
					conflict.addHeaderObject("Location", new Header().schema(new StringSchema())
						.description("With SECRET_SHOWN_ONCE: what the first request under the key made"));
				}
			}
			if (hasBody) {
				add(responses, 413, "The request body is larger than the limit", List.of("PAYLOAD_TOO_LARGE"), messages);
				add(responses, 415,
						"The request body is not of a type the operation reads (a wildcard type names none)",
						List.of("UNSUPPORTED_MEDIA_TYPE"), messages);
			}
			if (hasParameters) {
				ApiResponse invalid = add(responses, 422, "Invalid input: every offending field is in errors[] with "
						+ "its own code", List.of("INVALID_INPUT"), messages);
				List<String> fieldCodes = codes(paged ? PAGING_FIELD_CODES : List.of(),
						refuses == null ? new String[0] : refuses.invalid());
				if (keyed) {
					fieldCodes = codes(fieldCodes, new String[] { "CLIENT_REFERENCE_TOO_LONG" });
				}
				if (!fieldCodes.isEmpty()) {
					invalid.addExtension("x-field-codes", fieldCodes);
					invalid.setDescription(invalid.getDescription() + ". Field codes include: "
							+ String.join(", ", fieldCodes));
				}
			}
			ApiResponse throttled = add(responses, 429, refuses != null && refuses.throttled().length > 0
					? "Too many requests from this address" : "Too many invalid API keys from this address",
					codes(List.of("TOO_MANY_INVALID_API_KEYS"), refuses == null ? new String[0] : refuses.throttled()),
					messages);
			throttled.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
				.schema(new IntegerSchema()));
			operation.setResponses(responses);
			return operation;
		};
	}

	/**
	 * A 201 names what it made, and a 202 where to follow the work, in {@code Location}: documented as required on
	 * every such answer (RFC 9110: a 201 without it says the request's own address is what was made), so that a client
	 * may rely on it and the contract test refuses an answer that leaves it out.
	 */
	@Bean
	OperationCustomizer locationOfWhatIsMade() {
		return (operation, handler) -> {
			for (String status : List.of("201", "202")) {
				ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(status);
				if (response == null) {
					continue;
				}
				Header location = response.getHeaders() == null ? null : response.getHeaders().get("Location");
				if (location == null) {
					location = new Header().schema(new StringSchema()).description("201".equals(status)
							? "The address of what was made" : "Where to follow the work");
					response.addHeaderObject("Location", location);
				}
				location.required(true);
			}
			return operation;
		};
	}

	/**
	 * Whether a REST operation takes an {@code Idempotency-Key} from {@link IdempotentRequests}: a POST on a path it
	 * covers, not left out (a declaration's submission documents its own key; a public operation has no caller).
	 */
	private static boolean answeredAgainUnderItsKey(org.springframework.web.method.HandlerMethod handler) {
		var post = handler.getMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class);
		if (post == null || IdempotentRequests.leftOut(handler)) {
			return false;
		}
		var type = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(),
				org.springframework.web.bind.annotation.RequestMapping.class);
		String base = type == null || type.path().length == 0 ? "" : type.path()[0];
		String own = post.path().length > 0 ? post.path()[0] : post.value().length > 0 ? post.value()[0] : "";
		return IdempotentRequests.covers(base + own);
	}

	/** The field codes of a paged list's {@code limit} and {@code cursor} ({@link PageRequest#read}). */
	static final List<String> PAGING_FIELD_CODES = List.of("MALFORMED_VALUE", "TOO_SMALL", "TOO_LARGE",
			"CURSOR_INVALID");

	/**
	 * A list read with {@link PageRequest} (it has the query parameter {@code cursor}) documents its {@code limit} and
	 * {@code cursor} and the {@code Link} header of its 200 answer once, here, rather than on each operation.
	 *
	 * @return whether the operation is such a list
	 */
	private static boolean describePaging(io.swagger.v3.oas.models.Operation operation) {
		var parameters = operation.getParameters() == null ? List.<io.swagger.v3.oas.models.parameters.Parameter>of()
				: operation.getParameters();
		if (parameters.stream().noneMatch(p -> "query".equals(p.getIn()) && "cursor".equals(p.getName()))) {
			return false;
		}
		for (var parameter : parameters) {
			if ("limit".equals(parameter.getName())) {
				parameter.description("Rows per page, at most " + PageRequest.MAX_LIMIT)
					.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
						.maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_LIMIT))
						._default(PageRequest.DEFAULT_LIMIT));
			} else if ("cursor".equals(parameter.getName())) {
				parameter.description("Opaque: the next page's cursor as the Link header of the previous page gave it; "
						+ "absent for the first page");
			}
		}
		ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
		if (ok != null) {
			ok.addHeaderObject("Link", new Header().schema(new StringSchema())
				.description("RFC 8288 `<address of the next page>; rel=\"next\"`, only when more rows follow")
				.example("</api/v1/declarations?limit=50&cursor=MXwyMDI2LTExLTI5VDA4OjMwOjAwWnw>; rel=\"next\""));
		}
		return true;
	}

	private static List<String> codes(List<String> shared, String[] own) {
		Set<String> all = new LinkedHashSet<>(shared);
		all.addAll(Arrays.asList(own));
		return new ArrayList<>(all);
	}

	private static ApiResponse add(ApiResponses responses, int status, String description, List<String> codes,
			MessageSource messages) {
		Map<String, io.swagger.v3.oas.models.examples.Example> examples = new LinkedHashMap<>();
		for (String code : codes) {
			Map<String, Object> example = new LinkedHashMap<>();
			example.put("type", ProblemResponses.TYPE_BASE + code);
			example.put("title", messages.getMessage("problem." + code, new Object[] { "…", "…", "…" }, code,
					Locale.ENGLISH));
			example.put("status", status);
			example.put("code", code);
			examples.put(code, new io.swagger.v3.oas.models.examples.Example().value(example));
		}
		ApiResponse response = new ApiResponse()
			.description(description + " (" + String.join(", ", codes) + ")")
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).examples(examples)));
		response.addExtension(CODES, codes);
		responses.addApiResponse(String.valueOf(status), response);
		return response;
	}
}
