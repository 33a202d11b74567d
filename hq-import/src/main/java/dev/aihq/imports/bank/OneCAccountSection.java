package dev.aihq.imports.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A {@code СекцияРасчСчет} … {@code КонецРасчСчет} block: one account's balances and turnover for the period.
 * Balances may be negative (an overdraft).
 *
 * @param line the 1-based line of {@code СекцияРасчСчет}
 * @param account {@code РасчСчет}, or {@code null}
 * @param start {@code ДатаНачала}, or {@code null}
 * @param end {@code ДатаКонца}, or {@code null}
 * @param openingBalance {@code НачальныйОстаток}, or {@code null}
 * @param totalIn {@code ВсегоПоступило}, or {@code null}
 * @param totalOut {@code ВсегоСписано}, or {@code null}
 * @param closingBalance {@code КонечныйОстаток}, or {@code null}
 * @param fields every key and value of the section as written, in file order
 */
public record OneCAccountSection(int line, @Nullable String account, @Nullable LocalDate start,
        @Nullable LocalDate end, @Nullable BigDecimal openingBalance, @Nullable BigDecimal totalIn,
        @Nullable BigDecimal totalOut, @Nullable BigDecimal closingBalance, Map<String, String> fields)
        implements OneCRecord {

    /**
     * Validates the section.
     *
     * @throws IllegalArgumentException when the line is below 1
     */
    public OneCAccountSection {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
        if (line < 1) {
            throw new IllegalArgumentException("an account section's line must be 1 or more, got " + line);
        }
    }
}
