package io.meridian.ops.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IbSimCommandTest
{
    @Test
    void shouldListenOnLoopbackAndStopAfterTheGivenSeconds()
    {
        final CommandLine result = CommandLine.run("ib-sim", "--port", "0", "--seconds", "1");
        assertEquals(0, result.exitCode, result.toString());
        assertTrue(result.out.matches("(?s)ib-sim: listening on 127\\.0\\.0\\.1:\\d+ \\(server version 151.*"),
            result.toString());
        assertTrue(result.out.contains("ib-sim: stopped after 1 s: 0 connections"), result.toString());
    }

    @Test
    void shouldNameTheBadLineOfAConfigFileAndTheBadFault(@TempDir final Path dir) throws IOException
    {
        final Path config = dir.resolve("sim.properties");
        Files.writeString(config, "port=0\n# instruments\ninstrument=AAA,1,SMART,NYSE,USD,0.03,10,0.2,100\n");
        final CommandLine bad = CommandLine.run("ib-sim", "--config", config.toString(), "--seconds", "1");
        assertEquals(2, bad.exitCode, bad.toString());
        assertTrue(bad.err.contains(config + ":3: instrument=AAA,1,SMART,NYSE,USD,0.03,10,0.2,100: minTick 0.03"),
            bad.toString());
        final CommandLine fault = CommandLine.run("ib-sim", "--port", "0", "--faults", "explode@3", "--seconds", "1");
        assertEquals(2, fault.exitCode, fault.toString());
        assertTrue(fault.err.contains("--faults item 'explode@3': unknown fault"), fault.toString());
    }
}
