package dev.aihq.connectors.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.wb.FakeWbApi;
import dev.aihq.testkit.wb.FakeWbApi.ErrorShape;
import java.util.ArrayList;
import java.util.List;
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
    void should_keep_the_token_and_dbs_phones_out_of_the_log_when_orders_and_finance_are_read() {
        // given
        try (FakeWbApi wb = FakeWbApi.start(WbFixtures.TOKEN)) {
            wb.putFbsTask(FakeWbApi.task(1, "rid-1", WbFixtures.CREATED), true);
            wb.putDbsTask(FakeWbApi.task(2, "rid-2", WbFixtures.CREATED), true);
            wb.putDbsClient(2, "Анна", "+79991234567", "");
            wb.balance("RUB", "10", "5");
            wb.failNext("/api/v3/orders/status", 1, 429, ErrorShape.PROBLEM_JSON, "limited by 2", 1);
            wb.failNext("/api/v1/supplier/orders", 1, 401, ErrorShape.PROBLEM_JSON, "token problem", null);
            SettableClock clock = SettableClock.at(WbFixtures.CREATED);
            WbClient client = WbClient.builder(WbFixtures.config(wb.baseUrl()).build(),
                    WbCredentialsProvider.of(WbFixtures.SHOP, WbFixtures.TOKEN))
                    .clock(clock).sleeper(new RecordingSleeper(clock)).build(); // the default SLF4J sink

            // when
            String logged;
            List<Object> described = new ArrayList<>();
            try (LogCapture log = new LogCapture()) {
                List<WbOrder> fresh = client.orders().fbsNew(WbFixtures.SHOP);
                described.addAll(client.orders().withStatuses(WbFixtures.SHOP, fresh));
                described.addAll(client.orders().dbsContacts(WbFixtures.SHOP, List.of(2L)));
                described.add(client.reports().balance(WbFixtures.SHOP));
                described.add(catchThrowable(() -> client.orders().statisticsOrders(WbFixtures.SHOP,
                        WbFixtures.CREATED)).getMessage());
                logged = log.text();
            }

            // then
            assertThat(logged).contains("/api/v3/orders/status").contains("429");
            assertThat(logged).doesNotContain(WbFixtures.TOKEN).doesNotContain(WbFixtures.TOKEN.substring(10, 40))
                    .doesNotContain("9991234567");
            assertThat(described.toString()).doesNotContain(WbFixtures.TOKEN).doesNotContain("9991234567")
                    .doesNotContain("Анна");
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
