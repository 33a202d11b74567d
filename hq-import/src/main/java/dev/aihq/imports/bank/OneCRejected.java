package dev.aihq.imports.bank;

import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A document or section of a 1C exchange file that was left out, and why: a missing or malformed field, no
 * {@code КонецДокумента}, or the end of a file cut short.
 *
 * @param line the 1-based line where the document or section starts (or the last line, for a file cut short)
 * @param kind the document kind ({@code Платежное поручение}, ...), {@code СекцияРасчСчет}, or {@code null} for
 *     the file itself
 * @param problems what is wrong, at least one
 */
public record OneCRejected(int line, @Nullable String kind, List<BankProblem> problems) implements OneCRecord {

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException when there is no problem or the line is below 1
     */
    public OneCRejected {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejected 1C record needs its problems");
        }
        if (line < 1) {
            throw new IllegalArgumentException("a rejected 1C record's line must be 1 or more, got " + line);
        }
    }
}
