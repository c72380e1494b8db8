package io.meridian.gateway.csv;

/**
 * Strict decimal number parsing for CSV fields: an optional sign, digits with at most one decimal point (at least one
 * digit), and an optional exponent ({@code e} or {@code E}, optional sign, digits). Everything else, including
 * {@code NaN}, {@code Infinity}, {@code NA}, hexadecimal, thousands separators, a decimal comma and Java's
 * {@code d}/{@code f} suffixes, is not a number. Surrounding spaces are allowed.
 *
 * <p>Plain decimals with at most 15 significant digits and no exponent are converted by one exact division (both
 * operands are exact doubles, so the quotient is the correctly rounded value, as {@link Double#parseDouble} would
 * give); anything else goes through {@link Double#parseDouble}.
 */
public final class CsvNumbers
{
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final int FAST_PATH_DIGITS = 15;

    static
    {
        double power = 1.0;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10.0;
        }
    }

    private CsvNumbers()
    {
    }

    /**
     * Parses a field.
     *
     * @param text the field.
     * @return the finite value, or {@code NaN} when the field is not a plain decimal number or is not finite.
     */
    public static double parse(final String text)
    {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ')
        {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ')
        {
            end--;
        }
        if (start == end)
        {
            return Double.NaN;
        }
        int i = start;
        boolean negative = false;
        final char first = text.charAt(i);
        if (first == '-' || first == '+')
        {
            negative = first == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c >= '0' && c <= '9')
            {
                digits++;
                if (point)
                {
                    fractionDigits++;
                }
                if (significant > 0 || c != '0')
                {
                    significant++;
                }
                if (significant <= FAST_PATH_DIGITS)
                {
                    mantissa = mantissa * 10 + (c - '0');
                }
            }
            else if (c == '.' && !point)
            {
                point = true;
            }
            else
            {
                break;
            }
        }
        if (digits == 0)
        {
            return Double.NaN;
        }
        if (i == end)
        {
            if (significant <= FAST_PATH_DIGITS && fractionDigits < POWERS_OF_TEN.length)
            {
                final double value = mantissa / POWERS_OF_TEN[fractionDigits];
                return negative ? -value : value;
            }
            return slowPath(text, start, end);
        }
        return exponent(text, i, end) ? slowPath(text, start, end) : Double.NaN;
    }

    private static boolean exponent(final String text, final int at, final int end)
    {
        int i = at;
        final char e = text.charAt(i++);
        if (e != 'e' && e != 'E')
        {
            return false;
        }
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+'))
        {
            i++;
        }
        if (i == end)
        {
            return false;
        }
        for (; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static double slowPath(final String text, final int start, final int end)
    {
        final double value = Double.parseDouble(text.substring(start, end));
        return Double.isInfinite(value) ? Double.NaN : value;
    }
}
