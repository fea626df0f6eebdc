package com.example.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import org.apache.commons.text.WordUtils;

/** A plain class: handler string com.example.invoke.Functions::greet. */
public class Functions {
    public String greet(String name, Context context) {
        context.getLogger().log("greeting " + name);
        String from = WordUtils.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        return System.getenv("GREETING") + ", " + WordUtils.capitalizeFully(name)
                + System.getProperty("greeting.punctuation", "?") + " [text from " + from.substring(from.indexOf("/opt/")) + "]";
    }
}
