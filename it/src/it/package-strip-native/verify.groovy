// After `package -Dlambda.strip=false` on top of the stripped build: nothing is stripped any more.
support = evaluate(new File(itSupport))

File lambda = support.lambdaDir()
Map m = support.manifest()
assert m.architecture == 'arm64'
File layerZip = support.checkZipRecord(support.layer(m, 'strip-function'), lambda)

Map sq = support.jar(m, 'org.xerial', 'sqlite-jdbc')
File sqOriginal = support.repoFile('org.xerial', 'sqlite-jdbc', '3.50.3.0')
byte[] sqFinal = support.entryBytes(layerZip, sq.zipEntry)
def fileNames = { List<String> names -> names.findAll { !it.endsWith('/') } as Set }
assert fileNames(support.nestedEntryNames(sqFinal)) == fileNames(support.nestedEntryNames(sqOriginal.bytes)):
        '-Dlambda.strip=false keeps every entry (and must not reuse the stripped output of the previous build)'
assert !sq.removed
assert sq.finalBytes == sqFinal.length

Map bc = support.jar(m, 'org.bouncycastle', 'bcprov-jdk18on')
assert support.sha256Hex(support.entryBytes(layerZip, bc.zipEntry)) == support.sha256Hex(support.repoFile('org.bouncycastle', 'bcprov-jdk18on', '1.78.1'))
return true
