package io.singlewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;

import jakarta.servlet.http.Cookie;

/**
 * Searches, filters, pages and periods are typed into addresses: every query parameter of every read route of the
 * platform (read from Spring's own table of handler methods, so a new one cannot be forgotten), each in turn given
 * hostile values — NUL and other control characters, LIKE's wildcards, huge, negative and non-numbers, impossible
 * dates, 10,000 characters — by a caller the route answers (the first of a trader, a broker, customs, commerce and
 * the administrator that gets a 2xx without parameters). The answer is never a 5xx; a refusal of the API is
 * problem+json with a code, and a page's refusal is a page. {@link HostileInputFuzzTests} does the same for what
 * the platform is sent to write.
 */
@SingleWindowIntegrationTest
class HostileQueriesIntegrationTests {

	static final List<String> CALLERS = List.of("trader.chip", "broker", "officer.customs", "officer.commerce",
			"admin");

	static final List<String> HOSTILE = List.of("\u0000", "a\u0000b", "\u001b[2J", "\u202e", "%", "_", "\\", "%_\\%",
			"' OR '1'='1", "-1", "0", "99999999999999999999", "1e309", "NaN", "-0", "2026-02-30", "9999-99-99",
			"20261301", "x".repeat(10_000), "厦门", "\uFEFF", " ", "",
			// Cursors of the paged lists' own shape with a time PostgreSQL cannot hold, or a NUL in the key (each
			// answered 500 on some list, 2026-12-06).
			cursor("+999999-01-01T00:00:00Z", "00000000-0000-0000-0000-000000000001"),
			cursor("-999999-01-01T00:00:00Z", "00000000-0000-0000-0000-000000000001"),
			cursor("2026-12-01T00:00:00Z", "9135\u0000"));

