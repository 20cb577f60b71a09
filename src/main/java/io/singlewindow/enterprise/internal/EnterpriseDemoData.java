package io.singlewindow.enterprise.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
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
import io.singlewindow.enterprise.EnterpriseStatus;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.enterprise.IndustrialChain;
import io.singlewindow.identity.Accounts;
import io.singlewindow.identity.Role;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.ConditionalOnDemoData;

/**
 * Fictitious demo enterprises of the zone with a trader account each, and a customs broker authorised by two of
 * them. Runs on first start only (skips enterprises that exist) and never in production
 * ({@code singlewindow.demo-data.enabled=false}).
 */
@Component
@Order(10)
@ConditionalOnDemoData
class EnterpriseDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EnterpriseDemoData.class);

	/** The password of every demo account; printed in the log and the README. */
	static final String DEMO_PASSWORD = "demo12345";

	record DemoEnterprise(String orgBody, String nameZh, String nameEn, IndustrialChain chain, boolean highTech,
			boolean aeo, boolean broker, String username, String person, List<String> scope) {

		Uscc uscc() {
			String first17 = "91350200" + orgBody + Uscc.organisationCodeCheckOf(orgBody);
			return Uscc.issue(first17);
		}
	}

	static final List<DemoEnterprise> ENTERPRISES = List.of(
			new DemoEnterprise("MA31C001", "厦门鹭芯微电子有限公司（演示）", "Egret Microelectronics Xiamen Co., Ltd. (demo)",
					IndustrialChain.INTEGRATED_CIRCUITS, true, true, false, "trader.chip", "林晓芯",
					List.of("I6520", "C3973", "F5179", "F5191", "F5190")),
			new DemoEnterprise("MA31C002", "厦门海沧咖啡贸易有限公司（演示）", "Haicang Coffee Trading Xiamen Co., Ltd. (demo)",
					IndustrialChain.FOOD_AGRICULTURE, false, false, false, "trader.coffee", "陈咖",
					List.of("F5191", "F5126", "F5127")),
			new DemoEnterprise("MA31C003", "厦门钨韵新材料有限公司（演示）", "Tungsten Rhyme New Materials Xiamen Co., Ltd. (demo)",
					IndustrialChain.TUNGSTEN, true, false, false, "trader.tungsten", "黄钨",
					List.of("C3240", "F5165", "F5191", "F5169")),
			new DemoEnterprise("MA31C004", "厦门康屿生物医药有限公司（演示）", "Kangyu Biomedicine Xiamen Co., Ltd. (demo)",
					IndustrialChain.BIOMEDICINE, true, false, false, "trader.bio", "郑康",
					List.of("M7340", "F5151", "F5191")),
			new DemoEnterprise("MA31C005", "厦门通关宝报关有限公司（演示）", "Tongguanbao Customs Brokerage Xiamen Co., Ltd. (demo)",
					IndustrialChain.TRADE_SERVICES, false, true, true, "broker", "吴通",
					List.of("L7294", "G5822", "F5191")));

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final BusinessTime time;
	private final LicenceLedger ledger;
	private final Enterprises enterprises;

	EnterpriseDemoData(JdbcClient jdbc, Accounts accounts, BusinessTime time, LicenceLedger ledger,
			Enterprises enterprises) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.accounts = accounts;
		this.time = time;
		this.ledger = ledger;
	}

	/** The business scope, agency registrations and history a real application would have produced. */
	private void completeLicence(Uscc uscc, List<String> scope) {
		UUID id = jdbc.sql("SELECT id FROM enterprise WHERE uscc = ?").param(uscc.value()).query(UUID.class).single();
		ledger.replaceScope(id, scope);
		ledger.registerWithAgencies(id, uscc, true, time.now());
		ledger.recordEvent(id, "REGISTERED", EnterpriseStatus.ACTIVE, null, time.now(), "demo-data");
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int created = 0;
		for (DemoEnterprise demo : ENTERPRISES) {
			Uscc uscc = demo.uscc();
			boolean exists = jdbc.sql("SELECT count(*) FROM enterprise WHERE uscc = ?").param(uscc.value())
				.query(Long.class).single() > 0;
			if (exists) {
				continue;
			}
			jdbc.sql("""
					INSERT INTO enterprise (id, uscc, name_zh, name_en, entity_type, legal_representative,
					    registered_capital, capital_currency, address, industrial_chain, high_tech, cross_border_trader,
					    aeo_certified, customs_broker, status, registered_at)
					VALUES (?, ?, ?, ?, 'LIMITED_LIABILITY_COMPANY', ?, ?, 'CNY', ?, ?, ?, TRUE, ?, ?, 'ACTIVE', ?)""")
				.params(UUID.randomUUID(), uscc.value(), demo.nameZh(), demo.nameEn(), demo.person(),
						new BigDecimal("10000000.00"), "中国（福建）自由贸易试验区厦门片区象屿路 " + (created + 1) + " 号（演示）",
						demo.chain().name(), demo.highTech(), demo.aeo(), demo.broker(), Timestamp.from(time.now()))
				.update();
			enterprises.changed(uscc);
			completeLicence(uscc, demo.scope());
			if (!accounts.isTaken(demo.username())) {
				accounts.openDemo(demo.username(), DEMO_PASSWORD, demo.person(), demo.broker() ? Role.BROKER : Role.TRADER,
						uscc, null);
			}
			created++;
		}
		Uscc broker = ENTERPRISES.getLast().uscc();
		accounts.authoriseBroker(ENTERPRISES.get(0).uscc(), broker, null);
		accounts.authoriseBroker(ENTERPRISES.get(1).uscc(), broker, null);
		if (created > 0) {
			log.info("event=demo_enterprises_created count={}", created);
		}
	}
}
