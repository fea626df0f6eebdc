package dev.lambdadeploy.manifest;

import java.util.List;

/**
 * One built zip (the function or a layer). {@code path} is relative to {@code target/lambda/}; {@code codeSha256} is
 * Lambda's form (base64 SHA-256); {@code inputsKey} identifies the inputs so an unchanged zip can be reused.
 */
public record ZipRecord(
        String name,
        String path,
        long zippedBytes,
        long unzippedBytes,
        String codeSha256,
        int entryCount,
        int storedEntries,
        int deflatedEntries,
        List<String> jars,
        boolean reused,
        String inputsKey) {

    public ZipRecord {
        jars = jars == null ? List.of() : List.copyOf(jars);
    }

    /** This zip marked reused ({@code this} when it already is). */
    public ZipRecord asReused() {
        if (reused) {
            return this;
        }
        return new ZipRecord(
                name,
                path,
                zippedBytes,
                unzippedBytes,
                codeSha256,
                entryCount,
                storedEntries,
                deflatedEntries,
                jars,
                true,
                inputsKey);
    }
}
