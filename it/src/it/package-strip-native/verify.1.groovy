// After `clean package` with <architecture>arm64</architecture> and stripping on.
support = evaluate(new File(itSupport))

File lambda = support.lambdaDir()
Map m = support.manifest()
assert m.architecture == 'arm64'
Map layerRec = support.layer(m, 'strip-function')
File layerZip = support.checkZipRecord(layerRec, lambda)

// ---- sqlite-jdbc: natives for other OS/arch removed, everything else that matters kept
Map sq = support.jar(m, 'org.xerial', 'sqlite-jdbc')
assert sq.target == 'layer:strip-function'
assert sq.zipEntry == 'java/lib/sqlite-jdbc-3.50.3.0.jar'
assert sq.signed == false
File sqOriginal = support.repoFile('org.xerial', 'sqlite-jdbc', '3.50.3.0')
byte[] sqFinal = support.entryBytes(layerZip, sq.zipEntry)
assert sq.originalBytes == sqOriginal.length()
assert sq.finalBytes == sqFinal.length
assert sq.finalBytes < sq.originalBytes / 4: "natives of 24 other platforms make most of the jar (${sq.finalBytes} of ${sq.originalBytes})"

Map<String, byte[]> original = support.nestedEntryContents(sqOriginal.bytes)
Map<String, byte[]> stripped = support.nestedEntryContents(sqFinal)
List<String> files = stripped.keySet().findAll { !it.endsWith("/") } as List
List<String> natives = files.findAll { it.startsWith('org/sqlite/native/') }
assert natives as Set == ['org/sqlite/native/Linux/aarch64/libsqlitejdbc.so',        // the Lambda arm64 one
                          'org/sqlite/native/Linux-Musl/aarch64/libsqlitejdbc.so'    // kept by <strip><includes>
                         ] as Set
natives.each { assert Arrays.equals(stripped[it], original[it]): "${it} must be copied unchanged" }
assert files.containsAll(['META-INF/MANIFEST.MF', 'META-INF/services/java.sql.Driver',
                          'META-INF/versions/9/module-info.class', 'org/sqlite/JDBC.class'])
assert files.contains('META-INF/maven/org.xerial/sqlite-jdbc/LICENSE'): 'LICENSE files are always kept'
assert !files.contains('META-INF/maven/org.xerial/sqlite-jdbc/pom.xml')
assert !files.contains('META-INF/maven/org.xerial/sqlite-jdbc/pom.properties')
assert !files.any { it.startsWith('META-INF/native-image/') }: '<strip><excludes> removes more'
files.each { assert Arrays.equals(stripped[it], original[it]): "kept entry ${it} changed" }

assert sq.removed && sq.removed.every { it.reason instanceof String && !it.reason.isEmpty() && it.entries > 0 && it.bytes >= 0 }
// 23 natives + native-image.properties + pom.xml + pom.properties at least
assert sq.removed.sum { it.entries } >= 26
assert sq.removed.sum { it.bytes } > 0

// ---- signed jar: byte-for-byte
Map bc = support.jar(m, 'org.bouncycastle', 'bcprov-jdk18on')
assert bc.signed == true
assert bc.target == 'layer:strip-function'
File bcOriginal = support.repoFile('org.bouncycastle', 'bcprov-jdk18on', '1.78.1')
byte[] bcFinal = support.entryBytes(layerZip, bc.zipEntry)
assert support.sha256Hex(bcFinal) == support.sha256Hex(bcOriginal): 'a signed jar must be copied byte-for-byte'
assert bc.originalBytes == bcOriginal.length()
assert bc.finalBytes == bcOriginal.length()
assert !bc.removed
return true
