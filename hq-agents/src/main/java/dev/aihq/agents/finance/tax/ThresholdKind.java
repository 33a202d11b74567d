package dev.aihq.agents.finance.tax;

/** Which threshold a {@link ThresholdWarning} is about. */
public enum ThresholdKind {
    /** The income ceiling of the regime (form 910, УСН, НПД); above it the taxpayer loses the regime. */
    REGIME_CEILING,
    /**
     * The VAT threshold: Kazakhstan's mandatory registration threshold, or the income above which a Russian УСН
     * payer loses the VAT exemption.
     */
    VAT_REGISTRATION
}
