package io.meridian.config;

import java.util.List;

/**
 * Reference data the risk checks need and Meridian does not receive yet (ADV, sector and cluster maps, previous
 * close, shortable and restricted lists, factor loadings, event dates), one entry per configured instrument. Loaded
 * with the configuration at start, so it is part of the config hash and of every run manifest: replay sees the same
 * values. Later these come from journaled analytics records.
 *
 * @param instruments one entry per configured instrument, matched by symbol.
 */
public record ReferenceConfig(List<ReferenceInstrumentConfig> instruments)
{
    /**
     * Makes the list unmodifiable.
     */
    public ReferenceConfig
    {
        instruments = List.copyOf(instruments);
    }
}
