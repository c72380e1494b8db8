package io.meridian.gateway.csv;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A CSV file that cannot be read as the kind asked for (a missing header column, a structure the CSV parser cannot
 * follow, an empty file), or, in strict mode, the first rejected row. The message names the file and line.
 */
public final class CsvFileException extends IOException
{
    private static final long serialVersionUID = 1L;

    /** The rejected row in strict mode, or null for a file-level problem. */
    private final transient CsvProblem problem;

    /**
     * A file-level problem.
     *
     * @param file the file.
     * @param line the line (1 is the header), 0 when unknown.
     * @param message what is wrong.
     */
    public CsvFileException(final Path file, final long line, final String message)
    {
        super(file + ":" + line + ": " + message);
        this.problem = null;
    }

    /**
     * The first rejected row of a strict read.
     *
     * @param problem the row's problem.
     */
    public CsvFileException(final CsvProblem problem)
    {
        super(problem.describe());
        this.problem = problem;
    }

    /**
     * The rejected row of a strict read.
     *
     * @return the problem, or null when the file as a whole could not be read.
     */
    public CsvProblem problem()
    {
        return problem;
    }
}
