package dev.aihq.http;

import dev.aihq.api.PhoneNumber;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Hides secrets and phone numbers before text reaches a log line or an exception message. Every request
 * and response line {@link HqHttpClient} logs, and every excerpt {@link HttpStatusMapper} puts in a
 * message, goes through here. The patterns are compiled once; the methods are thread-safe.
 *
 * <ul>
 *   <li>{@link #maskHeaderValue(String, String)}: the values of credential headers
 *       ({@code Authorization}, {@code X-Auth-Token}, {@code Client-Id}, {@code Api-Key}, {@code Cookie},
 *       {@code Set-Cookie}, {@code X-Hub-Signature-256}, {@code X-HQ-Signature}, and any header whose name
 *       contains {@code token}, {@code secret}, {@code key}, {@code signature} or {@code auth}) keep their
 *       first four characters ({@code Bear****}), or none when shorter than 12 ({@code ****}).</li>
 *   <li>{@link #maskText(String)}: JSON values of secret-like keys ({@code token}, {@code access_token},
 *       a Wildberries chat's {@code replySign}, {@code secret}, {@code password}, {@code api_key}, …) become {@code "****"}; {@code key=value}
 *       pairs of such keys become {@code key=****}; {@code Bearer xxx} and {@code Basic xxx} become
 *       {@code Bearer ****}; phone-like runs of 10–15 digits, with an optional {@code +} and spaces,
 *       dashes or parentheses between the digits ({@code +7 (701) 123-45-67}, {@code 87011234567},
 *       {@code 7011234567}), keep their first four and last two characters as
 *       {@link PhoneNumber#mask(String)} does. Dates ({@code 2024-01-15 10…}) are left alone; other long
 *       digit runs (IINs, epoch milliseconds) are masked too, which errs on the safe side.</li>
 *   <li>{@link #maskUri(URI)}: user info, path and query; query values of secret-like keys become
 *       {@code ****}, the others go through {@link #maskText(String)}.</li>
 * </ul>
 */
public final class Masking {

    /** The mask put in place of a hidden value. */
    public static final String MASK = "****";

    private static final int MIN_LENGTH_TO_SHOW_PREFIX = 12;

    private static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "x-auth-token", "client-id", "api-key", "cookie",
            "set-cookie", "x-hub-signature", "x-hub-signature-256", "x-hq-signature");
    private static final Pattern SENSITIVE_HEADER_PART = Pattern.compile(
            "token|secret|key|signature|auth|password", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENSITIVE_QUERY_KEY = Pattern.compile(
            "token|secret|key|signature|sig$|auth|password|passwd|pwd|code_verifier", Pattern.CASE_INSENSITIVE);

    private static final String SECRET_WORDS =
            "token|secret|password|passwd|api[_-]?key|apikey|private[_-]?key|authorization|credential|signature"
                    + "|reply[_-]?sign";

    /** {@code "access_token" : "abc"} or {@code "apiKey": 12345}; an unterminated string runs to the end. */
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"[\\w.\\-]*?(?:" + SECRET_WORDS + ")[\\w.\\-]*+\"\\s*+:\\s*+)"
                    + "(?:\"(?:[^\"\\\\]++|\\\\.)*+(?:\"|\\z)|[^\\s,{}\\[\\]\"]++)",
            Pattern.CASE_INSENSITIVE);

    /** {@code access_token=abc} as in form bodies and query strings quoted in messages. */
    private static final Pattern PAIR_SECRET = Pattern.compile(
            "(\\b[\\w.\\-]*?(?:" + SECRET_WORDS + ")[\\w.\\-]*+=)[^&\\s\"',;]++",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern AUTH_SCHEME = Pattern.compile(
            "\\b(Bearer|Basic)\\s++[A-Za-z0-9._~+/=\\-]++", Pattern.CASE_INSENSITIVE);

    /** 10–15 digits, not part of a longer run, not a date; separators: space, dash, parentheses. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?!\\d{4}-\\d{2}-\\d{2})\\+?\\(?\\d(?:[ ()\\-]{0,2}\\d){9,14}(?!\\d)");

    private Masking() {}

    /**
     * Tells whether a header carries a credential or signature and must be masked.
     *
     * @param name the header name, any case
     * @return {@code true} for credential headers
     */
    public static boolean isSensitiveHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SENSITIVE_HEADERS.contains(lower) || SENSITIVE_HEADER_PART.matcher(lower).find();
    }

    /**
     * Masks a header value for a log: credential headers keep at most four leading characters, the others
     * go through {@link #maskText(String)}.
     *
     * @param name the header name, any case
     * @param value the value, may be {@code null}
     * @return the masked value; an empty string for {@code null}
     */
    public static String maskHeaderValue(String name, @Nullable String value) {
        if (value == null) {
            return "";
        }
        return isSensitiveHeader(name) ? maskSecret(value) : maskText(value);
    }

    /**
     * Masks every value of a header map, keeping the names and their order.
     *
     * @param headers the headers
     * @return an unmodifiable masked copy
     */
    public static Map<String, List<String>> maskHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            List<String> copy = new ArrayList<>(values.size());
            for (String value : values) {
                copy.add(maskHeaderValue(name, value));
            }
            masked.put(name, Collections.unmodifiableList(copy));
        });
        return Collections.unmodifiableMap(masked);
    }

    /**
     * Hides a secret completely or all but its first four characters.
     *
     * @param secret the secret
     * @return {@code Bear****} for 12 characters or more, {@code ****} for shorter ones
     */
    public static String maskSecret(String secret) {
        return secret.length() < MIN_LENGTH_TO_SHOW_PREFIX ? MASK : secret.substring(0, 4) + MASK;
    }

    /**
     * Masks secrets and phone numbers in free text: a body, a message, a header value. See the type's
     * description for what is recognised.
     *
     * @param text the text
     * @return the text with secrets replaced by {@code ****} and phone numbers masked
     */
    public static String maskText(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String result = text;
        if (result.indexOf(':') >= 0) {
            result = JSON_SECRET.matcher(result).replaceAll("$1\"" + MASK + "\"");
        }
        if (result.indexOf('=') >= 0) {
            result = PAIR_SECRET.matcher(result).replaceAll("$1" + MASK);
        }
        result = AUTH_SCHEME.matcher(result).replaceAll("$1 " + MASK);
        Matcher phone = PHONE.matcher(result);
        if (!phone.find()) {
            return result;
        }
        StringBuilder out = new StringBuilder(result.length());
        do {
            phone.appendReplacement(out, Matcher.quoteReplacement(PhoneNumber.mask(phone.group())));
        } while (phone.find());
        phone.appendTail(out);
        return out.toString();
    }

    /**
     * Masks a URI for a log: user info is hidden, the path goes through {@link #maskText(String)}, query
     * values of secret-like keys ({@code token}, {@code key}, {@code secret}, {@code signature},
     * {@code password}, {@code auth}) become {@code ****} and the other values go through
     * {@link #maskText(String)}. The query is shown decoded ({@code page[number]=0}) for readability.
     *
     * @param uri the URI
     * @return the masked URI as text
     */
    public static String maskUri(URI uri) {
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append("://");
        }
        if (uri.getRawUserInfo() != null) {
            out.append(MASK).append('@');
        }
        if (uri.getHost() != null) {
            out.append(uri.getHost());
            if (uri.getPort() >= 0) {
                out.append(':').append(uri.getPort());
            }
        }
        if (uri.getRawPath() != null) {
            out.append(maskText(uri.getRawPath()));
        }
        if (uri.getRawQuery() != null) {
            out.append('?').append(maskQuery(uri.getRawQuery()));
        }
        return out.toString();
    }

    /**
     * Masks a raw (percent-encoded) query string; see {@link #maskUri(URI)}.
     *
     * @param rawQuery the query without {@code ?}
     * @return the decoded, masked query
     */
    public static String maskQuery(String rawQuery) {
        StringBuilder out = new StringBuilder(rawQuery.length());
        for (String pair : rawQuery.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.append(maskText(name));
            if (eq >= 0) {
                String value = decode(pair.substring(eq + 1));
                out.append('=');
                out.append(SENSITIVE_QUERY_KEY.matcher(name).find() && !value.isEmpty() ? MASK : maskText(value));
            }
        }
        return out.toString();
    }

    /**
     * Returns a masked, shortened excerpt of a body, for logs and exception messages. Bytes are read as
     * UTF-8 (malformed sequences replaced), line breaks and control characters become spaces, secrets and
     * phone numbers are masked before the text is cut, and a cut is marked with {@code …}.
     *
     * @param body the body
     * @param maxChars the most characters of body text to keep
     * @return the excerpt, {@code (empty body)} when there is none
     */
    public static String excerpt(byte[] body, int maxChars) {
        if (body.length == 0) {
            return "(empty body)";
        }
        // Decode with a margin beyond maxChars so that no value is cut before it is masked.
        int limit = (int) Math.min(body.length, (maxChars + 512L) * 4L);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(limit);
        decoder.decode(ByteBuffer.wrap(body, 0, limit), chars, true);
        chars.flip();
        return excerpt(chars.toString(), maxChars, limit < body.length);
    }

    /**
     * Returns a masked, shortened excerpt of a text; see {@link #excerpt(byte[], int)}.
     *
     * @param text the text
     * @param maxChars the most characters to keep
     * @return the excerpt
     */
    public static String excerpt(String text, int maxChars) {
        if (text.isEmpty()) {
            return "(empty body)";
        }
        int window = (int) Math.min(text.length(), maxChars + 512L);
        return excerpt(text.substring(0, window), maxChars, window < text.length());
    }

    private static String excerpt(String text, int maxChars, boolean cut) {
        String flat = flatten(text);
        String masked = maskText(flat);
        if (masked.length() > maxChars) {
            return masked.substring(0, maxChars) + "…";
        }
        return cut ? masked + "…" : masked;
    }

    private static String flatten(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(' ');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text.strip() : out.toString().strip();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
