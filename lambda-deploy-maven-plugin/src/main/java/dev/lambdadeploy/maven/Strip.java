package dev.lambdadeploy.maven;

import java.util.ArrayList;
import java.util.List;

/** POM form of stripping: {@code <strip><enabled/><excludes/><includes/></strip>}. */
public class Strip {
    /** Strip dependency jars at all. */
    boolean enabled = true;

    /** Extra jar-entry globs to remove, e.g. {@code **}{@code /*.md}. */
    List<String> excludes = new ArrayList<>();

    /** Jar-entry globs to always keep, even when a default rule would remove them, e.g. {@code META-INF/maven/**}. */
    List<String> includes = new ArrayList<>();
}
