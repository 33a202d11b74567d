package dev.aihq.agents.tokens;

/** One token per four characters, and never fewer tokens than words; see {@link TokenCounter#estimate()}. */
final class EstimatedTokenCounter implements TokenCounter {

    static final EstimatedTokenCounter INSTANCE = new EstimatedTokenCounter();

    private EstimatedTokenCounter() {}

    @Override
    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int byLength = (text.length() + 3) / 4;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return Math.max(byLength, words);
    }

    @Override
    public String toString() {
        return "TokenCounter(estimate: chars/4)";
    }
}
