package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayerArnsTest {
    static final String A = "arn:aws:lambda:eu-west-1:111111111111:layer:";

    @Test
    void managedVersionsAreReplacedInPlaceForeignOnesKept() {
        List<String> current = List.of(A + "ext:4", A + "deps:1", "arn:aws:lambda:eu-west-1:999999999999:layer:deps:7");
        assertEquals(
                List.of(A + "ext:4", A + "deps:2", "arn:aws:lambda:eu-west-1:999999999999:layer:deps:7", A + "sdk:1"),
                LayerArns.desired(current, List.of(A + "deps:2", A + "sdk:1"), Set.of()));
    }

    @Test
    void layersAnEarlierDeployManagedAndThePackageNoLongerHasAreRemoved() {
        assertEquals(
                List.of(A + "ext:4", A + "deps:3"),
                LayerArns.desired(
                        List.of(A + "old:5", A + "ext:4", A + "deps:2"), List.of(A + "deps:3"), Set.of("old")));
    }

    @Test
    void shortForm() {
        assertEquals("deps:12", LayerArns.shortForm(A + "deps:12"));
    }
}
