package io.meridian.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.meridian.ops.cli.Main;
import io.meridian.runtime.ArchitectureRules;
import io.meridian.runtime.launch.Threads;
import org.junit.jupiter.api.Test;

/**
 * Rules for the composition root, checked against every module's main classes (all are on this module's class
 * path): only {@code runtime.launch} creates threads or executors, nothing depends on ops or bench, and ops itself
 * uses neither Chronicle nor OpenHFT affinity (the journal and the runtime do that for it).
 */
class ArchitectureTest
{
    private static final JavaClasses ALL_MAIN = new ClassFileImporter()
        .withImportOption(ArchitectureRules.MAIN_CLASSES_ONLY)
        .importPackages("io.meridian");

    @Test
    void shouldImportEveryModule()
    {
        assertTrue(ALL_MAIN.contain(Main.class));
        assertTrue(ALL_MAIN.contain(io.meridian.engine.pipeline.Pipeline.class));
        assertTrue(ALL_MAIN.contain(io.meridian.journal.JournalWriter.class));
        assertTrue(ALL_MAIN.contain(io.meridian.gateway.sim.SimulatedVenue.class));
        assertTrue(ALL_MAIN.contain(io.meridian.config.ConfigLoader.class));
        assertTrue(ALL_MAIN.contain(Threads.class));
    }

    @Test
    void shouldCreateThreadsOnlyInRuntimeLaunch()
    {
        ArchitectureRules.ONLY_RUNTIME_LAUNCH_CREATES_THREADS.check(ALL_MAIN);
    }

    @Test
    void shouldNotBeDependedOnByOtherModules()
    {
        ArchitectureRules.NOTHING_DEPENDS_ON_OPS_OR_BENCH.check(ALL_MAIN);
    }

    @Test
    void shouldKeepChronicleAndAffinityOutOfOps()
    {
        noClasses().that().resideInAnyPackage("io.meridian.engine..", "io.meridian.gateway..", "io.meridian.config..",
                "io.meridian.ops..")
            .should().dependOnClassesThat().resideInAPackage("net.openhft..")
            .check(ALL_MAIN);
    }
}
