package dev.aihq.testkit.contract;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.store.PromptTemplateStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PromptTemplateStore}: a save inserts or replaces a shop's template, names and
 * texts are validated, a shop's list is sorted by name, and shops never see each other's templates.
 * Subclass it and return a new empty store from {@link #createStore()}.
 */
public abstract class PromptTemplateStoreContract extends StoreContract<PromptTemplateStore> {

    /** Creates the suite. */
    protected PromptTemplateStoreContract() {}

    /** A shop without templates finds none and lists none. */
    @Test
    public void should_find_nothing_when_shop_has_no_templates() {
        // given
        PromptTemplateStore store = store();

        // when / then
        assertThat(store.find(SHOP_ID, "sales-system")).isEmpty();
        assertThat(store.list(SHOP_ID)).isEmpty();
        assertThat(store.delete(SHOP_ID, "sales-system")).isFalse();
    }

    /** A saved template is found as it was written, multi-line and non-ASCII text included. */
    @Test
    public void should_find_template_when_saved() {
        // given
        PromptTemplateStore store = store();
        String text = "Вы — продавец магазина {{shopName}}.\nОтвечайте кратко.";

        // when
        store.save(SHOP_ID, "sales-system", text);

        // then
        assertThat(store.find(SHOP_ID, "sales-system")).contains(text);
    }

    /** Saving a name again replaces the text. */
    @Test
    public void should_replace_text_when_saved_twice() {
        // given
        PromptTemplateStore store = store();
        store.save(SHOP_ID, "sales-system", "first");

        // when
        store.save(SHOP_ID, "sales-system", "second");

        // then
        assertThat(store.find(SHOP_ID, "sales-system")).contains("second");
        assertThat(store.list(SHOP_ID)).containsExactly(Map.entry("sales-system", "second"));
    }

    /** A shop's templates are listed by name in character-code order. */
    @Test
    public void should_list_sorted_by_name_when_several_are_saved() {
        // given
        PromptTemplateStore store = store();

        // when
        store.save(SHOP_ID, "sales-system", "s");
        store.save(SHOP_ID, "sales.purchase-user", "p");
        store.save(SHOP_ID, "a_1", "a");
        store.save(SHOP_ID, "sales-purchase-user", "u");

        // then
        assertThat(store.list(SHOP_ID).keySet())
                .containsExactly("a_1", "sales-purchase-user", "sales-system", "sales.purchase-user");
    }

    /** A deleted template is gone, and deleting it again reports nothing deleted. */
    @Test
    public void should_remove_template_when_deleted() {
        // given
        PromptTemplateStore store = store();
        store.save(SHOP_ID, "sales-system", "s");
        store.save(SHOP_ID, "sales-purchase-user", "u");

        // when
        boolean deleted = store.delete(SHOP_ID, "sales-system");

        // then
        assertThat(deleted).isTrue();
        assertThat(store.delete(SHOP_ID, "sales-system")).isFalse();
        assertThat(store.find(SHOP_ID, "sales-system")).isEmpty();
        assertThat(store.list(SHOP_ID)).containsOnlyKeys("sales-purchase-user");
    }

    /** Names of 1–100 characters of {@code [a-z0-9_.-]} are accepted, the longest text too. */
    @Test
    public void should_accept_limits_when_name_and_text_are_at_their_bounds() {
        // given
        PromptTemplateStore store = store();
        String longName = "n".repeat(PromptTemplateStore.MAX_NAME_LENGTH);
        String longText = "т".repeat(PromptTemplateStore.MAX_TEXT_LENGTH);

        // when
        store.save(SHOP_ID, "x", "1");
        store.save(SHOP_ID, longName, longText);

        // then
        assertThat(store.find(SHOP_ID, "x")).contains("1");
        assertThat(store.find(SHOP_ID, longName)).contains(longText);
    }

    /** Invalid names and texts are refused with a message naming the problem, and nothing is saved. */
    @Test
    public void should_refuse_save_when_name_or_text_is_invalid() {
        // given
        PromptTemplateStore store = store();

        // when / then
        assertThatThrownBy(() -> store.save(SHOP_ID, "", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> store.save(SHOP_ID, "n".repeat(101), "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> store.save(SHOP_ID, "Sales System", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> store.save(SHOP_ID, "sales-system", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> store.save(SHOP_ID, "sales-system", "x".repeat(20_001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
        assertThat(store.list(SHOP_ID)).isEmpty();
    }

    /** Tenant isolation: a shop never finds, lists, replaces or deletes another shop's template. */
    @Test
    public void should_keep_shops_apart_when_both_have_a_template_of_the_same_name() {
        // given
        PromptTemplateStore store = store();
        store.save(SHOP_ID, "sales-system", "ours");
        store.save(OTHER_SHOP_ID, "sales-system", "theirs");

        // when
        boolean deleted = store.delete(OTHER_SHOP_ID, "sales-system");

        // then
        assertThat(deleted).isTrue();
        assertThat(store.find(SHOP_ID, "sales-system")).contains("ours");
        assertThat(store.find(OTHER_SHOP_ID, "sales-system")).isEmpty();
        assertThat(store.list(SHOP_ID)).containsExactly(Map.entry("sales-system", "ours"));
        assertThat(store.list(OTHER_SHOP_ID)).isEmpty();
    }
}
