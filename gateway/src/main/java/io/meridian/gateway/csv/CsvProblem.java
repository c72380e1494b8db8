package io.meridian.gateway.csv;

import java.nio.file.Path;

/**
 * One rejected row: where it is (file, line, column) and why.
 *
 * @param file the file read.
 * @param line the row's line number in the file (1 is the header line).
 * @param column the name of the offending column as the header spells it, or {@code "-"} for the whole row.
 * @param reason why it was rejected.
 * @param detail the offending value(s), for people.
 */
public record CsvProblem(Path file, long line, String column, CsvRejectReason reason, String detail)
{
    /**
     * One line for people: {@code file:line: column 'high': HIGH_BELOW_LOW (high 9.5 < low 10)}.
     *
     * @return the description.
     */
    public String describe()
    {
        return file + ":" + line + ": column '" + column + "': " + reason + " (" + detail + ")";
    }
}
