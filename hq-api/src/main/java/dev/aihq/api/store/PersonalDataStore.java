package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * Erasure and retention of customers' personal data across every store of one database (Kazakhstan's law on
 * personal data, Russia's 152-FZ, marketplaces' rules on buyers' data). Thread-safe.
 *
 * <p><b>Erasure</b> ({@link #erase}) removes or anonymises everything a shop holds about one customer and
 * keeps the numbers the accountant needs:
 * <ul>
 *   <li>purchases stay with their order, time, lines, currency and total, but lose the customer: they become
 *       anonymous, so a month's totals and counts do not change;</li>
 *   <li>journaled events that mention the customer lose their payload; the entry's key, type, run and time
 *       stay, so a redelivered event is still answered as a duplicate, and its event reads back as an
 *       {@link ErasedEvent};</li>
 *   <li>the customer's runs in the run log lose their result (the message written to the customer); the
 *       stages, agent trace and reason of every run that mentions the customer are cleaned of the phone
 *       and the name; the run's id, outcome and times stay;</li>
 *   <li>the customer's outbox messages are deleted, whatever their status (pending ones are never sent);</li>
 *   <li>the customer's conversation is deleted, and other messages of the shop that mention the customer
 *       are cleaned;</li>
 *   <li>the customer is put on the shop's {@link SuppressionStore suppression list} with reason
 *       {@value #ERASED_REASON}: only a keyed hash of the phone remains, so a customer who asked to be
 *       forgotten is never messaged again, even when a later order brings the number back. Erasure implies
 *       suppression; {@link SuppressionStore#lift} undoes only the latter.</li>
 * </ul>
 * Where a text has to be cleaned rather than deleted, {@link CustomerMentions} decides what is the
 * customer's: the number in any of its usual forms, the full name, and, in the customer's own rows, each
 * word of the name; each is replaced by {@value CustomerMentions#ERASED}. A store implements erasure in one
 * transaction where it has them: all of it happens, or nothing. Nothing of another shop is touched, even
 * for the same number. A run of the customer still in flight while they are erased may write its record
 * afterwards: erase again once it has ended (erasure is idempotent).
 *
 * <p><b>Retention</b> ({@link #purgeBefore}) is what the retention job runs for each shop with the shop's
 * {@link dev.aihq.api.shop.ShopSettings#personalDataRetention()}: it blanks the payloads of finished runs
 * (result, agent trace, stages) and of finished journal entries, and deletes conversation messages and
 * finished (sent, failed, cancelled) outbox messages, older than a cutoff. It keeps each run's id, outcome,
 * reason and times, each journal entry's key (redeliveries stay duplicates) and every purchase. Prompts
 * are never stored, so there are none to purge: the run log keeps only a SHA-256 of each prompt.
 */
public interface PersonalDataStore {

    /** The suppression reason of an erased customer. */
    String ERASED_REASON = "erased";

    /**
     * Erases a customer of a shop: see the type's description for what is deleted, what is anonymised and
     * what is kept. Idempotent: erasing again finds nothing more and keeps the customer suppressed.
     *
     * @param shopId the shop; no other shop's data is touched
     * @param customer the customer's number
     * @param customerName the customer's name as the shop knows it (e.g. from the marketplace's order), to
     *     clean from texts; or {@code null} when unknown, and then only the number is looked for. See
     *     {@link CustomerMentions#requireValidName(String)} for what is accepted
     * @param at when, recorded as the suppression's time
     * @return what was erased, per kind
     * @throws IllegalArgumentException when the name is blank, shorter than 2 or longer than
     *     {@value CustomerMentions#MAX_NAME_LENGTH} characters
     * @throws dev.aihq.api.error.ConfigurationException when the store cannot keep the suppression (e.g. JDBC
     *     stores built without a suppression key); nothing is changed then
     * @throws dev.aihq.api.error.StoreException when the storage fails; nothing is changed then, where the store has
     *     transactions
     */
    ErasureReport erase(ShopId shopId, PhoneNumber customer, @Nullable String customerName, Instant at);

    /**
     * Purges a shop's personal data older than a cutoff, for retention: blanks the result, agent trace and
     * stages of finished runs started before it and the payloads of finished journal entries received before
     * it, and deletes conversation messages and finished (sent, failed, cancelled) outbox messages from before
     * it. Pending and claimed messages, unfinished runs and journal entries, purchases and the suppression
     * list are never purged. Idempotent: purging again with the same cutoff changes nothing.
     *
     * @param shopId the shop; no other shop's data is touched
     * @param before data strictly older than this is purged
     * @return what was purged, per kind
     * @throws dev.aihq.api.error.StoreException when the storage fails
     */
    PurgeReport purgeBefore(ShopId shopId, Instant before);
}
