/**
 * The shipped business calendars of Kazakhstan and Russia for 2025–2026, read from resource data files
 * ({@code KZ.calendar}, {@code RU.calendar}) by {@link dev.aihq.agents.calendar.BusinessCalendars}. The tax
 * engine uses them for due dates; the legal agent for its deadlines.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.calendar;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
