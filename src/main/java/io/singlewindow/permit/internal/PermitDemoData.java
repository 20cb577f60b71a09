package io.singlewindow.permit.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.identity.Actor;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.ConditionalOnDemoData;

/**
 * The permits of the shared demo scenario, valid for a year from the first start: an automatic import licence for the
 * chip maker's laptops, an export licence for the tungsten exporter, a quarantine entry permit for the coffee
 * importer's green beans and a pharmaceutical import permit for the biomedicine company. Skips what exists.
 */
@Component
@Order(30)
@ConditionalOnDemoData
class PermitDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PermitDemoData.class);

	static final String ISSUER = "demo-data";

	/** Demo USCCs are derived as in the enterprise module's demo data: region 350200 and an organisation body. */
	record DemoPermit(String holderBody, String catalogueCode, String scope, String goods, BigDecimal quantity,
			BigDecimal value) {

		Uscc holder() {
			return Uscc.issue("91350200" + holderBody + Uscc.organisationCodeCheckOf(holderBody));
		}
	}

	static final List<DemoPermit> PERMITS = List.of(
			new DemoPermit("MA31C001", "AIL", "便携式计算机 portable computers", "8471300000",
					new BigDecimal("1000"), null),
			new DemoPermit("MA31C003", "EXPORT_LICENCE", "未锻轧钨 unwrought tungsten", "8101940000",
					new BigDecimal("50000"), null),
			new DemoPermit("MA31C002", "QUARANTINE_ENTRY", "未焙炒咖啡豆 green coffee beans", "0901110000",
					new BigDecimal("200000"), null),
			new DemoPermit("MA31C004", "DRUG_IMPORT", "其他药品 other medicaments", "3004909099", null, null),
			// the coffee importer's tariff-quota certificate for wheat: 500 tonnes at the in-quota rate
			new DemoPermit("MA31C002", "TARIFF_QUOTA", "小麦 milling wheat", "1001990000", new BigDecimal("500000"),
					null));

	private final JdbcClient jdbc;
	private final PermitCatalogue catalogue;
	private final IssuedPermits permits;
	private final PermitApplications applications;
	private final Enterprises enterprises;
	private final BusinessTime time;

	PermitDemoData(JdbcClient jdbc, PermitCatalogue catalogue, IssuedPermits permits, PermitApplications applications,
			Enterprises enterprises, BusinessTime time) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.permits = permits;
		this.applications = applications;
		this.enterprises = enterprises;
		this.time = time;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int issued = 0;
		for (DemoPermit demo : PERMITS) {
			Uscc holder = demo.holder();
			boolean exists = jdbc.sql("SELECT count(*) FROM permit WHERE holder_uscc = ? AND catalogue_code = ? AND issued_by = ?")
				.params(holder.value(), demo.catalogueCode(), ISSUER)
				.query(Long.class)
				.single() > 0;
			if (exists || enterprises.find(holder).isEmpty()) {
				continue;
			}
			permits.issue(new IssuedPermits.Grant(catalogue.get(demo.catalogueCode()), holder, null, demo.scope(),
					List.of(demo.goods()), demo.quantity(), demo.value(), time.today(), ISSUER));
			issued++;
		}
		if (issued > 0) {
			log.info("event=demo_permits_issued count={}", issued);
		}
		pendingApplications();
	}

	/**
	 * Work for the officers: the biomedicine company's next pharmaceutical consignment waiting at market regulation,
	 * and the coffee importer's next quarantine permit at inspection and quarantine, already past its deadline.
	 */
	private void pendingApplications() {
		Uscc bio = PERMITS.get(3).holder();
		Uscc coffee = PERMITS.get(2).holder();
		if (enterprises.find(bio).isPresent() && !hasDemoApplication(bio, "DRUG_IMPORT")) {
			applications.apply(demoTrader(bio, "trader.bio"), new PermitApplications.ApplicationForm("DRUG_IMPORT",
					bio.value(), "单克隆抗体注射液（第二批）monoclonal antibody injection, 2nd consignment",
					List.of("3004909099"), null, null, List.of("国药准字J20260001", "PO-2026-0117", "QC-REL-8812"), null));
		}
		if (enterprises.find(coffee).isPresent() && !hasDemoApplication(coffee, "QUARANTINE_ENTRY")) {
			PermitApplication late = applications.apply(demoTrader(coffee, "trader.coffee"),
					new PermitApplications.ApplicationForm("QUARANTINE_ENTRY", coffee.value(),
							"埃塞俄比亚生咖啡豆 green coffee beans from Ethiopia", List.of("0901110000"),
							new BigDecimal("80000"), null, List.of("QA-2026-031", "ET-PC-5521", "海沧仓库 Haicang warehouse"),
							null));
			// Submitted a month ago, so the queue shows what an overdue application looks like.
			jdbc.sql("UPDATE permit_application SET submitted_at = submitted_at - INTERVAL '30 days', due_date = ? WHERE id = ?")
				.params(applications.workingCalendar().after(time.today().minusDays(30), 20), late.id())
				.update();
		}
	}

	private boolean hasDemoApplication(Uscc applicant, String code) {
		return jdbc.sql("SELECT count(*) FROM permit_application WHERE applicant_uscc = ? AND catalogue_code = ? AND submitted_by LIKE 'trader.%'")
			.params(applicant.value(), code)
			.query(Long.class)
			.single() > 0;
	}

	private static Actor demoTrader(Uscc enterprise, String username) {
		return new Actor(new UUID(0, 0), username, username, Role.TRADER, enterprise, null, Set.of());
	}
}
