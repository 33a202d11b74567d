package dev.aihq.connectors.kaspi.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Price lists for the feed tests: the files under {@code src/test/resources/feed} and generated ones. */
final class FeedFixtures {

    static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kaspi_catalog date="2024-11-01" xmlns="kaspiShopping">
              <company>ТОО «Ромашка»</company>
              <merchantid>30126483</merchantid>
              <offers>
            """;
    static final String FOOTER = """
              </offers>
            </kaspi_catalog>
            """;

    private FeedFixtures() {}

    static InputStream resource(String name) {
        InputStream in = FeedFixtures.class.getResourceAsStream("/feed/" + name);
        if (in == null) {
            throw new IllegalStateException("no test resource /feed/" + name);
        }
        return in;
    }

    static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A feed of the given offers' XML between the usual header and footer. */
    static String feed(String... offers) {
        return HEADER + String.join("\n", offers) + FOOTER;
    }

    static String offer(String sku, String model, long price, int stock) {
        return """
                <offer sku="%s"><model>%s</model>
                  <availabilities><availability available="yes" storeId="PP1" stockCount="%d"/></availabilities>
                  <price>%d</price></offer>
                """.formatted(sku, model, stock, price);
    }

    /** The i-th offer of a generated feed: SKU {@code GEN-00042}, a Cyrillic title, a price and a stock. */
    static String generatedOffer(int i) {
        return offer("GEN-%05d".formatted(i), "Товар №" + i + " — тестовый", 1_000 + i, i % 17);
    }

    /**
     * A feed of {@code count} generated offers produced as it is read, never whole in memory; counts the
     * bytes handed out so that a test can tell how far the reader had got.
     */
    static final class GeneratedFeed extends InputStream {
        private final int count;
        private byte[] chunk = HEADER.getBytes(StandardCharsets.UTF_8);
        private int position;
        private int next;
        private boolean footerDone;
        private long served;

        GeneratedFeed(int count) {
            this.count = count;
        }

        long served() {
            return served;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (position >= chunk.length) {
                if (next < count) {
                    chunk = generatedOffer(next++).getBytes(StandardCharsets.UTF_8);
                } else if (!footerDone) {
                    chunk = FOOTER.getBytes(StandardCharsets.UTF_8);
                    footerDone = true;
                } else {
                    return -1;
                }
                position = 0;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            served += n;
            return n;
        }
    }
}
