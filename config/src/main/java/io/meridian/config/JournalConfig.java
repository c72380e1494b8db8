package io.meridian.config;

/**
 * Where the journal lives.
 *
 * @param dir directory of the journal, relative to the working directory or absolute; not blank.
 */
public record JournalConfig(String dir)
{
}
