package dev.aihq.imports.bank;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Something wrong with one line of a 1C exchange file or one row of a CSV export. The rest of the file is read
 * on: only the document or row the problem belongs to is left out.
 *
 * @param line the 1-based line of a 1C file, or the 1-based row of a CSV file (the header row counts)
 * @param field the key (1C) or column header (CSV) at fault, or {@code null} when the whole line or document is
 * @param message what is wrong, in words
 */
public record BankProblem(int line, @Nullable String field, String message) {

    /**
     * Validates the problem.
     *
     * @throws IllegalArgumentException when the line is below 1 or the message is blank
     */
    public BankProblem {
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("a bank problem's line must be 1 or more, got " + line);
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("a bank problem needs a message");
        }
    }

    @Override
    public String toString() {
        return "line " + line + (field == null ? "" : ", " + field) + ": " + message;
    }
}
