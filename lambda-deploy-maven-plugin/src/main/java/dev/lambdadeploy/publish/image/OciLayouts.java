package dev.lambdadeploy.publish.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Local base images. Jib reads {@code docker save} tarballs ({@code manifest.json}) only, so an OCI image layout
 * (folder or tarball) is rewritten into that form: the manifest for the wanted platform, its config and layer blobs.
 */
final class OciLayouts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayouts() {}

    /** The local base as a docker tarball Jib can read, and the platform its config declares. */
    record LocalBase(Path dockerTar, String os, String architecture) {}

    /** Reads a {@code tar:} base: a docker tarball as is, or an OCI layout tarball converted under {@code work}. */
    static LocalBase fromTar(Path tar, String os, String architecture, Path work) throws IOException {
        if (!Files.isRegularFile(tar)) {
            throw new ImageException(
                    BaseImage.ELEMENT,
                    "the base image tarball " + tar + " does not exist. "
                            + "Check the path after tar: (relative paths start at the project folder).");
        }
        List<String> names = entryNames(tar);
        if (names.contains("manifest.json")) {
            Path dir = work.resolve("docker-tar");
            extract(tar, dir, List.of("manifest.json"));
            JsonNode m = JSON.readTree(dir.resolve("manifest.json").toFile()).path(0);
            String config = m.path("Config").asText();
            extract(tar, dir, List.of(config));
            JsonNode cfg = JSON.readTree(dir.resolve(config).toFile());
            return new LocalBase(
                    tar, cfg.path("os").asText(), cfg.path("architecture").asText());
        }
        if (names.contains("index.json")) {
            Path dir = work.resolve("oci-layout");
            Dirs.deleteTree(dir);
            extract(tar, dir, null);
            return fromLayout(dir, os, architecture, work);
        }
        throw new ImageException(
                BaseImage.ELEMENT,
                tar + " is neither a docker save tarball (manifest.json) nor an "
                        + "OCI image layout (index.json). Export the base image with `docker save` or `skopeo copy ... oci-archive:...`.");
    }

    /** Converts an OCI image layout folder into a docker tarball under {@code work}. */
    static LocalBase fromLayout(Path layout, String os, String architecture, Path work) throws IOException {
        if (Files.isRegularFile(layout)) {
            return fromTar(layout, os, architecture, work);
        }
        Path index = layout.resolve("index.json");
        if (!Files.isRegularFile(index)) {
            throw new ImageException(
                    BaseImage.ELEMENT,
                    layout + " is not an OCI image layout (no index.json). "
                            + "Point oci: at the folder that holds oci-layout, index.json and blobs/.");
        }
        JsonNode manifest = select(layout, JSON.readTree(index.toFile()), os, architecture, layout + "/index.json");
        String configPath = blobPath(manifest.path("config").path("digest").asText());
        JsonNode config = JSON.readTree(layout.resolve(configPath).toFile());
        ObjectNode entry = JSON.createObjectNode();
        entry.put("Config", configPath);
        entry.putArray("RepoTags");
        ArrayNode layers = entry.putArray("Layers");
        List<String> files = new ArrayList<>();
        files.add(configPath);
        for (JsonNode l : manifest.path("layers")) {
            String p = blobPath(l.path("digest").asText());
            layers.add(p);
            files.add(p);
        }
        Files.createDirectories(work);
        Path out = work.resolve("oci-base.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            byte[] json = JSON.writeValueAsBytes(JSON.createArrayNode().add(entry));
            TarArchiveEntry m = new TarArchiveEntry("manifest.json");
            m.setSize(json.length);
            tar.putArchiveEntry(m);
            tar.write(json);
            tar.closeArchiveEntry();
            for (String f : files) {
                Path source = layout.resolve(f);
                if (!Files.isRegularFile(source)) {
                    throw new ImageException(
                            BaseImage.ELEMENT,
                            "the OCI layout " + layout + " lacks the blob " + f + ". Export the base image again.");
                }
                TarArchiveEntry e = new TarArchiveEntry(f);
                e.setSize(Files.size(source));
                tar.putArchiveEntry(e);
                Files.copy(source, tar);
                tar.closeArchiveEntry();
            }
        }
        return new LocalBase(
                out, config.path("os").asText(), config.path("architecture").asText());
    }

    /** The image manifest for the platform, following nested indexes; a lone manifest is taken as is. */
    private static JsonNode select(Path layout, JsonNode index, String os, String architecture, String where)
            throws IOException {
        JsonNode manifests = index.path("manifests");
        List<String> seen = new ArrayList<>();
        JsonNode chosen = null;
        for (JsonNode m : manifests) {
            JsonNode p = m.path("platform");
            seen.add(
                    p.isMissingNode()
                            ? "(no platform)"
                            : p.path("os").asText() + "/"
                                    + p.path("architecture").asText());
            if (manifests.size() == 1
                    || (os.equals(p.path("os").asText())
                            && architecture.equals(p.path("architecture").asText()))) {
                chosen = m;
                break;
            }
        }
        if (chosen == null) {
            throw new ImageException(
                    BaseImage.ELEMENT,
                    where + " has no image for " + os + "/" + architecture + " (it has " + seen
                            + "). Use a base image built for the function's <architecture>.");
        }
        JsonNode blob = JSON.readTree(
                layout.resolve(blobPath(chosen.path("digest").asText())).toFile());
        return blob.has("manifests")
                ? select(layout, blob, os, architecture, chosen.path("digest").asText())
                : blob;
    }

    private static String blobPath(String digest) {
        int colon = digest.indexOf(':');
        if (colon < 1 || digest.contains("/") || digest.contains("..")) {
            throw new ImageException(BaseImage.ELEMENT, "malformed digest '" + digest + "' in the OCI layout");
        }
        return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    private static List<String> entryNames(Path tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(stripDot(e.getName()));
            }
        }
        return names;
    }

    /** Extracts the named entries (all when {@code only} is null), refusing names that escape {@code dir}. */
    private static void extract(Path tar, Path dir, List<String> only) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                String name = stripDot(e.getName());
                if (e.isDirectory() || (only != null && !only.contains(name))) {
                    continue;
                }
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root) || !e.isFile()) {
                    throw new ImageException(BaseImage.ELEMENT, tar + " holds an unsafe entry '" + e.getName() + "'");
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String stripDot(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }
}
