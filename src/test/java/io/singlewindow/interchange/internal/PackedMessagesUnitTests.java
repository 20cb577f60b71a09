package io.singlewindow.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.singlewindow.core.FieldProblem;
import io.singlewindow.declaration.BatchedDeclaration;
import io.singlewindow.interchange.internal.ReceivedInterchange.Message;

/**
 * A message held packed comes back as it was read: every field and source in order, Chinese text, a value longer than
 * 64 KB, missing values, problems with their arguments, syntax errors; and only readable messages are handed on.
 */
class PackedMessagesUnitTests {

	@Test
	void aMessageComesBackFromItsPackedFormAsItWasRead() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("flow", "IMPORT");
		fields.put("consignee", "厦门芯片贸易有限公司");
		fields.put("items[0].description", "x".repeat(70_000));
		fields.put("items[0].origin", null);
		Map<String, String> sources = Map.of("items[0]", "UNH+1/CST 16", "consignee", "UNH+1/NAD 11/C080.3036");
		var declaration = new BatchedDeclaration("1", "UNH+1", fields, sources,
				List.of(new FieldProblem("UNH+1/MEA 9", "WEIGHT_UNIT_NOT_KILOGRAM", "LBR"), new FieldProblem(null, "X")));
		var message = new Message("1", "CUSDEC", "D", "96B", "UN", declaration, null, List.of());

		Message back = PackedMessages.unpack(PackedMessages.pack(message));

		assertThat(back.declaration().fields()).containsExactlyEntriesOf(fields);
		assertThat(back.declaration().sources()).isEqualTo(sources);
		assertThat(back.declaration().problems()).extracting(FieldProblem::toString)
			.containsExactly("UNH+1/MEA 9:WEIGHT_UNIT_NOT_KILOGRAM[LBR]", "null:X");
		assertThat(back).usingRecursiveComparison().ignoringFields("declaration").isEqualTo(message);
	}

	@Test
	void onlyReadableMessagesAreHandedOnAndEachIsSmallPacked() {
		var packed = new PackedMessages();
		var readable = new BatchedDeclaration("1", "UNH+1", Map.of("flow", "IMPORT", "items[0].hsCode", "8542319000"),
				Map.of(), List.of());
		packed.add(new Message("1", "CUSDEC", "D", "96B", "UN", readable, null, List.of()));
		packed.add(new Message("2", "CUSDEC", "D", "01B", "UN", null,
				new SyntaxError("UNH", 1, 2, 3, SyntaxError.VALUE_NOT_SUPPORTED), List.of()));
		packed.add(new Message("3", "CUSDEC", "D", "96B", "UN", readable, null,
				List.of(SyntaxError.segment("XYZ", 26, SyntaxError.SEGMENT_NOT_SUPPORTED))));

		var read = new ReceivedInterchange(ReceivedInterchange.Envelope.UNKNOWN, null, packed, "hash");

		assertThat(read.messages()).hasSize(3);
		assertThat(read.readable()).extracting(Message::reference).containsExactly("1");
		assertThat(PackedMessages.declarations(read.readable())).containsExactly(readable);
		assertThat(read.messages().get(1).refusal()).isEqualTo(new SyntaxError("UNH", 1, 2, 3, "14"));
		assertThat(read.messages().get(2).errors()).containsExactly(SyntaxError.segment("XYZ", 26, "15"));
		assertThat(packed.packedBytes()).isLessThan(600);
	}
}
