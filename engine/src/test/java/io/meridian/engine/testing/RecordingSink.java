package io.meridian.engine.testing;

import io.meridian.engine.api.OutboundSink;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordLayouts;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Collects outbound records as copies, for assertions.
 */
public final class RecordingSink implements OutboundSink
{
    private final List<UnsafeBuffer> records = new ArrayList<>();

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        records.add(new UnsafeBuffer(copy));
    }

    public List<UnsafeBuffer> records()
    {
        return records;
    }

    /**
     * Records of one type.
     *
     * @param type record type code.
     * @return matching records in order.
     */
    public List<UnsafeBuffer> ofType(final byte type)
    {
        final List<UnsafeBuffer> out = new ArrayList<>();
        for (final UnsafeBuffer r : records)
        {
            if (Header.type(r, 0) == type)
            {
                out.add(r);
            }
        }
        return out;
    }

    public void clear()
    {
        records.clear();
    }

    /**
     * All records, one per line.
     *
     * @return the text.
     */
    public String describe()
    {
        final StringBuilder out = new StringBuilder();
        for (final UnsafeBuffer r : records)
        {
            out.append(RecordLayouts.describe(r, 0)).append('\n');
        }
        return out.toString();
    }
}
