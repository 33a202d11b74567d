package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import org.junit.jupiter.api.Test;

/** The token stays out of logs (slf4j-simple at DEBUG), descriptions and exception messages. */
class WbSecretsTest {

    @Test
    void should_keep_the_token_out_of_every_log_line_when_requests_succeed_fail_and_retry() {
        // given
        try (FakeWbApi wb = FakeWbApi.start(WbFixtures.TOKEN)) {
            wb.putFeedback(FakeWbApi.feedback("fb-1", 1, "Брак", WbFixtures.CREATED));
            wb.failNext("/api/v1/feedbacks", 1, 429, ErrorShape.PROBLEM_JSON, "limited by 1", 1);
            wb.failNext("/api/v1/feedbacks/answer", 1, 400, ErrorShape.FEEDBACK_ANSWER, "bad text", null);
            SettableClock clock = SettableClock.at(WbFixtures.CREATED);
            WbClient client = WbClient.builder(WbFixtures.config(wb.baseUrl()).build(),
                    WbCredentialsProvider.of(WbFixtures.SHOP, WbFixtures.TOKEN))
                    .clock(clock).sleeper(new RecordingSleeper(clock)).build(); // the default SLF4J sink

            // when
            String logged;
            try (LogCapture log = new LogCapture()) {
                client.feedbacks().list(WbFixtures.SHOP, WbListQuery.unanswered());
                catchThrowable(() -> client.feedbacks().answer(WbFixtures.SHOP, "fb-1", "Спасибо"));
                client.feedbacks().answer(WbFixtures.SHOP, "fb-1", "Спасибо");
                logged = log.text();
            }

            // then
            assertThat(logged).contains("Authorization").contains("/api/v1/feedbacks").contains("429");
            assertThat(logged).doesNotContain(WbFixtures.TOKEN);
            assertThat(logged).doesNotContain(WbFixtures.TOKEN.substring(10, 40));
        }
    }

    @Test
    void should_keep_the_token_out_of_descriptions_and_exceptions() {
        // given
        WbCredentialsProvider provider = WbCredentialsProvider.of(WbFixtures.SHOP, WbFixtures.TOKEN);
        WbClient client = WbClient.create(WbConfig.defaults(), provider);

        // expect
        assertThat(WbCredentials.of(WbFixtures.TOKEN).toString()).doesNotContain(WbFixtures.TOKEN).contains("****");
        assertThat(provider.toString()).doesNotContain(WbFixtures.TOKEN);
        assertThat(client.toString()).doesNotContain(WbFixtures.TOKEN);
        assertThat(WbConnector.of(client).toString()).doesNotContain(WbFixtures.TOKEN);
        assertThat(WbConfig.defaults().toString()).contains("feedbacks-api.wildberries.ru");
        assertThat(catchThrowable(() -> WbCredentials.of("two words")).getMessage()).doesNotContain("two words");
    }
}
