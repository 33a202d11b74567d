package dev.aihq.agents.finance.tax;

import dev.aihq.api.shop.TaxMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves tax mode codes as shops send them. Accepts the {@link TaxMode} names of the shop's country and the
 * seed's {@code IP_USN}, which for a Russian shop is taken as {@link TaxMode#RU_USN_INCOME_MINUS_EXPENSES}: the
 * seed's 63,000 is 15 % of 420,000 and no other regime gives it (reference §0). The alias is reported as an
 * assumption. {@code IP_USN} for a Kazakh shop, a mode of the other country and any unknown code are refused with
 * {@link UnknownTaxModeException}: a wrong regime would make every figure wrong.
 */
public final class TaxModeResolver {

    /** The seed's ambiguous code. */
    public static final String SEED_ALIAS = "IP_USN";

    private TaxModeResolver() {}

    /**
     * Resolves a code for a shop of a country.
     *
     * @param code the code, e.g. {@code RU_USN_INCOME} or {@code IP_USN}; case and surrounding blanks are ignored
     * @param country {@code KZ} or {@code RU}
     * @return the mode and any alias assumption
     * @throws UnknownTaxModeException naming the code and the accepted codes
     */
    public static ResolvedTaxMode resolve(String code, String country) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        String countryCode = country.strip().toUpperCase(Locale.ROOT);
        List<String> accepted = accepted(countryCode);
        if (normalized.equals(SEED_ALIAS)) {
            if (!countryCode.equals("RU")) {
                throw new UnknownTaxModeException(code, countryCode, accepted,
                        "IP_USN is Russia's simplified system (УСН), which Kazakhstan does not have");
            }
            return new ResolvedTaxMode(code, TaxMode.RU_USN_INCOME_MINUS_EXPENSES,
                    "tax mode IP_USN is read as RU_USN_INCOME_MINUS_EXPENSES (УСН «доходы минус расходы», 15 %): "
                            + "the seed's 63,000 = 15 % × 420,000 fits no other regime; set the shop's mode to "
                            + "RU_USN_INCOME if it is on УСН «доходы» (6 %)");
        }
        for (TaxMode mode : TaxMode.values()) {
            if (mode.name().equals(normalized)) {
                if (!mode.name().startsWith(countryCode + "_")) {
                    throw new UnknownTaxModeException(code, countryCode, accepted, "it is a regime of another country");
                }
                return new ResolvedTaxMode(code, mode, null);
            }
        }
        throw new UnknownTaxModeException(code, countryCode, accepted, "the engine does not know this code");
    }

    /**
     * Lists the codes accepted for a country.
     *
     * @param country {@code KZ} or {@code RU}
     * @return the mode names of that country, plus {@code IP_USN} for Russia
     */
    public static List<String> accepted(String country) {
        List<String> codes = new ArrayList<>();
        for (TaxMode mode : TaxMode.values()) {
            if (mode.name().startsWith(country + "_")) {
                codes.add(mode.name());
            }
        }
        if (country.equals("RU")) {
            codes.add(SEED_ALIAS + " (alias of RU_USN_INCOME_MINUS_EXPENSES)");
        }
        return List.copyOf(codes);
    }
}
