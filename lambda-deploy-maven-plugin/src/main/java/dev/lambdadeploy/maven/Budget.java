package dev.lambdadeploy.maven;

/**
 * POM form of a size budget:
 * {@code <budget><kind>layer-zipped</kind><max>40MB</max><layer>deps</layer><level>WARN</level></budget>}.
 */
public class Budget {
    /**
     * {@code function-zipped}, {@code function-unzipped}, {@code layer-zipped}, {@code layer-unzipped},
     * {@code total-unzipped}, {@code layer-count}, {@code image-size} or {@code growth}.
     */
    String kind;

    /** The limit: a size ({@code 40MB}), a layer count ({@code 3}), or for growth also a percentage ({@code 5%}). */
    String max;

    /** Narrows layer-zipped, layer-unzipped and growth to one layer ({@code function} for the function zip). */
    String layer;

    /** {@code ERROR} (default, fails the build) or {@code WARN}. */
    String level;
}
