package dev.lambdadeploy.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POM form of one function with its own settings: {@code <functions><function><name/>...</function></functions>}.
 * Every setting left out is the plugin-level one; {@code <environment>} is merged with the plugin-level variables.
 */
public class Function {
    /** The Lambda function name (required). */
    String name;

    /** Its handler, e.g. {@code com.example.OrdersApi::handleRequest}. */
    String handler;

    /** Memory in MB. */
    Integer memorySize;

    /** Timeout in seconds. */
    Integer timeout;

    /** More environment variables (these win over the plugin-level ones). */
    Map<String, String> environment = new LinkedHashMap<>();

    /** JAVA_TOOL_OPTIONS of this function. */
    String javaToolOptions;

    /** Execution role ARN used when the function is created. */
    String role;

    /** Function description. */
    String description;

    /** Publish a version on every change. */
    Boolean publishVersion;

    /** SnapStart on published versions. */
    Boolean snapStart;
}
