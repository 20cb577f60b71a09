package io.singlewindow.calendar;

/** How a day departs from the ordinary Monday–Friday week. */
public enum DayKind {

	/** A day off: a public holiday, or a weekday freed by the adjustment (调休). */
	OFF,

	/** A Saturday or Sunday that is worked to make up for an adjusted weekday (调休上班). */
	WORK
}
