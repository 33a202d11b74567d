package dev.aihq.channel.greenapi;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.MessageForm;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The channel's own rules: limits, the quick-reply line, the length guard, per-shop credentials. */
class GreenApiChannelTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+77071234567");
    private static final List<QuickReply> YES_NO = List.of(new QuickReply("consent:yes", "Да"),
            new QuickReply("consent:no", "Нет"));

    private GreenApiChannel channel() {
        return GreenApiChannel.builder(GreenApiAccounts.of(Fixtures.SHOP_ID, Payloads.config(SERVER.baseUrl()).build()))
                .build();
    }

    private static OutboundMessage message(String text) {
        return OutboundMessage.text(Fixtures.SHOP_ID, CUSTOMER, text, "consent:order-1", MessageCategory.UTILITY);
    }

    @Test
    void should_declare_4000_characters_of_whatsapp_markup_without_templates_or_buttons() {
        assertThat(channel().name()).isEqualTo("whatsapp-green");
        assertThat(channel().limits()).isEqualTo(new ChannelLimits(4000, MarkupStyle.WHATSAPP, false, 0));
    }

    @Test
    void should_append_the_quick_replies_as_one_line_when_the_message_has_them() {
        // given
        SERVER.stubFor(post(urlPathEqualTo(Payloads.SEND_PATH)).willReturn(okJson("{\"idMessage\":\"QR1\"}")));

        // when
        SendReceipt receipt = channel().send(message("Можно присылать вам предложения?").withQuickReplies(YES_NO));

        // then
        assertThat(receipt.form()).isEqualTo(MessageForm.FREE_TEXT);
        SERVER.verify(postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)).withRequestBody(equalToJson(
                "{\"chatId\":\"77071234567@c.us\",\"message\":\"Можно присылать вам предложения?\\n\\nОтветьте: Да / Нет\","
                        + "\"linkPreview\":false}")));
    }

    @Test
    void should_render_with_the_configured_prompt_and_leave_text_without_replies_unchanged() {
        // given
        GreenApiChannel kazakh = GreenApiChannel.builder(GreenApiAccounts.of(Map.of()))
                .quickReplyPrompt("Жауап беріңіз:").build();

        // when / then
        assertThat(kazakh.render("Ұнады ма?", YES_NO)).isEqualTo("Ұнады ма?\n\nЖауап беріңіз: Да / Нет");
        assertThat(kazakh.render("Ұнады ма?", List.of())).isEqualTo("Ұнады ма?");
    }

    @Test
    void should_send_the_longest_text_that_fits_with_its_quick_reply_line() {
        // given
        String line = "\n\nОтветьте: Да / Нет";
        String text = "я".repeat(GreenApiChannel.MAX_TEXT_LENGTH - line.length());

        // when
        String rendered = channel().render(text, YES_NO);

        // then
        assertThat(rendered).hasSize(GreenApiChannel.MAX_TEXT_LENGTH).endsWith(line);
    }

    @Test
    void should_refuse_without_sending_when_the_quick_reply_line_does_not_fit() {
        // given
        String line = "\n\nОтветьте: Да / Нет";
        String text = "я".repeat(GreenApiChannel.MAX_TEXT_LENGTH - line.length() + 1);

        // when
        Throwable thrown = catchThrowable(() -> channel().send(message(text).withQuickReplies(YES_NO)));

        // then
        assertThat(thrown).isInstanceOf(GreenApiRejectedException.class)
                .hasMessageContaining("shorten the text to at most " + (GreenApiChannel.MAX_TEXT_LENGTH - line.length()));
        assertThat(((GreenApiRejectedException) thrown).failureKind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)))).isEmpty();
    }

    @Test
    void should_refuse_without_sending_when_the_text_alone_is_too_long() {
        assertThatThrownBy(() -> channel().send(message("я".repeat(GreenApiChannel.MAX_TEXT_LENGTH + 1))))
                .isInstanceOf(GreenApiRejectedException.class)
                .hasMessageContaining("4001 characters");
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo(Payloads.SEND_PATH)))).isEmpty();
    }

    @Test
    void should_throw_authentication_failure_when_the_shop_has_no_instance() {
        // when
        Throwable thrown = catchThrowable(() -> channel().send(OutboundMessage.text(ShopId.of("wb_999"), CUSTOMER,
                "Здравствуйте!", "k1", MessageCategory.SERVICE)));

        // then
        assertThat(thrown).isInstanceOf(GreenApiAuthenticationException.class).hasMessageContaining("wb_999");
        assertThat(((GreenApiAuthenticationException) thrown).isRetriable()).isFalse();
    }

    @Test
    void should_refuse_accounts_that_share_an_instance() {
        GreenApiConfig config = Payloads.config(SERVER.baseUrl()).build();
        assertThatThrownBy(() -> GreenApiAccounts.of(Map.of(ShopId.of("a"), config, ShopId.of("b"), config)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share");
    }

    @Test
    void should_list_every_problem_at_once_when_the_config_is_incomplete() {
        assertThatThrownBy(() -> GreenApiConfig.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("apiUrl").hasMessageContaining("idInstance")
                .hasMessageContaining("apiTokenInstance").hasMessageContaining("webhookToken");
        assertThatThrownBy(() -> GreenApiChannel.builder(GreenApiAccounts.of(Map.of())).webhookPath("hooks").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("webhookPath");
    }
}
