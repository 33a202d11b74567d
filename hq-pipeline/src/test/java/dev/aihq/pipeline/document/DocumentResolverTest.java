package dev.aihq.pipeline.document;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aihq.api.document.DocumentLimits;
import dev.aihq.api.document.DocumentLookup;
import dev.aihq.api.document.DocumentProblem;
import dev.aihq.api.document.DocumentResolver;
import dev.aihq.api.document.DocumentSource;
import dev.aihq.api.document.ResolvedDocuments;
import dev.aihq.api.event.LegalDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DocumentResolverTest {

    private final InMemoryDocumentSource source = new InMemoryDocumentSource()
            .put(SHOP_ID, "kaspi_message.txt", "Отключение на 7 дней")
            .put(SHOP_ID, "orders.txt", "6 отмен")
            .put(OTHER_SHOP_ID, "contract.txt", "договор магазина 456");

    private final DocumentResolver resolver = new DocumentResolver(source, DocumentLimits.defaults());

    private static LegalDocument named(String name) {
        return new LegalDocument(name, null);
    }

    private static LegalDocument inline(String name, String text) {
        return new LegalDocument(name, text);
    }

    private static List<String> names(ResolvedDocuments resolved) {
        return resolved.documents().stream().map(DocumentLookup.Found::name).toList();
    }

    @Test
    void should_keep_the_events_order_when_inline_and_named_documents_are_mixed() {
        // given
        List<LegalDocument> documents = List.of(named("kaspi_message.txt"), inline("chat.png", "3 покупателя"),
                named("missing.pdf"), named("orders.txt"), inline("push.txt", "Отключение"));

        // when
        ResolvedDocuments resolved = resolver.resolve(SHOP_ID, documents);

        // then
        assertThat(names(resolved)).containsExactly("kaspi_message.txt", "chat.png", "orders.txt", "push.txt");
        assertThat(resolved.documents().get(1)).isEqualTo(new DocumentLookup.Found("chat.png", "3 покупателя",
                "text/plain", "3 покупателя".getBytes(StandardCharsets.UTF_8).length, "inline"));
        assertThat(resolved.problems()).containsExactly(new DocumentProblem(2, "missing.pdf",
                DocumentProblem.Kind.NOT_FOUND, "no document of that name for shop kaspi_123"));
        assertThat(resolved.complete()).isFalse();
    }

    @Test
    void should_report_a_name_that_does_not_resolve_in_the_output() {
        // when
        ResolvedDocuments resolved = resolver.resolve(SHOP_ID, List.of(named("fine_notice.pdf")));

        // then
        assertThat(resolved.documents()).isEmpty();
        assertThat(resolved.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(DocumentProblem.Kind.NOT_FOUND);
            assertThat(problem.describe())
                    .isEqualTo("fine_notice.pdf: not found: no document of that name for shop kaspi_123");
        });
    }

    @Test
    void should_not_resolve_another_shops_document() {
        // when
        ResolvedDocuments resolved = resolver.resolve(SHOP_ID, List.of(named("contract.txt")));

        // then
        assertThat(resolved.documents()).isEmpty();
        assertThat(resolved.problems()).extracting(DocumentProblem::kind).containsExactly(DocumentProblem.Kind.NOT_FOUND);
    }

    @Test
    void should_leave_out_a_5_mb_inline_document_whole_and_say_so() {
        // given
        String fiveMb = "a".repeat(5 * 1024 * 1024);

        // when
        ResolvedDocuments resolved = resolver.resolve(SHOP_ID,
                List.of(inline("scan.txt", fiveMb), named("orders.txt")));

        // then
        assertThat(names(resolved)).containsExactly("orders.txt");
        assertThat(resolved.problems()).containsExactly(new DocumentProblem(0, "scan.txt",
                DocumentProblem.Kind.TOO_LARGE, "5,242,880 bytes, more than the limit of 1,048,576 bytes per document;"
                        + " not used (documents are never cut short)"));
    }

    @Test
    void should_report_a_named_document_over_the_limit_as_too_large() {
        // given
        DocumentResolver small = new DocumentResolver(source, new DocumentLimits(12, 10, 100));

        // when
        ResolvedDocuments resolved = small.resolve(SHOP_ID, List.of(named("kaspi_message.txt"), named("orders.txt")));

        // then
        assertThat(names(resolved)).containsExactly("orders.txt");
        assertThat(resolved.problems()).extracting(DocumentProblem::position, DocumentProblem::kind)
                .containsExactly(tuple(0, DocumentProblem.Kind.TOO_LARGE));
    }

    @Test
    void should_treat_a_found_document_over_the_limit_from_a_careless_source_as_too_large() {
        // given
        DocumentSource careless = (shop, name, maxBytes) ->
                new DocumentLookup.Found(name, "x".repeat(50), "text/plain", 50, "careless");
        DocumentResolver small = new DocumentResolver(careless, new DocumentLimits(10, 10, 100));

        // when
        ResolvedDocuments resolved = small.resolve(SHOP_ID, List.of(named("a.txt")));

        // then
        assertThat(resolved.documents()).isEmpty();
        assertThat(resolved.problems()).extracting(DocumentProblem::kind).containsExactly(DocumentProblem.Kind.TOO_LARGE);
    }

    @Test
    void should_not_read_documents_beyond_the_count_limit() {
        // given
        List<String> asked = new ArrayList<>();
        DocumentSource counting = (shop, name, maxBytes) -> {
            asked.add(name);
            return new DocumentLookup.Found(name, "t", "text/plain", 1, "counting");
        };
        DocumentResolver resolver3 = new DocumentResolver(counting, new DocumentLimits(100, 3, 1000));
        List<LegalDocument> five = IntStream.range(0, 5).mapToObj(i -> named("d" + i + ".txt")).toList();

        // when
        ResolvedDocuments resolved = resolver3.resolve(SHOP_ID, five);

        // then
        assertThat(asked).containsExactly("d0.txt", "d1.txt", "d2.txt");
        assertThat(names(resolved)).containsExactly("d0.txt", "d1.txt", "d2.txt");
        assertThat(resolved.problems()).extracting(DocumentProblem::name, DocumentProblem::kind).containsExactly(
                tuple("d3.txt", DocumentProblem.Kind.TOO_MANY),
                tuple("d4.txt", DocumentProblem.Kind.TOO_MANY));
        assertThat(resolved.problems().get(0).reason())
                .isEqualTo("the event lists 5 documents, more than the limit of 3; this one was not read");
    }

    @Test
    void should_leave_out_a_document_that_exceeds_the_total_and_keep_later_ones_that_fit() {
        // given
        DocumentResolver resolver10 = new DocumentResolver(source, new DocumentLimits(10, 10, 10));

        // when
        ResolvedDocuments resolved = resolver10.resolve(SHOP_ID,
                List.of(inline("a.txt", "123456"), inline("b.txt", "12345"), inline("c.txt", "1234")));

        // then
        assertThat(names(resolved)).containsExactly("a.txt", "c.txt");
        assertThat(resolved.totalBytes()).isEqualTo(10);
        assertThat(resolved.problems()).containsExactly(new DocumentProblem(1, "b.txt", DocumentProblem.Kind.OVER_TOTAL,
                "5 bytes would bring the event's documents to 11 bytes, more than the limit of 10 bytes in total;"
                        + " not used"));
    }

    @Test
    void should_turn_a_failing_source_into_an_unreadable_document_and_go_on() {
        // given
        DocumentSource failing = (shop, name, maxBytes) -> {
            if (name.equals("bad.txt")) {
                throw new IllegalStateException("storage offline");
            }
            return source.resolve(shop, name, maxBytes);
        };
        DocumentResolver resolverFailing = new DocumentResolver(failing, DocumentLimits.defaults());

        // when
        ResolvedDocuments resolved = resolverFailing.resolve(SHOP_ID, List.of(named("bad.txt"), named("orders.txt")));

        // then
        assertThat(names(resolved)).containsExactly("orders.txt");
        assertThat(resolved.problems()).containsExactly(new DocumentProblem(0, "bad.txt",
                DocumentProblem.Kind.UNREADABLE, "the document source failed: storage offline"));
    }

    @Test
    void should_pass_an_unreadable_lookup_through_with_its_reason() {
        // given
        DocumentSource pdfOnly = (shop, name, maxBytes) -> new DocumentLookup.Unreadable(name, "a PDF");
        DocumentResolver pdfResolver = new DocumentResolver(pdfOnly, DocumentLimits.defaults());

        // when
        ResolvedDocuments resolved = pdfResolver.resolve(SHOP_ID, List.of(named("fine_notice.pdf")));

        // then
        assertThat(resolved.problems()).containsExactly(
                new DocumentProblem(0, "fine_notice.pdf", DocumentProblem.Kind.UNREADABLE, "a PDF"));
    }

    @Test
    void should_accept_inline_documents_and_report_names_without_a_source() {
        // given
        DocumentResolver inlineOnly = new DocumentResolver(DocumentSource.none(), DocumentLimits.defaults());

        // when
        ResolvedDocuments resolved = inlineOnly.resolve(SHOP_ID,
                List.of(named("fine_notice.pdf"), inline("kaspi_push.txt", "Отключение")));

        // then
        assertThat(names(resolved)).containsExactly("kaspi_push.txt");
        assertThat(resolved.problems()).singleElement().satisfies(problem ->
                assertThat(problem.reason()).contains("no document source is configured"));
    }

    @Test
    void should_return_nothing_for_an_event_without_documents() {
        assertThat(resolver.resolve(SHOP_ID, List.of())).isEqualTo(ResolvedDocuments.empty());
    }

    @Test
    void should_count_utf8_bytes_of_cyrillic_kazakh_and_emoji_text() {
        assertThat(DocumentLimits.utf8Size("aЖқ₸😀", Long.MAX_VALUE)).isEqualTo(1 + 2 + 2 + 3 + 4);
        assertThat(DocumentLimits.utf8Size("aЖқ₸😀", 2)).isGreaterThan(2).isLessThan(12);
    }

    @Test
    void should_refuse_limits_below_one() {
        assertThatThrownBy(() -> new DocumentLimits(0, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentLimits(10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentLimits(10, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
