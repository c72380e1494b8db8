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
 * How engine records are framed in a journal (journal format {@value #VERSION}). One Chronicle document holds exactly
 * one record followed by its checksum, nothing else: the record's bytes, then a 4-byte trailer holding the CRC32C of
 * those bytes ({@link RecordChecksum}; little-endian, the native order of the machines the journal is written on).
 * The document length is the record length plus {@value #CHECKSUM_LENGTH}; the record's own bytes are exactly what
 * the engine encoded.
 *
 * <ul>
 *   <li>Engine records (inbound events, decisions): the engine's own encoding, a 48-byte {@link Header} whose
 *       {@code length} field equals the record length, then the fixed body of its type.</li>
 *   <li>MANIFEST (first document of the input queue): a 48-byte header with {@code type = MANIFEST},
 *       {@code length = 48} (the fixed part only: the text is variable-sized and may exceed the 16-bit length field),
 *       the journal format version in the header's {@code flags} field ({@link #FORMAT_VERSION_OFFSET}), every other
 *       header field 0; then at offset 48 an {@code int32} byte count {@code n}; then {@code n} bytes of UTF-8 text.
 *       The record is exactly {@code 52 + n} bytes.</li>
 *   <li>END_OF_RUN (last document of each queue after a clean close): a bare 48-byte header with
 *       {@code type = END_OF_RUN}, {@code length = 48}, {@code sequence} = number of records appended to that queue,
 *       {@code eventTimeNs}/{@code receiveTimeNs} = those of the last record appended (0 when none).</li>
 * </ul>
 *
 * <p>Every document, the manifest and END_OF_RUN included, carries the trailer. A record whose checksum does not
 * match, or that breaks these rules, is reported by the reader as {@link Corruption}, and reading stops there.
 *
 * <p>Versions: format 1 (journals written before checksums) had no trailer and a 0 in the manifest's {@code flags}
 * field; format 2 had the shorter EXEC_REPORT (104 bytes), RISK_DECISION (88 bytes) and TRADING_STATE
 * (64 bytes) records, before they carried the fill's costs and the check's limit and value (format 3); this build
 * reads format {@value #VERSION} only and refuses any other with a message naming both versions.
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
    /** The journal format this build writes and reads. */
    public static final int VERSION = 5;
    /**
     * The format before gateways journaled ORDER_SENT and engine-state snapshots (STATE_RESTORE records) held the
     * whole pipeline: its IB reconciliations and restores would be decided differently now.
     */
    public static final int VERSION_WITHOUT_ORDER_SENT = 4;
    /** The format before ORDER_COMMAND carried a stop (aux) price and flags (112 bytes, was 96). */
    public static final int VERSION_WITHOUT_ORDER_TYPES = 3;
    /** The format before EXEC_REPORT carried costs and RISK_DECISION / TRADING_STATE their limit and value. */
    public static final int VERSION_WITHOUT_COSTS = 2;
    /** The format of journals written before records carried checksums (no trailer, 0 in the version field). */
    public static final int VERSION_WITHOUT_CHECKSUMS = 1;
    /** Offset of the journal format version ({@code int32}) in the MANIFEST record: its header's flags field. */
    public static final int FORMAT_VERSION_OFFSET = Header.FLAGS_OFFSET;
    /** Length of the checksum trailer behind every record in its document. */
    public static final int CHECKSUM_LENGTH = 4;
    /** Longest document of an engine record or END_OF_RUN: the longest record and its trailer. */
    public static final int MAX_RECORD_DOCUMENT_LENGTH = Header.MAX_RECORD_LENGTH + CHECKSUM_LENGTH;
    /** Longest MANIFEST document: the fixed part, the longest text and the trailer. */
    public static final int MAX_MANIFEST_DOCUMENT_LENGTH = MANIFEST_TEXT_OFFSET + MAX_MANIFEST_TEXT_BYTES
        + CHECKSUM_LENGTH;

    private JournalFormat()
    {
    }

    /**
     * Encodes a manifest record (without its checksum trailer, which the writer appends to every document).
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
        buffer.putInt(FORMAT_VERSION_OFFSET, VERSION);
        buffer.putInt(MANIFEST_TEXT_LENGTH_OFFSET, utf8.length);
        buffer.putBytes(MANIFEST_TEXT_OFFSET, utf8);
        return buffer;
    }

    /**
     * Decodes the text of a manifest record.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length the record length (the document length less the checksum trailer).
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
     * The journal format version a manifest record declares.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @return the version; 0 in journals of format {@value #VERSION_WITHOUT_CHECKSUMS}.
     */
    public static int formatVersion(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + FORMAT_VERSION_OFFSET);
    }

    /**
     * Whether a whole document (no trailer expected) is a well-formed manifest of format
     * {@value #VERSION_WITHOUT_CHECKSUMS}: MANIFEST type, 0 in the version field, and a text count that fills the
     * document exactly.
     *
     * @param buffer holds the document.
     * @param offset where it starts.
     * @param documentLength the document length.
     * @return true for a format-1 manifest.
     */
    public static boolean isManifestWithoutChecksum(
        final DirectBuffer buffer, final int offset, final int documentLength)
    {
        return documentLength >= MANIFEST_TEXT_OFFSET
            && Header.type(buffer, offset) == RecordType.MANIFEST
            && formatVersion(buffer, offset) == 0
            && checkManifest(buffer, offset, documentLength) == null;
    }

    /**
     * The message that refuses a journal of another format.
     *
     * @param where the journal directory or queue.
     * @param version the version it declares.
     * @return the message, naming both versions.
     */
    public static String unsupportedVersion(final Object where, final int version)
    {
        final String why = version == VERSION_WITHOUT_CHECKSUMS
            ? " (written before journal records carried checksums)"
            : version == VERSION_WITHOUT_COSTS ? " (written before execution reports carried costs)"
            : version == VERSION_WITHOUT_ORDER_TYPES ? " (written before order commands carried a stop price)"
            : version == VERSION_WITHOUT_ORDER_SENT
                ? " (written before gateways journaled ORDER_SENT and snapshots held the whole pipeline)"
            : version > VERSION ? " (written by a newer build)" : "";
        return "journal " + where + " is journal format version " + version + why + "; this build reads journal "
            + "format version " + VERSION + " only: read it with the build that wrote it";
    }

    /**
     * Checks a record that claims to be a manifest.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length the record length.
     * @return {@code null} when well formed, else what is wrong.
     */
    public static String checkManifest(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MANIFEST_TEXT_OFFSET)
        {
            return "MANIFEST record is " + length + " bytes, shorter than its " + MANIFEST_TEXT_OFFSET
                + "-byte fixed part";
        }
        if (Header.length(buffer, offset) != Header.LENGTH)
        {
            return "MANIFEST length field is " + Header.length(buffer, offset) + ", expected " + Header.LENGTH;
        }
        final int n = buffer.getInt(offset + MANIFEST_TEXT_LENGTH_OFFSET);
        if (n < 0 || (long)MANIFEST_TEXT_OFFSET + n != length)
        {
            return "MANIFEST text byte count " + n + " does not match the record length " + length
                + " (expected " + MANIFEST_TEXT_OFFSET + " + count)";
        }
        return null;
    }

    /**
     * Checks that a record is a well-formed engine record of a type that belongs in the queue: at least a header, a
     * known type, the header's length field equal to the record length and to the type's layout.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length the record length (the document length less the checksum trailer).
     * @param input {@code true} for the input queue (inbound events), {@code false} for the output queue
     *     (decisions).
     * @return {@code null} when well formed, else what is wrong (tools; allocates only on failure).
     */
    public static String checkRecord(final DirectBuffer buffer, final int offset, final int length, final boolean input)
    {
        if (length < Header.LENGTH)
        {
            return "record is " + length + " bytes, shorter than the " + Header.LENGTH + "-byte header";
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
            return RecordType.name(type) + " length field is " + declared + " but the record is " + length
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
     * Checks a record that claims to be END_OF_RUN.
     *
     * @param buffer holds the record.
     * @param offset where it starts.
     * @param length the record length.
     * @return {@code null} when well formed, else what is wrong.
     */
    public static String checkEndOfRun(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length != END_OF_RUN_LENGTH || Header.length(buffer, offset) != END_OF_RUN_LENGTH)
        {
            return "END_OF_RUN record is " + length + " bytes with length field "
                + (length >= Header.LENGTH ? Header.length(buffer, offset) : -1) + ", expected " + END_OF_RUN_LENGTH;
        }
        return null;
    }
}
