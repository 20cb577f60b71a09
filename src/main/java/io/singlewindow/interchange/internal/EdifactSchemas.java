package io.singlewindow.interchange.internal;

import java.net.URL;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

/**
 * The StAEDI schemas of the messages the platform reads and writes (src/main/resources/interchange): CUSDEC of the
 * directories it supports, CUSRES and CONTRL. Loaded once; a schema is immutable and shared by every reader.
 */
@Component
class EdifactSchemas {

	/** The directories a CUSDEC may come in (UNH S009 0052:0054), each with its schema file. */
	static final Map<String, String> CUSDEC_DIRECTORIES = Map.of("D:96B", "cusdec-d96b.xml", "D:99B",
			"cusdec-d99b.xml");

	private final Map<String, Schema> cusdec;
	private final Schema cusres;
	private final Schema contrl;

	EdifactSchemas() {
		this.cusdec = Map.of("D:96B", load("cusdec-d96b.xml"), "D:99B", load("cusdec-d99b.xml"));
		this.cusres = load("cusres.xml");
		this.contrl = load("contrl.xml");
	}

	/** The CUSDEC schema of directory {@code version:release}, e.g. {@code D} and {@code 96B}. */
	Optional<Schema> cusdec(String version, String release) {
		return Optional.ofNullable(cusdec.get(version + ":" + release));
	}

	Schema cusres() {
		return cusres;
	}

	Schema contrl() {
		return contrl;
	}

	private static Schema load(String file) {
		URL schema = EdifactSchemas.class.getResource("/interchange/" + file);
		SchemaFactory factory = SchemaFactory.newFactory();
		// Included files (the shared segment types) are found next to the schema, in the jar or on disk alike; the
		// schema's own address is the context (a folder looked up by name could be the tests' of the same name).
		factory.setProperty(SchemaFactory.SCHEMA_LOCATION_URL_CONTEXT, schema);
		try {
			return factory.createSchema(schema);
		}
		catch (EDISchemaException e) {
			throw new IllegalStateException("EDIFACT schema " + file + " is invalid", e);
		}
	}
}
