package io.meridian.config;

/**
 * One factor exposure limit: the book's exposure to the factor, the sum over instruments of position value / NAV
 * times the instrument's loading on the factor, must stay within {@code -limit .. limit}.
 *
 * @param name  factor name, 1 to 32 characters of {@code a-z A-Z 0-9 _}, unique.
 * @param limit largest absolute exposure as a fraction of NAV, &gt; 0 and &lt;= 100.
 */
public record FactorLimitConfig(String name, double limit)
{
}
