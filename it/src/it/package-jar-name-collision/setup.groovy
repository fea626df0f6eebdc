// Two released artifacts named util-1.0.jar in different groups, plus a classified one.
support = evaluate(new File(itSupport))
for (String g : ['alpha', 'beta']) {
    File tmp = File.createTempFile('util', '.jar')
    support.writeJar(tmp, ['META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\r\n\r\n', (g + '/util.txt'): 'from ' + g + '\n'])
    support.installFake("dev.lambdadeploy.it.fake.${g}", 'util', '1.0', tmp.bytes)
    tmp.delete()
}
File tmp = File.createTempFile('util', '.jar')
support.writeJar(tmp, ['META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\r\n\r\n', 'extras/extras.txt': 'extras\n'])
File classified = support.repoFile('dev.lambdadeploy.it.fake.alpha', 'util', '1.0', 'extras')
classified.bytes = tmp.bytes
tmp.delete()
return true
