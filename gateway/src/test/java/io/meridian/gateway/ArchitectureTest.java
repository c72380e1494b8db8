package io.meridian.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the gateway's dependencies honest (the module graph in the root README.md): only the engine's api and codec
 * packages, no Chronicle, and no wall clock or unseeded randomness in the simulated world.
 */
class ArchitectureTest
{
    private static JavaClasses gateway;

    @BeforeAll
    static void importClasses()
    {
        // DO_NOT_INCLUDE_TESTS knows only target/test-classes; builds may use other output folders
        // (-Dbuild.dirname=...), so any test-classes folder is left out too
        gateway = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.meridian.gateway");
    }

    @Test
    void shouldUseOnlyTheEngineApiCodecAndCostPackages()
    {
        noClasses().that().resideInAPackage("io.meridian.gateway..")
            .should().dependOnClassesThat(resideInAPackage("io.meridian.engine..")
                .and(not(resideInAnyPackage("io.meridian.engine.api..", "io.meridian.engine.codec..",
                    // the simulated venue charges fills with the engine's own cost model (SPEC §1(i): one class, so
                    // live estimates and simulated charges agree)
                    "io.meridian.engine.cost.."))))
            .check(gateway);
    }

    @Test
    void shouldNotDependOnChronicleOrTheJournal()
    {
        noClasses().that().resideInAPackage("io.meridian.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("net.openhft..", "io.meridian.journal..",
                "io.meridian.ops..")
            .check(gateway);
    }

    @Test
    void shouldNotReadTheWallClockOrUseUnseededRandomnessInTheSimulatedWorld()
    {
        noClasses().that().resideInAnyPackage("io.meridian.gateway.sim..", "io.meridian.gateway.market..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
            .check(gateway);
    }

    @Test
    void shouldNotUseTheConfigModuleInTheSimulatedWorld()
    {
        noClasses().that().resideInAnyPackage("io.meridian.gateway.sim..", "io.meridian.gateway.market..")
            .should().dependOnClassesThat().resideInAPackage("io.meridian.config..")
            .check(gateway);
    }

    @Test
    void shouldKeepTheIbSimulatorIndependentOfTheIbClient()
    {
        noClasses().that().resideInAPackage("io.meridian.gateway.ibsim..")
            .should().dependOnClassesThat().resideInAnyPackage("io.meridian.gateway.ib.client..",
                "io.meridian.gateway.ib.wire..", "io.meridian.gateway.ib.adapter..")
            .check(gateway);
        noClasses().that().resideInAPackage("io.meridian.gateway.ib..")
            .should().dependOnClassesThat().resideInAPackage("io.meridian.gateway.ibsim..")
            .check(gateway);
    }

    @Test
    void shouldNotReadTheWallClockInTheIbClientOrSimulator()
    {
        noClasses().that().resideInAnyPackage("io.meridian.gateway.ib..", "io.meridian.gateway.ibsim..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
            .check(gateway);
    }
}
