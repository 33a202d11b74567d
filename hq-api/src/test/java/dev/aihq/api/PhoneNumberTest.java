package dev.aihq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"87011234567", "+7 (701) 123-45-67", "8 701 123 45 67", "77011234567", "7011234567",
            "+77011234567", " 8(701)123-45-67 ", "7 701 123 45 67"})
    void should_normalise_to_one_value_when_a_kazakh_number_is_written_in_any_common_form(String raw) {
        // when
        PhoneNumber number = PhoneNumber.parse(raw);

        // then
        assertThat(number.e164()).isEqualTo("+77011234567");
        assertThat(number.country()).contains("KZ");
    }

    @Test
    void should_tell_russia_from_kazakhstan_when_both_use_plus_seven() {
        assertThat(PhoneNumber.parse("89161234567").country()).contains("RU");
        assertThat(PhoneNumber.parse("+7 747 345 67 89").country()).contains("KZ");
        assertThat(PhoneNumber.parse("+998901234567").country()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0(000)-000-00-00", "+7 701 *** ** 67", "+7(701)XXX-XX-67", "00000000000", "0000000000",
            "+70000000000", "", "   "})
    void should_mean_no_contact_when_the_number_is_masked_or_all_zeros(String raw) {
        assertThat(PhoneNumber.parseContact(raw)).isEmpty();
    }

    @Test
    void should_mean_no_contact_when_the_number_is_null() {
        assertThat(PhoneNumber.parseContact(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "701123456", "9701123456712", "+7 701 123 45 6", "70112345678x9a",
            "phone: 87011234567", "8701+1234567", "++77011234567"})
    void should_fail_with_a_clear_message_when_the_text_is_no_number(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parseContact(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("1234567");
    }

    @Test
    void should_never_print_the_full_number_when_converted_to_text() {
        // given
        PhoneNumber number = PhoneNumber.parse("87011234567");

        // then
        assertThat(number.toString()).isEqualTo("+770******67").doesNotContain("1234");
        assertThat(number.masked()).isEqualTo(number.toString());
        assertThat(number.digits()).isEqualTo("77011234567");
    }

    @Test
    void should_reject_a_record_that_is_not_e164_when_constructed_directly() {
        assertThatThrownBy(() -> new PhoneNumber("87011234567")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E.164");
    }
}
