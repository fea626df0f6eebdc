package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What lambda:package built locally (target/lambda/lambda-package.json), with layers under their AWS names. */
record LocalPackage(Path manifestFile, PackageManifest manifest, Map<String, String> layerShas) {

    static Optional<LocalPackage> read(LifecycleScope scope) {
        Path file = scope.outputDirectory().resolve(PackageManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PackageManifest m = ManifestIO.read(file);
            Map<String, String> layers = new LinkedHashMap<>();
            for (ZipRecord z : m.layers()) {
                layers.put(scope.layerName(z.name()), z.codeSha256());
            }
            return Optional.of(new LocalPackage(file, m, layers));
        } catch (IOException | RuntimeException e) {
            throw new LifecycleException(
                    file + " cannot be read (" + e.getMessage() + "). Run 'mvn package' to "
                            + "rebuild it, or delete it to see the deployed state only.",
                    e);
        }
    }

    String functionSha() {
        return manifest.function() == null ? null : manifest.function().codeSha256();
    }
}
