package dev.aihq.imports.bank;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.annotation.Nullable;

/**
 * Tells the encoding of a bank file from its first bytes: a UTF-8 byte order mark, or text that is valid UTF-8
 * with letters beyond ASCII. Windows-1251 Cyrillic is practically never valid UTF-8 (its letters are bytes
 * 0xC0–0xFF, which UTF-8 only allows as lead bytes followed by 0x80–0xBF), so the check does not mistake one for
 * the other.
 */
final class BankCharsets {

    /** Windows-1251, the default of the 1C exchange format and of Russian and Kazakh bank exports. */
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /** CP866, the 1C exchange format's {@code Кодировка=DOS}. */
    static final Charset CP866 = Charset.forName("IBM866");

    /** How many bytes are looked at: more than a 1C header or a CSV header and its first rows. */
    static final int PEEK = 64 * 1024;

    private BankCharsets() {}

    /**
     * Reads the first bytes of a stream and resets it.
     *
     * @param in the stream, which must support mark and reset
     * @return up to {@link #PEEK} bytes
     * @throws IOException when reading fails
     */
    static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(PEEK + 1);
        byte[] buffer = new byte[PEEK];
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        in.reset();
        return Arrays.copyOf(buffer, filled);
    }

    /**
     * Tells UTF-8 from the first bytes.
     *
     * @param head the first bytes
     * @return UTF-8 when there is a byte order mark or valid UTF-8 beyond ASCII, else {@code null} (undecided)
     */
    @Nullable
    static Charset utf8(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        boolean beyondAscii = false;
        for (byte b : head) {
            if (b < 0) {
                beyondAscii = true;
                break;
            }
        }
        if (!beyondAscii) {
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(head.length);
        // Not the end of input: a character cut at the end of the peeked bytes is not an error.
        return decoder.decode(ByteBuffer.wrap(head), out, false).isError() ? null : StandardCharsets.UTF_8;
    }

    /**
     * Decodes bytes, replacing what the charset cannot decode.
     *
     * @param head the bytes
     * @param charset the charset
     * @return the text
     */
    static String decode(byte[] head, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(head)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder failed", e);
        }
    }

    /**
     * Removes a byte order mark that a UTF-8 decoder left at the start of the first line.
     *
     * @param line the line
     * @return the line without it
     */
    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
