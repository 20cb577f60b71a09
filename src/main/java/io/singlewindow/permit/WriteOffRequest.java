package io.singlewindow.permit;

import java.math.BigDecimal;
import java.util.UUID;

import io.singlewindow.core.HsCode;
import io.singlewindow.core.Uscc;

/**
 * One declaration item line consuming a permit.
 *
 * @param declarationId the declaration
 * @param lineNo the item line, from 1
 * @param permitNumber the permit the trader referenced
 * @param holder the declarant, who must hold the permit
 * @param hsCode the line's commodity code, which the permit's scope must cover
 * @param quantity the line's quantity in the permit's quota unit
 * @param valueCny the line's value in CNY
 */
public record WriteOffRequest(UUID declarationId, int lineNo, String permitNumber, Uscc holder,
		HsCode hsCode, BigDecimal quantity, BigDecimal valueCny) {
}
