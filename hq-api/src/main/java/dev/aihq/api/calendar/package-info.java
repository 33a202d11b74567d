/**
 * Business calendars: which days are working days in a country (weekends, public holidays and the
 * government's transferred days off and working days) and whether a statutory deadline that falls on a day
 * off moves to the next working day. Used for tax due dates and legal deadlines.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.calendar;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
