package io.singlewindow.declaration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.PrintedDocument;
import io.singlewindow.platform.PrintedDocument.Align;
import io.singlewindow.platform.PublicLinks;

/**
 * The declaration as declared, printed (报关单打印): the header and every line the declarant keeps with its invoices
 * and packing lists, and shows the carrier or the warehouse — what was declared, not what was decided (that is the
 * consolidated response, {@link ResponseDocument}). Each code with its name in Chinese and English, the declarant by
 * name. Its QR code opens the public verification page with the number of changes to the declared content (amendments
 * by the declarant, corrections by customs) when printed, so the page can say whether the copy is still what stands.
 */
@Component
class DeclarationDocument {

	private final MessageSource messages;
	private final PublicLinks links;
	private final DeclaredNames names;
	private final BusinessTime time;

	DeclarationDocument(MessageSource messages, PublicLinks links, DeclaredNames names, BusinessTime time) {
		this.messages = messages;
		this.links = links;
		this.names = names;
		this.time = time;
	}

	/** The verification page's address for a printed declaration: its number and how often its content changed. */
	static String verificationPath(DeclarationView d) {
		return "/verify/declarations/" + d.number() + "?d=" + DeclaredCopy.changesOf(d);
	}

	byte[] render(DeclarationView d) {
		String url = links.to(verificationPath(d));
		boolean imported = "IMPORT".equals(d.flow());
		String declarant = names.declarant(d.declarant(), Locale.SIMPLIFIED_CHINESE);
		PrintedDocument pdf = PrintedDocument.a4((imported ? "进口货物报关单 Import" : "出口货物报关单 Export")
				+ " goods declaration " + d.number())
			.qrCode(url, 84, "扫描二维码核验\nScan to verify")
			.text("中国（福建）自由贸易试验区厦门片区 国际贸易单一窗口", 9, Align.LEFT)
			.text("International Trade Single Window, Xiamen Area", 7, Align.LEFT)
			.gap(10)
			.text(imported ? "进口货物报关单" : "出口货物报关单", 20, Align.LEFT)
			.text((imported ? "Import" : "Export") + " goods declaration, as declared", 11, Align.LEFT)
			.moveTo(PrintedDocument.a4Height() - 160)
			.field("报关单号 Number", d.number(), 11)
			.field("申报单位 Declarant", (declarant == null ? "" : declarant + " ") + d.declarant(), 10)
			.field("客户编号 Reference", orDash(Declarations.ownReference(d.clientReference())), 9)
			.field("申报 Submitted", time(d.submittedAt()) + " · " + orDash(d.submittedBy()), 9)
			.field("状态 Status", both("declaration.status." + d.status()), 9)
			.gap(4)
			.field(imported ? "境内收货人 Consignee" : "境内发货人 Consignor",
					orDash(imported ? d.consignee() : d.consignor()), 9)
			.field(imported ? "境外发货人 Consignor" : "境外收货人 Consignee",
					orDash(imported ? d.consignor() : d.consignee()), 9)
			.field(imported ? "进境口岸 Port" : "出境口岸 Port", names.port(d.port()), 9)
			.field("监管方式 Trade mode", named(d.tradeMode(), names::tradeMode), 9)
			.field("运输方式 Transport", named(d.transportMode(), names::transportMode), 9)
			.field("启运国(地区) Dispatch", named(d.originCountry(), names::country), 9)
			.field("运抵国(地区) Destination", named(d.destinationCountry(), names::country), 9)
			.field("贸易国(地区) Trading", named(d.tradingCountry(), names::country), 9)
			.field("成交方式 Terms", named(d.incoterm(), names::incoterm), 9)
			.field("币制 Currency", named(d.currency(), names::currency), 9)
			.field("运费/保费 Freight/ins.", amount(d.freight()) + " / " + amount(d.insurance()), 9)
			.field("件数 Packages", String.valueOf(d.packages()), 9)
			.field("毛重/净重 Weight kg", weight(d.grossWeight()) + " / " + weight(d.netWeight()), 9)
			.gap(6)
			.text("商品 Goods", 11, Align.LEFT)
			.table(List.of("项号\nNo.", "商品编号\nHS code", "商品名称\nDescription", "数量及单位\nQuantity",
					"单价 / 总价\nUnit price / value (" + d.currency() + ")", "原产国\nOrigin", "证件\nPermit, certificate"),
					new float[] { 0.06f, 0.13f, 0.19f, 0.16f, 0.17f, 0.12f, 0.17f }, lines(d), 8)
			.gap(4);
		return pdf.text("本单打印申报内容，各部门审核意见见审核结果。This copy shows what was declared; what the agencies "
				+ "decided is on the consolidated response.", 8, Align.LEFT)
			.text("打印 Printed " + time(time.now()) + " · 核验 Verify: " + url, 7, Align.LEFT)
			.toPdf();
	}

