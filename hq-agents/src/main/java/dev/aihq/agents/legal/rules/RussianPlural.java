package dev.aihq.agents.legal.rules;

/** Russian plural forms after a number: 1, 21 день; 2–4, 22 дня; 5–20, 11–14, 25 дней. */
public final class RussianPlural {

    private RussianPlural() {}

    /**
     * Picks the form that agrees with a number.
     *
     * @param n the number
     * @param one the form after 1, 21, 31 … (not 11): {@code день}
     * @param few the form after 2–4, 22–24 … (not 12–14): {@code дня}
     * @param many the form after 0, 5–20, 25–30 …: {@code дней}
     * @return the matching form
     */
    public static String of(long n, String one, String few, String many) {
        long abs = Math.abs(n);
        long lastTwo = abs % 100;
        long last = abs % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return many;
        }
        if (last == 1) {
            return one;
        }
        return last >= 2 && last <= 4 ? few : many;
    }
}
