package dev.aihq.api.store;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Groups the writes of several stores into one unit: a store that supports it (the JDBC stores) makes
 * every write done by the calling thread inside {@link #inTransaction(Supplier)} commit together, or
 * none of them when the work throws. The pipeline uses it to write the journal entry, the event's own
 * records and the in-progress run record in one commit, and the final run record with the journal's
 * finished mark in another: fewer commits per event, and no state in which one is written without the
 * other.
 *
 * <p>Stores without transactions (the in-memory ones) use {@link #NONE}: the work simply runs, and what
 * it wrote before throwing stays written. Callers must therefore be correct either way; the grouping
 * buys speed and tidiness, never correctness that the stores' own idempotency does not already give.
 *
 * <p>Work on other threads is not part of the unit. Units nest: an inner unit joins the outer one.
 */
@FunctionalInterface
public interface Transactions {

    /** No transactions: the work runs as it is, each store write on its own. */
    Transactions NONE = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return Objects.requireNonNull(work, "work").get();
        }

        @Override
        public String toString() {
            return "Transactions.NONE";
        }
    };

    /**
     * Runs work so that the store writes it makes on this thread commit together when it returns, and
     * are rolled back when it throws (the exception is rethrown as it is). Inside a unit already open on
     * this thread, the work joins it.
     *
     * @param work the work
     * @param <T> its result type
     * @return what the work returned
     * @throws dev.aihq.api.error.StoreException when the unit cannot be begun or committed (nothing of it
     *     is then written)
     */
    <T> T inTransaction(Supplier<T> work);
}
