package io.singlewindow.enterprise.internal;

import java.time.LocalDate;

/**
 * An enterprise that already holds a USCC (registered before the platform), recorded by a market-regulation officer
 * with the code as printed on its licence. The application's login fields are optional here.
 */
record ExistingEnterprise(String uscc, LocalDate establishedOn, Application application) {
}
