package dev.aihq.agents.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** OpenAI's {@code o200k_base} by jtokkit; the vocabulary is loaded once, when this class is first used. */
final class O200kTokenCounter implements TokenCounter {

    static final O200kTokenCounter INSTANCE = new O200kTokenCounter(
            Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE));

    private final Encoding encoding;

    private O200kTokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokens(text);
    }

    @Override
    public String toString() {
        return "TokenCounter(o200k_base)";
    }
}
