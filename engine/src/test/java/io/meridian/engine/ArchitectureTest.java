package io.meridian.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.meridian.engine.book.MarketDataStage;
import io.meridian.engine.feature.FeatureEngine;
import io.meridian.engine.model.OnnxScorer;
import io.meridian.engine.order.ArchitectureCanary;
import io.meridian.engine.order.OrderManager;
import io.meridian.engine.pipeline.Pipeline;
import io.meridian.engine.risk.KillSwitch;
import io.meridian.engine.risk.PreTradeRisk;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's architecture rules (module graph in the root README.md; core-package rules in engine/README.md). Every
 * rule refuses to pass on an empty selection, and each core-package rule is shown to fail on a deliberate violation
 * ({@link ArchitectureCanary}).
 */
class ArchitectureTest
{
    private static final String[] CORE = {
        "io.meridian.engine.book..", "io.meridian.engine.feature..", "io.meridian.engine.risk..",
        "io.meridian.engine.order..", "io.meridian.engine.stage..", "io.meridian.engine.indicator..",
    };

    /**
     * ArchUnit's DoNotIncludeTests knows only the default folder names ({@code target/test-classes}); builds here
     * use {@code -Dbuild.dirname=...}, so test output folders are excluded by their last path part too.
     */
    private static final ImportOption NO_TEST_OUTPUT = location -> !location.contains("/test-classes/");

    private static final JavaClasses ENGINE = importClasses(importer -> importer
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(NO_TEST_OUTPUT)
        .importPackages("io.meridian.engine"));

