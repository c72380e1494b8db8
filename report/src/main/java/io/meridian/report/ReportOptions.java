package io.meridian.report;

import java.nio.file.Path;

/**
 * What a report is asked for beyond the journal (fluent; every setting optional). Not thread-safe.
 */
public final class ReportOptions
{
    private long trials;
    private double trialsSharpeVariance;
    private String replayLine;
    private Path tcaCsv;

    /**
     * Number of trials for the DSR.
     *
     * @param trials N (0 or 1: none).
     * @return this.
     */
    public ReportOptions trials(final long trials)
    {
        this.trials = trials;
        return this;
    }

    /**
     * Variance of the trials' annual Sharpe ratios.
     *
     * @param variance V.
     * @return this.
     */
    public ReportOptions trialsSharpeVariance(final double variance)
    {
        this.trialsSharpeVariance = variance;
        return this;
    }

    /**
     * The replay verifier's line.
     *
     * @param line the line, or null when not verified.
     * @return this.
     */
    public ReportOptions replayLine(final String line)
    {
        this.replayLine = line;
        return this;
    }

    /**
     * Writes one row per order to this CSV file while streaming.
     *
     * @param file the file, or null for none.
     * @return this.
     */
    public ReportOptions tcaCsv(final Path file)
    {
        this.tcaCsv = file;
        return this;
    }

    long trials()
    {
        return trials;
    }

    double trialsSharpeVariance()
    {
        return trialsSharpeVariance;
    }

    String replayLine()
    {
        return replayLine;
    }

    Path tcaCsv()
    {
        return tcaCsv;
    }
}
