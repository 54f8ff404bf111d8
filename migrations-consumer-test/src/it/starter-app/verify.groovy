// Runs after the consumer application was built (its own @MigrationsTest included): checks that
// its pom carries the README's dependency blocks, then runs the packaged jar as a user would.

String squeeze(String xml) { xml.replaceAll(/\s+/, '') }

// Every <dependency> block the README shows for our artifacts must be in this pom, verbatim.
String readmeText = new File(readme).text
def blocks = (readmeText =~ /(?s)```xml\s*(<dependency>.*?<\/dependency>)\s*```/).collect { it[1] }
        .findAll { it.contains('<groupId>dev.migrations</groupId>') }
assert blocks.size() >= 2 : "README.md shows ${blocks.size()} dependency block(s) for dev.migrations; expected the starter and the test support"
String pom = squeeze(new File(basedir, 'pom.xml').text)
blocks.each { block ->
    assert pom.contains(squeeze(block)) : "The README's block is not what the consumer test builds with:\n$block"
    assert block.contains("<version>$projectVersion</version>") : "The README's block names another version than $projectVersion:\n$block"
}
assert blocks.any { it.contains('<artifactId>migrations-spring-boot-starter</artifactId>') && !it.contains('<type>') }

File jar = new File(basedir, 'target/consumer-app-1.0.0.jar')
assert jar.isFile() : "no packaged jar at $jar"
File db = new File(basedir, 'target/run.db')
db.delete()

def run = { List<String> args ->
    def command = ['java', '-jar', jar.path, "--spring.datasource.url=jdbc:sqlite:${db.path}".toString()] + args
    def process = new ProcessBuilder(command).directory(basedir).start()
    def out = new StringBuilder()
    def err = new StringBuilder()
    process.consumeProcessOutput(out, err)
    assert process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) : "timed out: $command"
    println "\$ ${command.join(' ')}\n$out$err"
    [status: process.exitValue(), out: out.toString(), err: err.toString()]
}

// Boot: both revisions run before the application's own runner reads the table.
def boot = run([])
assert boot.status == 0
assert boot.out.contains('Running upgrade  -> c0ffee000001, create notes') || boot.out.contains('Running upgrade -> c0ffee000001, create notes')
assert boot.out.contains('c0ffee000001 -> c0ffee000002, seed a note')
assert boot.out.contains('consumer-app sees 1 note(s)')

// The in-app command line, from the starter alone.
def current = run(['migrations', 'current'])
assert current.status == 0 : current.err
assert current.out.readLines().contains('c0ffee000002 (head)') : current.out

def help = run(['migrations', '--help'])
assert help.status == 0
assert help.out.contains('upgrade') && help.out.contains('current')

// A second boot has nothing to do and still runs the application.
def again = run([])
assert again.status == 0
assert !again.out.contains('Running upgrade')
assert again.out.contains('consumer-app sees 1 note(s)')
true
