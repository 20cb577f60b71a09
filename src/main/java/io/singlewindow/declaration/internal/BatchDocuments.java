package io.singlewindow.declaration.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.core.Problem;
import io.singlewindow.declaration.BatchedDeclaration;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a batched declaration is kept in its entry row ({@code document}): what was read, to be submitted as it is, and
 * the problems of an outcome ({@code problems}), as JSON.
 */
@Component
class BatchDocuments {

	private final JsonMapper json;

	BatchDocuments(JsonMapper json) {
		this.json = json;
	}

	/** A declaration as stored in its batch. */
	private record Document(String reference, String source, Map<String, String> fields, Map<String, String> sources,
			List<StoredProblem> problems) {
	}

	/**
	 * A problem as stored. An argument named in the reader's words ({@link Problem#named}) is kept as its message code
	 * and its own code ({@code {"named": "enterprise.status.SUSPENDED", "otherwise": "SUSPENDED"}}), so that the
	 * outcome, read later and perhaps in another language, still names it so; any other value that is no JSON number,
	 * text or truth value is kept as its text.
	 */
	private record StoredProblem(String field, String code, List<Object> arguments) {

		private static final String NAMED = "named";

		private static final String OTHERWISE = "otherwise";

		static StoredProblem of(FieldProblem p) {
			return new StoredProblem(p.field(), p.code(), Stream.of(p.arguments()).map(StoredProblem::stored).toList());
		}

		FieldProblem problem() {
			return new FieldProblem(field, code,
					arguments == null ? new Object[0] : arguments.stream().map(StoredProblem::argument).toArray());
		}

		private static Object stored(Object argument) {
			if (argument instanceof MessageSourceResolvable named && named.getCodes() != null
					&& named.getCodes().length > 0) {
				var kept = new LinkedHashMap<String, Object>();
				kept.put(NAMED, named.getCodes()[0]);
				kept.put(OTHERWISE, named.getDefaultMessage());
				return kept;
			}
			return argument == null || argument instanceof Number || argument instanceof String
					|| argument instanceof Boolean ? argument : String.valueOf(argument);
		}

		private static Object argument(Object stored) {
			if (stored instanceof Map<?, ?> kept && kept.get(NAMED) instanceof String code) {
				return new DefaultMessageSourceResolvable(new String[] { code },
						kept.get(OTHERWISE) instanceof String otherwise ? otherwise : code);
			}
			return stored;
		}
	}

	String write(BatchedDeclaration d) {
		return json.writeValueAsString(new Document(d.reference(), d.source(), d.fields(), d.sources(),
				d.problems().stream().map(StoredProblem::of).toList()));
	}

	BatchedDeclaration read(String document) {
		Document d = json.readValue(document, Document.class);
		return new BatchedDeclaration(d.reference(), d.source(), d.fields(), d.sources(),
				d.problems().stream().map(StoredProblem::problem).toList());
	}

	/** An outcome's problems as stored; {@literal null} when there are none. */
	String problems(List<FieldProblem> problems) {
		return problems.isEmpty() ? null
				: json.writeValueAsString(problems.stream().map(StoredProblem::of).toList());
	}

	List<FieldProblem> problems(String stored) {
		if (stored == null) {
			return List.of();
		}
		return json.readValue(stored, new TypeReference<List<StoredProblem>>() {
		}).stream().map(StoredProblem::problem).toList();
	}
}
