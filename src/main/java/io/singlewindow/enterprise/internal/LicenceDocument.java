package io.singlewindow.enterprise.internal;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.enterprise.BusinessActivity;
import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.enterprise.EnterpriseStatus;
import io.singlewindow.platform.BusinessTime;
import io.singlewindow.platform.PrintedDocument;
import io.singlewindow.platform.PrintedDocument.Align;
import io.singlewindow.platform.PublicLinks;

/**
 * The business licence as a PDF, laid out like China's business licence (营业执照): the USCC at the top left, the
 * verification QR code at the top right, the title, the registered facts, and the registration authority with the
 * date of issue at the bottom right. Chinese first, English beneath, so the document serves foreign partners too.
 * The QR code opens {@code /verify/{uscc}?v={version}}: the verification page says whether the licence is still in
 * force and whether it changed since this copy was printed.
 */
@Component
class LicenceDocument {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
	private static final Locale EN = Locale.ENGLISH;
	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final MessageSource messages;
	private final PublicLinks links;

	LicenceDocument(MessageSource messages, PublicLinks links) {
		this.messages = messages;
		this.links = links;
	}

	/** The path of the public verification page for this version of the licence. */
	static String verificationPath(Licence licence) {
		return "/verify/" + licence.enterprise().uscc() + "?v=" + licence.version();
	}

	/** The date the licence in this version was issued: the last amendment, or else the establishment. */
	static LocalDate issuedOn(Licence licence) {
		return licence.amendments().stream()
			.map(Licence.Change::amendedAt)
			.max(Comparator.naturalOrder())
			.map(at -> LocalDate.ofInstant(at, BusinessTime.ZONE))
			.orElse(licence.establishedOn());
	}

	byte[] render(Licence licence) {
		Enterprise e = licence.enterprise();
		String url = links.to(verificationPath(licence));
		PrintedDocument pdf = PrintedDocument.a4("营业执照 Business licence " + e.uscc())
			.frame()
			.qrCode(url, 92, "扫描二维码核验本执照\nScan to verify this licence")
			.gap(6)
			.text("统一社会信用代码", 10, Align.LEFT)
			.text("Unified Social Credit Code", 7, Align.LEFT)
			.text(e.uscc().value(), 15, Align.LEFT)
			.moveTo(PrintedDocument.a4Height() - 175)
			.title("营业执照", 32)
			.text("BUSINESS LICENCE", 11, Align.CENTRE)
			.gap(10);
		if (e.status() != EnterpriseStatus.ACTIVE) {
			pdf.text("本执照已失效：" + zh("enterprise.status." + e.status()) + " — This licence is not in force: "
					+ en("enterprise.status." + e.status()), 13, Align.CENTRE).gap(6);
		}
		for (String warning : licence.warnings()) {
			pdf.text(zh("enterprise.warning." + warning) + " " + en("enterprise.warning." + warning), 8, Align.CENTRE);
		}
		pdf.gap(8)
			.field("名　　称", e.nameZh(), 12)
			.field("Name", e.nameEn() == null ? "" : e.nameEn(), 9)
			.field("类　　型", zh("enterprise.entityType." + e.entityType()), 12)
			.field("Type", en("enterprise.entityType." + e.entityType()), 9)
			.field("法定代表人", e.legalRepresentative(), 12)
			.field("Legal representative", e.legalRepresentative(), 9)
			.field("注册资本", capital(e) + " " + currencyZh(e.capitalCurrency().value()), 12)
			.field("Registered capital", capital(e) + " " + e.capitalCurrency().value(), 9)
			.field("成立日期", CHINESE_DATE.format(licence.establishedOn()), 12)
			.field("Date of establishment", licence.establishedOn().toString(), 9)
			.field("住　　所", zh("enterprise.zoneArea." + licence.zoneArea()) + " " + e.address(), 12)
			.field("Registered address", en("enterprise.zoneArea." + licence.zoneArea()) + ", " + e.address(), 9)
			.field("经营范围", licence.businessScope().stream().map(a -> a.nameZh() + (a.regulated() ? "*" : ""))
				.collect(Collectors.joining("；")) + "。", 12)
			.field("Business scope", licence.businessScope().stream().map(BusinessActivity::nameEn)
				.collect(Collectors.joining("; ")) + ".", 9);
		if (licence.businessScope().stream().anyMatch(BusinessActivity::regulated)) {
			pdf.text("*依法须经批准的项目，经相关部门批准后方可开展经营活动。Activities marked * need a permit before they "
					+ "are carried on.", 8, Align.LEFT);
		}
		return pdf.moveTo(150)
			.text("登记机关 Registration authority", 10, Align.RIGHT)
			.text(zh("enterprise.licence.authority.value"), 10, Align.RIGHT)
			.text(en("enterprise.licence.authority.value"), 7, Align.RIGHT)
			.gap(4)
			.text(CHINESE_DATE.format(issuedOn(licence)) + "  (" + issuedOn(licence) + ")", 12, Align.RIGHT)
			.text("发证日期 Date of issue", 8, Align.RIGHT)
			.gap(8)
			.text("核验 Verify: " + url, 7, Align.LEFT)
			.toPdf();
	}

	private static String capital(Enterprise e) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(e.registeredCapital());
	}

	private static String currencyZh(String currency) {
		return switch (currency) {
			case "CNY" -> "元人民币";
			case "USD" -> "美元";
			case "EUR" -> "欧元";
			case "HKD" -> "港元";
			case "JPY" -> "日元";
			case "GBP" -> "英镑";
			default -> currency;
		};
	}

	private String zh(String key) {
		return messages.getMessage(key, null, key, ZH);
	}

	private String en(String key) {
		return messages.getMessage(key, null, key, EN);
	}
}
