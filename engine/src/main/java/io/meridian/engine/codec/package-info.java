/**
 * The engine's internal protocol: hand-written flyweight accessors over Agrona buffers for every inbound event and
 * decision record. A record is a 48-byte {@link io.meridian.engine.codec.Header} followed by a fixed body; the same
 * bytes travel through the ring, are journaled as they are, and are compared byte for byte by replay verification.
 * Every accessor is static and allocation-free; the layouts are for tools. Accessors run on whichever thread owns
 * the buffer they are given; the classes hold no state of their own.
 *
 * <p>Each layout is written down three times: the table in the class javadoc, the {@code *_OFFSET} and
 * {@code LENGTH} constants the accessors use, and the {@code LAYOUT} ({@link io.meridian.engine.codec.RecordLayout})
 * that dumps and diffs use. {@code CodecSchemaTest} reads all three (the table from this package's source files) and
 * fails on any disagreement, so a change to a layout must be made in all three places. The rules it enforces:
 * <ul>
 *   <li>a table row is {@code offset name kind [comment]}, with {@code kind} one of the
 *       {@link io.meridian.engine.codec.RecordLayout.Kind} names in lower case; {@code offset (padding) n} names
 *       unused bytes; the last row is {@code length (end)};</li>
 *   <li>every field {@code fooBar} has a constant {@code FOO_BAR_OFFSET}, a reader {@code fooBar(DirectBuffer, int)}
 *       returning the kind's Java type ({@code long} for {@code ascii8}) and (in a record body) a writer
 *       {@code fooBar(MutableDirectBuffer, int, value)};
 *       every {@code *_OFFSET} constant names a field;</li>
 *   <li>each field starts at the first offset after the previous one that is a multiple of its width; the record
 *       length is the end of the last field rounded up to 8 and at most
 *       {@link io.meridian.engine.codec.Header#MAX_RECORD_LENGTH}; the bytes in between are the table's padding
 *       and nothing else;</li>
 *   <li>every {@link io.meridian.engine.codec.RecordType} below 100 has exactly one codec, registered in
 *       {@link io.meridian.engine.codec.RecordLayouts} under its code and name; codes from 100 are journal-only and
 *       framed by the journal module.</li>
 * </ul>
 */
package io.meridian.engine.codec;