    private static final ArchRule CORE_DEPENDENCIES = noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.lmax.disruptor..", "net.openhft..", "ai.onnxruntime..", "java.util.concurrent..",
            "java.util.stream..", "org.slf4j..")
        .orShould().dependOnClassesThat().belongToAnyOf(
            Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class)
        .because("core packages are single-threaded, allocation-free and know nothing of the pipeline, the journal,"
            + " the model runtime or logging")
        .allowEmptyShould(false);

    private static final ArchRule CORE_CALLS = noClasses().that().resideInAnyPackage(CORE)
        .should().callMethodWhere(call(System.class, "currentTimeMillis"))
        .orShould().callMethodWhere(call(System.class, "nanoTime"))
        .orShould().callMethodWhere(call(Long.class, "valueOf"))
        .orShould().callMethodWhere(call(Integer.class, "valueOf"))
        .orShould().callMethodWhere(call(String.class, "format"))
        .because("time comes from event headers, and the hot path neither boxes nor formats")
        .allowEmptyShould(false);

    private static final ArchRule ENGINE_ISOLATION = noClasses().that().resideInAPackage("io.meridian.engine..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "net.openhft..", "io.meridian.journal..", "io.meridian.gateway..", "io.meridian.ops..")
        .because("engine depends only on config and its libraries; Chronicle belongs to journal.chronicle")
        .allowEmptyShould(false);

    private static final ArchRule STAGES_SHARE_ONLY_THE_SLOT = noClasses().that().resideInAnyPackage(
            "io.meridian.engine.order..", "io.meridian.engine.risk..", "io.meridian.engine.feature..",
            "io.meridian.engine.strategy..", "io.meridian.engine.stage..")
        .should().dependOnClassesThat().resideInAnyPackage("io.meridian.engine.book..", "io.meridian.engine.pipeline..")
        .because("stages hand each other only the EventSlot (engine.stage): the top of book and the instrument index"
            + " travel in it, so no later stage reaches into the book, and nothing below the pipeline knows it")
        .allowEmptyShould(false);

    private static final ArchRule ONNX_ONLY_IN_MODEL = noClasses().that().resideInAPackage("io.meridian.engine..")
        .and().resideOutsideOfPackage("io.meridian.engine.model..")
        .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
        .because("ONNX Runtime lives behind the Scorer port in engine.model")
        .allowEmptyShould(false);

    /**
     * Imports without resolving every referenced library and JDK class from the class path: the rules need only the
     * names of dependencies, and the full resolution costs seconds.
     */
    private static JavaClasses importClasses(final Function<ClassFileImporter, JavaClasses> importer)
    {
        return ArchConfiguration.withThreadLocalScope((ArchConfiguration configuration) ->
        {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return importer.apply(new ClassFileImporter());
        });
    }

    private static JavaClasses importClass(final Class<?> type)
    {
        return importClasses(importer -> importer.importClasses(type));
    }

    private static DescribedPredicate<JavaMethodCall> call(final Class<?> owner, final String name)
    {
        return DescribedPredicate.describe(
            owner.getSimpleName() + "." + name,
            (JavaMethodCall c) -> c.getTarget().getOwner().isEquivalentTo(owner)
                && name.equals(c.getTarget().getName()));
    }

    @Test
    void shouldImportMainClassesOnly()
    {
        assertTrue(ENGINE.contain(MarketDataStage.class));
        assertTrue(ENGINE.contain(FeatureEngine.class));
        assertTrue(ENGINE.contain(PreTradeRisk.class));
        assertTrue(ENGINE.contain(KillSwitch.class));
        assertTrue(ENGINE.contain(OrderManager.class));
        assertTrue(ENGINE.contain(Pipeline.class));
        assertTrue(ENGINE.contain(OnnxScorer.class));
        assertFalse(ENGINE.contain(ArchitectureTest.class), "test classes must not be imported");
        assertFalse(ENGINE.contain(ArchitectureCanary.class), "the canaries must not be imported");
    }

    @Test
    void shouldKeepCorePackagesFreeOfForbiddenDependencies()
    {
        CORE_DEPENDENCIES.check(ENGINE);
    }

    @Test
    void shouldKeepCorePackagesFreeOfClockBoxingAndFormatting()
    {
        CORE_CALLS.check(ENGINE);
    }

    @Test
    void shouldKeepTheEngineIndependentOfChronicleAndOuterModules()
    {
        ENGINE_ISOLATION.check(ENGINE);
    }

    @Test
    void shouldLetStagesShareOnlyTheSlot()
    {
        STAGES_SHARE_ONLY_THE_SLOT.check(ENGINE);
    }

    @Test
    void shouldUseOnnxRuntimeOnlyInTheModelPackage()
    {
        ONNX_ONLY_IN_MODEL.check(ENGINE);
    }

    @Test
    void shouldSeeTheModelPackageUseOnnxRuntime()
    {
        // otherwise the ONNX rule could pass because its package pattern matches nothing
        boolean found = false;
        for (final Dependency dependency : ENGINE.get(OnnxScorer.class).getDirectDependenciesFromSelf())
        {
            found |= dependency.getTargetClass().getPackageName().startsWith("ai.onnxruntime");
        }
        assertTrue(found, "OnnxScorer should depend on ai.onnxruntime");
    }

    @ParameterizedTest
    @ValueSource(classes = {
        ArchitectureCanary.UsesConcurrency.class, ArchitectureCanary.UsesStream.class,
        ArchitectureCanary.UsesOptional.class, ArchitectureCanary.UsesDisruptor.class,
        ArchitectureCanary.UsesOnnxRuntime.class,
    })
    void shouldCatchAForbiddenDependencyInACorePackage(final Class<?> canary)
    {
        final JavaClasses offender = importClass(canary);

        assertThrows(AssertionError.class, () -> CORE_DEPENDENCIES.check(offender));
        CORE_CALLS.check(offender);
    }

    @ParameterizedTest
    @ValueSource(classes = {
        ArchitectureCanary.ReadsNanoTime.class, ArchitectureCanary.ReadsCurrentTimeMillis.class,
        ArchitectureCanary.BoxesLong.class, ArchitectureCanary.BoxesInt.class,
        ArchitectureCanary.FormatsString.class,
    })
    void shouldCatchAForbiddenCallInACorePackage(final Class<?> canary)
    {
        final JavaClasses offender = importClass(canary);

        final AssertionError error = assertThrows(AssertionError.class, () -> CORE_CALLS.check(offender));
        assertTrue(error.getMessage().contains(canary.getName()), error.getMessage());
        CORE_DEPENDENCIES.check(offender);
    }

    @Test
    void shouldCatchOnnxRuntimeOutsideTheModelPackage()
    {
        final JavaClasses offender = importClass(ArchitectureCanary.UsesOnnxRuntime.class);

        assertThrows(AssertionError.class, () -> ONNX_ONLY_IN_MODEL.check(offender));
    }

    @Test
    void shouldFailARuleThatSelectsNoClasses()
    {
        final JavaClasses outsideCore = importClass(OutsideCore.class);

        assertThrows(AssertionError.class, () -> CORE_CALLS.check(outsideCore));
        assertThrows(AssertionError.class, () -> CORE_DEPENDENCIES.check(outsideCore));
    }

    /** A class in no core package. */
    static final class OutsideCore
    {
    }
}
