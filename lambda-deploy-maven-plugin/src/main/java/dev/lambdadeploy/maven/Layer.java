package dev.lambdadeploy.maven;

import java.util.ArrayList;
import java.util.List;

/** POM form of a layer: {@code <layer><name/><includes><include/></includes><excludes><exclude/></excludes></layer>}. */
public class Layer {
    /** Lambda layer name (letters, digits, '-' and '_'). */
    String name;

    /** Artifact patterns {@code groupId:artifactId[:version]} with {@code *} wildcards. */
    List<String> includes = new ArrayList<>();

    /** Artifact patterns removed from the includes. */
    List<String> excludes = new ArrayList<>();
}
