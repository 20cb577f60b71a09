package io.singlewindow.interchange.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Interchanges as brokers' software writes them, for tests: {@code anInterchange("IC1").with(aCusdec("1"))}. The
 * counts of UNT and UNZ are computed, so a test that wants them wrong says so.
 */
final class CusdecFixtures {

	private CusdecFixtures() {
	}

	static Interchange anInterchange(String reference) {
		return new Interchange(reference);
	}

	/** The processors-and-laptops import of the workbook tests, as CUSDEC D.96B. */
	static Message aCusdec(String reference) {
		return new Message(reference);
	}

	/** The same import as JSON for POST /api/v1/declarations, consigned to a Chinese name. */
	static String restTwin(String clientReference) {
		return """
				{"clientReference":"%s","flow":"IMPORT","tradeMode":"0110","transportMode":"4","port":"CNXMN",
				 "originCountry":"US","destinationCountry":"CN","tradingCountry":"US","currency":"USD","incoterm":"CIF",
				 "packages":3,"grossWeight":12,"netWeight":10,"consignee":"厦门芯片贸易有限公司",
				 "items":[{"hsCode":"8542319000","description":"processors","quantity":200,"unit":"C62","value":4000,"origin":"US"},
				          {"hsCode":"8471300000","description":"laptops","quantity":5,"unit":"C62","value":4000,"origin":"US"}]}"""
			.formatted(clientReference);
	}

	/** What makes two declarations of the import the same, whichever channel they came by (JSON paths of the view). */
	static final java.util.List<String> SAME_DECLARATION = java.util.List.of("$.flow", "$.tradeMode",
			"$.transportMode", "$.port", "$.originCountry", "$.destinationCountry", "$.tradingCountry", "$.currency",
			"$.incoterm", "$.packages", "$.grossWeight", "$.netWeight", "$.consignee", "$.items", "$.routes",
			"$.totalDuty", "$.totalVat", "$.status");

	static final class Interchange {

		String syntax = "UNOW:4";
		String sender = "BROKERSOFT";
		final String reference;
		boolean una = true;
		boolean lineBreaks = true;
		Integer count;
		final List<Message> messages = new ArrayList<>();

		Interchange(String reference) {
			this.reference = reference;
		}

		Interchange syntax(String syntax) {
			this.syntax = syntax;
			return this;
		}

		Interchange sender(String sender) {
			this.sender = sender;
			return this;
		}

		Interchange withoutUna() {
			this.una = false;
			return this;
		}

		Interchange onOneLine() {
			this.lineBreaks = false;
			return this;
		}

		/** UNZ 0036 as written, right or wrong. */
		Interchange counting(int messages) {
			this.count = messages;
			return this;
		}

		Interchange with(Message... messages) {
			this.messages.addAll(List.of(messages));
			return this;
		}

		String text() {
			String end = lineBreaks ? "'\n" : "'";
			StringBuilder s = new StringBuilder();
			if (una) {
				// Syntax 4 has a repetition separator (here *); syntax 3 reserves the place with a space.
				s.append(syntax.endsWith(":3") ? "UNA:+.? '" : "UNA:+.?*'");
				if (lineBreaks) {
					s.append('\n');
				}
			}
			String date = syntax.endsWith(":3") ? "261130:0600" : "20261130:0600";
			s.append("UNB+").append(syntax).append('+').append(sender).append(":ZZZ+SINGLEWINDOW+").append(date)
				.append('+').append(reference).append(end);
			messages.forEach(m -> m.segments().forEach(seg -> s.append(seg).append(end)));
			s.append("UNZ+").append(count == null ? messages.size() : count).append('+').append(reference).append(end);
			return s.toString();
		}
	}

	static final class Message {

