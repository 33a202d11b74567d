package dev.aihq.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code X-HQ-Signature} header. */
class WebhookSignatureTest {

    private static final byte[] DATA = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

    @Test
    void should_match_the_rfc_4231_vector_when_signing() {
        // when
        String header = WebhookSignature.sign("Jefe", DATA);

        // then: RFC 4231, test case 2
        assertThat(header).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void should_refuse_the_signature_when_secret_body_or_header_changes() {
        // given
        String header = WebhookSignature.sign("Jefe", DATA);

        // when / then
        assertThat(WebhookSignature.matches("Jefe", DATA, header)).isTrue();
        assertThat(WebhookSignature.matches("Jefe", DATA, header.toUpperCase(java.util.Locale.ROOT))).isTrue();
        assertThat(WebhookSignature.matches("jefe", DATA, header)).isFalse();
        assertThat(WebhookSignature.matches("Jefe", "what do ya want for nothing!".getBytes(StandardCharsets.US_ASCII),
                header)).isFalse();
        assertThat(WebhookSignature.matches("Jefe", DATA, header.substring(0, header.length() - 2))).isFalse();
        assertThat(WebhookSignature.matches("Jefe", DATA, header.replace("sha256=", "sha1="))).isFalse();
        assertThat(WebhookSignature.matches("Jefe", DATA, "sha256=not-hex")).isFalse();
        assertThat(WebhookSignature.matches("Jefe", DATA, null)).isFalse();
    }
}
