package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.core.Uscc;
import io.singlewindow.enterprise.Enterprises;
import io.singlewindow.permit.PermitLedger;
import io.singlewindow.permit.WriteOff;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.PrintedDocument;
import io.singlewindow.platform.PrintedDocument.Align;
import io.singlewindow.platform.PublicLinks;

/**
 * The consolidated response of a declaration as a PDF the declarant keeps: number, status, each agency's decision
 * with its reason, the duties and taxes line by line and their payment, and the permits written off. Its QR code opens the public
 * verification page of the declaration number with the version printed, so the page can say whether the copy is
 * current or superseded. Renders what the reader may see ({@link ChannelVisibility}).
 */
@Component
class ResponseDocument {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(BusinessTime.ZONE);

	private final MessageSource messages;
	private final PublicLinks links;
	private final Enterprises enterprises;
	private final PermitLedger permits;
	private final BusinessTime time;

	ResponseDocument(MessageSource messages, PublicLinks links, Enterprises enterprises, PermitLedger permits,
			BusinessTime time) {
		this.messages = messages;
		this.links = links;
		this.enterprises = enterprises;
		this.permits = permits;
		this.time = time;
	}

	static String verificationPath(DeclarationView d) {
		return "/verify/declarations/" + d.number() + "?v=" + d.version() + "&a=" + ResponseCopy.amendmentsOf(d);
	}

	byte[] render(DeclarationView d) {
		String url = links.to(verificationPath(d));
		String declarant = enterprises.find(Uscc.parse(d.declarant())).map(e -> e.nameZh() + " ").orElse("")
				+ d.declarant();
		PrintedDocument pdf = PrintedDocument.a4("单一窗口审核结果 Consolidated response " + d.number())
			.qrCode(url, 84, "扫描二维码核验\nScan to verify")
			.text("中国（福建）自由贸易试验区厦门片区 国际贸易单一窗口", 9, Align.LEFT)
			.text("International Trade Single Window, Xiamen Area", 7, Align.LEFT)
			.gap(10)
			.text("报关单审核结果", 20, Align.LEFT)
			.text("Consolidated response", 11, Align.LEFT)
			.moveTo(PrintedDocument.a4Height() - 160)
			.field("报关单号 Number", d.number(), 11)
			.field("申报单位 Declarant", declarant, 10)
			.field("进出口 Flow", both("declaration.flow." + d.flow()), 10)
			.field("状态 Status", both("declaration.status." + d.status()), 12)
			.field("申报时间 Submitted", time(d.submittedAt()), 10)
			.field("结关/放行 Cleared, released", time(d.clearedAt()) + " / " + time(d.releasedAt()), 10)
			.field("版本 Version", d.version() + " · " + TIME.format(time.now()) + " 打印 printed", 8)
			.gap(6)
			.text("各部门审核意见 Decisions of the agencies", 11, Align.LEFT)
			.table(List.of("部门 Agency", "结果 Decision", "经办 By", "时间 At", "理由 Reason"),
					new float[] { 0.22f, 0.18f, 0.15f, 0.15f, 0.30f }, d.tasks().stream()
						.map(t -> List.of(both("declaration.agency." + t.agency()),
								both("declaration.task." + t.status()), nullToEmpty(t.decidedBy()), time(t.decidedAt()),
								nullToEmpty(t.reason())))
						.toList(), 8)
			.text("税费 Duties and taxes (CNY)", 11, Align.LEFT)
			.table(List.of("项 Line", "商品编号 HS", "完税价格 Customs value", "关税 Duty", "消费税 Excise", "增值税 VAT"),
					new float[] { 0.08f, 0.17f, 0.21f, 0.18f, 0.18f, 0.18f }, taxLines(d), 8);
		if (!d.corrections().isEmpty()) {
			// The duties above are the corrected ones: what each correction changed, and what is owed either way.
			pdf.text("通关后修改 Corrections after clearance", 11, Align.LEFT)
				.table(List.of("时间 At", "经办 By", "原因 Reason", "税费 Taxes before → after", "差额 Difference"),
						new float[] { 0.15f, 0.15f, 0.30f, 0.22f, 0.18f }, d.corrections().stream()
							.map(c -> List.of(time(c.correctedAt()), c.correctedBy(), c.reason(),
									amount(c.taxesBefore()) + " → " + amount(c.taxesAfter()), difference(c)))
							.toList(), 8);
		}
		if (d.duties() != null) {
			pdf.field("税款缴纳 Payment", payment(d.duties()), 10).gap(6);
		}
		List<WriteOff> writeOffs = permits.writeOffsOf(d.id());
		pdf.text("核销许可证件 Permits written off", 11, Align.LEFT);
		if (writeOffs.isEmpty()) {
			pdf.text("无 None", 9, Align.LEFT).gap(8);
		} else {
			pdf.table(List.of("项 Line", "许可证号 Permit", "数量 Quantity", "金额 Value (CNY)", "状态 State"),
					new float[] { 0.08f, 0.34f, 0.18f, 0.2f, 0.2f }, writeOffs.stream()
						.map(w -> List.of(String.valueOf(w.lineNo()), w.permitNumber(), amount(w.quantity()),
								amount(w.valueCny()), w.restoredAt() == null ? "已核销 written off"
										: "已退回 restored " + time(w.restoredAt())))
						.toList(), 8);
		}
		return pdf.text("核验 Verify: " + url, 7, Align.LEFT).toPdf();
	}

