package dev.aihq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoModelTest {

    @AfterEach
    void clear() {
        System.clearProperty(DemoModel.URL_PROPERTY);
        System.clearProperty(DemoModel.NAME_PROPERTY);
        System.clearProperty(DemoModel.KEY_PROPERTY);
    }

    @Test
    void should_run_without_a_model_when_no_endpoint_is_set() {
        assertThat(DemoModel.open()).isNull();
        assertThat(DemoModel.describe()).contains("none — the shop's templates", "-Dhq.model.url");
    }

    @Test
    void should_open_an_openai_compatible_model_at_the_endpoint_and_never_show_the_key() {
        // given
        System.setProperty(DemoModel.URL_PROPERTY, "http://localhost:11434/v1");
        System.setProperty(DemoModel.NAME_PROPERTY, "llama3.1");
        System.setProperty(DemoModel.KEY_PROPERTY, "sk-secret-demo-key");

        // when / then
        assertThat(DemoModel.open()).isNotNull();
        assertThat(DemoModel.describe()).isEqualTo("llama3.1 at http://localhost:11434/v1")
                .doesNotContain("sk-secret");
    }
}
