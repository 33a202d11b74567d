package dev.aihq.api.store;

import java.util.Objects;

/**
 * The answer of {@link EventJournal#append(JournalEntry, RunLease)}.
 *
 * @param appended {@code true} when the entry is new; {@code false} when the key was already journaled
 * @param entry the stored entry: the new one, or the first one with that key
 */
public record JournalResult(boolean appended, JournalEntry entry) {

    /** Requires the entry. */
    public JournalResult {
        Objects.requireNonNull(entry, "entry");
    }
}
