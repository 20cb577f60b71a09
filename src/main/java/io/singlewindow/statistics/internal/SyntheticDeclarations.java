package io.singlewindow.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.singlewindow.core.TradeFlow;
import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.IndustrialChain;
import io.singlewindow.platform.BusinessTime;

/**
 * Fills the statistics with clearly synthetic cleared declarations (numbers {@code SYN-…}, flagged synthetic): the demo
 * history that the demo-data loader seeds, and (from {@code bench/statistics}, outside the production application) the
 * benchmark's million declarations; through the same ledger as real clearances, in large batches. The mix resembles a Xiamen-like zone:
 * electronics, tungsten and metals, food, pharmaceuticals, plastics, textiles and shoes; a Chinese New Year dip in
 * February; trade growing about 7 % a year. Deterministic: the same seed gives the same declarations, and since they
 * carry fixed ids, generating again adds nothing.
 */
@Component
class SyntheticDeclarations {

	private static final Logger log = LoggerFactory.getLogger(SyntheticDeclarations.class);

	/** Relative volume per calendar month: the New Year dip (Jan/Feb), Golden Week in October, a year-end peak. */
	static final double[] SEASONALITY = { 0.94, 0.72, 1.02, 0.99, 1.01, 1.02, 1.03, 1.03, 1.06, 0.95, 1.05, 1.10 };

	static final double ANNUAL_GROWTH = 0.07;

	static final int ENTERPRISES_PER_CHAIN = 40;

	/** The demo history's seed: the same declarations on every demo install, so seeding again adds nothing. */
	static final long DEMO_SEED = 20260101L;

	static final int DEFAULT_BATCH_SIZE = 5000;

	private static final Weights EXPORT_PARTNERS = Weights.of(Map.ofEntries(Map.entry("US", 16), Map.entry("HK", 8),
			Map.entry("JP", 7), Map.entry("KR", 5), Map.entry("TW", 6), Map.entry("SG", 4), Map.entry("MY", 4),
			Map.entry("VN", 6), Map.entry("DE", 5), Map.entry("NL", 4), Map.entry("GB", 3), Map.entry("AU", 4),
			Map.entry("BR", 3), Map.entry("IN", 3), Map.entry("TH", 3), Map.entry("ID", 3), Map.entry("AE", 2),
			Map.entry("RU", 3), Map.entry("PH", 2), Map.entry("MX", 2)));

	private static final Weights IMPORT_PARTNERS = Weights.of(Map.ofEntries(Map.entry("US", 8), Map.entry("JP", 10),
			Map.entry("KR", 12), Map.entry("TW", 14), Map.entry("DE", 6), Map.entry("AU", 8), Map.entry("BR", 7),
			Map.entry("MY", 5), Map.entry("VN", 4), Map.entry("SG", 3), Map.entry("NL", 3), Map.entry("CL", 2),
			Map.entry("ID", 3), Map.entry("TH", 2), Map.entry("CH", 2), Map.entry("FR", 2), Map.entry("ET", 1),
			Map.entry("CO", 1)));

