// Shared by the junit-consumer* tests' selector.groovy: they run only when this build installed
// graft-junit into the tests' own repository (maven-plugin/pom.xml lists it in the invoker's
// extraArtifacts). Without it the consumer would resolve an older graft-junit from ~/.m2.
def graft = new File(localRepositoryPath, 'dev/graft')
def version = new File(graft, 'graft-maven-plugin').listFiles()?.find { it.isDirectory() }?.name
def junit = version == null ? null : new File(graft, "graft-junit/${version}/graft-junit-${version}.jar")
if (junit == null || !junit.isFile()) {
    println "${basedir.name}: skipped: graft-junit ${version} is not installed in ${localRepositoryPath}; " +
            'maven-plugin/pom.xml must name dev.graft:graft-junit in the invoker\'s extraArtifacts'
    return false
}
return true
