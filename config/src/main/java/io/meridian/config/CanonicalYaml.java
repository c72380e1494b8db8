package io.meridian.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Writes a config record tree as deterministic YAML: every key in record declaration order, two-space indentation,
 * strings double-quoted, integers in decimal, doubles in Java's shortest round-trip form (which YAML reads back as
 * the same double). Reading the text back gives an equal record, so its hash identifies the effective config.
 */
final class CanonicalYaml
{
    private static final String INDENT = "  ";

    private CanonicalYaml()
    {
    }

    /**
     * Writes the canonical YAML of a config.
     *
     * @param config the config.
     * @return the YAML text, ending with a newline.
     */
    static String write(final EngineConfig config)
    {
        final StringBuilder sb = new StringBuilder(2048);
        writeFields(sb, config, "", null);
        return sb.toString();
    }

    /**
     * Writes the fields of a record, one per line, at the given indentation. When {@code firstLinePrefix} is not null
     * the first line starts with it instead of the indentation (used for "- " list items).
     */
    private static void writeFields(
        final StringBuilder sb,
        final Record record,
        final String indent,
        final String firstLinePrefix)
    {
        boolean first = true;
        for (final RecordComponent component : record.getClass().getRecordComponents())
        {
            sb.append(first && firstLinePrefix != null ? firstLinePrefix : indent);
            first = false;
            sb.append(component.getName()).append(':');
            final Object value = valueOf(component, record);
            if (value instanceof Record)
            {
                sb.append('\n');
                writeFields(sb, (Record)value, indent + INDENT, null);
            }
            else if (value instanceof List)
            {
                final List<?> list = (List<?>)value;
                if (list.isEmpty())
                {
                    sb.append(" []\n");
                }
                else
                {
                    sb.append('\n');
                    for (final Object item : list)
                    {
                        writeItem(sb, item, indent + INDENT);
                    }
                }
            }
            else
            {
                sb.append(' ').append(scalar(value)).append('\n');
            }
        }
    }

    private static void writeItem(final StringBuilder sb, final Object item, final String indent)
    {
        if (item instanceof Record && ((Record)item).getClass().getRecordComponents().length > 0)
        {
            writeFields(sb, (Record)item, indent + INDENT, indent + "- ");
        }
        else
        {
            sb.append(indent).append("- ").append(scalar(item)).append('\n');
        }
    }

    private static Object valueOf(final RecordComponent component, final Record record)
    {
        try
        {
            return component.getAccessor().invoke(record);
        }
        catch (final IllegalAccessException | InvocationTargetException ex)
        {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), ex);
        }
    }

    static String scalar(final Object value)
    {
        if (value == null)
        {
            return "null";
        }
        if (value instanceof Double)
        {
            final double d = (Double)value;
            if (Double.isNaN(d))
            {
                return ".nan";
            }
            if (Double.isInfinite(d))
            {
                return d > 0 ? ".inf" : "-.inf";
            }
            return Double.toString(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean)
        {
            return value.toString();
        }
        if (value instanceof String)
        {
            return quote((String)value);
        }
        if (value instanceof ConfigValue)
        {
            return quote(((ConfigValue)value).configName());
        }
        throw new IllegalStateException("no canonical YAML form for " + value.getClass());
    }

    /** A YAML double-quoted scalar: escapes quote, backslash, and every control or line-break character. */
    static String quote(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length() + 2);
        sb.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                sb.append('\\').append(c);
            }
            else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                sb.append(c).append(text.charAt(i + 1));
                i++;
            }
            else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                || Character.isSurrogate(c))
            {
                sb.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
