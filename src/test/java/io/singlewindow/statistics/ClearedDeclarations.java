package io.singlewindow.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.singlewindow.core.CountryCode;
import io.singlewindow.core.HsCode;
import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.UnitCode;
import io.singlewindow.core.Uscc;
import io.singlewindow.declaration.DeclarationCleared;
import io.singlewindow.enterprise.EnterpriseFixtures;
import io.singlewindow.platform.BusinessTime;

/** Test fixture: {@code aClearedDeclaration().importBy("CHIP").on(2012, 3, 15).from("KR").withLine("8542319000", "1000.00")}. */
public final class ClearedDeclarations {

	private static final BigDecimal USD_RATE = new BigDecimal("7.1");

	private final UUID id = UUID.randomUUID();
	private Uscc declarant = EnterpriseFixtures.demo("CHIP");
	private TradeFlow flow = TradeFlow.IMPORT;
	private Instant clearedAt = Instant.now();
	private String tradeMode = "0110";
	private String partner = "KR";
	private final List<DeclarationCleared.Line> lines = new ArrayList<>();

	private ClearedDeclarations() {
	}

	public static ClearedDeclarations aClearedDeclaration() {
		return new ClearedDeclarations();
	}

	public ClearedDeclarations importBy(String demoEnterprise) {
		this.declarant = EnterpriseFixtures.demo(demoEnterprise);
		this.flow = TradeFlow.IMPORT;
		return this;
	}

	public ClearedDeclarations exportBy(String demoEnterprise) {
		this.declarant = EnterpriseFixtures.demo(demoEnterprise);
		this.flow = TradeFlow.EXPORT;
		return this;
	}

	/** Cleared at noon of that day in the zone's time. */
	public ClearedDeclarations on(int year, int month, int day) {
		this.clearedAt = LocalDate.of(year, month, day).atTime(12, 0).atZone(BusinessTime.ZONE).toInstant();
		return this;
	}

	public ClearedDeclarations at(Instant instant) {
		this.clearedAt = instant;
		return this;
	}

	public ClearedDeclarations from(String tradingCountry) {
		this.partner = tradingCountry;
		return this;
	}

	public ClearedDeclarations tradeMode(String code) {
		this.tradeMode = code;
		return this;
	}

	/** A line valued {@code valueCny}, in USD at 7.1. */
	public ClearedDeclarations withLine(String hsCode, String valueCny) {
		BigDecimal cny = new BigDecimal(valueCny);
		lines.add(new DeclarationCleared.Line(lines.size() + 1, HsCode.of(hsCode), CountryCode.of(partner),
				BigDecimal.TEN, new UnitCode("KGM"), cny, cny.divide(USD_RATE, 2, RoundingMode.HALF_UP)));
		return this;
	}

	public DeclarationCleared build() {
		return new DeclarationCleared(id, "TEST-" + id.toString().substring(0, 8), declarant, flow, clearedAt,
				tradeMode, CountryCode.of(partner), List.copyOf(lines));
	}
}
