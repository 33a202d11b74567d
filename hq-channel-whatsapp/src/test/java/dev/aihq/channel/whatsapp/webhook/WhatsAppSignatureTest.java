package dev.aihq.channel.whatsapp.webhook;

import static dev.aihq.channel.whatsapp.webhook.Payloads.APP_SECRET;
import static dev.aihq.channel.whatsapp.webhook.Payloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.http.HqJson;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code X-Hub-Signature-256} over the raw body bytes. */
class WhatsAppSignatureTest {

    /** The escaped form Meta signs: {@code \\uXXXX} for non-ASCII and {@code \/} for slashes. */
    private static final byte[] ESCAPED_BODY = bytes(Payloads.envelope("messages", """
            {"metadata":{"phone_number_id":"1065"},"messages":[{"from":"77071234567","id":"wamid.E-1",\
            "timestamp":"1789465385","type":"text","text":{"body":"\\u0420\\u0430\\u049b\\u043c\\u0435\\u0442 \
            https:\\/\\/kaspi.kz"}}]}"""));

    @Test
    void should_accept_the_signature_when_it_is_the_hmac_of_the_raw_body() {
        // given
        String header = WhatsAppSignature.sign(APP_SECRET, ESCAPED_BODY);

        // then
        assertThat(header).matches("sha256=[0-9a-f]{64}");
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, header)).isEqualTo(WhatsAppSignature.Result.VALID);
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, "  SHA256=" + header.substring(7)
                .toUpperCase(Locale.ROOT) + " ")).isEqualTo(WhatsAppSignature.Result.VALID);
    }

    @Test
    void should_match_a_known_vector_when_computed_independently() {
        // given: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog") , the widely published example
        String header = WhatsAppSignature.sign("key", bytes("The quick brown fox jumps over the lazy dog"));

        // then
        assertThat(header).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void should_refuse_when_one_byte_of_the_body_is_changed() {
        // given
        String header = WhatsAppSignature.sign(APP_SECRET, ESCAPED_BODY);
        for (int i : new int[] {0, ESCAPED_BODY.length / 2, ESCAPED_BODY.length - 1}) {
            byte[] tampered = ESCAPED_BODY.clone();
            tampered[i] ^= 0x01;

            // then
            assertThat(WhatsAppSignature.check(APP_SECRET, tampered, header))
                    .isEqualTo(WhatsAppSignature.Result.MISMATCH);
        }
    }

    @Test
    void should_refuse_when_the_body_was_parsed_and_written_again_as_the_same_json() throws Exception {
        // given
        String header = WhatsAppSignature.sign(APP_SECRET, ESCAPED_BODY);
        JsonNode tree = HqJson.mapper().readTree(ESCAPED_BODY);
        byte[] reserialised = HqJson.mapper().writeValueAsBytes(tree);

        // then: same JSON, other bytes
        assertThat(HqJson.mapper().readTree(reserialised)).isEqualTo(tree);
        assertThat(reserialised).isNotEqualTo(ESCAPED_BODY);
        assertThat(WhatsAppSignature.check(APP_SECRET, reserialised, header))
                .isEqualTo(WhatsAppSignature.Result.MISMATCH);
    }

    @Test
    void should_refuse_when_signed_with_another_secret() {
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, WhatsAppSignature.sign("other", ESCAPED_BODY)))
                .isEqualTo(WhatsAppSignature.Result.MISMATCH);
    }

    @Test
    void should_tell_missing_from_malformed_when_the_header_is_not_a_signature() {
        String hex = WhatsAppSignature.sign(APP_SECRET, ESCAPED_BODY).substring(7);

        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, null)).isEqualTo(WhatsAppSignature.Result.MISSING);
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, " ")).isEqualTo(WhatsAppSignature.Result.MISSING);
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, hex)).isEqualTo(WhatsAppSignature.Result.MALFORMED);
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, "sha1=" + hex))
                .isEqualTo(WhatsAppSignature.Result.MALFORMED);
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, "sha256=" + hex.substring(2)))
                .isEqualTo(WhatsAppSignature.Result.MALFORMED);
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, "sha256=" + hex + "00"))
                .isEqualTo(WhatsAppSignature.Result.MALFORMED);
        assertThat(WhatsAppSignature.check(APP_SECRET, ESCAPED_BODY, "sha256=" + "zz" + hex.substring(2)))
                .isEqualTo(WhatsAppSignature.Result.MALFORMED);
    }
}
