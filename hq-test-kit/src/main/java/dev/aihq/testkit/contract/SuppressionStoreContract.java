package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.CUSTOMER;
import static dev.aihq.testkit.Fixtures.NOW;
import static dev.aihq.testkit.Fixtures.OTHER_CUSTOMER;
import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.store.SuppressionStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SuppressionStore}: a suppressed customer stays suppressed until lifted, suppressing
 * twice is harmless, reasons are validated, and shops never see each other's lists. That no phone number is
 * stored cannot be seen through the SPI; implementations check it against their storage. Subclass it and
 * return a new empty store from {@link #createStore()}.
 */
public abstract class SuppressionStoreContract extends StoreContract<SuppressionStore> {

    /** Creates the suite. */
    protected SuppressionStoreContract() {}

    /** An empty list suppresses nobody, and lifting finds nothing. */
    @Test
    public void should_not_suppress_when_list_is_empty() {
        // given
        SuppressionStore store = store();

        // when / then
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isFalse();
        assertThat(store.lift(SHOP_ID, CUSTOMER)).isFalse();
    }

    /** A suppressed customer is suppressed; another customer of the shop is not. */
    @Test
    public void should_suppress_customer_when_suppressed() {
        // given
        SuppressionStore store = store();

        // when
        store.suppress(SHOP_ID, CUSTOMER, "opted-out", NOW);

        // then
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isTrue();
        assertThat(store.isSuppressed(SHOP_ID, OTHER_CUSTOMER)).isFalse();
    }

    /** A number written another way is the same customer once parsed. */
    @Test
    public void should_suppress_customer_when_number_is_written_differently() {
        // given
        SuppressionStore store = store();
        store.suppress(SHOP_ID, PhoneNumber.parse("8 701 123 45 67"), "opted-out", NOW);

        // when / then
        assertThat(store.isSuppressed(SHOP_ID, PhoneNumber.parse("+7 (701) 123-45-67"))).isTrue();
    }

    /** Suppressing again, with another reason and time, keeps one entry that one lift removes. */
    @Test
    public void should_keep_one_entry_when_suppressed_twice() {
        // given
        SuppressionStore store = store();
        store.suppress(SHOP_ID, CUSTOMER, "opted-out", NOW);

        // when
        store.suppress(SHOP_ID, CUSTOMER, "erased", NOW.plus(Duration.ofDays(1)));

        // then
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isTrue();
        assertThat(store.lift(SHOP_ID, CUSTOMER)).isTrue();
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isFalse();
    }

    /** A lifted customer may be messaged again, and lifting twice reports nothing lifted. */
    @Test
    public void should_not_suppress_when_lifted() {
        // given
        SuppressionStore store = store();
        store.suppress(SHOP_ID, CUSTOMER, "opted-out", NOW);

        // when
        boolean lifted = store.lift(SHOP_ID, CUSTOMER);

        // then
        assertThat(lifted).isTrue();
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isFalse();
        assertThat(store.lift(SHOP_ID, CUSTOMER)).isFalse();
    }

    /** A customer can be suppressed again after a lift. */
    @Test
    public void should_suppress_again_when_suppressed_after_lift() {
        // given
        SuppressionStore store = store();
        store.suppress(SHOP_ID, CUSTOMER, "opted-out", NOW);
        store.lift(SHOP_ID, CUSTOMER);

        // when
        store.suppress(SHOP_ID, CUSTOMER, "opted-out", NOW.plusSeconds(60));

        // then
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isTrue();
    }

    /** One shop's list never suppresses the same customer at another shop, nor does its lift. */
    @Test
    public void should_isolate_shops_when_same_customer_is_suppressed() {
        // given
        SuppressionStore store = store();
        store.suppress(SHOP_ID, CUSTOMER, "opted-out", NOW);

        // when / then
        assertThat(store.isSuppressed(OTHER_SHOP_ID, CUSTOMER)).isFalse();
        assertThat(store.lift(OTHER_SHOP_ID, CUSTOMER)).isFalse();
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isTrue();

        store.suppress(OTHER_SHOP_ID, CUSTOMER, "opted-out", NOW);
        store.lift(SHOP_ID, CUSTOMER);
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isFalse();
        assertThat(store.isSuppressed(OTHER_SHOP_ID, CUSTOMER)).isTrue();
    }

    /** A blank or too long reason is rejected and nothing is stored. */
    @Test
    public void should_reject_reason_when_blank_or_too_long() {
        // given
        SuppressionStore store = store();

        // when / then
        assertThatThrownBy(() -> store.suppress(SHOP_ID, CUSTOMER, " ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.suppress(SHOP_ID, CUSTOMER,
                "x".repeat(SuppressionStore.MAX_REASON_LENGTH + 1), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isFalse();
    }

    /** The longest reason and a non-ASCII one are accepted. */
    @Test
    public void should_accept_reason_when_longest_or_non_ascii() {
        // given
        SuppressionStore store = store();

        // when
        store.suppress(SHOP_ID, CUSTOMER, "я".repeat(SuppressionStore.MAX_REASON_LENGTH), NOW);
        store.suppress(SHOP_ID, OTHER_CUSTOMER, "отписался", NOW);

        // then
        assertThat(store.isSuppressed(SHOP_ID, CUSTOMER)).isTrue();
        assertThat(store.isSuppressed(SHOP_ID, OTHER_CUSTOMER)).isTrue();
    }
}
