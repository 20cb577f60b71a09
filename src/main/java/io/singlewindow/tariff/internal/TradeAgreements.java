package io.singlewindow.tariff.internal;

import io.singlewindow.core.CountryCode;

/** Which countries are parties to which preferential trade agreement. */
interface TradeAgreements {

	boolean isParty(String agreement, CountryCode country);

	boolean exists(String agreement);
}
