package dev.lambdadeploy.report;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.publish.image.ImageLayerReport;
import dev.lambdadeploy.publish.image.ImageResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSummaryTest {
    @Test
    void listsEveryLayerAndSplitsUploadedFromPresentBytes() {
        ImageResult r = new ImageResult(
                "r/app@sha256:1",
                "sha256:1",
                List.of("r/app:1.0"),
                "application/vnd.docker.distribution.manifest.v2+json",
                "linux",
                "arm64",
                List.of("a.H::h"),
                "public.ecr.aws/lambda/java:21",
                "sha256:b",
                List.of(
                        new ImageLayerReport("base-1", ImageLayerReport.BASE, "sha256:x", 4096, -1, false),
                        new ImageLayerReport("classes", ImageLayerReport.APPLICATION, "sha256:y", 100, 300, true)));
        List<String> lines = ImageSummary.render(r);
        assertEquals("Image r/app@sha256:1 (linux/arm64, CMD [a.H::h])", lines.get(0));
        assertTrue(lines.get(2).matches("\\s+base-1\\s+4\\.0 KiB\\s+\\?\\s+already in registry"), lines.get(2));
        assertTrue(lines.get(3).matches("\\s+classes\\s+100 B\\s+300 B\\s+uploaded"), lines.get(3));
        assertEquals(
                "  uploaded 100 B, already in the registry 4.0 KiB; size against Lambda's 10 GB image limit: "
                        + "4.3 KiB (base layers counted compressed)",
                lines.get(4));
        assertEquals(100, r.pushedBytes());
        assertEquals(4396, r.sizeForLimitBytes());
        assertFalse(r.sizeExact());
    }
}
