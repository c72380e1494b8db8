package io.meridian.engine.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout table written in a codec's class javadoc, read from its source file. The table is the {@code <pre>}
 * block of the javadoc directly above {@code class Name}; its rows are {@code offset name kind [comment]},
 * {@code offset (padding) n} and a last {@code length (end)} (the rules are in the codec package's
 * {@code package-info}).
 */
final class LayoutTable
{
    private static final String KINDS = kindNames();
    private static final Pattern FIELD_ROW =
        Pattern.compile("^(\\d+)\\s+([a-z][A-Za-z0-9]*)\\s+(" + KINDS.replace(' ', '|') + ")(\\s.*)?$");
    private static final Pattern PADDING_ROW = Pattern.compile("^(\\d+)\\s+\\(padding\\)\\s+(\\d+)$");
    private static final Pattern END_ROW = Pattern.compile("^(\\d+)\\s+\\(end\\)$");

    /**
     * One row of the table.
     *
     * @param line line number in the source file.
     * @param offset offset from the start of the record.
     * @param name field name, or {@code null} for padding.
     * @param kind the field's kind, or {@code null} for padding.
     * @param size width in bytes.
     */
    record Row(int line, int offset, String name, RecordLayout.Kind kind, int size)
    {
        boolean isPadding()
        {
            return name == null;
        }
    }

    private final String where;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int end = -1;
    private int endLine = -1;

    private LayoutTable(final String where)
    {
        this.where = where;
    }

    /**
     * Reads the table of one class from a source file.
     *
     * @param source the {@code .java} file.
     * @param simpleClassName the class whose javadoc holds the table (may be nested in the file's class).
     * @return the table; {@link #problems()} says what could not be read.
     */
    static LayoutTable read(final Path source, final String simpleClassName)
    {
        final String text;
        try
        {
            text = Files.readString(source, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read the source of " + simpleClassName + ": " + source, e);
        }
        return parse(text, source.getFileName().toString(), simpleClassName);
    }

    /**
     * Reads the table of one class from source text.
     *
     * @param text the source text.
     * @param fileName names the source in problems.
     * @param simpleClassName the class whose javadoc holds the table.
     * @return the table; {@link #problems()} says what could not be read.
     */
    static LayoutTable parse(final String text, final String fileName, final String simpleClassName)
    {
        final LayoutTable table = new LayoutTable(fileName + " (" + simpleClassName + ")");
        table.parse(text, simpleClassName);
        return table;
    }

    /**
     * Field and padding rows in table order.
     *
     * @return the rows.
     */
    List<Row> rows()
    {
        return rows;
    }

    /**
     * Field rows only, in table order.
     *
     * @return the field rows.
     */
    List<Row> fields()
    {
        final List<Row> fields = new ArrayList<>();
        for (final Row row : rows)
        {
            if (!row.isPadding())
            {
                fields.add(row);
            }
        }
        return fields;
    }

    /**
     * The record length the {@code (end)} row states.
     *
     * @return the length, or -1 when the table has no end row.
     */
    int end()
    {
        return end;
    }

    /**
     * Line number of the {@code (end)} row.
     *
     * @return the line, or -1.
     */
    int endLine()
    {
        return endLine;
    }

    /**
     * What made the table unreadable, each naming the file and line.
     *
     * @return the problems; empty when the table was read completely.
     */
    List<String> problems()
    {
        return problems;
    }

    /**
     * Names the file and class the table came from.
     *
     * @return e.g. {@code QuoteCodec.java (QuoteCodec)}.
     */
    String where()
    {
        return where;
    }

    private void parse(final String text, final String simpleClassName)
    {
        final Matcher declaration =
            Pattern.compile("(?m)^[ \\t]*(?:public |static |final |abstract )*class " + simpleClassName + "\\b")
                .matcher(text);
        if (!declaration.find())
        {
            problems.add(where + ": no declaration of class " + simpleClassName);
            return;
        }
        final int javadocEnd = text.lastIndexOf("*/", declaration.start());
        final int javadocStart = javadocEnd < 0 ? -1 : text.lastIndexOf("/**", javadocEnd);
        if (javadocStart < 0 || !text.substring(javadocEnd + 2, declaration.start()).isBlank())
        {
            problems.add(where + ": no javadoc directly above class " + simpleClassName);
            return;
        }
        final String javadoc = text.substring(javadocStart, javadocEnd);
        final int preOpen = javadoc.indexOf("<pre>");
        final int preClose = javadoc.indexOf("</pre>");
        if (preOpen < 0 || preClose < preOpen)
        {
            problems.add(where + ": the javadoc of " + simpleClassName + " has no <pre> layout table");
            return;
        }
        final int firstLine = lineOf(text, javadocStart + preOpen) + 1;
        final String[] lines = javadoc.substring(preOpen, preClose).split("\n", -1);
        for (int i = 1; i < lines.length; i++)
        {
            final String row = lines[i].replaceFirst("^\\s*\\*", "").strip();
            if (!row.isEmpty())
            {
                parseRow(row, firstLine + i - 1);
            }
        }
        if (end < 0)
        {
            problems.add(where + ": the layout table has no '<length> (end)' row");
        }
    }

    private void parseRow(final String row, final int line)
    {
        if (end >= 0)
        {
            problems.add(where + ":" + line + ": row '" + row + "' after the (end) row");
            return;
        }
        final Matcher field = FIELD_ROW.matcher(row);
        final Matcher padding = PADDING_ROW.matcher(row);
        final Matcher endRow = END_ROW.matcher(row);
        if (field.matches())
        {
            final RecordLayout.Kind kind = RecordLayout.Kind.valueOf(field.group(3).toUpperCase(Locale.ROOT));
            rows.add(new Row(line, Integer.parseInt(field.group(1)), field.group(2), kind, kind.width()));
        }
        else if (padding.matches())
        {
            rows.add(new Row(line, Integer.parseInt(padding.group(1)), null, null, Integer.parseInt(padding.group(2))));
        }
        else if (endRow.matches())
        {
            end = Integer.parseInt(endRow.group(1));
            endLine = line;
        }
        else
        {
            problems.add(where + ":" + line + ": cannot read layout row '" + row
                + "' (expected 'offset name kind', 'offset (padding) n' or 'length (end)';"
                + " kinds: " + KINDS + ")");
        }
    }

    private static String kindNames()
    {
        final StringBuilder names = new StringBuilder();
        for (final RecordLayout.Kind kind : RecordLayout.Kind.values())
        {
            names.append(names.length() == 0 ? "" : " ").append(kind.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }

    private static int lineOf(final String text, final int index)
    {
        int line = 1;
        for (int i = 0; i < index; i++)
        {
            if (text.charAt(i) == '\n')
            {
                line++;
            }
        }
        return line;
    }
}
