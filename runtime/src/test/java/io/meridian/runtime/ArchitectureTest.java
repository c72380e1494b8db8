package io.meridian.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.meridian.runtime.backtest.Backtest;
import io.meridian.runtime.driver.EventMerger;
import io.meridian.runtime.launch.Threads;
import io.meridian.runtime.live.LiveTopology;
import org.junit.jupiter.api.Test;

/**
 * The runtime's place in the module graph: it uses config, engine, journal and gateway, and nothing uses it but ops
 * and bench; it is the only place that creates threads; Chronicle stays behind the journal's API and OpenHFT
 * affinity in {@code runtime.launch}.
 */
class ArchitectureTest
{
    private static final JavaClasses ALL_MAIN = new ClassFileImporter()
        .withImportOption(ArchitectureRules.MAIN_CLASSES_ONLY)
        .importPackages("io.meridian");

    private static final ArchRule ONLY_LAUNCH_USES_OPENHFT = noClasses()
        .that().resideInAPackage("io.meridian.runtime..")
        .and().resideOutsideOfPackage("io.meridian.runtime.launch..")
        .should().dependOnClassesThat().resideInAPackage("net.openhft..")
        .because("the journal's API hides Chronicle; affinity is used where threads are made (runtime.launch)");

    private static final ArchRule LOWER_MODULES_DO_NOT_USE_RUNTIME = noClasses()
        .that().resideInAnyPackage("io.meridian.config..", "io.meridian.engine..", "io.meridian.journal..",
            "io.meridian.gateway..")
        .should().dependOnClassesThat().resideInAPackage("io.meridian.runtime..")
        .because("runtime sits above config, engine, journal and gateway");

    @Test
    void shouldImportEveryModuleBelowOpsAndBench()
    {
        assertTrue(ALL_MAIN.contain(Threads.class));
        assertTrue(ALL_MAIN.contain(Backtest.class));
        assertTrue(ALL_MAIN.contain(LiveTopology.class));
        assertTrue(ALL_MAIN.contain(EventMerger.class));
        assertTrue(ALL_MAIN.contain(io.meridian.engine.pipeline.Pipeline.class));
        assertTrue(ALL_MAIN.contain(io.meridian.journal.JournalWriter.class));
        assertTrue(ALL_MAIN.contain(io.meridian.gateway.sim.SimulatedVenue.class));
        assertTrue(ALL_MAIN.contain(io.meridian.config.ConfigLoader.class));
        assertTrue(!ALL_MAIN.contain(RogueThread.class));
    }

    @Test
    void shouldCreateThreadsOnlyInRuntimeLaunch()
    {
        ArchitectureRules.ONLY_RUNTIME_LAUNCH_CREATES_THREADS.check(ALL_MAIN);
    }

    @Test
    void shouldCatchAThreadCreatedElsewhere()
    {
        assertThrows(AssertionError.class, () -> ArchitectureRules.ONLY_RUNTIME_LAUNCH_CREATES_THREADS.check(
            new ClassFileImporter().importClasses(RogueThread.class)));
    }

    @Test
    void shouldUseOpenHftOnlyInLaunch()
    {
        ONLY_LAUNCH_USES_OPENHFT.check(ALL_MAIN);
    }

    @Test
    void shouldNotBeUsedByLowerModules()
    {
        LOWER_MODULES_DO_NOT_USE_RUNTIME.check(ALL_MAIN);
    }

    @Test
    void shouldNotDependOnOpsOrBench()
    {
        ArchitectureRules.NOTHING_DEPENDS_ON_OPS_OR_BENCH.check(ALL_MAIN);
    }

    /**
     * A deliberate offender, outside runtime.launch.
     */
    static final class RogueThread
    {
        void spawn()
        {
            new Thread(() ->
            {
            }).start();
        }
    }
}
