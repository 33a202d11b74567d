package dev.aihq.agents.legal.agent;

import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads from a return's or a dispute's stated reason whether the buyer claims a defect, for the rule layer: a
 * reason that says no defect is claimed is {@code false}, one that names a defect is {@code true}, anything else is
 * not known ({@code null}), and the rule layer then decides nothing about refusing. Negations are read first, so
 * «дефектов не заявляет» is not a defect claim.
 */
final class DefectClaims {

    private static final Pattern NO_DEFECT = Pattern.compile(
            "дефект\\S*\\s+не\\s+заявля|не\\s+заявля\\S*\\s+дефект|без\\s+дефект|(?<!не)надлежащего\\s+качества"
                    + "|претензий\\s+к\\s+качеству\\s+нет|ақау\\S*\\s+жоқ",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DEFECT = Pattern.compile(
            "дефект|брак|неисправ|не\\s+работает|не\\s+включается|сломал|некачествен|ақау",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern POOR_QUALITY = Pattern.compile("ненадлежащего\\s+качества",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private DefectClaims() {}

    static @Nullable Boolean read(LegalEvent event) {
        if (event.eventType() != LegalEventType.RETURN && event.eventType() != LegalEventType.CUSTOMER_DISPUTE) {
            return null;
        }
        String reason = event.fineReason();
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (POOR_QUALITY.matcher(reason).find()) {
            return true;
        }
        if (NO_DEFECT.matcher(reason).find()) {
            return false;
        }
        return DEFECT.matcher(reason).find() ? Boolean.TRUE : null;
    }
}
