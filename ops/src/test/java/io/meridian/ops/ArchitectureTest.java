package io.meridian.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.meridian.ops.cli.Main;
import io.meridian.ops.launch.Threads;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Rules for the composition root and for the whole product: only {@code ops.launch} creates threads or executors
 * (every module's main classes are on this module's class path, so the rule covers them all).
 */
class ArchitectureTest
{
    private static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/")
        && !location.contains("-tests.jar");

    private static final JavaClasses ALL_MAIN = new ClassFileImporter()
        .withImportOption(MAIN_CLASSES_ONLY)
        .importPackages("io.meridian");

    private static final ArchRule ONLY_LAUNCH_CREATES_THREADS = noClasses()
        .that().resideOutsideOfPackage("io.meridian.ops.launch..")
        .should().callConstructor(Thread.class, Runnable.class)
        .orShould().callConstructor(Thread.class, Runnable.class, String.class)
        .orShould().callConstructor(Thread.class)
        .orShould().callConstructor(Thread.class, String.class)
        .orShould().callMethod(Thread.class, "start")
        .orShould().dependOnClassesThat().areAssignableTo(Executors.class)
        .because("only io.meridian.ops.launch creates threads or executors: threads and pinning live in one place");

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
    void shouldCreateThreadsOnlyInLaunch()
    {
        ONLY_LAUNCH_CREATES_THREADS.check(ALL_MAIN);
    }

    @Test
    void shouldCatchAThreadCreatedElsewhere()
    {
        assertThrows(AssertionError.class,
            () -> ONLY_LAUNCH_CREATES_THREADS.check(new ClassFileImporter().importClasses(RogueThread.class)));
    }

    @Test
    void shouldKeepChronicleInsideTheJournalAndOpsLaunch()
    {
        noClasses().that().resideInAnyPackage("io.meridian.engine..", "io.meridian.gateway..", "io.meridian.config..",
                "io.meridian.ops.cli..", "io.meridian.ops.train..")
            .should().dependOnClassesThat().resideInAPackage("net.openhft..")
            .check(ALL_MAIN);
    }

    /**
     * A deliberate offender, outside ops.launch.
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