	private List<List<String>> taxLines(DeclarationView d) {
		List<List<String>> rows = new ArrayList<>();
		for (DeclarationView.Item i : d.items()) {
			rows.add(List.of(String.valueOf(i.lineNo()), i.hsCode(), amount(i.customsValueCny()), amount(i.duty()),
					amount(i.excise()), amount(i.vat())));
		}
		rows.add(List.of("", "合计 Total", amount(d.totalCustomsValue()), amount(d.totalDuty()), amount(d.totalExcise()),
				amount(d.totalVat())));
		if (d.taxesWaived() != null && d.taxesWaived().any()) {
			// what the small-amount rule did not collect (each tax of 50 CNY or less), beside what the totals collect
			rows.add(List.of("", "免征 Waived (≤ 50)", "", amount(d.taxesWaived().duty()),
					amount(d.taxesWaived().excise()), amount(d.taxesWaived().vat())));
		}
		if (d.totalRemedy() != null) {
			// anti-dumping, countervailing and safeguard duties: part of the taxes, not of the duty column
			rows.add(List.of("", "贸易救济税 Trade remedies", amount(d.totalRemedy()), "", "", ""));
		}
		rows.add(List.of("", "税费合计 Taxes", amount(d.totalTaxes()), "", "", ""));
		return rows;
	}

	/** Whether the duties are paid, as customs recorded it, or by when they are due and what paying today costs. */
	private static String payment(DeclarationView.Duties duties) {
		DeclarationView.Payment paid = duties.payment();
		if (paid != null) {
			return "已缴纳 paid " + amount(paid.amount()) + " CNY " + paid.paidOn() + " · " + paid.reference()
					+ (duties.guarantee() != null && "ENFORCED".equals(duties.guarantee().state())
							? " · 从担保中抵缴 taken from the guarantee " + duties.guarantee().reference() : "");
		}
		if (duties.refundDue() != null) {
			return "撤销时未缴纳 cancelled before the duties were paid"
					+ (duties.guarantee() == null ? "" : " · 担保已退还 guarantee returned " + duties.guarantee().reference());
		}
		if (duties.paymentUnrecorded()) {
			return "未记录 not on record (放行早于本平台登记缴款 released before payments were recorded)";
		}
		if (!duties.firstNoticeOwes()) {
			return "首次缴款书无应缴税款 nothing owed on the first notice"
					+ (duties.differencesUnpaid().signum() == 0 ? ""
							: " · 更正补税未缴纳 a correction's notice unpaid: " + amount(duties.differencesUnpaid()) + " CNY")
					+ (duties.guarantee() == null ? "" : " · 担保已退还 guarantee returned " + duties.guarantee().reference());
		}
		return "未缴纳 unpaid: " + amount(duties.amountDue()) + " CNY, 缴款期限 pay by " + duties.payBy()
				+ (duties.overdue() ? " · 已逾期 overdue" : "")
				+ (duties.guarantee() == null ? ""
						: " · 已担保 guaranteed " + duties.guarantee().kind() + " " + duties.guarantee().reference());
	}

	/** What a correction leaves owed: collected (补税) when it raised the taxes, refunded (退税) when it lowered them. */
	private static String difference(DeclarationView.Correction c) {
		int sign = c.taxDifference().signum();
		String owed = sign == 0 ? "0.00" : (sign > 0 ? "补税 collect " : "退税 refund ") + amount(c.taxDifference().abs());
		// Made after the payment or the release: its own notice, settled or not.
		DeclarationView.Difference own = c.difference();
		if (own == null) {
			return owed;
		}
		return owed + (own.payment() != null ? " · 已结清 settled " + own.payment().paidOn() + " " + own.payment().reference()
				: " · 未结清 unsettled" + (own.payBy() == null ? "" : ", 缴款期限 pay by " + own.payBy()));
	}

	private String both(String key) {
		return both(messages, key);
	}

	/** A wording in Chinese, then in English, as the platform's printed documents show each. */
	static String both(MessageSource messages, String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE) + " "
				+ messages.getMessage(key, null, key, Locale.ENGLISH);
	}

	/** A time as the declaration's printed documents show it, in the zone: {@code 2026-12-07 14:04}, "—" for none. */
	static String time(Instant at) {
		return at == null ? "—" : TIME.format(at);
	}

	/** An amount as the printed documents show it: to the fen, "—" when there is none. */
	static String amount(BigDecimal value) {
		return value == null ? "—" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
