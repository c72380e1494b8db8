package io.meridian.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every record layout is stated three times (javadoc table, constants and accessors, {@code LAYOUT}); this test
 * holds them to each other for the header and every codec, and proves with deliberately inconsistent fixtures
 * ({@link InconsistentCodecs}, {@link MisshapenCodecs}) that each rule fails when it should.
 */
final class CodecSchemaTest
{
    @Test
    void headerTableConstantsReadersAndLayoutAgree()
    {
        assertNoProblems(CodecSchemaCheck.checkHeader());
    }

    @Test
    void everyCodecsTableConstantsAccessorsAndLayoutAgree()
    {
        final List<Class<?>> codecs = CodecSchemaCheck.codecClasses();
        assertFalse(codecs.isEmpty(), "no *Codec.java found under " + CodecSchemaCheck.moduleDirectory());
        final List<String> problems = new ArrayList<>();
        for (final Class<?> codec : codecs)
        {
            problems.addAll(CodecSchemaCheck.checkCodec(codec));
        }
        assertNoProblems(problems);
    }

    @Test
    void everyRecordTypeHasOneCodecRegisteredInRecordLayouts()
    {
        final Map<String, Byte> types = CodecSchemaCheck.recordTypeConstants();
        assertEquals(RecordType.QUOTE, types.get("QUOTE"), "RecordType constants: " + types);
        assertNoProblems(
            CodecSchemaCheck.checkRegistry(types, CodecSchemaCheck.codecClasses(), RecordLayouts::forType));
    }

    @Test
    void offsetConstantNamesFollowTheFieldName()
    {
        assertEquals("BID_PRICE_OFFSET", CodecSchemaCheck.offsetConstantName("bidPrice"));
        assertEquals("CL_ORD_ID_OFFSET", CodecSchemaCheck.offsetConstantName("clOrdId"));
        assertEquals("EVENT_TIME_NS_OFFSET", CodecSchemaCheck.offsetConstantName("eventTimeNs"));
        assertEquals("TYPE_OFFSET", CodecSchemaCheck.offsetConstantName("type"));
    }

    @Test
    void aRealCodecWithOneTableDigitChangedFails() throws IOException
    {
        final String source = Files.readString(CodecSchemaCheck.sourceOf(QuoteCodec.class));
        final String edited = source.replace(" *  64 askPrice ", " *  66 askPrice ");
        assertNotEquals(source, edited, "QuoteCodec's table no longer has the row this test edits");
        final LayoutTable table = LayoutTable.parse(edited, "QuoteCodec.java", "QuoteCodec");
        assertContains(CodecSchemaCheck.checkCodec(QuoteCodec.class, table),
            "askPrice is at 66 in the javadoc table but at 64 in LAYOUT");
        assertNoProblems(
            CodecSchemaCheck.checkCodec(QuoteCodec.class, LayoutTable.parse(source, "QuoteCodec.java", "QuoteCodec")));
    }

    @Test
    void theConsistentFixturePasses()
    {
        assertNoProblems(CodecSchemaCheck.checkCodec(InconsistentCodecs.Consistent.class));
    }

    @Test
    void tableOffsetDifferentFromLayoutFails()
    {
        assertReports(InconsistentCodecs.TableOffsetDiffers.class,
            "side is at 60 in the javadoc table but at 56 in LAYOUT");
    }

    @Test
    void tableKindDifferentFromLayoutFails()
    {
        assertReports(InconsistentCodecs.TableKindDiffers.class, "side is i16 in the javadoc table but i8 in LAYOUT");
    }

    @Test
    void fieldMissingFromTheTableFails()
    {
        assertReports(InconsistentCodecs.TableMissesField.class, "LAYOUT field side is not in the javadoc table");
    }

    @Test
    void offsetConstantDifferentFromLayoutFails()
    {
        assertReports(InconsistentCodecs.ConstantDiffers.class, "SIDE_OFFSET is 57 but side is at 56 in LAYOUT");
    }

    @Test
    void offsetConstantNamingNoFieldFails()
    {
        assertReports(InconsistentCodecs.StrayConstant.class, "StrayConstant.FLAGS_OFFSET names no field");
    }

    @Test
    void readerOfTheWrongTypeFails()
    {
        assertReports(InconsistentCodecs.ReaderTypeDiffers.class,
            "price(DirectBuffer, int) returns int but price is i64, read as long");
    }

