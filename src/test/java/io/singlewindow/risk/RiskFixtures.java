package io.singlewindow.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.risk.internal.RiskEvaluation;
import io.singlewindow.risk.internal.RiskProfile;
import io.singlewindow.risk.internal.SelectionDraw;

/** Builders for risk requests and profiles that read like the domain. */
final class RiskFixtures {

	private RiskFixtures() {
	}

	static RequestBuilder aRiskRequest() {
		return new RequestBuilder();
	}

	static LineBuilder aLine() {
		return new LineBuilder();
	}

	static ProfileBuilder aProfile(String code) {
		return new ProfileBuilder(code);
	}

	/** A random 10-digit code in chapter 98 (unused by the demo data), so a test has a price history of its own. */
	static String anUnusedHsCode() {
		return "98" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
	}

	/** A declaration id that random selection does not pick (at the default rates) and {@code policy} draws as told. */
	static UUID anIdNotRandomlySelected(String policy, Predicate<Double> draw) {
		while (true) {
			UUID id = UUID.randomUUID();
			if (SelectionDraw.of(id, RiskEvaluation.RANDOM_SELECTION) > 0.05 && draw.test(SelectionDraw.of(id, policy))) {
				return id;
			}
		}
	}

	static UUID anIdNotRandomlySelected() {
		return anIdNotRandomlySelected("NONE", d -> true);
	}

	static final class RequestBuilder {

		private UUID id = UUID.randomUUID();
		private Uscc declarant = EnterpriseFixtures.demo("COFFEE");
		private TradeFlow flow = TradeFlow.IMPORT;
		private String tradeMode = "0110";
		private final List<RiskRequest.Line> lines = new ArrayList<>();

		RequestBuilder id(UUID id) {
			this.id = id;
			return this;
		}

		RequestBuilder by(Uscc declarant) {
			this.declarant = declarant;
			return this;
		}

		RequestBuilder flow(TradeFlow flow) {
			this.flow = flow;
			return this;
		}

		RequestBuilder tradeMode(String tradeMode) {
			this.tradeMode = tradeMode;
			return this;
		}

		RequestBuilder withLine(LineBuilder line) {
			lines.add(line.build(lines.size() + 1));
			return this;
		}

		RiskRequest build() {
			return new RiskRequest(id, declarant, flow, tradeMode, new CountryCode("US"), lines);
		}
	}

	static final class LineBuilder {

		private String hs = "8542319000";
		private String origin = "US";
		private BigDecimal quantity = new BigDecimal("100");
		private String unit = "C62";
		private BigDecimal valueCny = new BigDecimal("10000");

		LineBuilder hs(String hs) {
			this.hs = hs;
			return this;
		}

		LineBuilder origin(String origin) {
			this.origin = origin;
			return this;
		}

		LineBuilder quantity(String quantity, String unit) {
			this.quantity = new BigDecimal(quantity);
			this.unit = unit;
			return this;
		}

		LineBuilder valueCny(String valueCny) {
			this.valueCny = new BigDecimal(valueCny);
			return this;
		}

		RiskRequest.Line build(int lineNo) {
			return new RiskRequest.Line(lineNo, HsCode.of(hs), new CountryCode(origin), quantity, UnitCode.of(unit),
					valueCny);
		}
	}

	static final class ProfileBuilder {

		private final String code;
		private final Set<CountryCode> origins = new HashSet<>();
		private final List<String> hsPrefixes = new ArrayList<>();
		private final Set<String> tradeModes = new HashSet<>();
		private TradeFlow flow;
		private Integer newEnterpriseDays;
		private BigDecimal priceDeviation;
		private Channel channel = Channel.YELLOW;
		private BigDecimal rate = new BigDecimal("100");
		private BigDecimal aeoFactor = BigDecimal.ONE;
		private LocalDate validFrom;
		private LocalDate validTo;

		ProfileBuilder(String code) {
			this.code = code;
		}

		ProfileBuilder origin(String... countries) {
			for (String c : countries) {
				origins.add(new CountryCode(c));
			}
			return this;
		}

		ProfileBuilder hs(String... prefixes) {
			hsPrefixes.addAll(List.of(prefixes));
			return this;
		}

		ProfileBuilder tradeMode(String... modes) {
			tradeModes.addAll(List.of(modes));
			return this;
		}

		ProfileBuilder flow(TradeFlow flow) {
			this.flow = flow;
			return this;
		}

		ProfileBuilder newEnterpriseWithin(int days) {
			this.newEnterpriseDays = days;
			return this;
		}

		ProfileBuilder unitPriceDeviatingMoreThan(String percent) {
			this.priceDeviation = new BigDecimal(percent);
			return this;
		}

		ProfileBuilder channel(Channel channel) {
			this.channel = channel;
			return this;
		}

		ProfileBuilder rate(String percent) {
			this.rate = new BigDecimal(percent);
			return this;
		}

		ProfileBuilder aeoFactor(String factor) {
			this.aeoFactor = new BigDecimal(factor);
			return this;
		}

		ProfileBuilder validFrom(LocalDate date) {
			this.validFrom = date;
			return this;
		}

		ProfileBuilder validTo(LocalDate date) {
			this.validTo = date;
			return this;
		}

		RiskProfile build() {
			return new RiskProfile(UUID.randomUUID(), code, code + "（测试）", code + " (test)", origins, hsPrefixes,
					tradeModes, flow, newEnterpriseDays, priceDeviation, channel, rate, aeoFactor, true, validFrom,
					validTo, 0);
		}
	}
}
