package dev.aihq.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import org.junit.jupiter.api.Test;

class CustomerMentionsTest {

    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77011234567");

    @Test
    void should_clean_every_usual_form_of_the_number_when_a_text_holds_them() {
        // given
        CustomerMentions mentions = new CustomerMentions(CUSTOMER, null);
        String text = "a +77011234567 b 77011234567 c 87011234567 d 7011234567 e +7 (701) 123-45-67 f 8-701-123-45-67";

        // when
        String cleaned = mentions.clean(text);

        // then
        assertThat(cleaned).isEqualTo("a [erased] b [erased] c [erased] d [erased] e [erased] f [erased]");
        assertThat(mentions.mentions(text)).isTrue();
    }

    @Test
    void should_leave_other_numbers_when_they_only_share_digits() {
        // given
        CustomerMentions mentions = new CustomerMentions(CUSTOMER, null);
        String text = "order 170112345678, other +77027654321, total 7011234";

        // when / then
        assertThat(mentions.clean(text)).isEqualTo(text);
        assertThat(mentions.mentions(text)).isFalse();
    }

    @Test
    void should_clean_the_full_name_and_each_word_ignoring_case_when_a_name_is_given() {
        // given
        CustomerMentions mentions = new CustomerMentions(CUSTOMER, "  Айгерим Садыкова ");

        // when
        String cleaned = mentions.clean("Здравствуйте, айгерим! Заказ АЙГЕРИМ САДЫКОВА. Айгеримка и Садыковабад");

        // then
        assertThat(mentions.name()).isEqualTo("Айгерим Садыкова");
        assertThat(cleaned).isEqualTo("Здравствуйте, [erased]! Заказ [erased]. Айгеримка и Садыковабад");
    }

    @Test
    void should_search_the_shop_for_the_full_name_only_when_it_has_several_words() {
        assertThat(new CustomerMentions(CUSTOMER, "Айгерим Садыкова").searchTerms())
                .containsExactly("7011234567", "Айгерим Садыкова");
        assertThat(new CustomerMentions(CUSTOMER, "Айгерим").searchTerms()).containsExactly("7011234567");
        assertThat(new CustomerMentions(CUSTOMER, "Айгерим").mentions("Здравствуйте, Айгерим!")).isFalse();
        assertThat(new CustomerMentions(CUSTOMER, "Айгерим").ownTerms()).containsExactly("7011234567", "Айгерим");
        assertThat(new CustomerMentions(PhoneNumber.parse("+4915112345678"), null).searchTerms())
                .containsExactly("4915112345678");
    }

    @Test
    void should_reject_a_name_when_blank_or_too_short_or_too_long() {
        assertThatThrownBy(() -> new CustomerMentions(CUSTOMER, "   "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer name");
        assertThatThrownBy(() -> new CustomerMentions(CUSTOMER, "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer name");
        assertThatThrownBy(() -> new CustomerMentions(CUSTOMER, "x".repeat(CustomerMentions.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer name");
    }
}