    @Test
    void missingWriterFails()
    {
        assertReports(InconsistentCodecs.WriterMissing.class,
            "no writer side(MutableDirectBuffer, int, byte) for i8 field side");
    }

    @Test
    void layoutNamedDifferentlyFromItsRecordTypeFails()
    {
        assertReports(InconsistentCodecs.LayoutNameDiffers.class,
            "LAYOUT.name() is QUOTES but RecordType.name(1) is QUOTE");
    }

    @Test
    void lengthDifferentFromLayoutFails()
    {
        assertReports(InconsistentCodecs.LengthDiffers.class, "LAYOUT.length() is 64 but LENGTH is 72");
    }

    @Test
    void unreadableTableRowFails()
    {
        assertReports(InconsistentCodecs.UnreadableRow.class, "cannot read layout row '56 side byte'");
    }

    @Test
    void overlappingFieldsFail()
    {
        assertReports(MisshapenCodecs.Overlap.class, "side at 52 overlaps price, which ends at 56");
    }

    @Test
    void unexplainedGapFails()
    {
        assertReports(MisshapenCodecs.Gap.class, "gap of 8 bytes before side at 64 (alignment puts it at 56)");
    }

    @Test
    void misalignedFieldFails()
    {
        assertReports(MisshapenCodecs.Misaligned.class, "qty at 50 is not aligned to its width 4");
    }

    @Test
    void paddingThatAlignmentDoesNotNeedFails()
    {
        assertReports(MisshapenCodecs.Gap.class, "8 bytes of padding at 56 do not align what follows to 1");
    }

    @Test
    void tableRowsThatDoNotFollowEachOtherFail()
    {
        assertReports(MisshapenCodecs.TableHole.class, "row 'side' starts at 60 but the previous row ends at 56");
    }

    @Test
    void recordLongerThanTheRingSlotFails()
    {
        assertReports(MisshapenCodecs.TooLong.class, "LENGTH 168 exceeds Header.MAX_RECORD_LENGTH 160");
    }

    @Test
    void lengthNotTheRoundedEndOfTheFieldsFails()
    {
        assertReports(MisshapenCodecs.TooMuchTail.class,
            "record length is 72 but the fields end at 57, which makes 64 bytes");
    }

    @Test
    void recordTypeWithoutCodecAndUnregisteredLayoutFail()
    {
        final Map<String, Byte> types = new LinkedHashMap<>(CodecSchemaCheck.recordTypeConstants());
        types.put("AUCTION", (byte)90);
        final List<String> problems = CodecSchemaCheck.checkRegistry(
            types, CodecSchemaCheck.codecClasses(),
            code -> code == RecordType.TIMER ? null : RecordLayouts.forType(code));
        assertContains(problems, "RecordType.AUCTION (90) has no codec");
        assertContains(problems, "RecordType.TIMER (4): RecordLayouts.forType returns null, not TimerCodec.LAYOUT");
        assertEquals(2, problems.size(), String.join("\n", problems));
    }

    @Test
    void codecForNoRecordTypeAndDuplicateTypesFail()
    {
        final List<Class<?>> codecs = new ArrayList<>(CodecSchemaCheck.codecClasses());
        codecs.add(InconsistentCodecs.Consistent.class);
        final Map<String, Byte> types = new LinkedHashMap<>(CodecSchemaCheck.recordTypeConstants());
        types.remove("TRADE");
        final List<String> problems = CodecSchemaCheck.checkRegistry(types, codecs, RecordLayouts::forType);
        assertContains(problems, "Consistent and QuoteCodec both have TYPE 1");
        assertContains(problems, "TradeCodec.TYPE 2 is not a RecordType constant");
        assertContains(problems, "RecordLayouts has a layout for 2, which is not a RecordType constant");
    }

    private static void assertReports(final Class<?> fixture, final String expected)
    {
        assertContains(CodecSchemaCheck.checkCodec(fixture), expected);
    }

    private static void assertContains(final List<String> problems, final String expected)
    {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
            "expected a problem containing '" + expected + "', got:\n" + String.join("\n", problems));
    }

    private static void assertNoProblems(final List<String> problems)
    {
        assertTrue(problems.isEmpty(), "layout problems:\n" + String.join("\n", problems));
    }
}
