package dev.aihq.imports.bank;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The header of a 1C exchange file: the lines between {@code 1CClientBankExchange} and the first section.
 *
 * @param formatVersion {@code ВерсияФормата}, or {@code null}
 * @param declaredEncoding {@code Кодировка} as written ({@code Windows}, {@code DOS}, ...), or {@code null}
 * @param charset the encoding the file was read in: a UTF-8 byte order mark or valid UTF-8 win over the
 *     declaration, which files converted by hand often keep
 * @param sender {@code Отправитель}, or {@code null}
 * @param receiver {@code Получатель}, or {@code null}
 * @param created {@code ДатаСоздания}, or {@code null}
 * @param createdTime {@code ВремяСоздания} as written, or {@code null}
 * @param start {@code ДатаНачала}, or {@code null}
 * @param end {@code ДатаКонца}, or {@code null}
 * @param accounts every {@code РасчСчет} of the header, in file order
 * @param documentKinds every {@code Документ} of the header, in file order
 * @param other the other keys of the header, kept as written
 * @param problems malformed header values (the rest of the file is read all the same)
 */
public record OneCHeader(@Nullable String formatVersion, @Nullable String declaredEncoding, Charset charset,
        @Nullable String sender, @Nullable String receiver, @Nullable LocalDate created, @Nullable String createdTime,
        @Nullable LocalDate start, @Nullable LocalDate end, List<String> accounts, List<String> documentKinds,
        Map<String, String> other, List<BankProblem> problems) {

    /** Copies the lists and map and requires the charset. */
    public OneCHeader {
        Objects.requireNonNull(charset, "charset");
        accounts = List.copyOf(accounts);
        documentKinds = List.copyOf(documentKinds);
        other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
        problems = List.copyOf(problems);
    }
}
