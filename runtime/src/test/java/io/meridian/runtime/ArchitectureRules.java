package io.meridian.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executors;

/**
 * Rules every module that runs code checks against all the main classes on its class path (runtime here; ops and
 * bench through this module's test-jar), so that together they cover every module.
 */
public final class ArchitectureRules
{
    /**
     * Main classes only: ArchUnit's DO_NOT_INCLUDE_TESTS knows only {@code target/test-classes}; builds here use other
     * output folders ({@code -Dbuild.dirname=...}), and test-jars are on the class path too.
     */
    public static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/")
        && !location.contains("-tests.jar");

    /** The package that creates threads. */
    public static final String THREAD_PACKAGE = "io.meridian.runtime.launch..";

    /** Only {@code runtime.launch} creates threads or executors. */
    public static final ArchRule ONLY_RUNTIME_LAUNCH_CREATES_THREADS = noClasses()
        .that().resideOutsideOfPackage(THREAD_PACKAGE)
        .should().callConstructor(Thread.class, Runnable.class)
        .orShould().callConstructor(Thread.class, Runnable.class, String.class)
        .orShould().callConstructor(Thread.class)
        .orShould().callConstructor(Thread.class, String.class)
        .orShould().callMethod(Thread.class, "start")
        .orShould().dependOnClassesThat().areAssignableTo(Executors.class)
        .because("threads are created (named, placed, pinned, counted) in one place: io.meridian.runtime.launch");

    /** Nothing depends on ops or bench. */
    public static final ArchRule NOTHING_DEPENDS_ON_OPS_OR_BENCH = noClasses()
        .that().resideOutsideOfPackages("io.meridian.ops..", "io.meridian.bench..")
        .should().dependOnClassesThat().resideInAnyPackage("io.meridian.ops..", "io.meridian.bench..")
        .because("ops and bench are the top of the module graph; what both need lives in runtime")
        .allowEmptyShould(true);

    private ArchitectureRules()
    {
    }
}
