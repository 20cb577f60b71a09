package io.singlewindow.declaration.internal;

import java.math.BigDecimal;

/**
 * One line's declared value as customs corrects it, in the declaration currency on its incoterm.
 *
 * @param lineNo the line's number (1 for the first)
 */
record CorrectedValue(Integer lineNo, BigDecimal value) {
}
