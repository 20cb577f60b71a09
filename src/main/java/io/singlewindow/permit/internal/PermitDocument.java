package io.singlewindow.permit.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.singlewindow.enterprise.Enterprise;
import io.singlewindow.platform.PrintedDocument;
import io.singlewindow.platform.PrintedDocument.Align;
import io.singlewindow.platform.PublicLinks;

/**
 * An issued permit as an A4 PDF its holder keeps and shows — a carrier, a bank, an inspector on site (许可证打印):
 * number, what it permits, holder, issuing agency, validity, scope, goods and the quota granted, Chinese first and
 * English beside. Its QR code opens the public verification page {@code /verify/permits/{number}}, which says whether
 * the permit is in force today (suspended, revoked or expired since the copy was printed shows there): the paper is
 * only as good as that page. What remains of a quota changes with every declaration and is not printed.
 */
@Component
class PermitDocument {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
	private static final Locale EN = Locale.ENGLISH;
	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final MessageSource messages;
	private final PublicLinks links;

	PermitDocument(MessageSource messages, PublicLinks links) {
		this.messages = messages;
		this.links = links;
	}

	/** The public verification page of a permit. */
	static String verificationPath(IssuedPermit permit) {
		return "/verify/permits/" + permit.number();
	}

	/**
	 * @param holder the holder as registered, {@literal null} when the register has none
	 * @param today the zone's day the copy is printed on: a permit not in force that day says so on the paper
	 */
	byte[] render(IssuedPermit permit, CatalogueEntry entry, Enterprise holder, LocalDate today) {
		String url = links.to(verificationPath(permit));
		PrintedDocument pdf = PrintedDocument.a4("许可证 Permit " + permit.number())
			.frame()
			.qrCode(url, 92, "扫描二维码核验本许可证\nScan to verify this permit")
			.gap(6)
			.text("许可证编号", 10, Align.LEFT)
			.text("Permit number", 7, Align.LEFT)
			.text(permit.number(), 15, Align.LEFT)
			.moveTo(PrintedDocument.a4Height() - 175)
			.text(entry.nameZh(), 22, Align.CENTRE)
			.text(entry.nameEn(), 11, Align.CENTRE)
			.gap(10);
		PermitStatus status = permit.status(today);
		if (status != PermitStatus.IN_FORCE) {
			pdf.text("本许可证现不可使用：" + zh("permit.status." + status) + " — This permit is not in force: "
					+ en("permit.status." + status), 13, Align.CENTRE).gap(6);
		}
		pdf.gap(8)
			.field("持证人", (holder == null ? "" : holder.nameZh() + " ") + permit.holder().value(), 12)
			.field("Holder", (holder == null || holder.nameEn() == null ? "" : holder.nameEn() + " ")
					+ permit.holder().value(), 9)
			.field("发证机关", zh("declaration.agency." + entry.issuingAgency()), 12)
			.field("Issuing agency", en("declaration.agency." + entry.issuingAgency()), 9)
			.field("有效期", CHINESE_DATE.format(permit.validFrom()) + " 至 "
					+ (permit.validUntil() == null ? "撤销之日" : CHINESE_DATE.format(permit.validUntil())), 12)
			.field("Valid", permit.validFrom() + " to "
					+ (permit.validUntil() == null ? "until revoked" : permit.validUntil().toString()), 9);
		if (permit.scope() != null && !permit.scope().isBlank()) {
			pdf.field("许可范围 Scope", permit.scope(), 11);
		}
		if (!permit.goods().isEmpty()) {
			pdf.field("商品编号 Goods (HS)", String.join(", ", permit.goods()), 11);
		}
		if (permit.hasQuantityQuota()) {
			pdf.field("许可数量 Quantity granted",
					permit.quotaQuantity().stripTrailingZeros().toPlainString() + " " + permit.quotaUnit(), 11);
		}
		if (permit.hasValueQuota()) {
			pdf.field("许可金额 Value granted", "CNY " + permit.quotaValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), 11);
		}
		if (permit.hasQuota()) {
			pdf.text("数量、金额随报关核销，余额以单一窗口为准。The quota is written off by declarations; what remains is on "
					+ "the single window, not on this paper.", 8, Align.LEFT);
		}
		LocalDate issued = LocalDate.ofInstant(permit.issuedAt(), io.singlewindow.platform.BusinessTime.ZONE);
		return pdf.moveTo(150)
			.text("发证机关 Issuing agency", 10, Align.RIGHT)
			.text(zh("declaration.agency." + entry.issuingAgency()), 10, Align.RIGHT)
			.gap(4)
			.text(CHINESE_DATE.format(issued) + "  (" + issued + ")", 12, Align.RIGHT)
			.text("发证日期 Date of issue", 8, Align.RIGHT)
			.gap(8)
			.text("核验 Verify: " + url, 7, Align.LEFT)
			.toPdf();
	}

	private String zh(String key) {
		return messages.getMessage(key, null, key, ZH);
	}

	private String en(String key) {
		return messages.getMessage(key, null, key, EN);
	}
}
