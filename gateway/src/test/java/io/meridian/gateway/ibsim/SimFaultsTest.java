package io.meridian.gateway.ibsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code --faults} items added for order types and reconciliation (issue 9): parsed into their events and
 * switches, and refused with a message naming the item and every allowed fault.
 */
class SimFaultsTest
{
    @Test
    void shouldParseSessionEndLateExecAndDuplicateRef()
    {
        final SimFaults faults = SimFaults.parse("session-end@2.5, late-exec, duplicate-ref@1");
        assertTrue(faults.lateExecution());
        assertEquals(List.of(new SimFaults.Event(2_500, "session-end", ""), new SimFaults.Event(1_000,
            "duplicate-ref", "")), faults.timed());
        assertFalse(SimFaults.none().lateExecution());
    }

    @Test
    void shouldRefuseATimedFaultWithoutItsTimeAndAnUnknownFaultNamingTheAllowedOnes()
    {
        assertEquals("--faults item 'session-end': needs @SECONDS",
            assertThrows(IllegalArgumentException.class, () -> SimFaults.parse("session-end")).getMessage());
        final String message = assertThrows(IllegalArgumentException.class, () -> SimFaults.parse("late"))
            .getMessage();
        assertTrue(message.startsWith("--faults item 'late': unknown fault (allowed: "), message);
        assertTrue(message.contains("session-end, late-exec, duplicate-ref, rth-end, rth-start)"), message);
    }
}
