package io.meridian.journal;

import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordLayout;
import io.meridian.engine.codec.RecordLayouts;
import io.meridian.engine.codec.RecordType;
import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * How engine records are framed in a journal. One Chronicle document holds exactly one record: its bytes, nothing
 * before or after, so the document length equals the record length.
 *
 * <ul>
 *   <li>Engine records (inbound events, decisions): the engine's own encoding, a 48-byte {@link Header} whose
 *       {@code length} field equals the document length, then the fixed body of its type.</li>
 *   <li>MANIFEST (first document of the input queue): a 48-byte header with {@code type = MANIFEST},
 *       {@code length = 48} (the fixed part only: the text is variable-sized and may exceed the 16-bit length field),
 *       every other header field 0; then at offset 48 an {@code int32} byte count {@code n}; then {@code n} bytes
 *       of UTF-8 text. The document is exactly {@code 52 + n} bytes.</li>
 *   <li>END_OF_RUN (last document of each queue after a clean close): a bare 48-byte header with
 *       {@code type = END_OF_RUN}, {@code length = 48}, {@code sequence} = number of records appended to that queue,
 *       {@code eventTimeNs}/{@code receiveTimeNs} = those of the last record appended (0 when none).</li>
 * </ul>
 *
 * A record that breaks these rules is reported by the reader as corrupt and skipped.
 */
public final class JournalFormat
{
    /** Name of the input queue directory inside a journal directory. */
    public static final String INPUT_QUEUE = "input";
    /** Name of the output (decision) queue directory inside a journal directory. */
    public static final String OUTPUT_QUEUE = "output";
    /** Offset of the manifest's text byte count. */
    public static final int MANIFEST_TEXT_LENGTH_OFFSET = Header.LENGTH;
    /** Offset of the manifest's UTF-8 text. */
    public static final int MANIFEST_TEXT_OFFSET = Header.LENGTH + 4;
    /** Largest manifest text in UTF-8 bytes. */
    public static final int MAX_MANIFEST_TEXT_BYTES = 1 << 20;
    /** Length of the END_OF_RUN record. */
    public static final int END_OF_RUN_LENGTH = Header.LENGTH;

    private JournalFormat()
    {
    }

    /**
     * Encodes a manifest record.
     *
     * @param text the manifest text.
     * @return a buffer holding exactly the record.
     * @throws IllegalArgumentException when the text is longer than {@link #MAX_MANIFEST_TEXT_BYTES}.
     */
    public static UnsafeBuffer encodeManifest(final String text)
    {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_MANIFEST_TEXT_BYTES)
        {
            throw new IllegalArgumentException("manifest text is " + utf8.length + " UTF-8 bytes, the limit is "
                + MAX_MANIFEST_TEXT_BYTES);
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MANIFEST_TEXT_OFFSET + utf8.length]);
        Header.write(buffer, 0, RecordType.MANIFEST, Header.LENGTH, 0, 0L, 0L, 0L, 0, 0L);
        buffer.putInt(MANIFEST_TEXT_LENGTH_OFFSET, utf8.length);
        buffer.putBytes(MANIFEST_TEXT_OFFSET, utf8);
        return buffer;
    }

    /**
     * Decodes the text of a manifest record.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length the document length.
     * @return the text, or {@code null} when the record is not a well-formed manifest.
     */
    public static String manifestText(final DirectBuffer buffer, final int offset, final int length)
    {
        if (checkManifest(buffer, offset, length) != null)
        {
            return null;
        }
        final int n = buffer.getInt(offset + MANIFEST_TEXT_LENGTH_OFFSET);
        final byte[] utf8 = new byte[n];
        buffer.getBytes(offset + MANIFEST_TEXT_OFFSET, utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * Writes an END_OF_RUN record.
     *
     * @param buffer target, at least {@link #END_OF_RUN_LENGTH} bytes from {@code offset}.
     * @param offset where to write.
     * @param recordCount records appended to the queue.
     * @param lastEventTimeNs event time of the last record appended, 0 when none.
     * @param lastReceiveTimeNs receive time of the last record appended, 0 when none.
     */
    public static void writeEndOfRun(
        final MutableDirectBuffer buffer,
        final int offset,
        final long recordCount,
        final long lastEventTimeNs,
        final long lastReceiveTimeNs)
    {
        Header.write(buffer, offset, RecordType.END_OF_RUN, END_OF_RUN_LENGTH, 0, recordCount, lastEventTimeNs,
            lastReceiveTimeNs, 0, 0L);
    }

    /**
     * Checks a document that claims to be a manifest.
     *
     * @param buffer holds the document.
     * @param offset where it starts.
     * @param length the document length.
     * @return {@code null} when well formed, else what is wrong.
     */
    public static String checkManifest(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MANIFEST_TEXT_OFFSET)
        {
            return "MANIFEST document is " + length + " bytes, shorter than its " + MANIFEST_TEXT_OFFSET
                + "-byte fixed part";
        }
        if (Header.length(buffer, offset) != Header.LENGTH)
        {
            return "MANIFEST length field is " + Header.length(buffer, offset) + ", expected " + Header.LENGTH;
        }
        final int n = buffer.getInt(offset + MANIFEST_TEXT_LENGTH_OFFSET);
        if (n < 0 || (long)MANIFEST_TEXT_OFFSET + n != length)
        {
            return "MANIFEST text byte count " + n + " does not match the document length " + length
                + " (expected " + MANIFEST_TEXT_OFFSET + " + count)";
        }
        return null;
    }

    /**
     * Checks that a document holds one well-formed engine record of a type that belongs in the queue: at least a
     * header, a known type, the header's length field equal to the document length and to the type's layout.
     *
     * @param buffer holds the document.
     * @param offset where it starts.
     * @param length the document length.
     * @param input {@code true} for the input queue (inbound events), {@code false} for the output queue
     *     (decisions).
     * @return {@code null} when well formed, else what is wrong (tools; allocates only on failure).
     */
    public static String checkRecord(final DirectBuffer buffer, final int offset, final int length, final boolean input)
    {
        if (length < Header.LENGTH)
        {
            return "document is " + length + " bytes, shorter than the " + Header.LENGTH + "-byte header";
        }
        final int type = Header.type(buffer, offset);
        final boolean belongs = input ? RecordType.isInbound(type) : RecordType.isDecision(type);
        if (!belongs)
        {
            return "type " + RecordType.name(type) + " does not belong in the " + (input ? INPUT_QUEUE : OUTPUT_QUEUE)
                + " queue";
        }
        final int declared = Header.length(buffer, offset);
        if (declared != length)
        {
            return RecordType.name(type) + " length field is " + declared + " but the document is " + length
                + " bytes";
        }
        final RecordLayout layout = RecordLayouts.forType(type);
        if (layout != null && layout.length() != length)
        {
            return RecordType.name(type) + " record is " + length + " bytes, its layout is " + layout.length();
        }
        return null;
    }

    /**
     * Checks a document that claims to be END_OF_RUN.
     *
     * @param buffer holds the document.
     * @param offset where it starts.
     * @param length the document length.
     * @return {@code null} when well formed, else what is wrong.
     */
    public static String checkEndOfRun(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length != END_OF_RUN_LENGTH || Header.length(buffer, offset) != END_OF_RUN_LENGTH)
        {
            return "END_OF_RUN document is " + length + " bytes with length field "
                + (length >= Header.LENGTH ? Header.length(buffer, offset) : -1) + ", expected " + END_OF_RUN_LENGTH;
        }
        return null;
    }
}