		final String reference;
		String directory = "D:96B";
		String declarant;
		String consignee = "Xiamen Chip Trading";
		String clientReference;
		String function = "9";
		Integer segmentCount;
		final List<String> header = new ArrayList<>(List.of("LOC+22+CNXMN", "LOC+27+US", "LOC+28+CN", "LOC+ZTC+US",
				"GIS+ZTM:::0110", "PAC+3", "MEA+WT+G+KGM:12", "MEA+WT+N+KGM:10"));
		final List<String> goods = new ArrayList<>(List.of("CST+1+8542319000", "FTX+AAA+++processors", "LOC+27+US",
				"QTY+47:200:C62", "MOA+38:4000", "CST+2+8471300000", "FTX+AAA+++laptops", "LOC+27+US", "QTY+47:5:C62",
				"MOA+38:4000"));
		final List<String> extra = new ArrayList<>();

		Message(String reference) {
			this.reference = reference;
			// BGM 1004 is the declaration's idempotency key under its declarant: each message a test builds is a
			// declaration of its own unless the test gives two the same document number.
			this.clientReference = "edi-" + reference + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		}

		/** BGM 1225, the message function: 9 (original) unless a test says otherwise. */
		Message function(String code) {
			this.function = code;
			return this;
		}

		/**
		 * The cancellation (BGM 1225 = 1) of the declaration numbered {@code number} (RFF+ABT) for {@code reason} (FTX+ACD),
		 * each left out when {@literal null}; the rest of the message stays, as EDI software sends its original again.
		 */
		Message cancelling(String number, String reason) {
			this.function = "1";
			if (reason != null) {
				header.add("FTX+ACD+++" + escaped(reason));
			}
			if (number != null) {
				header.add("RFF+ABT:" + escaped(number));
			}
			return this;
		}

		private static String escaped(String text) {
			return text.replace("?", "??").replace("+", "?+").replace(":", "?:").replace("'", "?'");
		}

		Message directory(String directory) {
			this.directory = directory;
			return this;
		}

		Message declarant(String uscc) {
			this.declarant = uscc;
			return this;
		}

		Message consignee(String name) {
			this.consignee = name;
			return this;
		}

		Message clientReference(String reference) {
			this.clientReference = reference;
			return this;
		}

		/** BGM without a document number (1004), as some EDI software sends it. */
		Message withoutDocumentNumber() {
			this.clientReference = "";
			return this;
		}

		/** Replaces the first segment that starts with {@code start} (e.g. {@code CST+1+}) by {@code segment}. */
		Message replacing(String start, String segment) {
			for (List<String> list : List.of(header, goods)) {
				for (int i = 0; i < list.size(); i++) {
					if (list.get(i).startsWith(start)) {
						list.set(i, segment);
						return this;
					}
				}
			}
			throw new IllegalArgumentException("no segment " + start);
		}

		/** Puts {@code segment} right after the first segment that starts with {@code start}. */
		Message after(String start, String segment) {
			for (List<String> list : List.of(header, goods)) {
				for (int i = 0; i < list.size(); i++) {
					if (list.get(i).startsWith(start)) {
						list.add(i + 1, segment);
						return this;
					}
				}
			}
			throw new IllegalArgumentException("no segment " + start);
		}

		/** Adds a segment at the end of the header's segments before its parties (NAD). */
		Message withHeader(String segment) {
			header.add(segment);
			return this;
		}

		/** Adds a segment at the end of the goods lines (where an unknown one is not allowed). */
		Message withSegment(String segment) {
			goods.add(segment);
			return this;
		}

		/** UNT 0074 as written, right or wrong. */
		Message counting(int segments) {
			this.segmentCount = segments;
			return this;
		}

		List<String> segments() {
			List<String> s = new ArrayList<>();
			s.add("UNH+" + reference + "+CUSDEC:" + directory + ":UN");
			s.add("BGM+929+" + clientReference + "+" + function);
			s.addAll(header);
			if (declarant != null) {
				s.add("NAD+DT+" + declarant);
			}
			s.add("NAD+CN+++" + escaped(consignee));
			s.add("TDT+11++4");
			s.add("TOD+++CIF");
			s.add("CUX+2:USD:4");
			s.add("UNS+D");
			s.addAll(goods);
			s.add("UNS+S");
			s.add("CNT+5:" + goods.stream().filter(g -> g.startsWith("CST")).count());
			s.add("UNT+" + (segmentCount == null ? s.size() + 1 : segmentCount) + "+" + reference);
			return s;
		}
	}
}
