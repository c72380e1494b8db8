package io.meridian.config;

import java.util.List;
import java.util.Objects;

/**
 * The trading account and its calendar (SPEC §1(e) e14, e23, e25 and decision 15).
 *
 * @param startOfDayNav   net asset value at the start of the run, cash, &gt; 0 and &lt;= 1e12 (later: from the broker).
 * @param type            {@code cash} (no shorting, buying power = cash) or {@code margin}.
 * @param timezone        the exchange's time zone, an IANA id such as {@code America/New_York}.
 * @param sessionOpen     local time the session opens, {@code HH:MM}.
 * @param sessionClose    local time the session closes, {@code HH:MM}, after the open.
 * @param holidays        local dates ({@code YYYY-MM-DD}) with no session; weekends never have one.
 * @param environment     {@code dev}, {@code research}, {@code paper} or {@code prod} (e25).
 * @param dryRun          when true every order is refused before it reaches a venue (e25, d10's dry run).
 * @param allowProdWrite  orders in {@code prod} need this set too (e25's {@code ALLOW_PROD_WRITE}).
 */
public record AccountConfig(
    double startOfDayNav,
    String type,
    String timezone,
    String sessionOpen,
    String sessionClose,
    List<String> holidays,
    String environment,
    boolean dryRun,
    boolean allowProdWrite)
{
    /** A cash account. */
    public static final String TYPE_CASH = "cash";
    /** A margin account. */
    public static final String TYPE_MARGIN = "margin";
    /** Environment names, in order. */
    public static final List<String> ENVIRONMENTS = List.of("dev", "research", "paper", "prod");

    /**
     * Makes the holiday list unmodifiable.
     */
    public AccountConfig
    {
        holidays = List.copyOf(holidays);
        Objects.requireNonNull(type, "type");
    }
}
