package dev.aihq.agents.sales.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Sku;
import dev.aihq.api.shop.ShopPromise;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the model outputs of {@code cases.txt} through {@link OfferCheck}: adversarial drafts must be refused
 * with the expected problem, legitimate ones must pass with none.
 */
class OfferCheckCasesTest {

    private static final String CASES = "/dev/aihq/agents/sales/guard/cases.txt";
    private static final OfferCheck CHECK = OfferCheck.standard();

    /** One case of the file. */
    record Case(String name, List<String> expected, Locale locale, Set<ShopPromise> promises, List<Sku> offer,
            @Nullable String promo, @Nullable BigDecimal discount, @Nullable String customer, String text) {

        boolean passes() {
            return expected.equals(List.of("pass"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        String file;
        try (InputStream in = Objects.requireNonNull(OfferCheckCasesTest.class.getResourceAsStream(CASES), CASES)) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] blocks = file.split("(?m)^=== ");
        for (int i = 1; i < blocks.length; i++) {
            cases.add(parse(blocks[i]));
        }
        return cases;
    }

    private static Case parse(String block) {
        int nameEnd = block.indexOf('\n');
        String name = block.substring(0, nameEnd).strip();
        int bodyStart = block.indexOf("\n---\n");
        if (bodyStart < 0) {
            throw new IllegalStateException("case '" + name + "' has no --- line");
        }
        List<String> expected = new ArrayList<>();
        Locale locale = Locale.forLanguageTag("ru");
        Set<ShopPromise> promises = EnumSet.noneOf(ShopPromise.class);
        List<Sku> offer = List.of();
        String promo = null;
        BigDecimal discount = null;
        String customer = null;
        String repeat = null;
        for (String line : block.substring(nameEnd + 1, bodyStart).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "expect" -> expected.add(value);
                case "locale" -> locale = Locale.forLanguageTag(value);
                case "promises" -> Arrays.stream(value.split(",")).map(String::strip).map(ShopPromise::valueOf)
                        .forEach(promises::add);
                case "offer" -> offer = Arrays.stream(value.split(",")).map(String::strip).map(Sku::of).toList();
                case "promo" -> promo = value;
                case "discount" -> discount = new BigDecimal(value);
                case "customer" -> customer = value;
                case "repeat" -> repeat = value;
                default -> throw new IllegalStateException("case '" + name + "': unknown key " + key);
            }
        }
        String text = block.substring(bodyStart + 5);
        // Comments between cases belong to no case.
        text = Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("# ")).collect(Collectors.joining("\n"))
                .strip();
        if (repeat != null) {
            String[] parts = repeat.split(" ");
            text = parts[1].repeat(Integer.parseInt(parts[0]));
        }
        if (expected.isEmpty()) {
            throw new IllegalStateException("case '" + name + "' expects nothing");
        }
        return new Case(name, expected, locale, promises, offer, promo, discount, customer, text);
    }

    static Stream<Case> refused() throws IOException {
        return cases().stream().filter(c -> !c.passes());
    }

    static Stream<Case> accepted() throws IOException {
        return cases().stream().filter(Case::passes);
    }

    private static List<String> problems(Case c) {
        GuardContext context = GuardFixtures.context(GuardFixtures.shop(c.locale(), c.promises()), c.customer());
        return CHECK.problems(c.text(), c.offer(), c.promo(), c.discount(), context);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void should_refuse_the_draft_naming_the_problem_when_the_model_breaks_a_rule(Case c) {
        // when
        List<String> problems = problems(c);

        // then
        for (String expected : c.expected()) {
            assertThat(problems).as("problems of '%s'", c.name())
                    .anySatisfy(p -> assertThat(p).containsIgnoringCase(expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void should_pass_the_draft_when_it_keeps_to_the_catalog_and_the_shops_settings(Case c) {
        // when / then
        assertThat(problems(c)).as("problems of '%s'", c.name()).isEmpty();
    }

    @Test
    void should_hold_at_least_30_adversarial_and_10_legitimate_drafts() throws IOException {
        // when / then
        assertThat(refused().count()).isGreaterThanOrEqualTo(30);
        assertThat(accepted().count()).isGreaterThanOrEqualTo(10);
    }
}
