package io.singlewindow.tariff.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The duty calculation's steps in the reader's language. The assessor writes each step once, in English, and the
 * declaration stores it as written (it is part of the record); pages translate the fixed words of the few step forms
 * {@link LineByLineDutyAssessor} writes, leaving the figures, codes and agreement names as they are. Templates call
 * it as {@code ${@assessmentSteps.inReadersLanguage(step)}}.
 */
@Component("assessmentSteps")
class AssessmentStepWording {

	/** English step form → Chinese; tried in order, each on the whole step or its leading label. */
	private static final List<Map.Entry<Pattern, String>> CHINESE = java.util.stream.Stream.of(List.of(
			rule("^no import VAT or excise on exports$", "出口货物不征进口增值税和消费税"),
			waived("export duty", "出口关税"),
			waived("duty", "关税"),
			waived("excise", "消费税"),
			waived("VAT", "进口增值税"),
			rule("^tariff-quota certificate presented → in-quota rate (\\S+) instead of out-of-quota MFN (.+)$",
					"已提交关税配额证 → 适用配额内税率 $1（配额外最惠国税率 $2）"),
			rule("^origin ([A-Z]{2}) has no MFN treatment \\(notice (.+)\\) → general rate (.+) instead of MFN (.+)$",
					"原产地 $1 不适用最惠国待遇（公告 $2）→ 适用普通税率 $3（最惠国税率 $4）"),
			rule("^origin unknown → general rate (.+) instead of MFN (.+)$", "原产地不明 → 适用普通税率 $1（最惠国税率 $2）"),
			rule("^provisional rate (\\S+) does not apply at the general rate$", "适用普通税率的货物不适用暂定税率 $1"),
			rule("^provisional rate (\\S+) in force (\\S+) to (\\S+) instead of MFN (.+)$",
					"暂定税率 $1（$2 至 $3 有效）→ 代替最惠国税率 $4"),
			rule("^provisional rate (\\S+) in force (\\S+) to (\\S+) instead of in-quota rate (.+)$",
					"暂定税率 $1（$2 至 $3 有效）→ 低于配额内税率 $4，从低适用"),
			rule("^provisional export rate (\\S+) in force (\\S+) to (\\S+) instead of (.+)$",
					"出口暂定税率 $1（$2 至 $3 有效）→ 代替出口税率 $4"),
			rule("^anti-dumping duty (\\S+) \\(notice ", "反倾销税 $1（公告 "),
			rule("^countervailing duty (\\S+) \\(notice ", "反补贴税 $1（公告 "),
			rule("^safeguard duty (\\S+) \\(notice ", "保障措施关税 $1（公告 "),
			rule("; origin ([A-Z]{2}); all other producers\\)$", "；原产地 $1；其他生产商）"),
			rule("; origin ([A-Z]{2}); producer (.+)\\)$", "；原产地 $1；生产商 $2）"),
			rule("; every origin\\)$", "；所有原产地）"),
			rule("^trade remedy duty", "贸易救济税"),
			rule(", trade remedy (\\S+)", "，贸易救济税 $1")),
			onEitherBase("^no (\\S+) rate on line (\\S+) → {BASE} (.+)$", "税号 $2 无 $1 协定税率 → 适用{BASE} $3"),
			onEitherBase("^(\\S+) certificate presented, but origin (\\S+) is not a party to \\S+ → {BASE} (.+)$",
					"已提交 $1 原产地证书，但原产地 $2 不是该协定成员 → 适用{BASE} $3"),
			onEitherBase("^(\\S+) rate (\\S+) is not below {BASE} → {BASE} (.+)$", "$1 协定税率 $2 不低于{BASE} → 适用{BASE} $3"),
			onEitherBase("^(\\S+) certificate of origin, origin (\\S+) is a party → \\S+ rate (\\S+) instead of {BASE} (.+)$",
					"$1 原产地证书，原产地 $2 为协定成员 → 适用协定税率 $3（{BASE} $4）"),
			List.of(
			rule("^(\\S+) duty (\\S+) \\((\\S+)\\) is not below the MFN duty → MFN (.+)$",
					"按 $1 协定税率 $3 计关税 $2，不低于最惠国税额 → 适用最惠国税率 $4"),
			rule("^(\\S+) duty (\\S+) \\((\\S+)\\) is not below the general rate duty → general rate (.+)$",
					"按 $1 协定税率 $3 计关税 $2，不低于普通税率税额 → 适用普通税率 $4"),
			rule("^rates as first assessed: (\\S+) duty ", "按原适用税率：$1 关税 "),
			rule(", excise (\\S+)", "，消费税 $1"),
			rule(", on (\\S+) (\\w+)$", "，数量 $1 $2"),
			rule(", VAT (\\S+)(，数量|$)", "，进口增值税 $1$2"),
			rule("^declared value \\((\\w+)\\)", "申报价格（$1）"),
			rule("^(CIF|FOB) value", "$1 价格"),
			rule("^customs value", "完税价格"),
			rule("^export duty", "出口关税"),
			rule("^duty", "关税"),
			rule("^excise", "消费税"),
			rule("^VAT", "进口增值税"),
			rule("^taxes", "税款合计"),
			rule(" ([+−]) freight ", " $1 运费 "),
			rule(" ([+−]) insurance ", " $1 保险费 "),
			rule(" \\(3‰ of goods value \\+ freight, not declared\\)", "（未申报，按货价加运费的 3‰ 计）"),
			rule(" unknown ", " 不明 "),
			rule(" CNY/(\\w+)", " 元/$1"))).flatMap(List::stream).toList();

	/**
	 * A step form written for an import without a preference paying MFN, the general rate of an origin without MFN
	 * treatment, the in-quota rate of a tariff-rate quota or, where one is in force, the provisional rate ({BASE} in
	 * both languages).
	 */
	private static List<Map.Entry<Pattern, String>> onEitherBase(String english, String chinese) {
		return List.of(rule(english.replace("{BASE}", "MFN"), chinese.replace("{BASE}", "最惠国税率")),
				rule(english.replace("{BASE}", "general rate"), chinese.replace("{BASE}", "普通税率")),
				rule(english.replace("{BASE}", "in-quota rate"), chinese.replace("{BASE}", "配额内税率")),
				rule(english.replace("{BASE}", "provisional rate"), chinese.replace("{BASE}", "暂定税率")));
	}

	/** The small-amount rule's step ({@link SmallTaxWaiver}) for one tax. */
	private static Map.Entry<Pattern, String> waived(String tax, String chinese) {
		return rule("^" + tax + " not collected: the consignment's " + tax + " (\\S+) is (\\d+) CNY or less$",
				chinese + "免征：本票货物" + chinese + "税额 $1 元，在 $2 元以下");
	}

	private static Map.Entry<Pattern, String> rule(String english, String chinese) {
		return Map.entry(Pattern.compile(english), chinese);
	}

	public String inReadersLanguage(String step) {
		if (step == null || !"zh".equals(LocaleContextHolder.getLocale().getLanguage())) {
			return step;
		}
		String text = step;
		for (Map.Entry<Pattern, String> rule : CHINESE) {
			text = rule.getKey().matcher(text).replaceAll(rule.getValue());
		}
		return text;
	}
}
