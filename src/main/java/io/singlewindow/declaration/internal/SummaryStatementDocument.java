package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.PrintedDocument;
import io.singlewindow.platform.PrintedDocument.Align;

/**
 * A month's summary statement (汇总征税) as a PDF the enterprise keeps and pays from: the general guarantee, the
 * statement's last day and what paying it costs on the day printed, and each declaration on it with its taxes, its
 * own last day and its payment. In both languages, as the consolidated response is.
 */
@Component
class SummaryStatementDocument {

	private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(BusinessTime.ZONE);

	private final MessageSource messages;
	private final BusinessTime time;

	SummaryStatementDocument(MessageSource messages, BusinessTime time) {
		this.messages = messages;
		this.time = time;
	}

	byte[] render(GeneralGuaranteeView g, SummaryStatementView s) {
		List<List<String>> lines = new ArrayList<>();
		for (SummaryStatementView.Line l : s.lines()) {
			lines.add(List.of(l.number(), String.valueOf(l.noticeOn()), amount(l.taxes()), String.valueOf(l.payBy()),
					amount(l.amountDue()), both("summaryStatement.line." + l.state())
							+ (l.paidOn() == null ? "" : " " + l.paidOn() + " " + l.paymentReference())));
		}
		lines.add(List.of("合计 Total", "", amount(s.taxes()), "", amount(s.amountDue()), ""));
		return PrintedDocument.a4("汇总缴税单 Summary statement " + g.reference() + " " + s.month())
			.text("中国（福建）自由贸易试验区厦门片区 国际贸易单一窗口", 9, Align.LEFT)
			.text("International Trade Single Window, Xiamen Area", 7, Align.LEFT)
			.gap(10)
			.text("汇总缴税单 " + s.month(), 20, Align.LEFT)
			.text("Summary statement of duties and taxes", 11, Align.LEFT)
			.gap(6)
			.field("纳税人 Enterprise", g.enterpriseName() + " " + g.enterprise(), 10)
			.field("总担保 General guarantee", g.reference() + " · " + both("declaration.guarantee.kind." + g.kind()), 10)
			.field("缴款期限 Pay by", String.valueOf(s.payBy()), 12)
			.field("状态 State", both("summaryStatement.state." + s.state()), 11)
			.field("税款 Duties and taxes", amount(s.taxes()) + " CNY · 未缴 unpaid " + amount(s.unpaid()) + " CNY", 10)
			.field("今日应缴 Due if paid today", amount(s.amountDue()) + " CNY", 12)
			.field("打印 Printed", PRINTED.format(time.now()), 8)
			.gap(6)
			.text("报关单 Declarations (CNY)", 11, Align.LEFT)
			.table(List.of("报关单号 Number", "审结 Notice", "税款 Taxes", "缴款期限 Pay by", "今日应缴 Due today",
					"状态 State"), new float[] { 0.22f, 0.13f, 0.14f, 0.13f, 0.14f, 0.24f }, lines, 8)
			.text("逾期缴纳的，每份报关单自其缴款期限届满之次日起按日加收万分之五滞纳金，不足50元免予征收。"
					+ " Paid late, each declaration bears 0.05 % a day from the day after its own last day; a surcharge "
					+ "under 50 CNY is not collected.", 7, Align.LEFT)
			.toPdf();
	}

	private String both(String key) {
		return ResponseDocument.both(messages, key);
	}

	private static String amount(BigDecimal value) {
		return ResponseDocument.amount(value);
	}
}
