package dev.lambdadeploy.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The measured package budgets are checked against: the function zip, built layers, external layers, every packaged
 * item, and the container image size once an image path exists ({@code imageBytes} empty for zip packages).
 */
public record PackageSizes(
        String projectArtifactId,
        ZipSize function,
        List<ZipSize> layers,
        List<ZipSize> externalLayers,
        List<JarSize> items,
        OptionalLong imageBytes) {

    public PackageSizes {
        layers = List.copyOf(layers);
        externalLayers = List.copyOf(externalLayers);
        items = List.copyOf(items);
        imageBytes = imageBytes == null ? OptionalLong.empty() : imageBytes;
    }

    /** Function, built layers, then external layers. */
    public List<ZipSize> allZips() {
        List<ZipSize> all = new ArrayList<>();
        all.add(function);
        all.addAll(layers);
        all.addAll(externalLayers);
        return all;
    }

    /** Function and every layer, unzipped: what Lambda compares with 262,144,000 bytes. */
    public long totalUnzipped() {
        return allZips().stream().mapToLong(ZipSize::unzippedBytes).sum();
    }

    public long builtZipped() {
        return function.zippedBytes()
                + layers.stream().mapToLong(ZipSize::zippedBytes).sum();
    }

    public int layerCount() {
        return layers.size() + externalLayers.size();
    }

    /** Items of the zip with this {@link ZipSize#id()}. */
    public List<JarSize> itemsIn(String zipId) {
        return items.stream().filter(j -> j.zip().equals(zipId)).collect(Collectors.toList());
    }
}
