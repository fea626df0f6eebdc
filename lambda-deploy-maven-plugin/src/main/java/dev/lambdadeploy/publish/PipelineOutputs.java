package dev.lambdadeploy.publish;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the next step of a pipeline needs from a deploy, as flat name → value pairs (GitHub step outputs, the
 * {@code outputs} of deploy-result.json): per region {@code layer-<name>-arn-<region>}, {@code function-<name>-arn},
 * {@code -version}, {@code -alias} and {@code image-uri-<region>} (pinned by digest); the same names without the
 * region suffix for the first region, and {@code layer-arns} (JSON: layer name → version ARN) for it. Names use only
 * letters, digits, {@code -} and {@code _}, as GitHub Actions expressions need. Part of the deploy result (the
 * {@code outputs} of deploy-result.json), so it lives with it; {@code dev.lambdadeploy.outputs} hands them on.
 */
public final class PipelineOutputs {
    private PipelineOutputs() {}

    public static Map<String, String> of(DeployResult result) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean first = true;
        for (RegionResult r : result.regions()) {
            if (r.failed()) {
                continue;
            }
            Map<String, String> region = new LinkedHashMap<>();
            Map<String, String> layerArns = new LinkedHashMap<>();
            for (LayerResult l : r.layers()) {
                if (l.layerVersionArn() != null) {
                    region.put("layer-" + id(l.name()) + "-arn", l.layerVersionArn());
                    layerArns.put(l.name(), l.layerVersionArn());
                }
            }
            for (FunctionResult f : r.functions()) {
                String p = "function-" + id(f.name());
                put(region, p + "-arn", f.functionArn());
                put(region, p + "-version", f.publishedVersion());
                put(region, p + "-alias", f.alias());
            }
            if (r.image() != null) {
                put(region, "image-uri", r.image().imageUri());
            }
            if (first) {
                out.putAll(region);
                if (!layerArns.isEmpty()) {
                    out.put(
                            "layer-arns",
                            layerArns.entrySet().stream()
                                    .map(e -> "\"" + e.getKey().replace("\"", "") + "\":\"" + e.getValue() + "\"")
                                    .collect(Collectors.joining(",", "{", "}")));
                }
                first = false;
            }
            region.forEach((k, v) -> out.put(k + "-" + id(r.region()), v));
        }
        return out;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    /** A name GitHub accepts as output id: letters, digits, - and _. */
    public static String id(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }
}
