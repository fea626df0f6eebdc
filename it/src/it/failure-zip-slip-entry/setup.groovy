// Jars whose entry names escape the extraction directory (zip slip), installed into the IT repository.
support = evaluate(new File(itSupport))
String mf = 'Manifest-Version: 1.0\r\n\r\n'
File tmp = File.createTempFile('evil', '.jar')
support.writeJar(tmp, ['META-INF/MANIFEST.MF': mf, 'ok/Fine.txt': 'fine\n', '../../zip-slip-escaped.txt': 'escaped\n'])
support.installFake('dev.lambdadeploy.it.evil', 'dotdot-lib', '1.0', tmp.bytes)
support.writeJar(tmp, ['META-INF/MANIFEST.MF': mf, 'ok/Fine.txt': 'fine\n', '/tmp/zip-slip-absolute.txt': 'escaped\n'])
support.installFake('dev.lambdadeploy.it.evil', 'absolute-lib', '1.0', tmp.bytes)
tmp.delete()
return true
