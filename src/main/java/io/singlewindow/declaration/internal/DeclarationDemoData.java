package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.permit.HeldPermit;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.platform.ConditionalOnDemoData;

/**
 * A few demo declarations in different states, submitted through the real flow once the enterprises, permits,
 * tariff and risk demo data exist. Idempotent: each carries a fixed client reference, so a restart returns the
 * existing declaration instead of submitting again.
 */
@Component
@Order(50)
@ConditionalOnDemoData
class DeclarationDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DeclarationDemoData.class);

	private final Declarations declarations;
	private final Enterprises enterprises;
	private final PermitLedger permits;
	private final DeclarationStore store;

	DeclarationDemoData(Declarations declarations, Enterprises enterprises, PermitLedger permits,
			DeclarationStore store) {
		this.declarations = declarations;
		this.enterprises = enterprises;
		this.permits = permits;
		this.store = store;
	}

	@Override
	public void run(ApplicationArguments args) {
		Uscc chip = demo("MA31C001");
		Uscc coffee = demo("MA31C002");
		Uscc tungsten = demo("MA31C003");
		int created = 0;
		if (enterprises.find(chip).isPresent()) {
			String ail = permit(chip, "AIL").map(HeldPermit::number).orElse(null);
			// Computers under the automatic import licence (licence approved by rule, CIQ waits for its officer)
			created += submit(chip, "DEMO-CHIP-COMPUTERS", "IMPORT", "US", List.of(
					item("8471300000", "便携式计算机 portable computers", "20", "C62", "16000", "US", ail),
					item("8542319000", "处理器 processors", "500", "C62", "25000", "US", null)));
			created += submit(chip, "DEMO-CHIP-PROCESSORS", "IMPORT", "KR", List.of(
					item("8542319000", "处理器 processors", "1000", "C62", "50000", "KR", null)));
		}
		if (enterprises.find(coffee).isPresent()) {
			String quarantine = permit(coffee, "QUARANTINE_ENTRY").map(HeldPermit::number).orElse(null);
			created += submit(coffee, "DEMO-COFFEE-BEANS", "IMPORT", "VN", List.of(
					item("0901110000", "生咖啡豆 green coffee beans", "12000", "KGM", "42000", "VN", quarantine)));
		}
		if (enterprises.find(tungsten).isPresent()) {
			String licence = permit(tungsten, "EXPORT_LICENCE").map(HeldPermit::number).orElse(null);
			created += submit(tungsten, "DEMO-TUNGSTEN-EXPORT", "EXPORT", "DE", List.of(
					item("8101940000", "未锻轧钨 unwrought tungsten", "2000", "KGM", "90000", "CN", licence)));
		}
		if (created > 0) {
			log.info("event=demo_declarations_submitted count={}", created);
		}
	}

	private int submit(Uscc declarant, String reference, String flow, String partner,
			List<DeclarationRequest.Item> items) {
		if (store.idByReference(declarant.value(), reference).isPresent()) {
			return 0;
		}
		boolean export = flow.equals("EXPORT");
		var request = new DeclarationRequest(declarant.value(), reference, flow, "0110", export ? "1" : "4", "CNXMN",
				export ? "CN" : partner, export ? partner : "CN", partner, "USD", export ? "FOB" : "CIF", null, null,
				items.size() * 5, new BigDecimal("2500"), new BigDecimal("2200"), null, null, items);
		Actor actor = new Actor(UUID.nameUUIDFromBytes(reference.getBytes()), "demo-data", "demo data", Role.TRADER,
				declarant, null, Set.of());
		try {
			return declarations.submit(actor, request, null).created() ? 1 : 0;
		} catch (RuntimeException e) {
			log.warn("event=demo_declaration_skipped reference={} reason={}", reference, e.getMessage());
			return 0;
		}
	}

	private Optional<HeldPermit> permit(Uscc holder, String catalogueCode) {
		return permits.heldBy(holder).stream()
			.filter(p -> p.catalogueCode().equals(catalogueCode) && p.status().equals("IN_FORCE"))
			.findFirst();
	}

	private static DeclarationRequest.Item item(String hs, String description, String quantity, String unit,
			String value, String origin, String permit) {
		return new DeclarationRequest.Item(hs, description, new BigDecimal(quantity), unit, null, null,
				new BigDecimal(value), origin, permit, null, null);
	}

	private static Uscc demo(String body) {
		return Uscc.issue("91350200" + body + Uscc.organisationCodeCheckOf(body));
	}
}