	/** Typical tariff lines per chapter (10 digits) and the median CNY value of one declaration line. */
	private static final Map<String, Goods> GOODS = Map.ofEntries(
			Map.entry("85", new Goods(900_000, "8542319000", "8542329000", "8517620000", "8528591000", "8541430000")),
			Map.entry("84", new Goods(600_000, "8471300000", "8473309000", "8443321000", "8414512000")),
			Map.entry("90", new Goods(500_000, "9013801000", "9027899000", "9018909000")),
			Map.entry("81", new Goods(1_500_000, "8101940000", "8101990000", "8101100000")),
			Map.entry("26", new Goods(3_000_000, "2601111000", "2611000000", "2603000000")),
			Map.entry("72", new Goods(1_200_000, "7208512000", "7219131000", "7202700000")),
			Map.entry("28", new Goods(500_000, "2825901200", "2841801000")),
			Map.entry("39", new Goods(400_000, "3901100000", "3907610000", "3926909090")),
			Map.entry("30", new Goods(700_000, "3004909099", "3002150000", "3004101000")),
			Map.entry("29", new Goods(500_000, "2941909099", "2933990099")),
			Map.entry("09", new Goods(400_000, "0901110000", "0901210000", "0902301000")),
			Map.entry("03", new Goods(350_000, "0306171900", "0303890090", "0307430000")),
			Map.entry("22", new Goods(250_000, "2204210000", "2208300000")),
			Map.entry("08", new Goods(300_000, "0810600000", "0805100000", "0804502000")),
			Map.entry("04", new Goods(100_000, "0402210000", "0401200000")),
			Map.entry("33", new Goods(60_000, "3303000000", "3304990099")),
			Map.entry("61", new Goods(200_000, "6110200090", "6109100010")),
			Map.entry("62", new Goods(200_000, "6203420090", "6204620000")),
			Map.entry("64", new Goods(250_000, "6404110000", "6403990000", "6402990000")),
			Map.entry("42", new Goods(150_000, "4202220000", "4202320000")),
			Map.entry("94", new Goods(250_000, "9403600000", "9401710000")),
			Map.entry("95", new Goods(150_000, "9503008900", "9506629000")),
			Map.entry("87", new Goods(500_000, "8708999990", "8711600010")),
			Map.entry("73", new Goods(300_000, "7308900000", "7326909000")),
			Map.entry("88", new Goods(6_000_000, "8803300000", "8807300000", "8411910000")),
			Map.entry("89", new Goods(10_000_000, "8901909000", "8905200000")));

	/** What kind of enterprise declares what, how much of it is exported, and under which trade modes. */
	static final List<Profile> PROFILES = List.of(
			new Profile(IndustrialChain.INTEGRATED_CIRCUITS, 18, 0.50, 0.80, Map.of("85", 8, "84", 2),
					Map.of("0615", 5, "0110", 3, "0654", 2)),
			new Profile(IndustrialChain.PANEL_DISPLAY, 8, 0.60, 0.70, Map.of("85", 7, "90", 3),
					Map.of("0615", 6, "0110", 4)),
			new Profile(IndustrialChain.MACHINERY, 12, 0.60, 0.40, Map.of("84", 7, "87", 2, "73", 1),
					Map.of("0110", 8, "0615", 2)),
			new Profile(IndustrialChain.TUNGSTEN, 7, 0.65, 0.50, Map.of("81", 5, "26", 3, "72", 2),
					Map.of("0110", 9, "0615", 1)),
			new Profile(IndustrialChain.NEW_MATERIALS, 8, 0.50, 0.40, Map.of("39", 6, "72", 2, "28", 2),
					Map.of("0110", 8, "0615", 2)),
			new Profile(IndustrialChain.BIOMEDICINE, 5, 0.30, 0.70, Map.of("30", 8, "29", 2), Map.of("0110", 10)),
			new Profile(IndustrialChain.FOOD_AGRICULTURE, 12, 0.35, 0.05,
					Map.of("09", 3, "03", 4, "22", 2, "08", 2), Map.of("0110", 7, "1210", 3)),
			new Profile(IndustrialChain.TRADE_SERVICES, 14, 0.85, 0.05,
					Map.of("61", 3, "62", 3, "64", 4, "42", 1, "94", 2, "95", 1), Map.of("0110", 10)),
			new Profile(IndustrialChain.CROSS_BORDER_ECOMMERCE, 10, 0.60, 0.10,
					Map.of("33", 2, "61", 2, "64", 2, "85", 2, "95", 1, "04", 1), Map.of()),
			new Profile(IndustrialChain.AVIATION_MAINTENANCE, 3, 0.50, 0.60, Map.of("88", 8, "84", 2),
					Map.of("0110", 6, "0615", 4)),
			new Profile(IndustrialChain.SHIPPING_LOGISTICS, 3, 0.50, 0.10, Map.of("89", 3, "73", 3, "84", 4),
					Map.of("0110", 10)));

	private static final Weights CBEC_EXPORT = Weights.of(Map.ofEntries(Map.entry("9610", 5), Map.entry("9710", 3),
			Map.entry("9810", 2)));

	private static final Weights CBEC_IMPORT = Weights.of(Map.ofEntries(Map.entry("1210", 8), Map.entry("9610", 2)));

	private final StatisticsLedger ledger;
	private final BusinessTime time;

