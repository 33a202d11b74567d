package dev.aihq.agents.inbox.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The labelled inbox messages of {@code labelled/}: the tuning half, read freely while writing rules, and the
 * held-out half, for reported figures only (see its README). Reads the files and their checksum; prints nothing.
 */
final class LabelledSet {

    static final String DIR = "/dev/aihq/agents/inbox/labelled/";
    static final String TUNING = "tuning.jsonl";
    static final String HELDOUT = "heldout.jsonl";
    /** The held-out half's SHA-256 as recorded in labelled/README.md. */
    static final String HELDOUT_SHA256 = "6353baee1840cc126341d5e8477e657b170fa29a90f31cbae5c88c4676ef7aaf";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledSet() {}

    /** A labelled message with its id, so errors in the tuning half can be looked up. */
    record Entry(String id, LabelledMessage message) {}

    static List<Entry> read(String file) {
        String text = new String(bytes(file), StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(lines[i]);
                InboxItemKind kind = InboxItemKind.valueOf(n.get("kind").asText().toUpperCase(Locale.ROOT));
                Integer rating = n.get("rating").isNull() ? null : n.get("rating").asInt();
                ClassifierInput input = new ClassifierInput(Marketplace.of(n.get("marketplace").asText()), kind,
                        n.get("text").asText(), rating);
                entries.add(new Entry(n.get("id").asText(), new LabelledMessage(input,
                        InboxIntent.of(n.get("intent").asText()), InboxEmotion.fromWire(n.get("emotion").asText()),
                        InboxPriority.fromWire(n.get("priority").asText()))));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    static List<LabelledMessage> messages(String file) {
        return read(file).stream().map(Entry::message).toList();
    }

    static String sha256(String file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String file) {
        try (InputStream in = LabelledSet.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException(DIR + file + " is missing from the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
