/**
 * The zone's working calendar: which days count as working days for statutory deadlines (weekends and the official
 * public holidays off, the official adjusted weekend working days on), maintained year by year by the administrators
 * from the State Council's annual notice. Other modules count deadlines with {@link io.singlewindow.calendar.ZoneCalendar}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "platform", "identity", "audit" })
package io.singlewindow.calendar;
