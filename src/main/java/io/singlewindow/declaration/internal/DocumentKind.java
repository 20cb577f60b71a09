package io.singlewindow.declaration.internal;

import io.singlewindow.core.Problem;

/**
 * What a supporting document is (随附单证类别): the documents China's single window asks declarants to attach, by the
 * name a declarant and an officer both use. The codes are a public contract of the API.
 */
enum DocumentKind {

	/** Commercial invoice (发票). */
	INVOICE,
	/** Packing list (装箱单). */
	PACKING_LIST,
	/** Sales contract (合同). */
	CONTRACT,
	/** Bill of lading, air waybill or rail consignment note (提运单). */
	TRANSPORT_DOCUMENT,
	/** Certificate of origin, for a preferential or a conventional rate (原产地证明). */
	CERTIFICATE_OF_ORIGIN,
	/** A permit or licence issued outside the platform (许可证件). */
	PERMIT,
	/** An inspection, quarantine or phytosanitary certificate (检验检疫证书). */
	INSPECTION_CERTIFICATE,
	/** Anything an officer asked for that is none of the above (其他). */
	OTHER;

	/**
	 * @throws Problem {@code INVALID_INPUT} at {@code kind}: {@code REQUIRED} when none is given,
	 *     {@code DOCUMENT_KIND_UNKNOWN} for a code that is none of these
	 */
	static DocumentKind read(String raw) {
		if (raw == null || raw.isBlank()) {
			throw Problem.invalidField("kind", "REQUIRED");
		}
		String code = raw.strip();
		for (DocumentKind kind : values()) {
			if (kind.name().equals(code)) {
				return kind;
			}
		}
		// The value is not echoed: it is whatever the caller sent, of any length.
		throw Problem.invalidField("kind", "DOCUMENT_KIND_UNKNOWN");
	}
}
