/**
 * Shared kernel: value types of the trade domain that validate on creation ({@link io.singlewindow.core.Uscc},
 * {@link io.singlewindow.core.HsCode}, {@link io.singlewindow.core.CountryCode}, …) and the problem vocabulary every
 * module uses to reject bad input with a stable code and the offending field.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.singlewindow.core;
