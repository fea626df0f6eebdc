// Run only where /usr/bin/mvn is a Maven 3.8.x (the oldest line the plugin supports).
File mvn = new File('/usr/bin/mvn')
if (!mvn.canExecute()) {
    println 'maven-3.8-compat: /usr/bin/mvn not found, skipping'
    return false
}
Process p = new ProcessBuilder(mvn.path, '-v').redirectErrorStream(true).start()
p.outputStream.close()
String out = p.inputStream.getText('UTF-8')
p.waitFor()
boolean is38 = out =~ /Apache Maven 3\.8\.\d/
if (!is38) {
    println "maven-3.8-compat: /usr/bin/mvn is not Maven 3.8.x, skipping:\n${out}"
}
return is38