	private static String cursor(String time, String key) {
		return java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("1|" + time + "|" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** Values a route needs before it answers at all (its required parameters); each is replaced in turn. */
	static final Map<String, String> VALID = Map.of("q", "8471", "hs", "8471300000", "flow", "IMPORT", "from",
			"2026-12-01", "workingDays", "5", "code", "AIL");

	/** Path segments as they travel, percent-encoded: what an address bar or a client library may send. */
	static final List<String> HOSTILE_SEGMENTS = List.of("-1", "0", "99999999999999999999", "1e309", "x".repeat(300),
			"%25", "%27%20OR%20%271%27=%271", "%E5%8E%A6%E9%97%A8", "%20", "a%09b", "%E2%80%AE", "%1B%5B2J",
			"2026-02-30", "00000000-0000-0000-0000-000000000000", "not-a-uuid");

	private static final String NAMING_NO_FIELD = " naming no field: ";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping routes;

	private final Map<String, Cookie> sessions = new HashMap<>();

	@Test
	void everyQueryParameterOfEveryReadRouteAnswersHostileValuesWithoutA5xx() throws Exception {
		Map<String, Set<String>> parametersByRoute = readRoutesWithTheirParameters();
		List<String> failures = new ArrayList<>();
		int exercised = 0;
		for (var route : parametersByRoute.entrySet()) {
			Map<String, String> valid = new TreeMap<>();
			route.getValue().stream().filter(VALID::containsKey).forEach(p -> valid.put(p, VALID.get(p)));
			String caller = firstCallerAnswered(route.getKey(), valid);
			if (caller == null) {
				continue;
			}
			exercised++;
			for (String parameter : route.getValue()) {
				for (String value : HOSTILE) {
					Map<String, String> query = new TreeMap<>(valid);
					query.put(parameter, value);
					String wrong = wrongAnswer(route.getKey(), caller, query);
					if (wrong != null) {
						failures.add("GET %s?%s=%s as %s: %s".formatted(route.getKey(), parameter,
								value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value,
								caller, wrong));
					}
				}
			}
		}
		assertThat(exercised).as("read routes with query parameters some caller may read").isGreaterThan(25);
		assertThat(failures).as("hostile query values answered wrongly").isEmpty();
	}

	@Test
	void everyPathVariableOfEveryReadRouteAnswersHostileSegmentsWithoutA5xx() throws Exception {
		Set<String> patterns = new TreeSet<>();
		routes.getHandlerMethods().keySet().stream()
			.filter(mapping -> mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET))
			.flatMap(mapping -> mapping.getPatternValues().stream())
			.filter(pattern -> pattern.contains("{"))
			.forEach(patterns::add);
		assertThat(patterns).as("read routes with path variables").hasSizeGreaterThan(30);
		List<String> failures = new ArrayList<>();
		for (String pattern : patterns) {
			String caller = pattern.startsWith("/admin") || pattern.startsWith("/api/v1/admin") ? "admin"
					: pattern.startsWith("/agency") || pattern.startsWith("/permits/queue") ? "officer.customs"
							: "trader.chip";
			List<String> variables = new ArrayList<>();
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^}]*}").matcher(pattern);
			while (m.find()) {
				variables.add(m.group());
			}
			for (int hostile = 0; hostile < variables.size(); hostile++) {
				for (String segment : HOSTILE_SEGMENTS) {
					String path = pattern;
					for (int v = 0; v < variables.size(); v++) {
						path = path.replace(variables.get(v), v == hostile ? segment : "1");
					}
					String wrong = wrongAnswer(path, caller, Map.of());
					// The firewall refuses some addresses (an encoded percent sign …) before any route is chosen: the
					// address is at fault, not one of its variables, and the refusal names none.
					if (wrong != null && !(HostileInputFuzzTests.refusedAsAnAddress(java.net.URI.create(path))
							&& wrong.contains(NAMING_NO_FIELD))) {
						failures.add("GET %s as %s: %s".formatted(path.length() > 120 ? path.substring(0, 120) + "…" : path,
								caller, wrong.length() > 300 ? wrong.substring(0, 300) : wrong));
					}
				}
			}
		}
		assertThat(failures).as("hostile path segments answered wrongly").isEmpty();
	}

	/** Every GET route without path variables, with the names of its {@code @RequestParam}s (none: not a search). */
	private Map<String, Set<String>> readRoutesWithTheirParameters() {
		Map<String, Set<String>> found = new TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : routes.getHandlerMethods().entrySet()) {
			if (!entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				continue;
			}
			Set<String> names = new LinkedHashSet<>();
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				// Filters bound as one object (the statistics' year, month, period, flow) are query parameters too.
				if (parameter.hasParameterAnnotation(ParameterObject.class)
						&& parameter.getParameterType().isRecord()) {
					for (var component : parameter.getParameterType().getRecordComponents()) {
						names.add(component.getName());
					}
					continue;
				}
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
					continue;
				}
				String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
				if (name != null) {
					names.add(name);
				}
			}
			if (names.isEmpty()) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				if (!pattern.contains("{")) {
					found.computeIfAbsent(pattern, p -> new LinkedHashSet<>()).addAll(names);
				}
			}
		}
		return found;
	}

	private String firstCallerAnswered(String path, Map<String, String> valid) throws Exception {
		for (String caller : CALLERS) {
			int status = mvc.perform(as(caller, withQuery(get(path), valid))).andReturn().getResponse().getStatus();
			if (status >= 200 && status < 300) {
				return caller;
			}
		}
		return null;
	}

	private static MockHttpServletRequestBuilder withQuery(MockHttpServletRequestBuilder request,
			Map<String, String> query) {
		query.forEach(request::queryParam);
		return request;
	}

	private String wrongAnswer(String path, String caller, Map<String, String> query) throws Exception {
		MockHttpServletResponse answer;
		try {
			answer = mvc.perform(as(caller, withQuery(get(java.net.URI.create(path)), query))).andReturn()
				.getResponse();
		}
		catch (AssertionError contractBroken) {
			// The shared MockMvc checks the API's answers against docs/openapi.yaml.
			return contractBroken.getMessage().lines().findFirst().orElse("");
		}
		int status = answer.getStatus();
		if (status >= 500) {
			return status + " " + answer.getContentAsString(StandardCharsets.UTF_8);
		}
		if (status < 400) {
			return null;
		}
		String type = String.valueOf(answer.getContentType());
		if (path.startsWith("/api/")) {
			String body = answer.getContentAsString(StandardCharsets.UTF_8);
			if (!type.startsWith("application/problem+json") || !body.contains("\"code\"")) {
				return status + " without problem+json and a code: " + type;
			}
			return unexplained(status, body);
		}
		return type.startsWith("text/html") || type.startsWith("application/problem+json") ? null
				: status + " neither a page nor a problem: " + type;
	}

	/**
	 * What a refusal of a value the caller sent leaves unsaid: a 400 or 422 names the offending field, and every field's
	 * problem is worded, not its code repeated (a parameter of the wrong type was "year: TYPEMISMATCH", and a NUL in
	 * any parameter a 400 naming none, until 2026-12-07).
	 */
	private static String unexplained(int status, String body) {
		if (status != 400 && status != 422) {
			return null;
		}
		var problem = JsonPath.using(Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS))
			.parse(body);
		List<Map<String, Object>> errors = problem.read("$.errors");
		if (problem.read("$.field") == null || errors == null) {
			return status + NAMING_NO_FIELD + body;
		}
		for (Map<String, Object> error : errors) {
			if (String.valueOf(error.get("message")).equals(error.get("code"))) {
				return status + " with a code for its words: " + body;
			}
		}
		return null;
	}

	private MockHttpServletRequestBuilder as(String caller, MockHttpServletRequestBuilder request) throws Exception {
		if (request.buildRequest(null).getRequestURI().startsWith("/api/")) {
			return request.header("Authorization", "Bearer sw-demo-" + caller);
		}
		return request.cookie(session(caller));
	}

	private Cookie session(String user) throws Exception {
		Cookie session = sessions.get(user);
		if (session == null) {
			session = mvc.perform(formLogin("/login").user(user).password("demo12345")).andReturn().getResponse()
				.getCookie("SESSION");
			assertThat(session).as("login of " + user).isNotNull();
			sessions.put(user, session);
		}
		return session;
	}
}
