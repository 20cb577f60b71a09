package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Declarations as tests write them: {@code aDeclaration().withItem(anItem().hs("0901210000"))}. */
final class DeclarationFixtures {

	private DeclarationFixtures() {
	}

	static DeclarationBuilder aDeclaration() {
		return new DeclarationBuilder();
	}

	static ItemBuilder anItem() {
		return new ItemBuilder();
	}

	static final class DeclarationBuilder {
		String declarant;
		String clientReference;
		String flow = "IMPORT";
		String tradeMode = "0110";
		String transportMode = "1";
		String port = "CNXMN";
		String originCountry = "US";
		String destinationCountry = "CN";
		String tradingCountry = "US";
		String currency = "USD";
		String incoterm = "CIF";
		Integer packages = 10;
		BigDecimal grossWeight = new BigDecimal("1200");
		BigDecimal netWeight = new BigDecimal("1000");
		final List<DeclarationRequest.Item> items = new ArrayList<>();

		DeclarationBuilder by(String uscc) {
			this.declarant = uscc;
			return this;
		}

		DeclarationBuilder reference(String reference) {
			this.clientReference = reference;
			return this;
		}

		DeclarationBuilder export() {
			this.flow = "EXPORT";
			this.originCountry = "CN";
			this.destinationCountry = "DE";
			this.tradingCountry = "DE";
			this.incoterm = "FOB";
			return this;
		}

		DeclarationBuilder port(String port) {
			this.port = port;
			return this;
		}

		DeclarationBuilder currency(String currency) {
			this.currency = currency;
			return this;
		}

		DeclarationBuilder tradingCountry(String country) {
			this.tradingCountry = country;
			return this;
		}

		DeclarationBuilder incoterm(String incoterm) {
			this.incoterm = incoterm;
			return this;
		}

		DeclarationBuilder weights(String gross, String net) {
			this.grossWeight = new BigDecimal(gross);
			this.netWeight = new BigDecimal(net);
			return this;
		}

		DeclarationBuilder withItem(ItemBuilder item) {
			items.add(item.build());
			return this;
		}

		DeclarationRequest build() {
			return new DeclarationRequest(declarant, clientReference, flow, tradeMode, transportMode, port,
					originCountry, destinationCountry, tradingCountry, currency, incoterm, null, null, packages,
					grossWeight, netWeight, null, null, items);
		}
	}

	static final class ItemBuilder {
		String hsCode = "8542319000";
		String description = "processors";
		BigDecimal quantity = new BigDecimal("100");
		String unit = "C62";
		BigDecimal statisticalQuantity;
		String statisticalUnit;
		BigDecimal value = new BigDecimal("10000");
		String origin = "US";
		String permitNumber;
		String agreement;
		String certificate;
		String tariffQuotaCertificate;
		String producer;

		ItemBuilder hs(String hs) {
			this.hsCode = hs;
			return this;
		}

		ItemBuilder description(String description) {
			this.description = description;
			return this;
		}

		ItemBuilder quantity(String quantity, String unit) {
			this.quantity = quantity == null ? null : new BigDecimal(quantity);
			this.unit = unit;
			return this;
		}

		/** The quantity in the tariff line's legal unit, for a line declared in another. */
		ItemBuilder statisticalQuantity(String quantity) {
			this.statisticalQuantity = new BigDecimal(quantity);
			return this;
		}

		ItemBuilder statisticalQuantity(String quantity, String unit) {
			this.statisticalQuantity = new BigDecimal(quantity);
			this.statisticalUnit = unit;
			return this;
		}

		ItemBuilder value(String value) {
			this.value = value == null ? null : new BigDecimal(value);
			return this;
		}

		ItemBuilder origin(String origin) {
			this.origin = origin;
			return this;
		}

		ItemBuilder permit(String number) {
			this.permitNumber = number;
			return this;
		}

		ItemBuilder certificate(String agreement, String number) {
			this.agreement = agreement;
			this.certificate = number;
			return this;
		}

		ItemBuilder tariffQuotaCertificate(String number) {
			this.tariffQuotaCertificate = number;
			return this;
		}

		ItemBuilder producer(String producer) {
			this.producer = producer;
			return this;
		}

		DeclarationRequest.Item build() {
			return new DeclarationRequest.Item(hsCode, description, quantity, unit, statisticalQuantity, statisticalUnit,
					value, origin, permitNumber, agreement, certificate, tariffQuotaCertificate, producer);
		}
	}
}
