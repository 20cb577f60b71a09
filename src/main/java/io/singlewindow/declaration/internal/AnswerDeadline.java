package io.singlewindow.declaration.internal;

import java.time.LocalDate;

import io.singlewindow.calendar.WorkingCalendar;

/**
 * By when the declarant is asked to answer an agency's question: the {@code workingDays}-th working day of the
 * zone's calendar after the day the question was asked (weekends, public holidays and the adjusted working weekends
 * counted as the zone counts them), so that the declarant has a date to meet and the agency's officer sees who is
 * late. A date passed changes nothing by itself: rejecting the declaration for want of an answer stays the officer's
 * decision, taken with the reason in words, as every rejection is.
 *
 * @param workingDays working days the declarant has; the zone sets it ({@code singlewindow.declarations.answer-working-days})
 */
record AnswerDeadline(int workingDays) {

	/** More than three months of working days is no deadline at all: a setting beyond it is a typing error. */
	static final int MOST_WORKING_DAYS = 60;

	AnswerDeadline {
		if (workingDays < 1 || workingDays > MOST_WORKING_DAYS) {
			throw new IllegalArgumentException("singlewindow.declarations.answer-working-days must be 1 to "
					+ MOST_WORKING_DAYS + " working days, not " + workingDays);
		}
	}

	/** The last day the declarant answers in time, for a question asked on {@code askedOn} (a day of the zone). */
	LocalDate answerBy(LocalDate askedOn, WorkingCalendar calendar) {
		return calendar.after(askedOn, workingDays);
	}

	/** Whether an answer due by {@code answerBy} is late on {@code today}: the whole last day still counts. */
	static boolean overdue(LocalDate answerBy, LocalDate today) {
		return answerBy != null && today.isAfter(answerBy);
	}
}