	private List<List<String>> lines(DeclarationView d) {
		List<List<String>> rows = new ArrayList<>();
		for (DeclarationView.Item i : d.items()) {
			rows.add(List.of(String.valueOf(i.lineNo()), i.hsCode(), i.description(),
					i.quantity().stripTrailingZeros().toPlainString() + " " + unit(i.unit()),
					unitPrice(i) + " / " + amount(i.value()), named(i.origin(), names::country), documents(i)));
		}
		return rows;
	}

	/**
	 * {@code 千克 kg (KGM)}: the unit by its names in both languages, and by its code, which is what was declared; the
	 * code alone for a unit the shipped lists do not name.
	 */
	private String unit(String code) {
		String chinese = names.unit(code, Locale.SIMPLIFIED_CHINESE);
		String english = names.unit(code, Locale.ENGLISH);
		if (english.equals(code)) {
			return code;
		}
		return (chinese.equals(english) ? english : chinese + " " + english) + " (" + code + ")";
	}

	/** The permit and the certificate of origin a line presents, each with its number. */
	private static String documents(DeclarationView.Item i) {
		List<String> presented = new ArrayList<>();
		if (i.permitNumber() != null) {
			presented.add(i.permitNumber());
		}
		if (i.certificateNumber() != null) {
			presented.add((i.certificateAgreement() == null ? "" : i.certificateAgreement() + " ") + i.certificateNumber());
		}
		if (i.tariffQuotaCertificate() != null) {
			presented.add(i.tariffQuotaCertificate());
		}
		return presented.isEmpty() ? "—" : String.join("\n", presented);
	}

	/** The value a unit, to four places as the form's unit price column shows it. */
	private static String unitPrice(DeclarationView.Item i) {
		if (i.value() == null || i.quantity() == null || i.quantity().signum() == 0) {
			return "—";
		}
		return i.value().divide(i.quantity(), 4, RoundingMode.HALF_UP).toPlainString();
	}

	/** {@code 0110 一般贸易 General trade}: the code once, its names in both languages. */
	private static String named(String code, java.util.function.BiFunction<String, Locale, String> name) {
		if (code == null || code.isBlank()) {
			return "—";
		}
		String chinese = name.apply(code, Locale.SIMPLIFIED_CHINESE);
		String english = name.apply(code, Locale.ENGLISH);
		String englishName = english.startsWith(code) ? english.substring(code.length()).strip() : english;
		return englishName.isEmpty() || chinese.endsWith(englishName) ? chinese : chinese + " " + englishName;
	}

	private String both(String key) {
		return ResponseDocument.both(messages, key);
	}

	private static String time(Instant at) {
		return ResponseDocument.time(at);
	}

	private static String amount(BigDecimal value) {
		return ResponseDocument.amount(value);
	}

	private static String weight(BigDecimal kilograms) {
		return kilograms == null ? "—" : kilograms.stripTrailingZeros().toPlainString();
	}

	private static String orDash(String text) {
		return text == null || text.isBlank() ? "—" : text;
	}
}
