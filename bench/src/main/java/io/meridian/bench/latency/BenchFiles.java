package io.meridian.bench.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary directories of the harnesses.
 */
final class BenchFiles
{
    private BenchFiles()
    {
    }

    /**
     * A new temporary directory.
     *
     * @param prefix name prefix.
     * @return the directory.
     */
    static Path tempDir(final String prefix)
    {
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a temporary directory " + prefix + "*", ex);
        }
    }

    /**
     * Deletes a directory tree; best effort.
     *
     * @param dir the directory, or null.
     */
    static void deleteTree(final Path dir)
    {
        if (dir == null || !Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir))
        {
            final List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (final Path path : paths)
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            System.err.println("warning: could not delete " + dir + ": " + ex.getMessage());
        }
    }

    /**
     * Total size of the files under a directory.
     *
     * @param dir the directory.
     * @return bytes (apparent size), 0 when unreadable.
     */
    static long size(final Path dir)
    {
        try (Stream<Path> walk = Files.walk(dir))
        {
            long sum = 0;
            for (final Path path : walk.filter(Files::isRegularFile).toList())
            {
                sum += Files.size(path);
            }
            return sum;
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }
}
