package io.meridian.gateway.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The strict decimal parser agrees with {@link Double#parseDouble} (the JDK's correctly rounded parser) on every
 * plain decimal, and refuses what is not one.
 */
class CsvNumbersTest
{
    @Property(tries = 2000)
    void shouldAgreeWithTheJdkOnAnyDecimalRendering(@ForAll final double value)
    {
        if (Double.isFinite(value))
        {
            final String text = Double.toString(value);
            assertEquals(Double.parseDouble(text), CsvNumbers.parse(text), text);
            final String plain = new java.math.BigDecimal(text).toPlainString();
            assertEquals(Double.parseDouble(plain), CsvNumbers.parse(plain), plain);
        }
    }

    @Property(tries = 2000)
    void shouldAgreeWithTheJdkOnPricesWithFewDecimals(@ForAll final int units, @ForAll final short hundredths)
    {
        final String text = units + "." + String.format(java.util.Locale.ROOT, "%04d", Math.abs((int)hundredths));
        assertEquals(Double.parseDouble(text), CsvNumbers.parse(text), text);
    }

    @Test
    void shouldParsePlainForms()
    {
        assertEquals(1.5, CsvNumbers.parse(" 1.5 "));
        assertEquals(-2.0, CsvNumbers.parse("-2"));
        assertEquals(0.5, CsvNumbers.parse(".5"));
        assertEquals(5.0, CsvNumbers.parse("+5."));
        assertEquals(1200.0, CsvNumbers.parse("1.2E3"));
        assertEquals(Double.parseDouble("0.000123456789012345678"), CsvNumbers.parse("0.000123456789012345678"));
    }

    @Test
    void shouldRefuseWhatIsNotAPlainDecimal()
    {
        for (final String text : new String[]{"", " ", "NA", "NaN", "Infinity", "-", ".", "1,5", "0x10", "1.5d",
            "1f", "1e", "1e+", "1..2", "1.2.3", "--1", "1e400", "٣", "1 2"})
        {
            assertTrue(Double.isNaN(CsvNumbers.parse(text)), text);
        }
    }
}
