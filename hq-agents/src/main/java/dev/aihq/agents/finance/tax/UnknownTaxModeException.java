package dev.aihq.agents.finance.tax;

import dev.aihq.api.error.ConfigurationException;
import java.util.List;

/** A shop's tax mode code is not one the engine knows for its country. Names the code and the accepted ones. */
public class UnknownTaxModeException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient List<String> accepted;

    /**
     * Creates the exception.
     *
     * @param code the code as the shop sent it
     * @param country the shop's country
     * @param accepted the codes accepted for that country
     * @param reason why this code is refused
     */
    public UnknownTaxModeException(String code, String country, List<String> accepted, String reason) {
        super("tax mode '" + code + "' is not accepted for " + country + ": " + reason + "; accepted: "
                + String.join(", ", accepted));
        this.code = code;
        this.accepted = List.copyOf(accepted);
    }

    /**
     * Returns the refused code.
     *
     * @return the code as sent
     */
    public String code() {
        return code;
    }

    /**
     * Returns the codes accepted for the country.
     *
     * @return the accepted codes
     */
    public List<String> accepted() {
        return accepted;
    }
}
