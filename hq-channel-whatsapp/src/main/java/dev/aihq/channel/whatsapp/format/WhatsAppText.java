package dev.aihq.channel.whatsapp.format;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes text for a WhatsApp message: markup, escaping of customer-supplied text, HTML removal,
 * Markdown conversion and the {@value #MAX_TEXT_LENGTH}-character limit. Pure functions; thread-safe.
 *
 * <p><b>Markup.</b> WhatsApp renders {@code *bold*}, {@code _italic_}, {@code ~strike~},
 * {@code ```monospace```} and {@code `code`}, lines starting with {@code - } or {@code 1. } as lists and
 * {@code > } as a quote. HTML is not rendered (tags show as text) and Markdown headings, links and
 * {@code **double asterisks**} are not understood.
 *
 * <p><b>Escaping.</b> WhatsApp has no escape character. {@link #escape(String)} therefore replaces each
 * marker character in customer-supplied text (a product name, a buyer's name) with a look-alike that
 * WhatsApp does not treat as markup: {@code *} becomes {@value #ESCAPED_ASTERISK} (U+2217 asterisk
 * operator), {@code _} becomes {@value #ESCAPED_UNDERSCORE} (U+FF3F fullwidth low line), {@code ~}
 * becomes {@value #ESCAPED_TILDE} (U+223C tilde operator), a backtick becomes
 * {@value #ESCAPED_BACKTICK} (U+02CB modifier letter grave accent), and a {@code >} that starts a line
 * becomes {@value #ESCAPED_QUOTE} (U+203A). Unlike invisible zero-width characters, whose effect depends
 * on the client's parser, a replaced character can never pair with another marker. The text reads the
 * same; only these characters change. Do not escape URLs.
 *
 * <p><b>Lengths</b> are counted in UTF-16 units ({@link String#length()}), never less than the count of
 * code points, so a text that fits here fits WhatsApp whichever way it counts. Emoji, Cyrillic and the
 * Kazakh letters (ә ғ қ ң ө ұ ү һ і) pass through every function unchanged.
 */
public final class WhatsAppText {

    /** The longest text message body WhatsApp accepts. */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** Appended where {@link #truncate(String, int)} cuts. */
    public static final String ELLIPSIS = "…";

    /** What {@link #escape(String)} puts in place of {@code *}. */
    public static final String ESCAPED_ASTERISK = "\u2217";

    /** What {@link #escape(String)} puts in place of {@code _}. */
    public static final String ESCAPED_UNDERSCORE = "\uFF3F";

    /** What {@link #escape(String)} puts in place of {@code ~}. */
    public static final String ESCAPED_TILDE = "\u223C";

    /** What {@link #escape(String)} puts in place of a backtick. */
    public static final String ESCAPED_BACKTICK = "\u02CB";

    /** What {@link #escape(String)} puts in place of a {@code >} that starts a line. */
    public static final String ESCAPED_QUOTE = "\u203A";

    private static final Pattern LINE_START_QUOTE = Pattern.compile("(?m)^([ \\t]*)>");

    private static final Pattern HTML_DROP_WITH_CONTENT = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|template)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern HTML_LINE_BREAK = Pattern.compile(
            "(?i)<br\\s*/?>|</(?:p|div|h[1-6]|tr|ul|ol|table|blockquote|section|article)\\s*>|<hr\\b[^>]*>");
    private static final Pattern HTML_LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9:-]*(?:\\s[^<>]*)?/?>|<![^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("mdash", "—"), Map.entry("ndash", "–"),
            Map.entry("hellip", "…"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"),
            Map.entry("euro", "€"), Map.entry("bull", "•"), Map.entry("times", "×"), Map.entry("deg", "°"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("bdquo", "„"), Map.entry("shy", ""), Map.entry("thinsp", "\u2009"),
            Map.entry("middot", "·"), Map.entry("minus", "−"), Map.entry("rarr", "→"), Map.entry("larr", "←"));
    private static final Pattern TRAILING_LINE_SPACE = Pattern.compile("(?m)[ \\t\\u00A0]+$");
    private static final Pattern LEADING_LINE_SPACE = Pattern.compile("(?m)^[ \\t]+");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n{3,}");

    private static final Pattern MD_HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+(.+?)[ \\t#]*$");
    private static final Pattern MD_BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*|__(?=\\S)(.+?)(?<=\\S)__");
    private static final Pattern MD_STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern MD_BULLET = Pattern.compile("(?m)^([ \\t]*)[*+][ \\t]+");
    private static final Pattern MD_RULE = Pattern.compile("(?m)^[ \\t]*([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$\\n?");
    private static final Pattern MD_FENCE_LANGUAGE = Pattern.compile("(?m)^```[a-zA-Z0-9_+-]+[ \\t]*$");

    private WhatsAppText() {}

    /**
     * Makes text bold: {@code *text*}. Spaces at the ends stay outside the markers, since WhatsApp renders
     * nothing when a marker touches a space on its inner side.
     *
     * @param text the text, usually already {@linkplain #escape(String) escaped}
     * @return the marked text; blank text unchanged
     */
    public static String bold(String text) {
        return wrap(text, "*");
    }

    /**
     * Makes text italic: {@code _text_}; see {@link #bold(String)}.
     *
     * @param text the text
     * @return the marked text; blank text unchanged
     */
    public static String italic(String text) {
        return wrap(text, "_");
    }

    /**
     * Strikes text through: {@code ~text~}; see {@link #bold(String)}.
     *
     * @param text the text
     * @return the marked text; blank text unchanged
     */
    public static String strikethrough(String text) {
        return wrap(text, "~");
    }

    /**
     * Sets text in a monospace block: {@code ```text```}.
     *
     * @param text the text
     * @return the marked text; blank text unchanged
     */
    public static String monospace(String text) {
        return wrap(text, "```");
    }

    /**
     * Makes a bulleted list, one item a line, each starting with {@code - }. Line breaks inside an item
     * become spaces so that an item stays one line.
     *
     * @param items the items
     * @return the list, without a trailing line break
     */
    public static String bulletList(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("- ").append(oneLine(item));
        }
        return out.toString();
    }

    /**
     * Makes a numbered list: {@code 1. }, {@code 2. } and so on, one item a line.
     *
     * @param items the items
     * @return the list, without a trailing line break
     */
    public static String numberedList(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(i + 1).append(". ").append(oneLine(items.get(i)));
        }
        return out.toString();
    }

    /**
     * Neutralises markup in customer-supplied text so that it shows as written and cannot change the
     * formatting of the message around it. See the type's description for the replacements.
     *
     * @param text a product name, a buyer's name, a review: anything not written by us
     * @return the text with every marker replaced by its look-alike
     */
    public static String escape(String text) {
        Objects.requireNonNull(text, "text");
        String quoted = LINE_START_QUOTE.matcher(text).replaceAll("$1" + ESCAPED_QUOTE);
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            switch (c) {
                case '*':
                    out.append(ESCAPED_ASTERISK);
                    break;
                case '_':
                    out.append(ESCAPED_UNDERSCORE);
                    break;
                case '~':
                    out.append(ESCAPED_TILDE);
                    break;
                case '`':
                    out.append(ESCAPED_BACKTICK);
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Turns HTML (a marketplace's product description, a template from a CMS) into plain text: comments,
     * scripts and styles are dropped with their content; {@code <br>}, {@code <hr>} and the ends of
     * paragraphs, blocks and lists become line breaks; {@code <li>} starts a line with {@code - }; other tags
     * are removed; entities ({@code &amp;}, {@code &nbsp;}, {@code &#1178;}, {@code &#x1F600;}) are
     * decoded; spaces at line ends are trimmed and more than one blank line is collapsed to one. A
     * {@code <} that does not open a tag ({@code 5 < 6}) is kept.
     *
     * @param html the HTML
     * @return the plain text, trimmed
     */
    public static String stripHtml(String html) {
        Objects.requireNonNull(html, "html");
        String text = HTML_DROP_WITH_CONTENT.matcher(html).replaceAll("");
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        text = HTML_LINE_BREAK.matcher(text).replaceAll("\n");
        text = HTML_LIST_ITEM.matcher(text).replaceAll("\n- ");
        text = HTML_TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        text = TRAILING_LINE_SPACE.matcher(text).replaceAll("");
        text = LEADING_LINE_SPACE.matcher(text).replaceAll("");
        text = MANY_BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    /**
     * Decodes HTML character references: the common named ones, decimal and hexadecimal. An unknown name
     * or an invalid code point is kept as written.
     *
     * @param text the text
     * @return the decoded text
     */
    public static String decodeEntities(String text) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String replacement = null;
            if (matcher.group(3) != null) {
                replacement = NAMED_ENTITIES.get(matcher.group(3));
            } else {
                int codePoint = matcher.group(1) != null
                        ? Integer.parseInt(matcher.group(1))
                        : Integer.parseInt(matcher.group(2), 16);
                if (Character.isValidCodePoint(codePoint) && codePoint != 0
                        && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                    replacement = new String(Character.toChars(codePoint));
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Converts the Markdown a language model writes into WhatsApp markup: {@code **bold**} and
     * {@code __bold__} become {@code *bold*}, {@code ~~strike~~} becomes {@code ~strike~}, a heading
     * becomes a bold line, {@code [text](https://...)} becomes {@code text (https://...)}, {@code * } and
     * {@code + } bullets become {@code - }, horizontal rules are dropped and a code fence loses its
     * language tag. Single {@code *asterisks*} are left alone: WhatsApp shows them as bold.
     *
     * @param markdown the Markdown
     * @return the WhatsApp text
     */
    public static String fromMarkdown(String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        String text = markdown.replace("\r\n", "\n");
        text = MD_FENCE_LANGUAGE.matcher(text).replaceAll("```");
        text = MD_RULE.matcher(text).replaceAll("");
        text = MD_LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1).equals(match.group(2)) ? match.group(2) : match.group(1) + " (" + match.group(2) + ")"));
        text = MD_BOLD.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                "*" + (match.group(1) != null ? match.group(1) : match.group(2)) + "*"));
        text = MD_STRIKE.matcher(text).replaceAll("~$1~");
        text = MD_HEADING.matcher(text).replaceAll(match -> Matcher.quoteReplacement(bold(stripMarkers(match.group(1)))));
        text = MD_BULLET.matcher(text).replaceAll("$1- ");
        return text;
    }

    /**
     * Shortens text to the {@value #MAX_TEXT_LENGTH}-character limit of a message; see
     * {@link #truncate(String, int)}.
     *
     * @param text the text
     * @return the text itself when it fits, otherwise its shortened form ending with {@value #ELLIPSIS}
     */
    public static String fitToLimit(String text) {
        return truncate(text, MAX_TEXT_LENGTH);
    }

    /**
     * Shortens text to at most {@code maxLength} UTF-16 units. Text that fits is returned unchanged.
     * Otherwise it is cut at the last space or line break that keeps room for {@value #ELLIPSIS} (or,
     * when the text has no break in its second half, at the last character boundary), trailing spaces are
     * removed and {@value #ELLIPSIS} is appended. A cut never splits a surrogate pair, separates a
     * combining mark, variation selector, skin-tone modifier or zero-width joiner from what it belongs
     * to, or splits a flag's two regional indicators.
     *
     * @param text the text
     * @param maxLength the most UTF-16 units of the result, at least 1
     * @return the text or its shortened form
     * @throws IllegalArgumentException if {@code maxLength} is less than 1
     */
    public static String truncate(String text, int maxLength) {
        Objects.requireNonNull(text, "text");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        if (text.length() <= maxLength) {
            return text;
        }
        int budget = maxLength - ELLIPSIS.length();
        int cut = safeBoundary(text, budget);
        int space = cut;
        while (space > 0 && !Character.isWhitespace(text.charAt(space))) {
            space--;
        }
        if (space > 0 && space >= cut / 2) {
            cut = space;
        }
        String head = text.substring(0, cut).stripTrailing();
        return head + ELLIPSIS;
    }

    private static int safeBoundary(String text, int index) {
        int cut = Math.max(0, Math.min(index, text.length()));
        while (cut > 0 && cut < text.length() && !isBoundary(text, cut)) {
            cut--;
        }
        return cut;
    }

    private static boolean isBoundary(String text, int index) {
        char here = text.charAt(index);
        char before = text.charAt(index - 1);
        if (Character.isLowSurrogate(here) && Character.isHighSurrogate(before)) {
            return false;
        }
        if (before == '\u200D') {
            return false;
        }
        int next = text.codePointAt(index);
        if (isExtender(next)) {
            return false;
        }
        if (isRegionalIndicator(next)) {
            int count = 0;
            int i = index;
            while (i > 0) {
                int previous = text.codePointBefore(i);
                if (!isRegionalIndicator(previous)) {
                    break;
                }
                count++;
                i -= Character.charCount(previous);
            }
            return count % 2 == 0;
        }
        return true;
    }

    private static boolean isExtender(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || codePoint == 0x200D
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
                || (codePoint >= 0xE0020 && codePoint <= 0xE007F);
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    private static String wrap(String text, String marker) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return text;
        }
        int start = 0;
        int end = text.length();
        while (Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, start) + marker + text.substring(start, end) + marker + text.substring(end);
    }

    private static String oneLine(String item) {
        return item.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
    }

    private static String stripMarkers(String text) {
        String stripped = text;
        while (stripped.length() >= 2 && stripped.startsWith("*") && stripped.endsWith("*")) {
            stripped = stripped.substring(1, stripped.length() - 1);
        }
        return stripped;
    }
}
