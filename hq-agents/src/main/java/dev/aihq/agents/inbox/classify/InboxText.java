package dev.aihq.agents.inbox.classify;

import dev.aihq.agents.text.PhraseBook;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A buyer's text prepared for the rules: emoji counted and taken out, letters repeated three times or more
 * squeezed to one ("ооочень" → "очень"), then {@link PhraseBook#normalize normalised} (case, ё = е, spaces).
 * Also the surface signs of emotion that phrases cannot see: caps, runs of "!" and "?", smileys.
 */
final class InboxText {

    private static final Pattern REPEATED_LETTER = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}|(?:!\\s*){3,}");
    private static final Pattern QUESTIONS = Pattern.compile("\\?{2,}");
    private static final Pattern SAD = Pattern.compile("\\({2,}|:-?\\(");
    private static final Pattern GLAD = Pattern.compile("\\){2,}|:-?\\)");
    // A swear word censored with stars: "бл**ь", "х*р".
    private static final Pattern CENSORED = Pattern.compile("\\p{L}+\\*+\\p{L}*");
    private static final String POSITIVE_EMOJI = "😀😁😂😃😄😅😆😉😊😋😍😘😗😙😚🙂🤗🤩🥰🥳😇👍👌💯✨❤💕💖💗💓💞🌸🌺🌷💐🔥🙏☺👏🎉";
    private static final String NEGATIVE_EMOJI = "😞😔😟😕🙁☹😣😖😫😩😢😭😤💔👎😒🙄😑😐😬🤦😳";
    private static final String ANGRY_EMOJI = "😡😠🤬👿💩🖕";

    final String original;
    final String normalized;
    final int letters;
    final int upperLetters;
    final int capsWords;
    final int words;
    final boolean exclamations;
    final boolean exclamation;
    final boolean manyQuestions;
    final boolean questions;
    final boolean questionMark;
    final int sadSmileys;
    final int gladSmileys;
    final int positiveEmoji;
    final int negativeEmoji;
    final int angryEmoji;
    final boolean censored;

    private InboxText(String original) {
        this.original = original;
        StringBuilder plain = new StringBuilder(original.length());
        int positive = 0;
        int negative = 0;
        int angry = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            i += Character.charCount(cp);
            if (isEmoji(cp)) {
                String s = new String(Character.toChars(cp));
                if (POSITIVE_EMOJI.contains(s)) {
                    positive++;
                } else if (NEGATIVE_EMOJI.contains(s)) {
                    negative++;
                } else if (ANGRY_EMOJI.contains(s)) {
                    angry++;
                }
                plain.append(' ');
            } else {
                plain.appendCodePoint(cp);
            }
        }
        this.positiveEmoji = positive;
        this.negativeEmoji = negative;
        this.angryEmoji = angry;
        String squeezed = REPEATED_LETTER.matcher(plain).replaceAll("$1");
        this.normalized = PhraseBook.normalize(squeezed);
        int letterCount = 0;
        int upper = 0;
        for (int i = 0; i < squeezed.length(); i++) {
            char c = squeezed.charAt(i);
            if (Character.isLetter(c)) {
                letterCount++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        this.letters = letterCount;
        this.upperLetters = upper;
        int caps = 0;
        int wordCount = 0;
        Matcher w = WORD.matcher(squeezed);
        while (w.find()) {
            wordCount++;
            String word = w.group();
            if (word.length() >= 3 && word.equals(word.toUpperCase(java.util.Locale.ROOT))
                    && !word.equals(word.toLowerCase(java.util.Locale.ROOT))) {
                caps++;
            }
        }
        this.capsWords = caps;
        this.words = wordCount;
        this.exclamations = EXCLAMATIONS.matcher(squeezed).find();
        this.questions = QUESTIONS.matcher(squeezed).find();
        this.manyQuestions = squeezed.contains("???");
        this.exclamation = squeezed.indexOf('!') >= 0;
        this.questionMark = squeezed.indexOf('?') >= 0;
        this.sadSmileys = count(SAD, squeezed);
        this.gladSmileys = count(GLAD, squeezed);
        this.censored = CENSORED.matcher(squeezed).find();
    }

    static InboxText of(String text) {
        return new InboxText(text);
    }

    /** Shouting: two words in caps (not abbreviations like "WB" or "M"), or most of a longer text in caps. */
    boolean shouting() {
        return capsWords >= 2 || (letters >= 8 && upperLetters >= letters * 0.6);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean isEmoji(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF
                || cp >= 0x2600 && cp <= 0x27BF
                || cp >= 0x2B00 && cp <= 0x2BFF
                || cp == 0xFE0F || cp == 0x200D || cp == 0x263A;
    }
}
