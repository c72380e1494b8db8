package io.meridian.ops.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meridian.engine.model.ModelFiles;
import io.meridian.engine.model.Scorers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShipDemoModelTest
{
    @TempDir
    Path dir;

    /**
     * Guards the claim that the shipped demo model is reproducible. When the demo model is deliberately retrained
     * (other data or settings), regenerate the resources with {@link ShipDemoModel#main} in the same change.
     */
    @Test
    void shouldRegenerateTheShippedDemoModelByteForByte() throws IOException
    {
        final TrainResult result = ShipDemoModel.ship(dir);

        assertArrayEquals(ModelFiles.read(Scorers.DEMO_MODEL), Files.readAllBytes(result.modelPath()),
            "demo-linear.onnx differs from a fresh ShipDemoModel run");
        assertArrayEquals(ModelFiles.read(ModelFiles.manifestLocation(Scorers.DEMO_MODEL)),
            Files.readAllBytes(result.manifestPath()), "demo-linear.manifest.yaml differs from a fresh run");
        assertTrue(result.holdoutR2() > 0.0, "the model must predict better than the mean out of sample: "
            + ShipDemoModel.summary(result));
    }
}
