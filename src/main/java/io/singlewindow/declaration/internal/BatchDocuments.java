package io.singlewindow.declaration.internal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.singlewindow.core.FieldProblem;
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

	private record StoredProblem(String field, String code, List<Object> arguments) {

		static StoredProblem of(FieldProblem p) {
			return new StoredProblem(p.field(), p.code(), List.of(p.arguments()));
		}

		FieldProblem problem() {
			return new FieldProblem(field, code, arguments == null ? new Object[0] : arguments.toArray());
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