	SyntheticDeclarations(StatisticsLedger ledger, BusinessTime time) {
		this.ledger = ledger;
		this.time = time;
	}

	/**
	 * Generates the current year to date (up to now) and {@code years} previous calendar years.
	 *
	 * @return the number of declarations newly recorded (0 when they were all there already)
	 */
	long generate(int years, int declarationsPerMonth, long seed, int batchSize) {
		YearMonth current = time.month();
		YearMonth first = YearMonth.of(current.getYear() - years, 1);
		long recorded = 0;
		long started = System.nanoTime();
		List<StatisticalDeclaration> batch = new ArrayList<>(batchSize);
		for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
			List<StatisticalDeclaration> declarations = month(month, declarationsPerMonth, seed, current, time.now());
			if (!declarations.isEmpty() && ledger.isRecorded(declarations.getFirst().declarationId())
					&& ledger.isRecorded(declarations.getLast().declarationId())) {
				continue; // generated before with the same seed: the batch would insert nothing
			}
			for (StatisticalDeclaration d : declarations) {
				batch.add(d);
				if (batch.size() == batchSize) {
					recorded += flush(batch);
				}
			}
			log.debug("event=statistics_generated_month month={} recorded_so_far={}", month, recorded);
		}
		recorded += flush(batch);
		log.info("event=statistics_generated years={} per_month={} recorded={} seconds={}", years,
				declarationsPerMonth, recorded, (System.nanoTime() - started) / 1_000_000_000);
		return recorded;
	}

	private long flush(List<StatisticalDeclaration> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		StatisticsLedger.Recorded recorded = ledger.record(batch);
		batch.clear();
		return recorded.declarations();
	}

	/** The declarations of one month; the current month only up to {@code now}, pro rata. */
	List<StatisticalDeclaration> month(YearMonth month, int perMonth, long seed, YearMonth current, Instant now) {
		Random random = new Random(seed * 1_000_003L + month.getYear() * 12L + month.getMonthValue());
		int monthsBack = (current.getYear() - month.getYear()) * 12 + current.getMonthValue() - month.getMonthValue();
		double trend = Math.pow(1 + ANNUAL_GROWTH, -monthsBack / 12.0);
		double noise = 1 + (random.nextDouble() - 0.5) * 0.06;
		int count = (int) Math.round(perMonth * SEASONALITY[month.getMonthValue() - 1] * trend * noise);
		Instant start = month.atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(BusinessTime.ZONE).toInstant();
		if (month.equals(current)) {
			double elapsed = (double) (now.toEpochMilli() - start.toEpochMilli()) / (end.toEpochMilli() - start.toEpochMilli());
			count = (int) Math.round(count * elapsed);
			end = now;
		}
		BigDecimal usdRate = usdRate(month);
		List<StatisticalDeclaration> declarations = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			declarations.add(declaration(month, i, seed, random, start, end, usdRate));
		}
		return declarations;
	}

	private StatisticalDeclaration declaration(YearMonth month, int index, long seed, Random random, Instant start,
			Instant end, BigDecimal usdRate) {
		Profile profile = pick(random, PROFILES);
		TradeFlow flow = random.nextDouble() < profile.exportShare() ? TradeFlow.EXPORT : TradeFlow.IMPORT;
		String partner = (flow == TradeFlow.EXPORT ? EXPORT_PARTNERS : IMPORT_PARTNERS).draw(random);
		String tradeMode = tradeMode(profile, flow, random);
		int enterprise = random.nextInt(ENTERPRISES_PER_CHAIN);
		boolean highTech = enterprise < Math.round(profile.highTechShare() * ENTERPRISES_PER_CHAIN);
		String declarant = declarant(profile.chain(), enterprise);
		boolean parcels = tradeMode.equals("9610");
		int lineCount = lineCount(random);
		List<StatisticalDeclaration.Line> lines = new ArrayList<>(lineCount);
		for (int n = 1; n <= lineCount; n++) {
			String chapter = profile.chapters().draw(random);
			Goods goods = GOODS.get(chapter);
			String hs = goods.codes()[random.nextInt(goods.codes().length)];
			double value = goods.median() * Math.exp(random.nextGaussian() * 0.7) * (parcels ? 0.02 : 1);
			BigDecimal cny = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("10.00"));
			String origin = flow == TradeFlow.EXPORT ? "CN" : random.nextDouble() < 0.9 ? partner : IMPORT_PARTNERS.draw(random);
			lines.add(new StatisticalDeclaration.Line(n, hs, origin, cny, cny.divide(usdRate, 2, RoundingMode.HALF_UP)));
		}
		long span = end.toEpochMilli() - start.toEpochMilli();
		Instant clearedAt = start.plusMillis((long) (random.nextDouble() * Math.max(1, span - 1)));
		String number = String.format(Locale.ROOT, "SYN-%d%02d-%06d", month.getYear(), month.getMonthValue(), index);
		UUID id = UUID.nameUUIDFromBytes(("SYN|" + seed + "|" + number).getBytes(StandardCharsets.UTF_8));
		return new StatisticalDeclaration(id, number, declarant, flow, clearedAt, tradeMode, partner, highTech,
				profile.chain().name(), true, lines);
	}

	/** A synthetic rate around 7.1 CNY per USD that drifts slowly from month to month. */
	static BigDecimal usdRate(YearMonth month) {
		double rate = 7.10 + 0.12 * Math.sin((month.getYear() * 12 + month.getMonthValue()) / 5.0);
		return BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP);
	}

	private static String tradeMode(Profile profile, TradeFlow flow, Random random) {
		if (profile.chain() == IndustrialChain.CROSS_BORDER_ECOMMERCE) {
			return (flow == TradeFlow.EXPORT ? CBEC_EXPORT : CBEC_IMPORT).draw(random);
		}
		return profile.tradeModes().draw(random);
	}

	private static int lineCount(Random random) {
		double r = random.nextDouble();
		return r < 0.55 ? 1 : r < 0.80 ? 2 : r < 0.92 ? 3 : 4;
	}

	/** A synthetic declarant: a valid USCC in a range no real Xiamen enterprise uses (organisation code MA9Y…). */
	static String declarant(IndustrialChain chain, int index) {
		String body = String.format(Locale.ROOT, "MA9Y%02d%02d", chain.ordinal(), index);
		return Uscc.issue("91350200" + body + Uscc.organisationCodeCheckOf(body)).value();
	}

	private static Profile pick(Random random, List<Profile> profiles) {
		int total = profiles.stream().mapToInt(Profile::weight).sum();
		int r = random.nextInt(total);
		for (Profile p : profiles) {
			r -= p.weight();
			if (r < 0) {
				return p;
			}
		}
		throw new IllegalStateException();
	}

	/** Keys with integer weights, in sorted key order so that the same seed draws the same keys on every JVM. */
	record Weights(List<String> keys, int[] cumulative) {

		static Weights of(Map<String, Integer> weights) {
			List<String> keys = weights.keySet().stream().sorted().toList();
			int[] cumulative = new int[keys.size()];
			int sum = 0;
			for (int i = 0; i < keys.size(); i++) {
				sum += weights.get(keys.get(i));
				cumulative[i] = sum;
			}
			return new Weights(keys, cumulative);
		}

		String draw(Random random) {
			int r = random.nextInt(cumulative[cumulative.length - 1]);
			for (int i = 0; i < cumulative.length; i++) {
				if (r < cumulative[i]) {
					return keys.get(i);
				}
			}
			throw new IllegalStateException();
		}

		/** The share of {@code key} in all weights. */
		double share(String key) {
			int i = keys.indexOf(key);
			if (i < 0) {
				return 0;
			}
			int w = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
			return (double) w / cumulative[cumulative.length - 1];
		}
	}

	record Goods(double median, String... codes) {
	}

	record Profile(IndustrialChain chain, int weight, double exportShare, double highTechShare, Weights chapters,
			Weights tradeModes) {

		Profile(IndustrialChain chain, int weight, double exportShare, double highTechShare,
				Map<String, Integer> chapters, Map<String, Integer> tradeModes) {
			this(chain, weight, exportShare, highTechShare, Weights.of(chapters),
					tradeModes.isEmpty() ? null : Weights.of(tradeModes));
		}
	}

}
