package dev.aihq.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsentRecordTest {

    private static final ShopId SHOP = ShopId.of("kaspi_123");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");
    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(1));
    private static final Instant T2 = T0.plus(Duration.ofHours(2));

    private final ConsentRecord unknown = ConsentRecord.unknown(SHOP, CUSTOMER);

    @Test
    void starts_unknown_allowing_messages_but_not_marketing() {
        assertThat(unknown.status()).isEqualTo(ConsentStatus.UNKNOWN);
        assertThat(unknown.askedAt()).isNull();
        assertThat(unknown.marketingPaused()).isFalse();
        assertThat(unknown.source()).isEqualTo(ConsentRecord.NONE);
        assertThat(unknown.allowsMessages()).isTrue();
        assertThat(unknown.allowsMarketing()).isFalse();
    }

    @Test
    void moves_unknown_to_asked_and_records_when() {
        ConsentRecord asked = unknown.apply(ConsentEvent.ASKED, T0, "consent-question");

        assertThat(asked.status()).isEqualTo(ConsentStatus.ASKED);
        assertThat(asked.askedAt()).isEqualTo(T0);
        assertThat(asked.updatedAt()).isEqualTo(T0);
        assertThat(asked.source()).isEqualTo("consent-question");
        assertThat(asked.allowsMarketing()).isFalse();
    }

    @Test
    void asks_only_once_keeping_the_first_time() {
        ConsentRecord asked = unknown.apply(ConsentEvent.ASKED, T0, "consent-question");

        assertThat(asked.apply(ConsentEvent.ASKED, T1, "consent-question")).isSameAs(asked);
    }

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = {"OPTED_IN", "DECLINED", "OPTED_OUT"})
    void does_not_ask_a_customer_who_answered(ConsentStatus answered) {
        ConsentRecord record = new ConsentRecord(SHOP, CUSTOMER, answered, false, null, T0, "button");

        ConsentRecord after = record.apply(ConsentEvent.ASKED, T1, "consent-question");

        assertThat(after).isSameAs(record);
        assertThat(after.askedAt()).isNull();
    }

    @Test
    void grants_and_declines_from_any_status_but_opted_out() {
        ConsentRecord granted = unknown.apply(ConsentEvent.ASKED, T0, "q").apply(ConsentEvent.GRANTED, T1, "button");
        assertThat(granted.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(granted.askedAt()).isEqualTo(T0);
        assertThat(granted.allowsMarketing()).isTrue();

        ConsentRecord declined = granted.apply(ConsentEvent.DECLINED, T2, "text");
        assertThat(declined.status()).isEqualTo(ConsentStatus.DECLINED);
        assertThat(declined.allowsMarketing()).isFalse();
        assertThat(declined.allowsMessages()).isTrue();

        assertThat(declined.apply(ConsentEvent.GRANTED, T2, "import").status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(unknown.apply(ConsentEvent.DECLINED, T0, "text").status()).isEqualTo(ConsentStatus.DECLINED);
    }

    @ParameterizedTest
    @EnumSource(ConsentEvent.class)
    void keeps_an_opt_out_for_good(ConsentEvent event) {
        ConsentRecord out = unknown.apply(ConsentEvent.OPTED_OUT, T0, "text");

        ConsentRecord after = out.apply(event, T1, "import");

        assertThat(after.status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(after.allowsMessages()).isFalse();
        assertThat(after.allowsMarketing()).isFalse();
    }

    @Test
    void opts_out_from_opted_in() {
        ConsentRecord out = unknown.apply(ConsentEvent.GRANTED, T0, "button").apply(ConsentEvent.OPTED_OUT, T1, "text");

        assertThat(out.status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(out.allowsMessages()).isFalse();
    }

    @Test
    void pauses_and_resumes_marketing_whatever_the_status() {
        ConsentRecord granted = unknown.apply(ConsentEvent.GRANTED, T0, "button");

        ConsentRecord paused = granted.apply(ConsentEvent.MARKETING_STOPPED, T1, "whatsapp:user_preferences");
        assertThat(paused.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(paused.marketingPaused()).isTrue();
        assertThat(paused.allowsMarketing()).isFalse();
        assertThat(paused.allowsMessages()).isTrue();

        ConsentRecord resumed = paused.apply(ConsentEvent.MARKETING_RESUMED, T2, "whatsapp:user_preferences");
        assertThat(resumed.status()).isEqualTo(ConsentStatus.OPTED_IN);
        assertThat(resumed.marketingPaused()).isFalse();
        assertThat(resumed.allowsMarketing()).isTrue();
    }

    @Test
    void keeps_the_pause_when_the_status_changes() {
        ConsentRecord paused = unknown.apply(ConsentEvent.MARKETING_STOPPED, T0, "whatsapp:user_preferences");
        assertThat(paused.status()).isEqualTo(ConsentStatus.UNKNOWN);
        assertThat(paused.marketingPaused()).isTrue();

        ConsentRecord granted = paused.apply(ConsentEvent.GRANTED, T1, "button");
        assertThat(granted.marketingPaused()).isTrue();
        assertThat(granted.allowsMarketing()).isFalse();

        ConsentRecord outPaused = paused.apply(ConsentEvent.OPTED_OUT, T1, "text")
                .apply(ConsentEvent.MARKETING_RESUMED, T2, "whatsapp:user_preferences");
        assertThat(outPaused.status()).isEqualTo(ConsentStatus.OPTED_OUT);
        assertThat(outPaused.marketingPaused()).isFalse();
    }

    @Test
    void returns_the_same_instance_when_nothing_changes() {
        ConsentRecord granted = unknown.apply(ConsentEvent.GRANTED, T0, "button");

        assertThat(granted.apply(ConsentEvent.GRANTED, T1, "text")).isSameAs(granted);
        assertThat(granted.apply(ConsentEvent.MARKETING_RESUMED, T1, "whatsapp:user_preferences")).isSameAs(granted);
        assertThat(unknown.apply(ConsentEvent.MARKETING_RESUMED, T1, "whatsapp:user_preferences")).isSameAs(unknown);
        ConsentRecord out = granted.apply(ConsentEvent.OPTED_OUT, T1, "text");
        assertThat(out.apply(ConsentEvent.OPTED_OUT, T2, "button")).isSameAs(out);
        assertThat(out.apply(ConsentEvent.GRANTED, T2, "button")).isSameAs(out);
    }

    @Test
    void records_the_time_and_source_of_a_change() {
        ConsentRecord granted = unknown.apply(ConsentEvent.GRANTED, T1, "whatsapp:button");

        assertThat(granted.updatedAt()).isEqualTo(T1);
        assertThat(granted.source()).isEqualTo("whatsapp:button");
        assertThat(granted.shopId()).isEqualTo(SHOP);
        assertThat(granted.customer()).isEqualTo(CUSTOMER);
    }

    @Test
    void rejects_a_blank_or_too_long_source() {
        assertThatThrownBy(() -> unknown.apply(ConsentEvent.GRANTED, T0, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> unknown.apply(ConsentEvent.GRANTED, T0, "x".repeat(ConsentRecord.MAX_SOURCE_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(unknown.apply(ConsentEvent.GRANTED, T0, "x".repeat(ConsentRecord.MAX_SOURCE_LENGTH)).status())
                .isEqualTo(ConsentStatus.OPTED_IN);
        assertThatThrownBy(() -> new ConsentRecord(SHOP, CUSTOMER, ConsentStatus.UNKNOWN, false, null, T0, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describes_the_consent_without_the_number() {
        ConsentRecord paused = unknown.apply(ConsentEvent.GRANTED, T0, "whatsapp:button")
                .apply(ConsentEvent.MARKETING_STOPPED, T1, "whatsapp:user_preferences");

        assertThat(unknown.describe()).isEqualTo("UNKNOWN");
        assertThat(unknown.apply(ConsentEvent.GRANTED, T0, "whatsapp:button").describe())
                .isEqualTo("OPTED_IN by whatsapp:button at 2026-03-02T07:00:00Z");
        assertThat(paused.describe()).isEqualTo(
                "OPTED_IN by whatsapp:user_preferences at 2026-03-02T08:00:00Z, marketing paused by the customer");
        assertThat(paused.describe()).doesNotContain("7011234567");
    }

    @Test
    void shows_the_record_with_the_number_masked() {
        ConsentRecord granted = unknown.apply(ConsentEvent.GRANTED, T0, "whatsapp:button");

        assertThat(granted.toString()).contains("kaspi_123", CUSTOMER.masked(), "OPTED_IN")
                .doesNotContain(CUSTOMER.e164()).doesNotContain("1234567");
    }
}
