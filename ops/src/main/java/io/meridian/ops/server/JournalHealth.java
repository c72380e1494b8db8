package io.meridian.ops.server;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code GET /health} checks of the journal directory besides the engine itself: that it exists, is a directory,
 * can be written (a probe file is created and deleted, so that a read-only mount or a file system that refuses new
 * files is caught even for a user, such as root, whom permission bits do not stop), and that its file system has at
 * least {@code ops.minFreeDiskMb} MiB free. Runs on a handler thread; never touches the engine.
 */
final class JournalHealth
{
    private static final long MIB = 1024L * 1024L;
    private static final String PROBE_PREFIX = ".meridian-health-";

    private JournalHealth()
    {
    }

    /**
     * Why the journal directory cannot take the journal, or null when it can.
     *
     * @param dir the journal directory.
     * @param minFreeMb least free space, MiB.
     * @return null when healthy, else the reason, naming the directory.
     */
    static String problem(final Path dir, final long minFreeMb)
    {
        if (!Files.exists(dir))
        {
            return "journal directory " + dir + " is missing";
        }
        if (!Files.isDirectory(dir))
        {
            return "journal path " + dir + " is not a directory";
        }
        if (!Files.isWritable(dir) || !probe(dir))
        {
            return "journal directory " + dir + " is not writable";
        }
        final long free = freeBytes(dir);
        if (free < 0)
        {
            return "journal directory " + dir + ": cannot read the free space of its file system";
        }
        if (free < minFreeMb * MIB)
        {
            return "journal directory " + dir + " is low on disk: " + free / MIB + " MiB free, below ops.minFreeDiskMb "
                + minFreeMb;
        }
        return null;
    }

    /**
     * Free space for this user on the directory's file system.
     *
     * @param dir a directory.
     * @return bytes, -1 when it cannot be read.
     */
    static long freeBytes(final Path dir)
    {
        try
        {
            final FileStore store = Files.getFileStore(dir);
            return store.getUsableSpace();
        }
        catch (final IOException | SecurityException e)
        {
            return -1;
        }
    }

    private static boolean probe(final Path dir)
    {
        try
        {
            final Path probe = Files.createTempFile(dir, PROBE_PREFIX, ".tmp");
            Files.delete(probe);
            return true;
        }
        catch (final IOException | SecurityException | UnsupportedOperationException e)
        {
            return false;
        }
    }
}
