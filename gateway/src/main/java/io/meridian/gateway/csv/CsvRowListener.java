package io.meridian.gateway.csv;

/**
 * Receives the rows of a CSV read, in file order, on the reading thread.
 *
 * @param <T> the row type; the reader reuses one instance, valid only during {@link #onRow}.
 */
@FunctionalInterface
public interface CsvRowListener<T>
{
    /**
     * An accepted row.
     *
     * @param row the row (reused: copy what must outlive the call).
     */
    void onRow(T row);

    /**
     * A rejected row (not called in strict mode, which throws instead). The default ignores it: the summary still
     * counts it.
     *
     * @param problem file, line, column and reason.
     */
    default void onReject(final CsvProblem problem)
    {
    }
}
