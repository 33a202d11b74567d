package dev.aihq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's promise: one setting points the demo at PostgreSQL (Supabase is PostgreSQL). */
class DemoOnPostgresTest {

    @Test
    void should_run_the_demo_on_postgresql_when_the_jdbc_url_is_set() throws Exception {
        // given: a real PostgreSQL and the one setting
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            System.setProperty(DemoDatabase.URL_PROPERTY, postgres.getJdbcUrl("postgres", "postgres")
                    + "&password=secret-password");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<Demo.Step> steps;
            try {
                // when
                steps = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            } finally {
                System.clearProperty(DemoDatabase.URL_PROPERTY);
            }

            // then
            String output = bytes.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("(POSTGRESQL, tables hq_*)").contains("password=****")
                    .doesNotContain("secret-password");
            assertThat(steps).extracting(Demo.Step::outcome)
                    .containsExactly("SENT", "COMPLETED", "CONSENT", "SENT", "COMPLETED", "COMPLETED", "COMPLETED");
        }
    }
}
